//! Replicas meeting through a model of a CouchDB server's revision trees: what one browser made
//! reaches the others, conflicts resolve the same everywhere and close, and any order of edits and
//! replications converges (the real server is in the end-to-end tests).

use super::docs::{self, Bodies};
use super::pull::{bulk_get_request, BulkGet, Changes};
use super::push::{bulk_docs_request, lacking, revs_diff_request, RevsDiff};
use super::replica::Replica;
use super::revs::{Rev, Revisions};
use super::tests::{body, note, ARTICLE};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A CouchDB database as its replication endpoints see it: each document's branches (leaf revisions
/// with their ancestry and body), and an update sequence.
#[derive(Default)]
struct Server {
    leaves: BTreeMap<String, Vec<Map<String, Value>>>,
    seq: u64,
    changed: BTreeMap<String, u64>,
}

fn revisions_of(doc: &Map<String, Value>) -> Revisions {
    serde_json::from_value(doc["_revisions"].clone()).unwrap()
}

impl Server {
    fn revs_diff(&self, asked: &Value) -> RevsDiff {
        let mut out = Map::new();
        for (id, revs) in asked.as_object().unwrap() {
            let missing: Vec<&Value> = revs
                .as_array()
                .unwrap()
                .iter()
                .filter(|rev| {
                    let rev = Rev::parse(rev.as_str().unwrap()).unwrap();
                    let leaves = self.leaves.get(id).map_or(&[][..], Vec::as_slice);
                    !leaves.iter().any(|l| revisions_of(l).contains(&rev))
                })
                .collect();
            out.insert(id.clone(), json!({ "missing": missing }));
        }
        serde_json::from_value(Value::Object(out)).unwrap()
    }

    /// `new_edits: false`: a revision that extends a branch replaces its leaf; any other is a new branch.
    fn bulk_docs(&mut self, body: &Value) {
        assert_eq!(body["new_edits"], false);
        for doc in body["docs"].as_array().unwrap() {
            let doc = doc.as_object().unwrap().clone();
            let id = doc["_id"].as_str().unwrap().to_owned();
            let revisions = revisions_of(&doc);
            let leaves = self.leaves.entry(id.clone()).or_default();
            leaves
                .retain(|l| !revisions.contains(&Rev::parse(l["_rev"].as_str().unwrap()).unwrap()));
            leaves.push(doc);
            self.seq += 1;
            self.changed.insert(id, self.seq);
        }
    }

    fn changes(&self, since: &str) -> Changes {
        let since: u64 = since.parse().unwrap();
        let results: Vec<Value> = (self.changed.iter())
            .filter(|(_, seq)| **seq > since)
            .map(|(id, _)| {
                let revs: Vec<Value> = self.leaves[id]
                    .iter()
                    .map(|l| json!({"rev": l["_rev"]}))
                    .collect();
                json!({"id": id, "changes": revs})
            })
            .collect();
        serde_json::from_value(json!({"results": results, "last_seq": self.seq})).unwrap()
    }

    fn bulk_get(&self, body: &Value) -> BulkGet {
        let results: Vec<Value> = (body["docs"].as_array().unwrap().iter())
            .map(|d| {
                let id = d["id"].as_str().unwrap();
                let doc = self.leaves[id]
                    .iter()
                    .find(|l| l["_rev"] == d["rev"])
                    .unwrap();
                json!({"id": id, "docs": [{"ok": doc}]})
            })
            .collect();
        serde_json::from_value(json!({ "results": results })).unwrap()
    }

    /// The bodies of the documents' live branches, by id (a document with several is in conflict).
    fn live(&self) -> BTreeMap<String, Vec<String>> {
        (self.leaves.iter())
            .map(|(id, leaves)| {
                let live = leaves
                    .iter()
                    .filter(|l| l.get("_deleted").is_none())
                    .map(|l| l["_rev"].to_string());
                (id.clone(), live.collect())
            })
            .filter(|(_, live): &(String, Vec<String>)| !live.is_empty())
            .collect()
    }
}

/// One browser: its workspace's documents and its replica.
struct Peer {
    local: Bodies,
    replica: Replica,
    conflicts: Vec<(String, bool)>,
}

