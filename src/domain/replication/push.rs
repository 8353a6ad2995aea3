//! Sending this replica's revisions to the server: `_revs_diff` asks which it lacks, `_bulk_docs`
//! with `new_edits: false` stores them with their ancestry, as CouchDB's replication protocol does.

use super::docs::{kind_of, Bodies};
use super::replica::{DocState, Replica};
use super::revs::Revisions;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The answer to `_revs_diff`: per document, the revisions the server lacks.
pub type RevsDiff = BTreeMap<String, Missing>;

/// The revisions of one document the server lacks.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Missing {
    /// The revisions asked about that the server does not have.
    #[serde(default)]
    pub missing: Vec<String>,
}

/// One revision to send: the document, its revision with ancestry, and its body (`None`: deleted).
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    /// The document's id.
    pub id: String,
    /// The revision and its ancestors.
    pub revisions: Revisions,
    /// The body, compact JSON; `None` for a deletion.
    pub body: Option<String>,
    /// A deletion's time, in milliseconds; `None` for a deletion that closes a branch in conflict.
    pub deleted: Option<i64>,
}

impl Outgoing {
    /// The document as `_bulk_docs` takes it with `new_edits: false`: the body's fields, `_id`,
    /// `_rev`, `_revisions`, `type` and `owner` (who writes it, when signed in; a class database's
    /// `validate_doc_update` lets each student write only their own); a deletion has `_deleted` and its
    /// time as `deleted`, or `closed` when it closes a branch that lost a conflict.
    pub fn document(&self, owner: Option<&str>) -> Value {
        let mut doc = self
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str::<Map<String, Value>>(b).ok())
            .unwrap_or_default();
        doc.insert("_id".into(), json!(self.id));
        let rev = self.revisions.rev().map(String::from).unwrap_or_default();
        doc.insert("_rev".into(), json!(rev));
        doc.insert("_revisions".into(), json!(self.revisions));
        if let Some(owner) = owner {
            doc.insert("owner".into(), json!(owner));
        }
        match (&self.body, kind_of(&self.id)) {
            (None, _) => {
                doc.insert("_deleted".into(), json!(true));
                match self.deleted {
                    Some(time) => doc.insert("deleted".into(), json!(time)),
                    None => doc.insert("closed".into(), json!(true)),
                };
            }
            (Some(_), Some(kind)) => {
                doc.insert("type".into(), json!(kind));
            }
            (Some(_), None) => {}
        }
        Value::Object(doc)
    }
}

impl Replica {
    /// Every revision the server may lack: each document's unpushed revision (its body from `local`)
    /// and each closing deletion.
    pub fn outgoing(&self, local: &Bodies) -> Vec<Outgoing> {
        let unpushed = self.docs.iter().filter(|(_, s)| !s.pushed);
        let docs = unpushed.map(|(id, s): (&String, &DocState)| Outgoing {
            id: id.clone(),
            revisions: s.revisions.clone(),
            body: s
                .digest
                .as_ref()
                .and_then(|_| local.get(id))
                .map(|b| b.json.clone()),
            deleted: s.digest.is_none().then_some(s.time),
        });
        let closing = self.closing.iter().flat_map(|(id, list)| {
            list.iter().map(move |revisions| Outgoing {
                id: id.clone(),
                revisions: revisions.clone(),
                body: None,
                deleted: None,
            })
        });
        docs.chain(closing).collect()
    }

    /// Records that the server has `sent` now: a document whose revision is still the one sent is
    /// pushed, and the closing deletions sent are done.
    pub fn pushed(&mut self, sent: &[Outgoing]) {
        for out in sent {
            let rev = out.revisions.rev();
            if let Some(state) = self.docs.get_mut(&out.id) {
                if Some(state.rev()) == rev {
                    state.pushed = true;
                }
            }
            let closes = out.body.is_none()
                && self
                    .closing
                    .get(&out.id)
                    .is_some_and(|l| l.contains(&out.revisions));
            if closes {
                let rev = out.revisions.rev().map(String::from).unwrap_or_default();
                self.close(&out.id, rev);
                if let Some(list) = self.closing.get_mut(&out.id) {
                    list.retain(|r| *r != out.revisions);
                    if list.is_empty() {
                        self.closing.remove(&out.id);
                    }
                }
            }
        }
    }
}

/// The body of `POST /db/_revs_diff` for `out`: each document's revisions.
pub fn revs_diff_request(out: &[Outgoing]) -> Value {
    let mut asked: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for o in out {
        let rev = o.revisions.rev().map(String::from).unwrap_or_default();
        asked.entry(&o.id).or_default().push(rev);
    }
    json!(asked)
}

/// The revisions of `out` the server lacks, by its answer to `_revs_diff`.
pub fn lacking(out: Vec<Outgoing>, diff: &RevsDiff) -> Vec<Outgoing> {
    out.into_iter()
        .filter(|o| {
            let rev = o.revisions.rev().map(String::from).unwrap_or_default();
            diff.get(&o.id).is_some_and(|m| m.missing.contains(&rev))
        })
        .collect()
}

/// The body of `POST /db/_bulk_docs` that stores `out` as they are (`new_edits: false`), written by
/// `owner`.
pub fn bulk_docs_request(out: &[Outgoing], owner: Option<&str>) -> Value {
    json!({
        "docs": out.iter().map(|o| o.document(owner)).collect::<Vec<_>>(),
        "new_edits": false,
    })
}

/// One entry of `_bulk_docs`' answer: with `new_edits: false`, only the documents it refused.
#[derive(Clone, Debug, Deserialize)]
pub struct Written {
    /// The document.
    pub id: String,
    /// Why it was refused (`forbidden`, `unauthorized`, …), if it was.
    pub error: Option<String>,
    /// The server's words.
    pub reason: Option<String>,
}

/// The revisions of `sent` the server took (all but those `answer` refuses), and one line per refusal.
pub fn taken(sent: Vec<Outgoing>, answer: &[Written]) -> (Vec<Outgoing>, Vec<String>) {
    let refused: Vec<&Written> = answer.iter().filter(|w| w.error.is_some()).collect();
    let lines = refused
        .iter()
        .map(|w| {
            let why = w
                .reason
                .as_deref()
                .or(w.error.as_deref())
                .unwrap_or_default();
            format!("{}: {why}", w.id)
        })
        .collect();
    let kept = sent
        .into_iter()
        .filter(|o| !refused.iter().any(|w| w.id == o.id))
        .collect();
    (kept, lines)
}
