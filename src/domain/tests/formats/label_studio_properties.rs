//! Property tests of Label Studio: random texts and spans survive the round trip, and no input makes
//! the reader panic.

use super::*;
use crate::domain::files::formats::ImportOptions;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, EntityKind};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;
use proptest::prelude::*;
use serde_json::Value;

/// Pieces of text: ASCII, a flag, emoji, a combining accent, CJK, curly quotes, both line ends.
const PIECES: [&str; 15] = [
    "a", "Kyiv", " ", ", ", "🙂", "🇺🇦", "e\u{301}", "中文", "“", "”", "’", "\n", "\r\n", "—", "\"",
];

const LABELS: [Label; 6] = [
    Label::Claim,
    Label::Quote,
    Label::Entity(EntityKind::Person),
    Label::Entity(EntityKind::Organization),
    Label::Entity(EntityKind::Place),
    Label::Entity(EntityKind::Other),
];

fn piece_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..max)
        .prop_map(|pieces| pieces.concat())
}

/// A random text and spans in it: (start, end, label index, note).
#[allow(clippy::type_complexity)]
fn text_and_spans() -> impl Strategy<Value = (String, Vec<(usize, usize, usize, String)>)> {
    piece_text(40)
        .prop_filter("not empty", |t| !t.is_empty())
        .prop_flat_map(|text| {
            let len = text.chars().count();
            let span = (0..len, 1..=len, 0..LABELS.len(), piece_text(4))
                .prop_map(|(a, b, l, note)| (a.min(b - 1), a.max(b - 1) + 1, l, note));
            (Just(text), prop::collection::vec(span, 0..8))
        })
}

/// A workspace of one article `a` with these spans and notes.
fn workspace(text: &str, spans: &[(usize, usize, usize, String)]) -> Workspace {
    let mut ws = Workspace::new(vec![Article::new("a", "T", text.to_owned())]);
    let annotations = spans
        .iter()
        .enumerate()
        .map(|(i, (start, end, l, note))| Annotation {
            attrs: Default::default(),
            id: AnnotationId::from(format!("x{i}").as_str()),
            article: ArticleId::from("a"),
            span: Span::new(*start, *end).unwrap(),
            label: LABELS[*l],
            note: note.clone(),
            created: Timestamp(0),
            updated: Timestamp(0),
        })
        .collect();
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations,
        replace: false,
    })
    .unwrap();
    ws
}

/// Random JSON with the keys Label Studio files use, numbers of any size, and nesting.
fn value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0..40_u64).prop_map(Value::from),
        Just(crate::domain::fixtures::json("1e308")),
        Just(crate::domain::fixtures::json(
            "123456789012345678901234567890"
        )),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number,
        prop::sample::select(vec!["labels", "textarea", "relation", "LOC", "Kyiv", ""])
            .prop_map(Value::from),
        Just(Value::from(FORMATS_SECOND)),
    ];
    let keys = prop::sample::select(vec![
        "data",
        "text",
        "article",
        "annotations",
        "predictions",
        "result",
        "id",
        "type",
        "value",
        "start",
        "end",
        "labels",
    ]);
    leaf.prop_recursive(8, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone().prop_map(str::to_owned), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_spans_and_notes_survive_export_and_import((text, spans) in text_and_spans()) {
        let ws = workspace(&text, &spans);
        let body = export(&docs(&ws, &Scope::everything()));
        let file = String::from_utf8(body.bytes).unwrap();
        // Each span's text is what its offsets select.
        let value = json(&file);
        if let Some(group) = value[0]["annotations"].as_array().and_then(|g| g.first()) {
            for r in group["result"].as_array().unwrap() {
                if r["type"] == "labels" {
                    let v = &r["value"];
                    let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
                    let cut = crate::domain::model::text::slice_chars(&text, s as usize, e as usize);
                    prop_assert_eq!(&v["text"], &serde_json::Value::from(cut));
                }
            }
        }
        let incoming = read(&file, ws.articles(), &ImportOptions::default(), NOW).unwrap();
        prop_assert_eq!(records_of(&incoming), annotations_of(&ws));
        prop_assert!(incoming.warnings.is_empty());
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in any::<String>()) {
        let ws = formats_workspace();
        let _ = read(&text, ws.articles(), &ImportOptions::default(), NOW);
    }

    #[test]
    fn any_json_is_read_or_refused_without_panicking(v in value(), depth in 0..200_usize) {
        let ws = formats_workspace();
        let _ = read(&v.to_string(), ws.articles(), &ImportOptions::default(), NOW);
        let tasks = format!(
            "[{{\"data\": {{\"text\": \"{FORMATS_SECOND}\"}}, \"annotations\": [{{\"result\": \
             [{{\"type\": \"labels\", \"value\": {v}}}, {v}]}}, {v}]}}, {v}]"
        );
        let _ = read(&tasks, ws.articles(), &ImportOptions::default(), NOW);
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let _ = read(&nested, ws.articles(), &ImportOptions::default(), NOW);
    }
}
