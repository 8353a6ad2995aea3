//! The saved state of a large workspace: 10,000 annotations with links and registry references on a
//! 1 MB own article. Checks the round trip and prints the time of `encode` and `decode` (measure with
//! `cargo test --release --lib stored::speed -- --nocapture`; nothing asserts on time).

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::snapshot;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;
use std::time::Instant;

/// One line of the article; its spans are found by their text.
const LINE: &str =
    "Scott Bessent sagte am Montag: „Wir halten durch, was auch immer kommt.“ Beamte \
sagen, der Vertrag über seltene Erden sei einseitig und schade der Ukraine 🇺🇦 auf Jahre hinaus. \
Олена Зеленська widersprach entschieden.\r\n";

fn chars_to(haystack: &str, needle: &str) -> (usize, usize) {
    let byte = haystack.find(needle).unwrap();
    let start = haystack[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The bundled articles, a 1 MB own article with `n` annotations (a person linked to a registry
/// entry, a quote said by the person, a claim from the quote with attributes, in turn), and the entry.
fn large(n: usize) -> Workspace {
    let lines = (1 << 20) / LINE.len() + 1;
    let text = LINE.repeat(lines);
    assert!(text.len() >= 1 << 20);
    let per_line = LINE.chars().count();
    let at = Timestamp(1_739_606_400_000);
    let mut ws = Workspace::new(bundled_articles().unwrap());
    let own = crate::domain::model::article::Article::own("big", "Groß", text, at);
    ws.apply(Action::AddArticle(own)).unwrap();
    let entity = Entity::new(
        EntityId::from("bessent"),
        "Scott Bessent",
        EntityKind::Person,
        at,
    );
    ws.apply(Action::AddEntity {
        entity,
        mentions: Vec::new(),
    })
    .unwrap();
    let spans = [
        chars_to(LINE, "Scott Bessent"),
        chars_to(LINE, "„Wir halten durch, was auch immer kommt.“"),
        chars_to(LINE, "der Vertrag über seltene Erden sei einseitig"),
    ];
    let annotations: Vec<Annotation> = (0..n)
        .map(|i| {
            let (line, which) = (i / 3, i % 3);
            let (start, end) = spans[which];
            let base = line * per_line;
            let mut a = Annotation {
                id: AnnotationId::from(format!("a{i}").as_str()),
                article: ArticleId::from("big"),
                span: Span::new(base + start, base + end).unwrap(),
                label: [
                    Label::Entity(EntityKind::Person),
                    Label::Quote,
                    Label::Claim,
                ][which],
                note: if i % 10 == 0 {
                    "checked".into()
                } else {
                    String::new()
                },
                attrs: Default::default(),
                created: Timestamp(at.0 + i as i64),
                updated: Timestamp(at.0 + i as i64),
            };
            match which {
                0 => a.attrs.entity = Some(EntityId::from("bessent")),
                _ => a.attrs.source = Some(AnnotationId::from(format!("a{}", i - 1).as_str())),
            }
            if which == 2 {
                a.attrs.attribution = Some(Attribution::Attributed);
                a.attrs.check = CheckStatus::Disputed;
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

/// The best of `runs` timings of `f`, in milliseconds.
fn best_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        out = Some(value);
    }
    (best, out.unwrap())
}

#[test]
fn ten_thousand_annotations_and_a_1_mb_article_round_trip() {
    let ws = large(10_000);
    assert_eq!(ws.len(), 10_000);
    let (encode_ms, text) = best_ms(5, || encode(&ws));
    let (decode_ms, restored) = best_ms(3, || decode(&text, bundled_articles().unwrap()).unwrap());
    eprintln!(
        "stored schema 3: 10,000 annotations + 1 MB own article: {} bytes; encode {encode_ms:.1} ms, \
         decode {decode_ms:.1} ms (best of 5 and 3)",
        text.len()
    );
    assert_eq!(restored.warnings, Vec::<String>::new());
    assert_eq!(snapshot(&restored.workspace), snapshot(&ws));
    let mut with_article = ws.clone();
    let (adding_ms, trial) = best_ms(3, || {
        let extra = crate::domain::model::article::Article::own("x", "X", "x".into(), Timestamp(1));
        encode_adding(&ws, &extra)
    });
    with_article
        .apply(Action::AddArticle(
            crate::domain::model::article::Article::own("x", "X", "x".into(), Timestamp(1)),
        ))
        .unwrap();
    assert!(
        trial == encode(&with_article),
        "encode_adding differs from encode after adding"
    );
    eprintln!("encode_adding: {adding_ms:.1} ms");
}
