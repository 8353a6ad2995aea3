//! Taking the server's changes: the changes feed since the checkpoint, `_bulk_get` for the revisions
//! this replica lacks, and each one fitted in by the rules below.
//!
//! A revision that follows this replica's is taken. One this replica's follows is old news. Otherwise
//! the two have diverged (or the server holds several branches), and the rules decide:
//! a change beats a deletion it did not see, the later change wins, and on a tie the larger body (so every replica
//! picks the same). A deletion that follows a change (made after seeing it) is no conflict: it wins. The
//! winner is written on the branch CouchDB itself would show (the highest revision), and every other
//! branch gets a deletion, so the conflict closes on the server. A revision made this way depends only
//! on the branches and the winner, so two replicas resolving the same conflict make the same revisions.

use super::docs::{kind_of, time_of, Bodies};
use super::replica::{DocState, Replica, CLOSED, DELETED, KEEP};
use super::revs::{Rev, Revisions};
use crate::domain::files::stored;
use crate::domain::model::article::sha256_hex;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The answer to `GET /db/_changes?style=all_docs`.
#[derive(Clone, Debug, Deserialize)]
pub struct Changes {
    /// One entry per changed document.
    pub results: Vec<Change>,
    /// Where the next read starts.
    pub last_seq: Value,
}

/// One changed document and its leaf revisions.
#[derive(Clone, Debug, Deserialize)]
pub struct Change {
    /// The document's id.
    pub id: String,
    /// Its leaf revisions (all of them, with `style=all_docs`).
    pub changes: Vec<ChangeRev>,
}

/// A revision in the changes feed.
#[derive(Clone, Debug, Deserialize)]
pub struct ChangeRev {
    /// `N-hash`.
    pub rev: String,
}

/// The answer to `POST /db/_bulk_get?revs=true`.
#[derive(Clone, Debug, Deserialize)]
pub struct BulkGet {
    /// One entry per document asked for.
    pub results: Vec<BulkGetResult>,
}

/// The revisions fetched of one document.
#[derive(Clone, Debug, Deserialize)]
pub struct BulkGetResult {
    /// The document's id.
    pub id: String,
    /// Each revision, or why it could not be read.
    pub docs: Vec<BulkGetDoc>,
}

/// One fetched revision: `{"ok": doc}` or `{"error": …}`.
#[derive(Clone, Debug, Deserialize)]
pub struct BulkGetDoc {
    /// The document at that revision, with `_revisions`.
    pub ok: Option<Map<String, Value>>,
}

/// A revision of the server's, read from `_bulk_get`.
#[derive(Clone, Debug, PartialEq)]
struct Leaf {
    revisions: Revisions,
    /// The record's body (without `_` fields and `type`), or `None` when deleted.
    body: Option<String>,
    time: i64,
    /// A deletion that closed a branch which lost a conflict (not a record deleted).
    closed: bool,
}

/// What the server's changes do here: the documents to write into the workspace (a body, or `None` to
/// delete), and the conflicts resolved, one line each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pulled {
    /// Documents whose content changes here.
    pub take: Vec<(String, Option<String>)>,
    /// Documents changed both here and elsewhere: which side the rules kept.
    pub conflicts: Vec<Conflict>,
    /// Revisions that are no record of ours, one line each.
    pub refused: Vec<String>,
    /// Of the documents taken, those deleted, with the time of the deletion.
    pub deleted: Vec<(String, i64)>,
}

/// A document changed here and on the server.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conflict {
    /// The document's id.
    pub id: String,
    /// Whether this replica's version was kept.
    pub kept_ours: bool,
}

impl Pulled {
    /// Document `id` changes here to `body` (`None`: deleted at `time`).
    fn take(&mut self, id: &str, body: Option<String>, time: i64) {
        if body.is_none() {
            self.deleted.push((id.to_owned(), time));
        }
        self.take.push((id.to_owned(), body));
    }
}

impl Replica {
    /// The query of the next read of the changes feed: `style=all_docs` (every branch), from the
    /// checkpoint, at most `limit` documents.
    pub fn changes_query(&self, limit: usize) -> Vec<(&'static str, String)> {
        vec![
            ("style", "all_docs".into()),
            ("since", self.since.clone()),
            ("limit", limit.to_string()),
        ]
    }

