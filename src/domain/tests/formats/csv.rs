//! Tests of the CSV export: the golden file, the rows read back by a small RFC 4180 reader, quoting,
//! the byte order mark, formula-like cells, and random texts.

use super::*;
use crate::domain::files::formats::{docs, export as export_as, Format, Scope};
use crate::domain::fixtures::formats_workspace;
use crate::domain::fixtures::golden;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

/// 2026-11-24T10:00:00.000Z, the time every golden file is exported at.
const EXPORTED: Timestamp = Timestamp(1_795_514_400_000);

/// Reads RFC 4180 text into rows of fields: quoted fields may hold commas, doubled quotes and line
/// breaks; rows end with CR LF. Panics on anything else, so a malformed export fails the test.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next().expect("a closing quote") {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if matches!(c, ',' | '\r' | '\n') {
                    break;
                }
                assert_ne!(c, '"', "a quote inside an unquoted field");
                field.push(c);
                chars.next();
            }
        }
        row.push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return rows;
                }
            }
            other => panic!("a row must end with CR LF, found {other:?}"),
        }
    }
}

/// The expected rows of `ws`, built from the annotations themselves.
fn expected_rows(ws: &Workspace) -> Vec<Vec<String>> {
    let mut rows = vec![HEADER.split(',').map(str::to_owned).collect::<Vec<_>>()];
    for article in ws.articles() {
        for a in ws.in_article(&article.id).iter() {
            rows.push(vec![
                article.id.as_str().to_owned(),
                a.label.name().name().to_owned(),
                a.label.kind().map_or("", |k| k.name()).to_owned(),
                article.slice(a.span.start(), a.span.end()).to_owned(),
                a.span.start().to_string(),
                a.span.end().to_string(),
                a.note.clone(),
            ]);
        }
    }
    rows
}

fn text_of(body: &Body) -> &str {
    let text = std::str::from_utf8(&body.bytes).unwrap();
    text.strip_prefix(BOM).expect("a byte order mark first")
}

#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    let ws = formats_workspace();
    golden(
        "fixture.csv",
        &export_as(Format::Csv, &docs(&ws, &Scope::everything()), EXPORTED).bytes,
    );
}

#[test]
fn rows_read_back_as_the_annotations_in_order() {
    let ws = formats_workspace();
    let body = export(&docs(&ws, &Scope::everything()));
    let rows = parse(text_of(&body));
    assert_eq!(rows, expected_rows(&ws));
    assert_eq!(rows.len(), 11);
    // Spot checks by hand: the nested entity after its claim, the quoted note, the second article.
    assert_eq!(
        rows[4][..6],
        [
            "fixture",
            "claim",
            "",
            "Scott Bessent, the US Treasury Secretary, called the deal “historic”",
            "121",
            "189"
        ]
    );
    assert_eq!(
        rows[5][..6],
        ["fixture", "entity", "person", "Scott Bessent", "121", "134"]
    );
    assert_eq!(
        rows[8][6],
        "Held every February, in Munich; see \"MSC\"\nand its report."
    );
    assert_eq!(
        rows[10][..6],
        ["second", "entity", "place", "Kyiv", "28", "32"]
    );
}

#[test]
fn fields_are_quoted_only_when_they_must_be() {
    assert_eq!(field("Kyiv"), "Kyiv");
    assert_eq!(field("“historic”"), "“historic”");
    assert_eq!(field("a, b"), "\"a, b\"");
    assert_eq!(field("see \"MSC\""), "\"see \"\"MSC\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("cr\ronly"), "\"cr\ronly\"");
    assert_eq!(field(""), "");
}

#[test]
fn the_file_starts_with_a_bom_and_ends_rows_with_crlf_but_the_preview_has_no_bom() {
    let ws = formats_workspace();
    let body = export(&docs(&ws, &Scope::everything()));
    assert!(body
        .bytes
        .starts_with(b"\xEF\xBB\xBFarticle,label,kind,text,start,end,note\r\n"));
    assert!(body.bytes.ends_with(b",28,32,\r\n"));
    assert!(body
        .preview
        .starts_with("article,label,kind,text,start,end,note\n"));
    assert!(body.dropped.is_empty());
}

#[test]
fn an_empty_scope_gives_the_header_alone() {
    let body = export(&[]);
    assert_eq!(
        body.bytes,
        b"\xEF\xBB\xBFarticle,label,kind,text,start,end,note\r\n"
    );
}

#[test]
fn formula_like_cells_are_written_as_they_are() {
    let text = "=SUM(A1:A2) +1 -2 @cmd";
    let mut ws = Workspace::new(vec![Article::new("f", "F", text.to_owned())]);
    let mut note = ann("n", "f", 0, 11, Label::Claim);
    note.note = "+danger".into();
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: vec![
            note,
            ann("p", "f", 12, 14, Label::Quote),
            ann("m", "f", 15, 17, Label::Quote),
            ann("a", "f", 18, 22, Label::Quote),
        ],
        replace: false,
    })
    .unwrap();
    let body = export(&docs(&ws, &Scope::everything()));
    let text = text_of(&body);
    assert!(
        text.contains("\r\nf,claim,,=SUM(A1:A2),0,11,+danger\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\nf,quote,,-2,15,17,\r\n"), "{text}");
    assert!(text.contains("\r\nf,quote,,@cmd,18,22,\r\n"), "{text}");
}

fn ann(id: &str, article: &str, start: usize, end: usize, label: Label) -> Annotation {
    Annotation {
        id: AnnotationId::from(id),
        article: ArticleId::from(article),
        span: Span::new(start, end).unwrap(),
        label,
        note: String::new(),
        attrs: Default::default(),
        created: EXPORTED,
        updated: EXPORTED,
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::model::names::EntityKind;
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Random texts (emoji, combining marks, CJK, curly quotes, commas, quotes, CR LF) and notes:
        /// every row reads back, and its offsets select its text in the article.
        #[test]
        fn random_texts_read_back_with_offsets_that_select_the_text(
            text in "([a-z ,\"]|🇺🇦|🙂|e\u{301}|中文|“|”|\n|\r\n){1,40}",
            spans in proptest::collection::vec((any::<u16>(), any::<u16>(), any::<u8>(), "([a-z ,\"=+]|\n|\r\n|”){0,8}"), 0..8),
        ) {
            let len = text.chars().count();
            let annotations: Vec<Annotation> = spans
                .iter()
                .enumerate()
                .map(|(i, (a, b, l, note))| {
                    let start = usize::from(*a) % len;
                    let end = start + 1 + usize::from(*b) % (len - start);
                    let mut x = ann(&format!("a{i}"), "r", start, end, label(*l));
                    x.note = note.clone();
                    x
                })
                .collect();
            let mut ws = Workspace::new(vec![Article::new("r", "R", text.clone())]);
            ws.apply(Action::Import { articles: Vec::new(), entities: Vec::new(), annotations, replace: false }).unwrap();
            let body = export(&docs(&ws, &Scope::everything()));
            let rows = parse(text_of(&body));
            prop_assert_eq!(&rows, &expected_rows(&ws));
            for row in &rows[1..] {
                let (start, end): (usize, usize) = (row[4].parse().unwrap(), row[5].parse().unwrap());
                let slice: String = text.chars().skip(start).take(end - start).collect();
                prop_assert_eq!(&row[3], &slice);
            }
        }
    }
}
