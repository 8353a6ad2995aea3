//! Property tests of W3C: random texts and spans survive the round trip, and no input makes
//! the reader panic.

use super::*;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::{Attribution, CheckStatus, LinkKind};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityKind, Label};
use crate::domain::model::span::Span;
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

/// One span: start, end, label index, note, created, a later updated.
type Spec = (usize, usize, usize, String, i64, i64);

/// A random text and spans in it.
fn text_and_spans() -> impl Strategy<Value = (String, Vec<Spec>)> {
    piece_text(60)
        .prop_filter("not empty", |t| !t.is_empty())
        .prop_flat_map(|text| {
            let len = text.chars().count();
            let span = (
                0..len,
                1..=len,
                0..LABELS.len(),
                piece_text(4),
                0..4_102_444_800_000_i64,
                0..1_000_000_i64,
            )
                .prop_map(|(a, b, l, note, t, later)| {
                    (a.min(b - 1), a.max(b - 1) + 1, l, note, t, t + later)
                });
            (Just(text), prop::collection::vec(span, 0..8))
        })
}

/// A workspace of one article `a` with these spans. Their times also choose links and claim
/// attributes: an annotation made at an even time cites the first annotation after it that its
/// label may cite; a claim's attribution and check follow its two times.
fn workspace(text: &str, spans: &[Spec]) -> Workspace {
    let mut ws = Workspace::new(vec![Article::new("a", "T", text.to_owned())]);
    let annotations = spans
        .iter()
        .enumerate()
        .map(|(i, (start, end, l, note, created, updated))| Annotation {
            attrs: Default::default(),
            id: AnnotationId::from(format!("x:{i}/y").as_str()),
            article: ArticleId::from("a"),
            span: Span::new(*start, *end).unwrap(),
            label: LABELS[*l],
            note: note.clone(),
            created: Timestamp(*created),
            updated: Timestamp(*updated),
        })
        .collect::<Vec<Annotation>>();
    let annotations: Vec<Annotation> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut a = a.clone();
            if a.created.0 % 2 == 0 {
                a.attrs.source = annotations
                    .iter()
                    .skip(i + 1)
                    .find(|to| LinkKind::between(a.label, to.label).is_some())
                    .map(|to| to.id.clone());
            }
            if a.label == Label::Claim {
                let pick = |n: i64, len: usize| usize::try_from(n).unwrap() % len;
                a.attrs.attribution = Attribution::ALL.get(pick(a.created.0, 4)).copied();
                a.attrs.check = CheckStatus::ALL[pick(a.updated.0, 4)];
            }
            a
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

/// Random JSON with the keys W3C files use, numbers of any size, and nesting.
fn value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0..40_u64).prop_map(Value::from),
        Just(json("1e308")),
        Just(json("-0")),
        Just(json("123456789012345678901234567890")),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number,
        prop::sample::select(vec![
            "Annotation",
            "AnnotationPage",
            "AnnotationCollection",
            "TextPositionSelector",
            "TextQuoteSelector",
            "urn:news-annotator:article:second",
            "tagging",
            "commenting",
            "classifying",
            "identifying",
            "linking",
            "said_by",
            "check:false",
            "attribution:outlet",
            "urn:news-annotator:annotation:x",
            "SpecificResource",
            "claim",
            "entity",
            "person",
            "Kyiv",
            "2025-02-14T09:30:00Z",
            "",
        ])
        .prop_map(Value::from),
    ];
    let keys = prop::sample::select(vec![
        "type",
        "first",
        "next",
        "items",
        "id",
        "body",
        "bodyValue",
        "target",
        "source",
        "selector",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "purpose",
        "value",
        "created",
        "modified",
        "motivation",
        "label",
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
    fn random_annotations_survive_export_and_import_whole((text, spans) in text_and_spans()) {
        let ws = workspace(&text, &spans);
        let body = export(&docs(&ws, &Scope::everything()), NOW);
        let incoming = read(std::str::from_utf8(&body.bytes).unwrap(), ws.articles(), LATER)
            .unwrap();
        let got: Vec<_> = incoming.records.iter().map(|(_, r)| r.clone()).collect();
        prop_assert_eq!(&got, &records(&ws));
        for r in &got {
            // The quote the file carries is what its positions select.
            prop_assert_eq!(&r.exact, crate::domain::model::text::slice_chars(&text, r.start, r.end));
        }
    }

    #[test]
    fn any_json_is_read_or_refused_without_panicking(v in value(), depth in 0..130_usize) {
        let articles = articles();
        let _ = read(&v.to_string(), &articles, LATER);
        let page = format!(
            "{{\"type\": \"AnnotationCollection\", \"first\": {{\"items\": [{v}, \
             {{\"body\": {v}, \"target\": {{\"source\": \"urn:news-annotator:article:second\", \
             \"selector\": [{v}, {{\"type\": \"TextPositionSelector\", \"start\": {v}, \
             \"end\": 3}}]}}}}], \"next\": {v}}}}}"
        );
        let _ = read(&page, &articles, LATER);
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let _ = read(&nested, &articles, LATER);
    }
}
