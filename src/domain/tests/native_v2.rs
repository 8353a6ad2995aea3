//! Tests of version 2 of the export file: the golden file, own articles with their text, the registry
//! entries the annotations refer to, attributes, and every refusal of a broken own article.

use super::*;
use crate::domain::files::formats::native::sample::{own_article, rich_workspace, OWN, OWN_TEXT};
use crate::domain::files::formats::{docs, export, Format, Scope};
use crate::domain::fixtures::json;
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::state::workspace::Action;
use serde_json::Value;

/// 2026-11-24T10:00:00.000Z.
const EXPORTED: Timestamp = Timestamp(1_795_514_400_000);

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/native-export-v2.json"
);

/// Compares with the golden file; `UPDATE_GOLDEN=1 cargo test` rewrites it (then review the diff).
#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    let json = export_json(&rich_workspace(), EXPORTED);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &json).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert!(json == golden, "export differs from {GOLDEN}:\n{json}");
}

fn file_of(ws: &Workspace) -> ExportFile {
    read_file(&export_json(ws, EXPORTED)).unwrap()
}

#[test]
fn own_articles_carry_their_text_and_bundled_ones_do_not() {
    let file = file_of(&rich_workspace());
    let own: Vec<&ArticleRecord> = file.articles.iter().filter(|a| a.own).collect();
    assert_eq!(own.len(), 1);
    let expected = own_article();
    assert_eq!(
        own[0],
        &ArticleRecord {
            id: OWN.into(),
            title: "Grüße aus Kyjiw".into(),
            sha256: expected.sha256().to_owned(),
            length: OWN_TEXT.chars().count(),
            own: true,
            added: Some(
                crate::domain::model::time::Timestamp::parse("2025-02-15T08:01:00.000Z").unwrap()
            ),
            text: Some(OWN_TEXT.into()),
        }
    );
    // Bundled ones first, the own one last, as in the workspace.
    assert_eq!(file.articles.last().unwrap().id, OWN);
    let bundled = &file.articles[0];
    assert!(!bundled.own && bundled.added.is_none() && bundled.text.is_none());
}

#[test]
fn entities_are_the_entries_the_exported_annotations_refer_to() {
    let mut ws = rich_workspace();
    let lonely = Entity::new(
        EntityId::from("ent-nobody"),
        "Nobody",
        EntityKind::Other,
        EXPORTED,
    );
    ws.apply(Action::AddEntity {
        entity: lonely,
        mentions: Vec::new(),
    })
    .unwrap();
    let ids =
        |file: &ExportFile| -> Vec<String> { file.entities.iter().map(|e| e.id.clone()).collect() };
    // Everything: both referenced entries by id, not the one no annotation refers to.
    let file = file_of(&ws);
    assert_eq!(ids(&file), ["ent-olena", "ent-zelensky"]);
    let zelensky = &file.entities[1];
    assert_eq!(zelensky.aliases, ["Zelenskyy", "Зеленський"]);
    assert_eq!(zelensky.rejected.len(), 1);
    assert_eq!(
        zelensky.to_entity("x").unwrap(),
        Entity::clone(ws.entity(&EntityId::from("ent-zelensky")).unwrap())
    );
    // One article: only its mentions' entry.
    let scope = Scope {
        article: Some(OWN.into()),
        ..Scope::everything()
    };
    let body = export(Format::Native, &docs(&ws, &scope), EXPORTED);
    let one = read_file(std::str::from_utf8(&body.bytes).unwrap()).unwrap();
    assert_eq!(ids(&one), ["ent-olena"]);
    assert_eq!(one.articles.len(), 1);
}

#[test]
fn annotations_carry_their_attributes() {
    let file = file_of(&rich_workspace());
    let record = |id: &str| {
        file.annotations
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .clone()
    };
    let claim = record("o-claim");
    assert_eq!(
        (
            claim.source.as_deref(),
            claim.attribution.as_deref(),
            claim.check.as_deref(),
            claim.entity
        ),
        (
            Some("o-quote"),
            Some("unattributed"),
            Some("disputed"),
            None
        )
    );
    assert_eq!(record("o-quote").source.as_deref(), Some("o-olena"));
    assert_eq!(record("e-zelensky").entity.as_deref(), Some("ent-zelensky"));
    assert_eq!(
        record("c-reserves").check,
        None,
        "an unchecked claim has no check field"
    );
}

