//! Tests of Label Studio relations, per-region choices (claim attributes) and registry text areas.

use super::*;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::records::EntityRecord;
use crate::domain::fixtures::records;

/// The second article's task with these results after three regions: a claim `c` (the sentence),
/// a quote `q` (its first three words) and an organisation `p` (the parliament).
fn task_with(results: &str) -> String {
    let region = |id: &str, start: usize, end: usize, tag: &str| {
        format!(
            r#"{{"id": "{id}", "type": "labels", "value": {{"start": {start}, "end": {end}, "labels": ["{tag}"]}}}}"#
        )
    };
    format!(
        r#"[{{"data": {{"text": "{FORMATS_SECOND}"}}, "annotations": [{{"result": [{}, {}, {}{results}]}}]}}]"#,
        region("c", 0, 33, "CLAIM"),
        region("q", 0, 24, "QUOTE"),
        region("p", 10, 20, "ORG"),
    )
}

fn read_task(results: &str) -> Incoming {
    read(
        &task_with(results),
        formats_workspace().articles(),
        &ImportOptions::default(),
        NOW,
    )
    .unwrap()
}

#[test]
fn links_attributes_and_entries_are_results_of_their_regions() {
    let tasks = json(&exported());
    let results = &tasks[0]["annotations"][0]["result"];
    assert_eq!(
        results[5],
        json(
            r#"{"id": "e-zelensky", "from_name": "registry", "to_name": "text", "type": "textarea",
                "value": {"start": 87, "end": 105, "text": ["Volodymyr Zelensky"],
                          "entity": "ent-zelensky"}}"#
        )
    );
    assert_eq!(
        results[8],
        json(
            r#"{"id": "c-historic", "from_name": "check", "to_name": "text", "type": "choices",
                "value": {"start": 121, "end": 189, "choices": ["disputed"]}}"#
        )
    );
    assert_eq!(
        results[16],
        json(
            r#"{"from_id": "q-crucial", "to_id": "e-zelensky", "type": "relation",
                "direction": "right", "labels": ["said_by"]}"#
        )
    );
}

#[test]
fn links_attributes_and_entries_survive_export_and_import() {
    let ws = registry_workspace();
    let incoming = read(&exported(), ws.articles(), &ImportOptions::default(), NOW).unwrap();
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let attrs = |r: &crate::domain::files::records::AnnotationRecord| {
        let r = r.clone();
        (r.id, r.source, r.attribution, r.check, r.entity)
    };
    let back: Vec<_> = incoming.records.iter().map(|(_, r)| attrs(r)).collect();
    let original: Vec<_> = records(&ws).iter().map(attrs).collect();
    assert_eq!(back, original);
    let entry = |id: &str, name: &str, kind: &str| EntityRecord {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        created: NOW,
        updated: NOW,
        ..EntityRecord::default()
    };
    assert_eq!(
        incoming.entities,
        [
            (
                "[0].annotations[0].result[1]".to_owned(),
                entry("ent-kyiv", "Kyiv", "place")
            ),
            (
                "[0].annotations[0].result[5]".to_owned(),
                entry("ent-zelensky", "Volodymyr Zelensky", "person")
            ),
        ]
    );
}

#[test]
fn arrows_drawn_either_way_and_entries_without_ids_are_read() {
    let incoming = read_task(
        r#", {"from_id": "p", "to_id": "q", "type": "relation", "direction": "left", "labels": ["SaidBy"]},
             {"from_id": "q", "to_id": "c", "type": "relation", "direction": "bi"},
             {"id": "p", "from_name": "registry", "type": "textarea", "value": {"text": "Verkhovna Rada"}},
             {"id": "c", "from_name": "Attribution", "type": "choices", "value": {"choices": ["Unattributed"]}}"#,
    );
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let recs: Vec<_> = incoming.records.iter().map(|(_, r)| r).collect();
    assert_eq!(recs[1].source.as_deref(), Some("p"));
    assert_eq!(recs[0].source.as_deref(), Some("q"));
    assert_eq!(recs[0].attribution.as_deref(), Some("unattributed"));
    assert_eq!(
        recs[2].entity.as_deref(),
        Some("label-studio-entry-verkhovna-rada")
    );
    assert_eq!(
        (
            incoming.entities[0].1.name.as_str(),
            incoming.entities[0].1.kind.as_str()
        ),
        ("Verkhovna Rada", "organization")
    );
}

#[test]
fn results_that_do_not_fit_are_skipped_with_a_warning_naming_their_place() {
    let incoming = read_task(
        r#", {"from_id": "q", "to_id": "nobody", "type": "relation"},
             {"from_id": "q", "to_id": "p", "type": "relation", "labels": ["works_for"]},
             {"from_id": "p", "to_id": "p", "type": "relation", "labels": ["source"]},
             {"id": "c", "from_name": "check", "type": "choices", "value": {"choices": ["maybe"]}},
             {"id": "q", "from_name": "attribution", "type": "choices", "value": {"choices": ["outlet"]}},
             {"id": "c", "from_name": "registry", "type": "textarea", "value": {"text": ["Rada"], "entity": "ent-1"}},
             {"id": "x", "from_name": "check", "type": "choices", "value": {"choices": ["false"]}},
             {"id": "c", "from_name": "sentiment", "type": "choices", "value": {"choices": ["x"]}}"#,
    );
    assert!(incoming.records.iter().all(|(_, r)| r.source.is_none()
        && r.check.is_none()
        && r.attribution.is_none()
        && r.entity.is_none()));
    assert!(incoming.entities.is_empty());
    let at = |k: usize| format!("[0].annotations[0].result[{k}]");
    assert_eq!(
        incoming.warnings,
        [
            format!("{}.labels: \"works_for\" names no link this app reads (said_by, source, from_quote); skipped", at(4)),
            format!("{}: a \"choices\" result from \"sentiment\" is not read (this app reads those from attribution and check); ignored", at(10)),
            format!("{}: for \"nobody\", which is no labelled span here; ignored", at(3)),
            format!("{}: links an annotation to itself; skipped", at(5)),
            format!("{}: \"maybe\" is not a value of check (unchecked, supported, disputed, false); skipped", at(6)),
            format!("{}: only claims have an attribution, and this is a quote; skipped", at(7)),
            format!("{}: only entities refer to a registry entry, and this is a claim; skipped", at(8)),
            format!("{}: for \"x\", which is no labelled span here; ignored", at(9)),
        ]
    );
}

#[test]
fn broken_results_are_refused_with_the_path() {
    let articles = formats_workspace().articles().to_vec();
    let fails = |results: &str| {
        let e = read(
            &task_with(results),
            &articles,
            &ImportOptions::default(),
            NOW,
        )
        .unwrap_err();
        format!("{}: {}", e.path, e.message)
    };
    assert_eq!(
        fails(r#", {"to_id": "q", "type": "relation"}"#),
        "[0].annotations[0].result[3].from_id: missing: give a region's id"
    );
    assert_eq!(
        fails(r#", {"from_name": "check", "type": "choices", "value": {"choices": ["false"]}}"#),
        "[0].annotations[0].result[3].id: missing: the id of the region it is for"
    );
    assert_eq!(
        fails(
            r#", {"id": "c", "from_name": "check", "type": "choices", "value": {"choices": ["false", "supported"]}}"#
        ),
        "[0].annotations[0].result[3].value.choices: holds 2 choices: check takes one"
    );
    assert_eq!(
        fails(
            r#", {"id": "p", "from_name": "registry", "type": "textarea", "value": {"text": [" "]}}"#
        ),
        "[0].annotations[0].result[3].value.text: is empty: give the registry entry's name"
    );
}
