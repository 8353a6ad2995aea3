//! Tests of doccano relations: the links written and read back, what doccano cannot hold, and
//! relations that do not fit.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{json, records};

#[test]
fn links_are_relations_between_the_line_s_entities() {
    let first = json(exported().lines().next().unwrap());
    assert_eq!(
        first["relations"],
        json(
            r#"[{"id": 1, "from_id": 2, "to_id": 3, "type": "said_by"},
                {"id": 2, "from_id": 4, "to_id": 5, "type": "source"},
                {"id": 3, "from_id": 7, "to_id": 2, "type": "from_quote"}]"#
        )
    );
    assert_eq!(first["entities"][1]["label"], json("\"QUOTE\""));
    assert_eq!(first["entities"][2]["start_offset"], json("87"));
}

#[test]
fn claim_attributes_and_registry_references_are_dropped_once_per_kind() {
    let body = export(&docs(&registry_workspace(), &Scope::everything()));
    assert_eq!(
        body.dropped,
        [
            "doccano has no place for claim attributes: the attribution and check status of 2 \
             claim(s) are left out",
            "doccano has no place for registry references: the registry entries of 3 entity \
             mention(s) are left out",
        ]
    );
    let plain = export(&docs(&formats_workspace(), &Scope::everything()));
    assert_eq!(plain.dropped.len(), 1);
}

#[test]
fn links_come_back_between_the_generated_ids() {
    let ws = registry_workspace();
    let incoming = read(&exported(), ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let id_of: std::collections::HashMap<String, String> = records(&ws)
        .iter()
        .zip(&incoming.records)
        .map(|(ours, (_, read))| (ours.id.clone(), read.id.clone()))
        .collect();
    let want: Vec<Option<String>> = records(&ws)
        .iter()
        .map(|r| r.source.as_ref().map(|s| id_of[s].clone()))
        .collect();
    let got: Vec<Option<String>> = incoming
        .records
        .iter()
        .map(|(_, r)| r.source.clone())
        .collect();
    assert_eq!(got, want);
    assert_eq!(got[1].as_deref(), Some("doccano-fixture-87-105-P"));
    // Into the same articles, the links apply with their annotations.
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let mut after = empty.clone();
    let plan = plan_import(
        "x.doccano.jsonl",
        exported().as_bytes(),
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    after.apply(plan.action(false)).unwrap();
    let quote = after.annotation(&"doccano-fixture-10-81-Q".into()).unwrap();
    assert_eq!(
        after.source_of(quote).map(|a| a.id.as_str()),
        Some("doccano-fixture-87-105-P")
    );
}

fn line_with(relations: &str) -> String {
    format!(
        r#"{{"text": "{FORMATS_SECOND}", "entities": [
             {{"id": 10, "start_offset": 0, "end_offset": 7, "label": "LOC"}},
             {{"id": "q", "start_offset": 0, "end_offset": 24, "label": "QUOTE"}},
             {{"id": 12, "start_offset": 0, "end_offset": 7, "label": "LOC"}},
             {{"id": 13, "start_offset": 10, "end_offset": 20, "label": "ORG"}}],
           "relations": {relations}}}"#
    )
    .replace('\n', " ")
}

#[test]
fn relations_are_read_by_string_ids_and_through_repeated_spans() {
    let ws = formats_workspace();
    // Entity 12 repeats entity 10: the relation to it goes to the one record read.
    let line = line_with(r#"[{"id": 1, "from_id": "q", "to_id": 12, "type": "SaidBy"}]"#);
    let incoming = read(&line, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert_eq!(incoming.records.len(), 3);
    assert_eq!(
        incoming.records[1].1.source.as_deref(),
        Some("doccano-second-0-7-L")
    );
    assert_eq!(
        incoming.warnings,
        ["line 1: entities[2]: the same span and label as before; read once"]
    );
}

#[test]
fn relations_that_do_not_fit_are_skipped_and_broken_ones_refused_with_the_path() {
    let ws = formats_workspace();
    let line = line_with(
        r#"[{"id": 1, "from_id": "q", "to_id": 99, "type": "said_by"},
            {"id": 2, "from_id": "q", "to_id": 13, "type": "works_for"},
            {"id": 3, "from_id": 13, "to_id": "q", "type": "source"}]"#,
    );
    let incoming = read(&line, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert!(incoming.records.iter().all(|(_, r)| r.source.is_none()));
    assert_eq!(
        &incoming.warnings[1..],
        [
            "line 1: relations[0].to_id: 99 is no entity of this line; the relation is skipped",
            "line 1: relations[1].type: \"works_for\" is not a link this app reads (said_by, \
             source, from_quote); skipped",
            "line 1: relations[2]: an entity cannot have a quote as its source (a quote's source \
             is an entity, a claim's an entity or a quote); skipped",
        ]
    );
    let fails = |relations: &str| {
        let e = read(
            &line_with(relations),
            ws.articles(),
            &LabelMap::default(),
            NOW,
        )
        .unwrap_err();
        format!("{}: {}", e.path, e.message)
    };
    assert_eq!(
        fails(r#"[{"from_id": "q", "type": "said_by"}]"#),
        "line 1: relations[0]: missing field `to_id`"
    );
    assert_eq!(
        fails(r#"[{"from_id": "q", "to_id": [1], "type": "said_by"}]"#),
        "line 1: relations[0].to_id: invalid type: sequence, expected a whole number or a string"
    );
    assert_eq!(
        fails(r#"[7]"#),
        "line 1: relations[0]: invalid type: integer `7`, expected an object with \"from_id\", \
         \"to_id\" and \"type\""
    );
    assert_eq!(
        fails(r#"{"a": 1}"#),
        "line 1: relations: invalid type: map, expected a sequence"
    );
}