    /// The revisions of `changes` this replica lacks, as `(document, revision)`; design documents and
    /// ids that are not ours are left out.
    pub fn wanted(&self, changes: &Changes) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for change in changes.results.iter().filter(|c| kind_of(&c.id).is_some()) {
            for c in &change.changes {
                let known = self.is_closed(&change.id, &c.rev)
                    || Rev::parse(&c.rev).is_some_and(|rev| {
                        self.docs
                            .get(&change.id)
                            .is_some_and(|s| s.revisions.contains(&rev))
                    });
                if !known {
                    out.push((change.id.clone(), c.rev.clone()));
                }
            }
        }
        out
    }

    /// Fits the fetched revisions in (see the module documentation), and says what changes here;
    /// `local` is the workspace's documents.
    pub fn integrate(&mut self, fetched: &BulkGet, local: &Bodies) -> Pulled {
        // A document's revisions may come in several results: fit them in together.
        let mut by_id: BTreeMap<&str, Vec<Leaf>> = BTreeMap::new();
        let mut pulled = Pulled::default();
        for result in &fetched.results {
            for doc in result.docs.iter().filter_map(|d| d.ok.as_ref()) {
                match leaf(&result.id, doc) {
                    Some(l) => by_id.entry(&result.id).or_default().push(l),
                    None => pulled.refused.push(format!(
                        "{}: not a record this app reads; left on the server",
                        result.id
                    )),
                }
            }
        }
        for (id, leaves) in by_id {
            self.fit(id, leaves, local, &mut pulled);
        }
        pulled
    }

    /// Records that the changes feed was read up to `last_seq`.
    pub fn checkpoint(&mut self, last_seq: &Value) {
        self.since = match last_seq {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
    }

    /// Fits the server's `leaves` of document `id` in. A closed branch is no change of the record; when
    /// it closed this replica's branch, the live branches decide.
    fn fit(&mut self, id: &str, leaves: Vec<Leaf>, local: &Bodies, pulled: &mut Pulled) {
        let mut ours = self.docs.get(id).cloned();
        let (closed, leaves): (Vec<Leaf>, Vec<Leaf>) = leaves.into_iter().partition(|l| l.closed);
        for l in &closed {
            self.close(id, l.revisions.rev().map(String::from).unwrap_or_default());
        }
        if ours
            .as_ref()
            .is_some_and(|o| closed.iter().any(|l| l.revisions.contains(&o.rev())))
        {
            ours = None;
        }
        let known = |l: &Leaf| {
            let (Some(o), Some(rev)) = (&ours, l.revisions.rev()) else {
                return false;
            };
            o.revisions.contains(&rev)
        };
        let leaves: Vec<Leaf> = leaves.into_iter().filter(|l| !known(l)).collect();
        match (&leaves[..], &ours) {
            ([], _) => {}
            ([only], None) => self.take(id, only, pulled),
            ([only], Some(o)) if only.revisions.contains(&o.rev()) => self.take(id, only, pulled),
            _ => self.resolve(id, ours, leaves, local, pulled),
        }
    }

    /// Takes the server's revision `leaf`, which follows this replica's.
    fn take(&mut self, id: &str, leaf: &Leaf, pulled: &mut Pulled) {
        self.docs.insert(id.to_owned(), state(leaf));
        pulled.take(id, leaf.body.clone(), leaf.time);
    }

    /// Several branches: the winner by the rules goes on the highest one, the others are deleted.
    fn resolve(
        &mut self,
        id: &str,
        ours: Option<DocState>,
        leaves: Vec<Leaf>,
        local: &Bodies,
        pulled: &mut Pulled,
    ) {
        let mut branches: Vec<(Leaf, bool)> = leaves.into_iter().map(|l| (l, false)).collect();
        let ours_leaf = ours
            .as_ref()
            .filter(|o| !branches.iter().any(|(l, _)| l.revisions.contains(&o.rev())));
        let conflict = ours_leaf.is_some();
        if let Some(o) = ours_leaf {
            let body = o
                .digest
                .as_ref()
                .and_then(|_| local.get(id))
                .map(|b| b.json.clone());
            let leaf = Leaf {
                revisions: o.revisions.clone(),
                body,
                time: o.time,
                closed: false,
            };
            branches.push((leaf, true));
        }
        let ours_pushed = ours.as_ref().is_some_and(|o| o.pushed);
        let Some((winner, winner_ours)) = branches.iter().max_by_key(|(l, _)| rank(l)).cloned()
        else {
            return;
        };
        let Some((top, top_ours)) = branches
            .iter()
            .max_by_key(|(l, _)| l.revisions.rev())
            .cloned()
        else {
            return;
        };
        let next = if winner.body == top.body {
            DocState {
                pushed: !top_ours || ours_pushed,
                ..state(&top)
            }
        } else {
            let rev = Rev::after(
                top.revisions.rev().as_ref(),
                winner.body.as_deref().unwrap_or(DELETED),
            );
            DocState {
                revisions: top.revisions.push(&rev, KEEP),
                digest: winner.body.as_deref().map(sha256_hex),
                time: winner.time,
                pushed: false,
            }
        };
        let closing: Vec<Revisions> = (branches.iter())
            .filter(|(l, is_ours)| l.revisions != top.revisions && (!is_ours || ours_pushed))
            .map(|(l, _)| {
                let rev = Rev::after(l.revisions.rev().as_ref(), CLOSED);
                l.revisions.push(&rev, KEEP)
            })
            .collect();
        if !closing.is_empty() {
            self.closing
                .entry(id.to_owned())
                .or_default()
                .extend(closing);
        }
        self.docs.insert(id.to_owned(), next);
        let here = local.get(id).map(|b| b.json.clone());
        if winner.body != here {
            pulled.take(id, winner.body.clone(), winner.time);
        }
        if conflict {
            pulled.conflicts.push(Conflict {
                id: id.to_owned(),
                kept_ours: winner_ours,
            });
        }
    }
}