impl Peer {
    fn new(name: &str) -> Peer {
        Peer {
            local: Bodies::new(),
            replica: Replica::new(name),
            conflicts: Vec::new(),
        }
    }

    fn edit(&mut self, id: &str, json: &str, time: i64) {
        self.local.insert(id.to_owned(), body(json, time));
        self.replica.record_local(&self.local, time);
    }

    fn delete(&mut self, id: &str, time: i64) {
        self.local.remove(id);
        self.replica.record_local(&self.local, time);
    }

    /// One replication: push, then pull, as the app does.
    fn sync(&mut self, server: &mut Server) {
        let out = self.replica.outgoing(&self.local);
        let send = lacking(out.clone(), &server.revs_diff(&revs_diff_request(&out)));
        server.bulk_docs(&bulk_docs_request(&send, Some("peer")));
        self.replica.pushed(&out);
        let changes = server.changes(&self.replica.since);
        let wanted = self.replica.wanted(&changes);
        if !wanted.is_empty() {
            let pulled = self
                .replica
                .integrate(&server.bulk_get(&bulk_get_request(&wanted)), &self.local);
            for (id, taken) in pulled.take {
                match taken {
                    Some(json) => {
                        let time = docs::time_of(&json);
                        self.local.insert(id, body(&json, time));
                    }
                    None => {
                        self.local.remove(&id);
                    }
                }
            }
            self.conflicts
                .extend(pulled.conflicts.into_iter().map(|c| (c.id, c.kept_ours)));
        }
        self.replica.checkpoint(&changes.last_seq);
    }
}

/// Once the peers agree, more rounds change nothing: nothing to send, nothing to fetch, no conflict.
fn assert_quiet(server: &mut Server, peers: &mut [&mut Peer]) {
    let conflicts: Vec<usize> = peers.iter().map(|p| p.conflicts.len()).collect();
    for _ in 0..2 {
        for p in peers.iter_mut() {
            p.sync(server);
        }
    }
    for (p, before) in peers.iter().zip(conflicts) {
        assert_eq!(p.conflicts.len(), before, "no conflict shown again");
        assert_eq!(p.replica.waiting(), 0, "nothing left to send");
        assert!(
            p.replica.wanted(&server.changes("0")).is_empty(),
            "nothing left to fetch"
        );
    }
}

fn jsons(local: &Bodies) -> BTreeMap<String, String> {
    local
        .iter()
        .map(|(id, b)| (id.clone(), b.json.clone()))
        .collect()
}

#[test]
fn what_one_browser_made_reaches_the_other() {
    let mut server = Server::default();
    let (mut ana, mut ben) = (Peer::new("ana"), Peer::new("ben"));
    ana.edit("annotation:a", &note("a", "", 1), 1);
    ana.edit("article:own-1", ARTICLE, 1);
    ana.sync(&mut server);
    ben.sync(&mut server);
    assert_eq!(jsons(&ben.local), jsons(&ana.local));
    assert_eq!(ben.replica.waiting(), 0, "nothing to send back");
    ben.sync(&mut server);
    ana.sync(&mut server);
    assert_eq!(ana.replica.docs, ben.replica.docs, "the same revisions");
}

#[test]
fn both_changed_offline_the_later_change_wins_everywhere_and_the_conflict_closes() {
    let mut server = Server::default();
    let (mut ana, mut ben) = (Peer::new("ana"), Peer::new("ben"));
    ana.edit("annotation:a", &note("a", "first", 1), 1);
    ana.sync(&mut server);
    ben.sync(&mut server);
    // Offline, both change it; Ben later.
    ana.edit("annotation:a", &note("a", "ana", 10), 10);
    ben.edit("annotation:a", &note("a", "ben", 20), 20);
    ana.sync(&mut server);
    ben.sync(&mut server);
    ana.sync(&mut server);
    ben.sync(&mut server);
    ana.sync(&mut server);
    let want = note("a", "ben", 20);
    assert_eq!(ana.local["annotation:a"].json, want);
    assert_eq!(ben.local["annotation:a"].json, want);
    assert_eq!(
        ana.conflicts,
        [("annotation:a".to_owned(), false)],
        "shown once to Ana: Ben's kept"
    );
    assert_eq!(
        ben.conflicts,
        [("annotation:a".to_owned(), true)],
        "and to Ben: his kept"
    );
    assert_eq!(
        server.live()["annotation:a"].len(),
        1,
        "one live branch left on the server"
    );
    assert_eq!(ana.replica.docs, ben.replica.docs);
    assert_quiet(&mut server, &mut [&mut ana, &mut ben]);
}

