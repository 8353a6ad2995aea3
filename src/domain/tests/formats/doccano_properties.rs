//! Property tests of doccano: random texts and spans survive the round trip, and no input makes
//! the reader panic.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, EntityKind};
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Action;
use proptest::prelude::*;

/// Pieces of text: ASCII, a flag, emoji, a combining accent, CJK, curly quotes, both line ends.
const PIECES: [&str; 14] = [
    "a", "Kyiv", " ", ", ", "🙂", "🇺🇦", "e\u{301}", "中文", "“", "”", "’", "\n", "\r\n", "—",
];

const LABELS: [Label; 6] = [
    Label::Claim,
    Label::Quote,
    Label::Entity(EntityKind::Person),
    Label::Entity(EntityKind::Organization),
    Label::Entity(EntityKind::Place),
    Label::Entity(EntityKind::Other),
];

/// A random text and spans in it: (start, end, label index).
fn text_and_spans() -> impl Strategy<Value = (String, Vec<(usize, usize, usize)>)> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1..40)
        .prop_map(|pieces| pieces.concat())
        .prop_flat_map(|text| {
            let len = text.chars().count();
            let span = (0..len, 1..=len, 0..LABELS.len())
                .prop_map(|(a, b, l)| (a.min(b - 1), a.max(b - 1) + 1, l));
            (Just(text), prop::collection::vec(span, 0..8))
        })
}

/// A workspace of one article `a` with these spans (each span and label once).
fn workspace(text: &str, spans: &[(usize, usize, usize)]) -> Workspace {
    let mut ws = Workspace::new(vec![Article::new("a", "T", text.to_owned())]);
    let mut annotations: Vec<Annotation> = Vec::new();
    for (i, &(start, end, l)) in spans.iter().enumerate() {
        let label = LABELS[l];
        let span = Span::new(start, end).unwrap();
        if annotations
            .iter()
            .any(|a| a.span == span && a.label == label)
        {
            continue;
        }
        annotations.push(Annotation {
            id: AnnotationId::from(format!("x{i}").as_str()),
            article: ArticleId::from("a"),
            span,
            label,
            note: String::new(),
            attrs: Default::default(),
            created: Timestamp(0),
            updated: Timestamp(0),
        });
    }
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations,
        replace: false,
    })
    .unwrap();
    ws
}

/// Fragments that break JSON or its numbers when put anywhere in a file.
const BREAKERS: [&str; 12] = [
    "{",
    "[",
    "]",
    "\"",
    ",",
    "-1",
    "1e400",
    "18446744073709551616",
    "null",
    "\n",
    "0.5",
    "\"label\": [[0, 99999999999999999999999, \"X\"]], ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_spans_survive_export_and_import((text, spans) in text_and_spans()) {
        let ws = workspace(&text, &spans);
        let body = export(&docs(&ws, &Scope::everything()));
        let file = String::from_utf8(body.bytes).unwrap();
        let incoming = read(&file, ws.articles(), &LabelMap::default(), NOW).unwrap();
        let mut expected = spans_of(&ws);
        expected.sort();
        prop_assert_eq!(spans_read(&incoming), expected);
        for (_, r) in &incoming.records {
            // The file's offsets select the span's text in the file's copy of the text.
            prop_assert_eq!(&r.exact, crate::domain::model::text::slice_chars(&text, r.start, r.end));
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in any::<String>()) {
        let ws = formats_workspace();
        let _ = read(&text, ws.articles(), &LabelMap::default(), NOW);
    }

    #[test]
    fn a_broken_export_is_read_or_refused_without_panicking(
        at in any::<prop::sample::Index>(),
        breaker in prop::sample::select(BREAKERS.to_vec()),
        depth in 0..200_usize,
    ) {
        let ws = formats_workspace();
        let file = exported();
        let cut = at.index(file.len() + 1);
        let cut = (0..=cut).rev().find(|&c| file.is_char_boundary(c)).unwrap();
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let broken = format!("{}{breaker}{nested}{}", &file[..cut], &file[cut..]);
        let _ = read(&broken, ws.articles(), &LabelMap::default(), NOW);
    }
}
