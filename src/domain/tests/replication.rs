//! Tests of replication's pure parts: revisions, local edits, what is sent and fetched, what is taken
//! into the workspace. Replicas meeting through a server: `replication_peers.rs`.

use super::docs::{Bodies, Body};
use super::pull::{BulkGet, Changes};
use super::push::{bulk_docs_request, revs_diff_request};
use super::replica::Replica;
use super::revs::{Rev, Revisions};
use serde_json::json;

#[test]
fn a_revision_reads_writes_and_follows_its_parent() {
    let rev = Rev::parse("3-abc").unwrap();
    assert_eq!(
        (rev.pos, rev.hash.as_str(), rev.to_string()),
        (3, "abc", "3-abc".to_owned())
    );
    for bad in ["", "3", "0-abc", "x-abc", "3-"] {
        assert_eq!(Rev::parse(bad), None, "{bad}");
    }
    let first = Rev::after(None, "{}");
    let second = Rev::after(Some(&first), "{\"a\":1}");
    assert_eq!((first.pos, second.pos), (1, 2));
    assert_eq!(
        second,
        Rev::after(Some(&first), "{\"a\":1}"),
        "the same change, the same revision"
    );
    assert_ne!(second, Rev::after(Some(&first), "{\"a\":2}"));
    let history = Revisions {
        start: 1,
        ids: vec![first.hash.clone()],
    }
    .push(&second, 100);
    assert!(history.contains(&first) && history.contains(&second));
    assert!(!history.contains(&Rev::after(Some(&first), "{\"a\":2}")));
}

/// An annotation record as the saved state writes it, with `note`, changed at `updated`.
pub(super) fn note(id: &str, note: &str, updated: i64) -> String {
    let json = format!(
        "{{\"id\":\"{id}\",\"article\":\"own-1\",\"label\":\"quote\",\"note\":\"{note}\",\"start\":0,\"end\":5,\"exact\":\"Grüße\",\"created\":1,\"updated\":{updated}}}"
    );
    crate::domain::files::stored::canonical("annotation", &json).unwrap()
}

pub(super) const ARTICLE: &str =
    "{\"id\":\"own-1\",\"title\":\"Mein Text\",\"added\":1,\"text\":\"Grüße\"}";

pub(super) fn body(json: &str, time: i64) -> Body {
    Body {
        json: json.to_owned(),
        time,
    }
}

fn docs(list: &[(&str, &str, i64)]) -> Bodies {
    list.iter()
        .map(|(id, json, t)| ((*id).to_owned(), body(json, *t)))
        .collect()
}

#[test]
fn local_edits_become_revisions_and_deletions() {
    let mut r = Replica::new("r");
    let one = docs(&[
        ("annotation:a", "{\"updated\":1}", 1),
        ("annotation:b", "{\"updated\":1}", 1),
    ]);
    assert_eq!(r.record_local(&one, 5), 2);
    assert_eq!(r.record_local(&one, 5), 0, "nothing changed");
    let two = docs(&[("annotation:a", "{\"updated\":2}", 2)]);
    assert_eq!(r.record_local(&two, 7), 2, "a changed, b deleted");
    assert_eq!(r.docs["annotation:a"].rev().pos, 2);
    let b = &r.docs["annotation:b"];
    assert_eq!((b.rev().pos, b.digest.is_none(), b.time), (2, true, 7));
    assert_eq!(r.waiting(), 2);
}

#[test]
fn an_outgoing_document_is_the_record_with_couchdbs_fields() {
    let mut r = Replica::new("r");
    let local = docs(&[("annotation:a", "{\"label\":\"quote\",\"updated\":1}", 1)]);
    r.record_local(&local, 1);
    let out = r.outgoing(&local);
    let doc = out[0].document(Some("ana"));
    assert_eq!(doc["_id"], "annotation:a");
    assert_eq!(doc["type"], "annotation");
    assert_eq!(doc["label"], "quote");
    assert_eq!(doc["owner"], "ana");
    assert_eq!(doc["_revisions"]["start"], 1);
    assert_eq!(
        doc["_rev"],
        json!(format!(
            "1-{}",
            doc["_revisions"]["ids"][0].as_str().unwrap()
        ))
    );
    assert_eq!(
        revs_diff_request(&out),
        json!({"annotation:a": [doc["_rev"].clone()]})
    );
    assert_eq!(bulk_docs_request(&out, None)["new_edits"], false);
    r.record_local(&Bodies::new(), 9);
    let gone = r.outgoing(&Bodies::new())[0].document(None);
    assert_eq!(
        (gone["_deleted"].clone(), gone.get("type")),
        (json!(true), None)
    );
}

