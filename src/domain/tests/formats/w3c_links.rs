//! Tests of W3C links, claim attributes and registry references: what the export writes, and what
//! the reader makes of them and of foreign or broken ones.

use super::*;
use crate::domain::files::formats::Incoming;
use crate::domain::files::records::EntityRecord;

/// An annotation on the second article ("Ukraine’s parliament met in Kyiv.") with this id, body and
/// span.
fn item(id: &str, body: &str, start: usize, end: usize) -> String {
    format!(
        r#"{{"id": "{id}", "type": "Annotation", "body": {body},
             "target": {{"source": "urn:news-annotator:article:second",
                         "selector": {{"type": "TextPositionSelector", "start": {start}, "end": {end}}}}}}}"#
    )
}

/// A linking annotation.
fn linking(body: &str, target: &str) -> String {
    format!(
        r#"{{"type": "Annotation", "motivation": "linking", "body": {body}, "target": {target}}}"#
    )
}

/// The claim (the whole sentence), the quote (its first three words) and the parliament.
fn three() -> [String; 3] {
    [
        item("c", "\"claim\"", 0, 33),
        item("q", "\"quote\"", 0, 24),
        item("p", "[\"entity\", \"organization\"]", 10, 20),
    ]
}

fn read_items(items: &[String]) -> Incoming {
    let file = format!("[{}]", items.join(", "));
    read(&file, &articles(), LATER).unwrap()
}

fn source_of<'a>(incoming: &'a Incoming, id: &str) -> Option<&'a str> {
    let (_, rec) = incoming.records.iter().find(|(_, r)| r.id == id).unwrap();
    rec.source.as_deref()
}

#[test]
fn links_are_annotations_of_their_own_and_entries_carry_their_names() {
    let value = json(&exported());
    let link = &value["first"]["items"][8];
    assert_eq!(
        *link,
        json(
            r#"{"id": "urn:news-annotator:link:q-crucial", "type": "Annotation",
                "motivation": "linking",
                "body": ["urn:news-annotator:annotation:e-zelensky",
                         {"type": "TextualBody", "purpose": "tagging", "value": "said_by"}],
                "target": "urn:news-annotator:annotation:q-crucial"}"#
        )
    );
    let zelensky = &value["first"]["items"][2]["body"][2];
    assert_eq!(
        *zelensky,
        json(
            r#"{"type": "SpecificResource", "purpose": "identifying",
                "source": {"id": "urn:news-annotator:entity:ent-zelensky",
                           "label": "Volodymyr Zelensky"}}"#
        )
    );
    let historic = &value["first"]["items"][3]["body"];
    assert_eq!(historic[1]["value"], json("\"attribution:attributed\""));
    assert_eq!(historic[2]["value"], json("\"check:disputed\""));
    assert_eq!(historic[2]["purpose"], json("\"classifying\""));
}

#[test]
fn registry_entries_come_back_with_their_names_and_the_mentions_kinds() {
    let ws = registry_workspace();
    let incoming = read(&exported(), ws.articles(), LATER).unwrap();
    let entry = |id: &str, name: &str, kind: &str| EntityRecord {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        aliases: Vec::new(),
        rejected: Vec::new(),
        created: crate::domain::model::time::Timestamp::parse("2027-01-15T08:00:00.000Z").unwrap(),
        updated: crate::domain::model::time::Timestamp::parse("2027-01-15T08:00:00.000Z").unwrap(),
    };
    // Aliases, rejected mentions and times are the registry's own: the app's format keeps them.
    assert_eq!(
        incoming.entities,
        [
            (
                "first.items[0].body[2]".to_owned(),
                entry("ent-kyiv", "Kyiv", "place")
            ),
            (
                "first.items[2].body[2]".to_owned(),
                entry("ent-zelensky", "Volodymyr Zelensky", "person")
            ),
        ]
    );
}

