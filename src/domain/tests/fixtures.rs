//! Test data shared by the format tests: a workspace on the bundled articles with hand-checked offsets,
//! and ways to build and edit JSON documents (`json(…)`, `value["key"]`, `value[i]`).

use crate::domain::files::bundled::bundled_articles;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use serde_json::Value;

/// 2025-02-15T08:00:00.000Z.
pub const CREATED: Timestamp = Timestamp(1_739_606_400_000);

/// An annotation made at [`CREATED`].
pub fn ann(id: &str, article: &str, start: usize, end: usize, label: Label) -> Annotation {
    Annotation {
        id: AnnotationId::from(id),
        article: ArticleId::from(article),
        span: Span::new(start, end).unwrap(),
        label,
        note: String::new(),
        attrs: Default::default(),
        created: CREATED,
        updated: CREATED,
    }
}

/// The sample annotations: `(annotation, the text its offsets must select)`.
///
/// Offsets were found with Python's `str.index` on the seed files (Python counts code points, as we do)
/// and the tests assert each `exact` against the article again.
pub fn sample() -> Vec<(Annotation, &'static str)> {
    let person = Label::Entity(EntityKind::Person);
    let place = Label::Entity(EntityKind::Place);
    let other = Label::Entity(EntityKind::Other);
    let mut noted = ann("q-ministers", "munich-dispatch", 668, 786, Label::Quote);
    noted.note = "Sourced to “insiders”; check the Ukrainian original.".into();
    noted.updated = Timestamp(CREATED.0 + 90_500);
    vec![
        (
            ann("e-zelensky", "kyiv-post", 20, 38, person),
            "Volodymyr Zelensky",
        ),
        (
            ann("e-msc", "kyiv-post", 257, 283, other),
            "Munich Security Conference",
        ),
        (
            ann("q-short", "munich-dispatch", 629, 645, Label::Quote),
            "“short-sighted.”",
        ),
        (
            noted,
            "“I didn’t let the ministers sign a relevant agreement because in my view it is not \
             ready to protect us, our interest.”",
        ),
        (
            ann("c-reserves", "munich-dispatch", 936, 1068, Label::Claim),
            "Ukraine possesses substantial reserves of critical minerals essential for industries \
             such as aerospace, defense, and nuclear energy.",
        ),
        (
            ann("e-ukraine", "munich-dispatch", 936, 943, place),
            "Ukraine",
        ),
    ]
}

/// The bundled articles with the [`sample`] annotations.
pub fn sample_workspace() -> Workspace {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    for (a, exact) in sample() {
        let article = ws.article(&a.article).unwrap();
        assert_eq!(
            article.slice(a.span.start(), a.span.end()),
            exact,
            "{}",
            a.id.as_str()
        );
        ws.apply(Action::Annotate(a)).unwrap();
    }
    ws
}

/// Every annotation's state keyed by id.
pub fn snapshot(ws: &Workspace) -> std::collections::BTreeMap<AnnotationId, Annotation> {
    ws.all()
        .iter()
        .map(|a| (a.id.clone(), Annotation::clone(a)))
        .collect()
}

/// `snapshot`'s annotations with `updated` set to `created`: for comparing states across an undo or redo
/// that brings deleted annotations back, which come back changed after their graves.
pub fn untimed(
    snapshot: std::collections::BTreeMap<AnnotationId, Annotation>,
) -> std::collections::BTreeMap<AnnotationId, Annotation> {
    snapshot
        .into_iter()
        .map(|(id, a)| {
            let created = a.created;
            (
                id,
                Annotation {
                    updated: created,
                    ..a
                },
            )
        })
        .collect()
}

/// The value of JSON text, for tests to build and edit documents (keys stay in document order).
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("test JSON: {e}"))
}

/// The text of the formats fixture: a flag and an emoji before the spans, curly quotes, a blank line.
pub const FORMATS_TEXT: &str = "🇺🇦 Kyiv — “For me, it is crucial to connect security guarantees \
with investment,” said Volodymyr Zelensky 🙂 on Saturday.\nScott Bessent, the US Treasury Secretary, \
called the deal “historic”. Zelensky’s office disagreed.\n\nThe Munich Security Conference ended on \
Sunday.";

/// The second article of the formats fixture.
pub const FORMATS_SECOND: &str = "Ukraine’s parliament met in Kyiv.";

/// The registry entries of the formats fixture: Volodymyr Zelensky (a person), and Kyiv (a place,
/// with the alias "Kiev"), which is mentioned in both articles.
pub fn formats_entities() -> Vec<crate::domain::model::registry::Entity> {
    use crate::domain::model::names::EntityId;
    use crate::domain::model::registry::Entity;
    let zelensky = Entity::new(
        EntityId::from("ent-zelensky"),
        "Volodymyr Zelensky",
        EntityKind::Person,
        CREATED,
    );
    let mut kyiv = Entity::new(
        EntityId::from("ent-kyiv"),
        "Kyiv",
        EntityKind::Place,
        CREATED,
    );
    kyiv.aliases.push("Kiev".into());
    vec![zelensky, kyiv]
}

/// The workspace every exporter's golden file is made from: two articles; nested spans (a person and
/// an organisation inside a claim), crossing spans (two claims), a quote in curly quotes after an
/// emoji, and a note with a comma, a double quote and a line break. Offsets found with Python.
///
/// Links: the quote is said by Zelensky, the first claim's source is Bessent, the second claim comes
/// from the quote. The first claim is attributed and disputed, the second the outlet's own and
/// supported. [`registry_workspace`] adds the registry.
pub fn formats_workspace() -> Workspace {
    formats_fixture(false)
}

