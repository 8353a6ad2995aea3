//! What this browser knows of each document's revisions, and its local edits made revisions.

use super::docs::Bodies;
use super::revs::{Rev, Revisions};
use crate::domain::model::article::sha256_hex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How many ancestors a document keeps: enough to tell whether one revision follows another.
pub const KEEP: usize = 100;

/// The body a deletion is hashed from, so that two replicas deleting the same revision make the same
/// revision.
pub const DELETED: &str = "{\"_deleted\":true}";

/// The body a deletion that closes a branch which lost a conflict is hashed from.
pub const CLOSED: &str = "{\"_deleted\":true,\"closed\":true}";

/// One document as this replica has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    /// Its revision and ancestors.
    pub revisions: Revisions,
    /// The SHA-256 of its body at that revision; `None` when it is deleted.
    pub digest: Option<String>,
    /// When it last changed (a deletion: when it was deleted), in milliseconds.
    pub time: i64,
    /// Whether the server has this revision.
    pub pushed: bool,
}

impl DocState {
    /// Its current revision.
    pub fn rev(&self) -> Rev {
        self.revisions.rev().unwrap_or_else(|| Rev {
            pos: 1,
            hash: String::new(),
        })
    }

    /// The document changed to `body` (`None`: deleted) at `time`, as a new revision after this one.
    pub fn then(&self, body: Option<&str>, time: i64) -> DocState {
        let rev = Rev::after(Some(&self.rev()), body.unwrap_or(DELETED));
        DocState {
            revisions: self.revisions.push(&rev, KEEP),
            digest: body.map(sha256_hex),
            time,
            pushed: false,
        }
    }

    /// A new document with `body` at `time`.
    pub fn new(body: &str, time: i64) -> DocState {
        let rev = Rev::after(None, body);
        DocState {
            revisions: Revisions {
                start: rev.pos,
                ids: vec![rev.hash],
            },
            digest: Some(sha256_hex(body)),
            time,
            pushed: false,
        }
    }
}

/// This browser's replica of one database: the documents' revisions, the branches it closes, and where
/// it has read the server's changes up to. A serde type: it is saved beside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    /// Names the replication; its checkpoint on the server is `_local/<id>`.
    pub id: String,
    /// The server's update sequence read up to (`0` at first), as the changes feed's `since` takes it;
    /// opaque, as CouchDB says.
    pub since: String,
    /// Every document this replica has had, deleted ones too.
    pub docs: BTreeMap<String, DocState>,
    /// Deletions of other branches of a document, made to resolve a conflict, not yet on the server.
    pub closing: BTreeMap<String, Vec<Revisions>>,
    /// The closed branches of each document (sent or fetched), never fetched again.
    #[serde(default)]
    pub closed: BTreeMap<String, BTreeSet<String>>,
}

impl Replica {
    /// A replica that has nothing yet, for the replication named `id`.
    pub fn new(id: &str) -> Replica {
        Replica {
            id: id.to_owned(),
            since: "0".into(),
            ..Replica::default()
        }
    }

    /// Makes a revision of every document the workspace changed, added or deleted since the replica
    /// last saw it (`local` is the workspace's documents, `now` the time of a deletion). Returns how
    /// many.
    pub fn record_local(&mut self, local: &Bodies, now: i64) -> usize {
        let mut changed = 0;
        for (id, body) in local {
            let digest = sha256_hex(&body.json);
            let next = match self.docs.get(id) {
                None => DocState::new(&body.json, body.time),
                Some(s) if s.digest.as_deref() == Some(digest.as_str()) => continue,
                Some(s) => s.then(Some(&body.json), body.time),
            };
            self.docs.insert(id.clone(), next);
            changed += 1;
        }
        for (id, state) in self.docs.iter_mut() {
            if state.digest.is_some() && !local.contains_key(id) {
                *state = state.then(None, now);
                changed += 1;
            }
        }
        changed
    }

    /// Records that branch `rev` of document `id` is closed.
    pub fn close(&mut self, id: &str, rev: String) {
        self.closed.entry(id.to_owned()).or_default().insert(rev);
    }

    /// Whether branch `rev` of document `id` is known to be closed.
    pub fn is_closed(&self, id: &str, rev: &str) -> bool {
        self.closed.get(id).is_some_and(|c| c.contains(rev))
    }

    /// How many revisions wait to go to the server.
    pub fn waiting(&self) -> usize {
        self.docs.values().filter(|s| !s.pushed).count()
            + self.closing.values().map(Vec::len).sum::<usize>()
    }
}
