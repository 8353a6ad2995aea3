//! A workspace with everything issue 5 saves and exports: the sample annotations on the bundled
//! articles, an own article (non-ASCII text, CRLF line ends, an emoji flag), registry entries with an
//! alias and a rejected place, links, and claim attributes. Shared by the storage, export and import
//! tests.

use crate::domain::fixtures::{ann, sample_workspace, CREATED};
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

/// The own article's id.
pub const OWN: &str = "own-kyjiw";

/// The own article's text: Cyrillic, German quotes, a flag, CRLF line ends.
pub const OWN_TEXT: &str = "Олена Зеленська sagte: „Wir halten durch.“\r\n\
Die Ministerin 🇺🇦 nannte das Abkommen historisch.\r\n\
Beamte sagen, der Vertrag sei einseitig.";

/// The time the own article was added: a minute after [`CREATED`].
pub const ADDED: Timestamp = Timestamp(CREATED.0 + 60_000);

/// When the links and attributes were set: two minutes after [`CREATED`].
pub const LINKED: Timestamp = Timestamp(CREATED.0 + 120_000);

/// The code points `[start, end)` of the first `needle` in `text`.
pub fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The own article.
pub fn own_article() -> Article {
    Article::own(OWN, "Grüße aus Kyjiw", OWN_TEXT.to_owned(), ADDED)
}

fn on_own(id: &str, needle: &str, label: Label) -> crate::domain::model::annotation::Annotation {
    let (start, end) = find(OWN_TEXT, needle);
    ann(id, OWN, start, end, label)
}

/// The sample workspace plus the own article, its annotations, two registry entries, links and
/// attributes.
pub fn rich_workspace() -> Workspace {
    let person = Label::Entity(EntityKind::Person);
    let mut ws = sample_workspace();
    ws.apply(Action::AddArticle(own_article())).unwrap();
    for a in [
        on_own("o-olena", "Олена Зеленська", person),
        on_own("o-quote", "„Wir halten durch.“", Label::Quote),
        on_own("o-claim", "der Vertrag sei einseitig", Label::Claim),
        on_own("o-flag", "🇺🇦", Label::Entity(EntityKind::Place)),
    ] {
        ws.apply(Action::Annotate(a)).unwrap();
    }
    let mut zelensky = Entity::new(
        EntityId::from("ent-zelensky"),
        "Volodymyr Zelensky",
        EntityKind::Person,
        CREATED,
    );
    zelensky.aliases = vec!["Zelenskyy".into(), "Зеленський".into()];
    zelensky
        .rejected
        .insert(("kyiv-post".into(), Span::new(0, 4).unwrap()));
    let olena = Entity::new(
        EntityId::from("ent-olena"),
        "Olena Zelenska",
        EntityKind::Person,
        ADDED,
    );
    for (entity, mention) in [(zelensky, "e-zelensky"), (olena, "o-olena")] {
        ws.apply(Action::AddEntity {
            entity,
            mentions: vec![AnnotationId::from(mention)],
        })
        .unwrap();
    }
    for (from, to) in [("o-quote", "o-olena"), ("o-claim", "o-quote")] {
        ws.apply(Action::SetSource {
            id: from.into(),
            source: Some(to.into()),
            at: LINKED,
        })
        .unwrap();
    }
    ws.apply(Action::SetAttribution {
        id: "o-claim".into(),
        attribution: Some(Attribution::Unattributed),
        at: LINKED,
    })
    .unwrap();
    ws.apply(Action::SetCheck {
        id: "o-claim".into(),
        check: CheckStatus::Disputed,
        at: LINKED,
    })
    .unwrap();
    ws.apply(Action::SetAttribution {
        id: "c-reserves".into(),
        attribution: Some(Attribution::OutletOwn),
        at: LINKED,
    })
    .unwrap();
    ws
}

/// Every registry entry's state keyed by id.
pub fn entities(ws: &Workspace) -> Vec<Entity> {
    ws.entities().map(|e| Entity::clone(e)).collect()
}

/// Every article: id, title, origin, and text.
pub fn articles(ws: &Workspace) -> Vec<(String, String, Origin, String)> {
    ws.articles()
        .iter()
        .map(|a| {
            (
                a.id.as_str().to_owned(),
                a.title.clone(),
                a.origin,
                a.text.clone(),
            )
        })
        .collect()
}