/// The [`formats_workspace`] with its registry: the [`formats_entities`], Zelensky's mention and both
/// mentions of Kyiv referring to them. The golden files of the formats that carry registry
/// references (W3C, brat, doccano, Label Studio) are made from it.
pub fn registry_workspace() -> Workspace {
    formats_fixture(true)
}

/// The formats fixture, with the registry when `registry`.
fn formats_fixture(registry: bool) -> Workspace {
    use crate::domain::model::article::Article;
    use crate::domain::model::attributes::{Attribution, CheckStatus};
    use crate::domain::model::names::EntityId;
    let person = Label::Entity(EntityKind::Person);
    let org = Label::Entity(EntityKind::Organization);
    let place = Label::Entity(EntityKind::Place);
    let other = Label::Entity(EntityKind::Other);
    let mut msc = ann("e-msc", "fixture", 225, 251, other);
    msc.note = "Held every February, in Munich; see \"MSC\"\nand its report.".into();
    msc.updated = Timestamp(CREATED.0 + 60_000);
    let mut quote = ann("q-crucial", "fixture", 10, 81, Label::Quote);
    quote.note = "Other outlets: “For me is very important the connection…”".into();
    quote.attrs.source = Some(AnnotationId::from("e-zelensky"));
    let mut historic = ann("c-historic", "fixture", 121, 189, Label::Claim);
    historic.attrs.source = Some(AnnotationId::from("e-bessent"));
    historic.attrs.attribution = Some(Attribution::Attributed);
    historic.attrs.check = CheckStatus::Disputed;
    let mut disagreed = ann("c-disagreed", "fixture", 170, 219, Label::Claim);
    disagreed.attrs.source = Some(AnnotationId::from("q-crucial"));
    disagreed.attrs.attribution = Some(Attribution::OutletOwn);
    disagreed.attrs.check = CheckStatus::Supported;
    let mention = |id: &str, article: &str, start, end, label, entity: &str| {
        let mut a = ann(id, article, start, end, label);
        a.attrs.entity = registry.then(|| EntityId::from(entity));
        a
    };
    let annotations = vec![
        mention("e-kyiv", "fixture", 3, 7, place, "ent-kyiv"),
        quote,
        mention("e-zelensky", "fixture", 87, 105, person, "ent-zelensky"),
        historic,
        ann("e-bessent", "fixture", 121, 134, person),
        ann("e-treasury", "fixture", 140, 151, org),
        disagreed,
        msc,
        ann("e-ukraine", "second", 0, 7, place),
        mention("e-kyiv-2", "second", 28, 32, place, "ent-kyiv"),
    ];
    let mut ws = Workspace::new(vec![
        Article::new("fixture", "Formats fixture", FORMATS_TEXT.to_owned()),
        Article::new("second", "Second “article”", FORMATS_SECOND.to_owned()),
    ]);
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: if registry {
            formats_entities()
        } else {
            Vec::new()
        },
        annotations,
        replace: false,
    })
    .unwrap();
    ws
}

/// Compares an export of the formats fixture with its golden file `tests/fixtures/formats/NAME` byte
/// for byte; `UPDATE_GOLDEN=1 cargo test` rewrites the file instead (then review it).
pub fn golden(name: &str, bytes: &[u8]) {
    let path = format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(format!(
            "{}/tests/fixtures/formats",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        bytes == expected.as_slice(),
        "export differs from {path}:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

/// Records of every annotation, articles in list order and each in text order.
pub fn records(ws: &Workspace) -> Vec<crate::domain::files::records::AnnotationRecord> {
    let mut out = Vec::with_capacity(ws.len());
    for article in ws.articles() {
        for a in ws.in_article(&article.id).iter() {
            out.push(crate::domain::files::records::AnnotationRecord::from_annotation(a, article));
        }
    }
    out
}

/// What the page does with a read file: the session puts it in line, and each file waiting goes to
/// the web worker's job (run here in place, through bincode as in the browser), whose answer comes
/// back as [`SessionAction::Read`](crate::domain::state::session::SessionAction::Read).
pub fn read_file(
    s: &mut crate::domain::state::session::Session,
    file_name: &str,
    bytes: Vec<u8>,
    at: crate::domain::model::time::Timestamp,
) {
    use crate::domain::state::session::SessionAction;
    s.apply(SessionAction::ReadFile {
        file_name: file_name.into(),
        content: crate::domain::offload::FileContent::Bytes(bytes),
        at,
    });
    settle(s);
}

/// Runs the web worker's job for every file waiting in the session, in order, as the page does.
pub fn settle(s: &mut crate::domain::state::session::Session) {
    use crate::domain::offload::{run, Answer, Job};
    use crate::domain::state::session::SessionAction;
    while let Some((reading, job)) = s.next_job() {
        let job: Job = bincode::deserialize(&bincode::serialize(&job).unwrap()).unwrap();
        let answer = bincode::serialize(&run(job)).unwrap();
        let Answer::Read(read) = bincode::deserialize(&answer).unwrap() else {
            panic!("the worker did not read {}", reading.file_name);
        };
        s.apply(SessionAction::Read {
            file_name: reading.file_name.clone(),
            read,
        });
    }
}
