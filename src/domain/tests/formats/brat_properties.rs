//! Property tests of brat: random texts and spans survive the round trip, and no input makes
//! the reader panic.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use proptest::prelude::*;

fn label(n: u8) -> Label {
    match n % 6 {
        0 => Label::Claim,
        1 => Label::Quote,
        2 => Label::Entity(EntityKind::Person),
        3 => Label::Entity(EntityKind::Organization),
        4 => Label::Entity(EntityKind::Place),
        _ => Label::Entity(EntityKind::Other),
    }
}

/// `start..end` of `text` without line breaks at either end; `None` if nothing else is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut s, mut e) = (start, end);
    while s < e && matches!(chars[s], '\n' | '\r') {
        s += 1;
    }
    while e > s && matches!(chars[e - 1], '\n' | '\r') {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random texts with emoji, combining marks, CJK, curly quotes, tabs, \n and \r\n, random
    /// spans and notes: export, read back, place; the same article, span (without line breaks
    /// at its ends), label, id and note (on one line) come back, and nothing is moved.
    #[test]
    fn random_annotations_survive_the_round_trip(
        text in "([a-z ]|🇺🇦|🙂|e\u{301}|中文|“|”|\t|\n|\r\n){1,40}",
        spans in proptest::collection::vec(
            (any::<u16>(), any::<u16>(), any::<u8>(), "([a-z ,\"]|\t|\n|\r\n|”){0,8}"),
            0..8,
        ),
    ) {
        let len = text.chars().count();
        let mut list = Vec::new();
        for (i, (a, b, l, note)) in spans.iter().enumerate() {
            let start = usize::from(*a) % len;
            let end = start + 1 + usize::from(*b) % (len - start);
            list.push((format!("a{i}"), start, end, label(*l), note.clone()));
        }
        let mut ws = one_article(&text);
        let borrowed: Vec<(&str, usize, usize, Label, &str)> = list
            .iter()
            .map(|(id, s, e, l, n)| (id.as_str(), *s, *e, *l, n.as_str()))
            .collect();
        annotate(&mut ws, &borrowed);
        let body = export(&docs(&ws, &Scope::everything()));
        let incoming = read_zip(&body.bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
        let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
        let mut expected = Vec::new();
        let mut dropped = 0;
        for a in ws.in_article(&ArticleId::from("doc")).iter() {
            match trimmed(&text, a.span.start(), a.span.end()) {
                Some((s, e)) => expected.push((
                    a.id.as_str().to_owned(),
                    "doc".to_owned(),
                    s,
                    e,
                    a.label,
                    one_line(&a.note),
                )),
                None => dropped += 1,
            }
        }
        prop_assert_eq!(back, expected);
        prop_assert_eq!(body.dropped.len(), dropped);
        // Every T line's text is its fragments joined by a space, as brat checks.
        let chars: Vec<char> = text.chars().collect();
        for line in ann_of(&body, "doc.ann").lines().filter(|l| l.starts_with('T')) {
            let fields: Vec<&str> = line.splitn(3, '\t').collect();
            let (_, offsets) = fields[1].split_once(' ').unwrap();
            let words: Vec<String> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    chars[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()].iter().collect()
                })
                .collect();
            prop_assert_eq!(fields[2], words.join(" "));
        }
    }

    #[test]
    fn read_zip_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let ws = formats_workspace();
        let _ = read_zip(&bytes, ws.articles(), &LabelMap::default(), NOW);
    }

    #[test]
    fn read_zip_never_panics_on_any_zipped_ann(ann in "([T#RA*N]?[0-9]{0,2}|\t| |;|[0-9]{1,25}|Place|AnnotatorNotes|AnnotationId|T1|\n|\r|🙂|-){0,30}") {
        let ws = formats_workspace();
        let bytes = zipped(&[("fixture.txt", FORMATS_TEXT), ("fixture.ann", &ann), ("second.ann", &ann)]);
        let _ = read_zip(&bytes, ws.articles(), &LabelMap::default(), NOW);
    }

    #[test]
    fn read_ann_never_panics_on_any_text(
        ann in "([T#RA*NX]?[0-9]{0,2}|\t| |;|[0-9]{1,25}|Place|Claim|AnnotatorNotes|AnnotationId|T1|\n|\r|🙂|-){0,40}",
        any_text in "\\PC{0,60}",
    ) {
        let ws = formats_workspace();
        let _ = read_ann("fixture.ann", &ann, ws.articles(), &LabelMap::default(), NOW);
        let _ = read_ann("fixture.ann", &any_text, ws.articles(), &LabelMap::default(), NOW);
        let _ = read_ann(&any_text, &ann, ws.articles(), &LabelMap::default(), NOW);
    }
}