/// The order of the rules: a change before a deletion, then the later, then the larger body.
fn rank(leaf: &Leaf) -> (bool, i64, &str) {
    (
        leaf.body.is_some(),
        leaf.time,
        leaf.body.as_deref().unwrap_or_default(),
    )
}

/// This replica's state for the server's revision `leaf`.
fn state(leaf: &Leaf) -> DocState {
    DocState {
        revisions: leaf.revisions.clone(),
        digest: leaf.body.as_deref().map(sha256_hex),
        time: leaf.time,
        pushed: true,
    }
}

/// A fetched revision of document `id` as a branch: its ancestry, its record as the saved state
/// writes it (without CouchDB's fields, `type` and `owner`), and its time (a deletion's `deleted`, else the
/// record's); `None` when it is no record of ours.
fn leaf(id: &str, doc: &Map<String, Value>) -> Option<Leaf> {
    let rev = Rev::parse(doc.get("_rev")?.as_str()?)?;
    let revisions = doc
        .get("_revisions")
        .and_then(|r| serde_json::from_value::<Revisions>(r.clone()).ok())
        .filter(|r| r.rev().as_ref() == Some(&rev))
        .unwrap_or(Revisions {
            start: rev.pos,
            ids: vec![rev.hash.clone()],
        });
    let deleted = doc
        .get("_deleted")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let (body, time) = if deleted {
        (
            None,
            doc.get("deleted").and_then(Value::as_i64).unwrap_or(0),
        )
    } else {
        let record: Map<String, Value> = (doc.iter())
            .filter(|(k, _)| !k.starts_with('_') && !["type", "owner"].contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let json = stored::canonical(kind_of(id)?, &Value::Object(record).to_string())?;
        let time = time_of(&json);
        (Some(json), time)
    };
    let closed = deleted && doc.get("closed").and_then(Value::as_bool) == Some(true);
    Some(Leaf {
        revisions,
        body,
        time,
        closed,
    })
}

/// The body of `POST /db/_bulk_get?revs=true` for `wanted`.
pub fn bulk_get_request(wanted: &[(String, String)]) -> Value {
    json!({
        "docs": wanted.iter().map(|(id, rev)| json!({"id": id, "rev": rev})).collect::<Vec<_>>(),
    })
}