#[test]
fn links_are_read_in_any_order_and_in_the_two_target_shape() {
    let [c, q, p] = three();
    let incoming = read_items(&[
        linking(
            r#"["urn:news-annotator:annotation:p", {"purpose": "tagging", "value": "SaidBy"}]"#,
            r#""urn:news-annotator:annotation:q""#,
        ),
        // Two targets, no source in the body: the first cites the second.
        linking(r#"{"value": "from_quote"}"#, r#"["c", {"id": "q"}]"#),
        c,
        q,
        p,
    ]);
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    assert_eq!(source_of(&incoming, "q"), Some("p"));
    assert_eq!(source_of(&incoming, "c"), Some("q"));
    assert_eq!(source_of(&incoming, "p"), None);
}

#[test]
fn links_that_cannot_be_read_are_skipped_with_a_warning_naming_their_place() {
    let [c, q, p] = three();
    let incoming = read_items(&[
        c,
        q,
        p,
        linking(r#"["p", {"value": "works_for"}]"#, r#""q""#),
        linking(r#""urn:news-annotator:annotation:gone""#, r#""q""#),
        linking(r#""c""#, r#""p""#),
        linking(r#"["p", "q"]"#, r#""c""#),
        linking(r#""p""#, "{\"type\": \"SpecificResource\"}"),
    ]);
    assert_eq!(source_of(&incoming, "q"), None);
    assert_eq!(source_of(&incoming, "p"), None);
    assert_eq!(source_of(&incoming, "c"), None);
    assert_eq!(
        incoming.warnings,
        [
            "[3].body[1].value: \"works_for\" is not a link this app reads (said_by, source, \
             from_quote); the link is skipped",
            "[6]: a link needs one target (the annotation that cites) and one body (its source), \
             or two targets; it has 1 and 2; skipped",
            "[7].target: a link's target must name an annotation by its IRI; the link is skipped",
            "[4]: \"gone\" is no annotation read from this file; the link is skipped",
            "[5]: an entity cannot have a claim as its source (a quote's source is an entity, a \
             claim's an entity or a quote); skipped",
        ]
    );
}

#[test]
fn claim_attributes_and_references_that_do_not_fit_are_skipped_with_a_warning() {
    let classifying = |value: &str| format!(r#"{{"purpose": "classifying", "value": "{value}"}}"#);
    let identifying = r#"{"type": "SpecificResource", "purpose": "identifying",
                          "source": "http://www.wikidata.org/entity/Q1055"}"#;
    let incoming = read_items(&[
        item(
            "c",
            &format!(
                "[\"claim\", {}, {}, {identifying}]",
                classifying("check:maybe"),
                classifying("Attribution:Unattributed")
            ),
            0,
            33,
        ),
        item(
            "k",
            &format!("[\"entity\", {}, {identifying}]", classifying("place")),
            28,
            32,
        ),
        item(
            "q",
            &format!("[\"quote\", {}]", classifying("attribution:outlet")),
            0,
            24,
        ),
    ]);
    let recs: Vec<_> = incoming.records.iter().map(|(_, r)| r).collect();
    assert_eq!(recs[0].attribution.as_deref(), Some("unattributed"));
    assert_eq!(
        (recs[0].check.as_ref(), recs[0].entity.as_ref()),
        (None, None)
    );
    // A classifying body that is no attribute is a tag, as before; a foreign IRI is the entry's id,
    // named by the mention's text.
    assert_eq!(recs[1].kind.as_deref(), Some("place"));
    assert_eq!(
        recs[1].entity.as_deref(),
        Some("http://www.wikidata.org/entity/Q1055")
    );
    assert_eq!(incoming.entities.len(), 1);
    assert_eq!(incoming.entities[0].1.name, "Kyiv");
    assert_eq!(recs[2].attribution, None);
    assert_eq!(
        incoming.warnings,
        [
            "[0].body[1].value: \"maybe\" is not a value of check (unchecked, supported, \
             disputed, false); skipped",
            "[0].body[3]: only entities refer to a registry entry, and this is a claim; skipped",
            "[2].body[1].value: only claims have an attribution, and this is a quote; skipped",
        ]
    );
}

#[test]
fn an_import_plans_every_annotation_of_a_file_with_links() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let file = export(&docs(&ws, &Scope::everything()), NOW).bytes;
    let plan = plan_import("x.jsonld", &file, &empty, &Default::default(), LATER).unwrap();
    let mut after = empty.clone();
    after.apply(plan.action(false)).unwrap();
    let links: Vec<_> = after
        .all()
        .iter()
        .filter_map(|a| Some((a.id.as_str().to_owned(), a.attrs.source.clone()?)))
        .collect();
    assert_eq!(links.len(), 3);
    assert_eq!(
        crate::domain::fixtures::snapshot(&after),
        crate::domain::fixtures::snapshot(&ws)
    );
}