#[test]
fn a_change_beats_a_deletion_made_without_seeing_it_but_not_one_made_after() {
    for edit_at in [5, 20] {
        let mut server = Server::default();
        let (mut ana, mut ben) = (Peer::new("ana"), Peer::new("ben"));
        ana.edit("annotation:a", &note("a", "", 1), 1);
        ana.sync(&mut server);
        ben.sync(&mut server);
        ana.delete("annotation:a", 10);
        ben.edit("annotation:a", &note("a", "ben", edit_at), edit_at);
        for _ in 0..3 {
            ana.sync(&mut server);
            ben.sync(&mut server);
        }
        assert!(
            ana.local.contains_key("annotation:a"),
            "edited at {edit_at}"
        );
        assert!(
            ben.local.contains_key("annotation:a"),
            "edited at {edit_at}"
        );
        assert_eq!(ana.conflicts, [("annotation:a".to_owned(), false)]);
        assert!(server.live().contains_key("annotation:a"));
        assert_eq!(ana.replica.docs, ben.replica.docs);
        assert_quiet(&mut server, &mut [&mut ana, &mut ben]);
        // Deleted once both have the change: that deletion follows it, and wins.
        ben.delete("annotation:a", 30);
        ben.sync(&mut server);
        ana.sync(&mut server);
        assert!(
            !ana.local.contains_key("annotation:a") && !server.live().contains_key("annotation:a")
        );
        assert_eq!(ana.conflicts.len(), 1, "no conflict");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// One step: a peer edits or deletes a document, or replicates.
    #[derive(Clone, Debug)]
    enum Step {
        Edit(usize, usize),
        Delete(usize, usize),
        Sync(usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..3_usize, 0..3_usize).prop_map(|(p, d)| Step::Edit(p, d)),
            (0..3_usize, 0..3_usize).prop_map(|(p, d)| Step::Delete(p, d)),
            (0..3_usize).prop_map(Step::Sync),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Three browsers editing and deleting offline, replicating in any order: once all have
        /// replicated, they hold the same documents, a document last changed (not deleted) holds that
        /// change, and the server has one live branch of each.
        #[test]
        fn peers_replicating_in_any_order_agree(steps in prop::collection::vec(step(), 1..40)) {
            let mut server = Server::default();
            let mut peers = [Peer::new("a"), Peer::new("b"), Peer::new("c")];
            let mut last: BTreeMap<String, Option<String>> = BTreeMap::new();
            for (t, s) in steps.iter().enumerate() {
                let t = t as i64 + 1;
                match *s {
                    Step::Edit(p, d) => {
                        let (id, json) = (format!("annotation:a{d}"), note(&format!("a{d}"), &format!("by {p}"), t));
                        peers[p].edit(&id, &json, t);
                        last.insert(id, Some(json));
                    }
                    Step::Delete(p, d) => {
                        let id = format!("annotation:a{d}");
                        if peers[p].local.contains_key(&id) {
                            peers[p].delete(&id, t);
                            last.insert(id, None);
                        }
                    }
                    Step::Sync(p) => peers[p].sync(&mut server),
                }
            }
            for _ in 0..6 {
                for p in peers.iter_mut() {
                    p.sync(&mut server);
                }
            }
            let first = jsons(&peers[0].local);
            for p in &peers[1..] {
                prop_assert_eq!(&jsons(&p.local), &first, "every peer holds the same");
            }
            // The last change made wins, unless a deletion came later (which wins only if made after
            // seeing every change: a change beats a deletion made without seeing it).
            for (id, json) in last {
                if let Some(json) = json {
                    prop_assert_eq!(first.get(&id), Some(&json), "{} ends as its last change", id);
                }
            }
            for (id, live) in server.live() {
                prop_assert_eq!(live.len(), 1, "{} has one live branch", id);
            }
        }
    }
}