#[test]
fn reading_brings_the_own_articles_entries_and_records() {
    let ws = rich_workspace();
    let bundled: Vec<Rc<Article>> = ws
        .articles()
        .iter()
        .filter(|a| !a.is_own())
        .cloned()
        .collect();
    let incoming = read(&export_json(&ws, EXPORTED), &bundled).unwrap();
    assert_eq!(incoming.articles, [own_article()]);
    let entities: Vec<(&str, &str)> = incoming
        .entities
        .iter()
        .map(|(path, e)| (path.as_str(), e.id.as_str()))
        .collect();
    assert_eq!(
        entities,
        [
            ("entities[0]", "ent-olena"),
            ("entities[1]", "ent-zelensky")
        ]
    );
    assert_eq!(incoming.records.len(), ws.len());
    // The own article is not "an article this app does not have".
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    // A workspace that has the article already gets nothing to add.
    let again = read(&export_json(&ws, EXPORTED), ws.articles()).unwrap();
    assert!(again.articles.is_empty());
    let claim = AnnotationId::from("o-claim");
    assert!(again.records.iter().any(|(_, r)| r.id == claim.as_str()));
}

#[test]
fn broken_own_articles_are_refused_with_their_path() {
    let ws = rich_workspace();
    let bundled: Vec<Rc<Article>> = ws
        .articles()
        .iter()
        .filter(|a| !a.is_own())
        .cloned()
        .collect();
    let exported = json(&export_json(&ws, EXPORTED));
    let last = exported["articles"].as_array().unwrap().len() - 1;
    let own = format!("articles[{last}]");
    let refuse = |edit: &dyn Fn(&mut Value), against: &[Rc<Article>]| {
        let mut file = exported.clone();
        edit(&mut file["articles"][last]);
        read(&file.to_string(), against).unwrap_err()
    };
    let err = refuse(&|a| a["text"] = Value::from("Другой текст"), &bundled);
    assert_eq!(err.path, format!("{own}.length"));
    assert_eq!(
        err.message,
        "135 does not match the text, which has 12 characters"
    );
    let err = refuse(&|a| a["sha256"] = Value::from("0".repeat(64)), &bundled);
    assert_eq!(
        err.to_string(),
        format!("{own}.sha256: it is not the SHA-256 of the text")
    );
    let err = refuse(
        &|a| a.as_object_mut().unwrap().retain(|k, _| k != "text"),
        &bundled,
    );
    assert_eq!(err.path, own);
    assert!(err.message.starts_with("missing field `text`"), "{err}");
    let err = refuse(&|a| a["added"] = Value::from("yesterday"), &bundled);
    assert_eq!(err.path, format!("{own}.added"));
    let err = refuse(&|a| a["own"] = Value::from("yes"), &bundled);
    assert_eq!(
        err.to_string(),
        format!(
            "{own}.own: invalid type: string \"yes\", expected a boolean at line 1 column 1150"
        )
    );
    let err = refuse(
        &|a| a.as_object_mut().unwrap().retain(|k, _| k != "own"),
        &bundled,
    );
    assert_eq!(
        err.to_string(),
        format!("{own}.text: only own articles (\"own\": true) carry this field")
    );
    let err = refuse(&|a| a["title"] = Value::from(" "), &bundled);
    assert_eq!(err.path, format!("{own}.title"));
    // Another text under an id we have: texts never change, so the file is refused, naming it.
    let mut other = bundled.clone();
    other.push(Rc::new(Article::own(
        OWN,
        "Mine",
        "Ganz anders".into(),
        EXPORTED,
    )));
    let err = refuse(&|_| {}, &other);
    assert_eq!(
        err.to_string(),
        format!(
            "{own}.text: the text of \"{OWN}\" (“Grüße aus Kyjiw”) differs from the article \
             \"{OWN}\" here; an article's text never changes, so this file cannot be loaded"
        )
    );
}