#[test]
fn known_revisions_and_documents_not_ours_are_not_fetched() {
    let mut r = Replica::new("r");
    let local = docs(&[("annotation:a", "{\"updated\":1}", 1)]);
    r.record_local(&local, 1);
    let rev = r.docs["annotation:a"].rev().to_string();
    let changes: Changes = serde_json::from_value(json!({
        "results": [
            {"id": "annotation:a", "changes": [{"rev": rev}, {"rev": "2-ff"}]},
            {"id": "_design/class", "changes": [{"rev": "1-aa"}]},
            {"id": "other", "changes": [{"rev": "1-bb"}]},
        ],
        "last_seq": "7-x",
    }))
    .unwrap();
    assert_eq!(
        r.wanted(&changes),
        [("annotation:a".to_owned(), "2-ff".to_owned())]
    );
    assert!(r.changes_query(100).contains(&("since", "0".to_owned())));
    r.checkpoint(&changes.last_seq);
    assert!(r.changes_query(100).contains(&("since", "7-x".to_owned())));
}

#[test]
fn documents_taken_from_the_server_become_the_workspaces_records() {
    use crate::domain::files::bundled::bundled_articles;
    use crate::domain::files::stored;
    use crate::domain::model::names::{AnnotationId, ArticleId};
    use crate::domain::state::workspace::Workspace;
    let mut local = Bodies::new();
    local.insert("article:own-1".into(), body(ARTICLE, 1));
    local.insert("annotation:a".into(), body(&note("a", "", 1), 1));
    local.insert("annotation:b".into(), body(&note("b", "", 1), 1));
    let text = super::apply::state(&local, &[]);
    let before = stored::decode(&text, bundled_articles().unwrap())
        .unwrap()
        .workspace;
    assert_eq!(
        super::docs::bodies(&before),
        local,
        "the documents read back as they were"
    );

    let take = vec![
        ("annotation:a".to_owned(), Some(note("a", "from Ben", 5))),
        ("annotation:b".to_owned(), None),
        ("annotation:c".to_owned(), Some(note("c", "new", 6))),
    ];
    let mut taken = local.clone();
    super::apply::take(&mut taken, &take);
    let after: Workspace = stored::decode(
        &super::apply::state(&taken, &[("annotation:b".to_owned(), 7)]),
        bundled_articles().unwrap(),
    )
    .unwrap()
    .workspace;
    let a = after.annotation(&AnnotationId::from("a")).unwrap();
    assert_eq!((a.note.as_str(), a.updated.0), ("from Ben", 5));
    assert!(after.annotation(&AnnotationId::from("b")).is_none());
    assert!(
        after
            .graves()
            .annotations
            .contains_key(&AnnotationId::from("b")),
        "its deletion is recorded, so that the merge deletes it here"
    );
    assert_eq!(
        after.annotation(&AnnotationId::from("c")).unwrap().note,
        "new"
    );
    assert_eq!(
        after
            .article(&ArticleId::from("own-1"))
            .unwrap()
            .text
            .as_str(),
        "Grüße"
    );
}

#[test]
fn a_document_that_is_no_record_of_ours_is_left_with_a_line() {
    let mut r = Replica::new("r");
    let fetched: BulkGet = serde_json::from_value(json!({"results": [
        {"id": "annotation:x", "docs": [{"ok": {"_id": "annotation:x", "_rev": "1-aa", "type": "annotation", "label": 3}}]},
    ]}))
    .unwrap();
    let pulled = r.integrate(&fetched, &Bodies::new());
    assert!(pulled.take.is_empty());
    assert_eq!(
        pulled.refused,
        ["annotation:x: not a record this app reads; left on the server"]
    );
}

#[test]
fn revisions_the_server_refused_stay_waiting_with_its_reason() {
    use super::push::{taken, Written};
    let mut r = Replica::new("r");
    let local = docs(&[
        ("annotation:a", &note("a", "", 1), 1),
        ("annotation:b", &note("b", "", 1), 1),
    ]);
    r.record_local(&local, 1);
    let out = r.outgoing(&local);
    let answer: Vec<Written> = serde_json::from_value(json!([
        {"id": "annotation:b", "error": "forbidden", "reason": "you can write only your own documents"}
    ]))
    .unwrap();
    let (kept, lines) = taken(out, &answer);
    assert_eq!(
        lines,
        ["annotation:b: you can write only your own documents"]
    );
    r.pushed(&kept);
    assert!(r.docs["annotation:a"].pushed);
    assert!(
        !r.docs["annotation:b"].pushed,
        "it waits, and is sent again"
    );
    assert_eq!(r.waiting(), 1);
}
