//! The workspace as CouchDB documents, one per own article, registry entry and annotation.
//!
//! A document's id is its kind and the record's id (`annotation:<id>`, `article:<id>`,
//! `entity:<id>`); its body is the record as the saved state writes it (`files::stored`), one shape
//! for both, plus `type` (the kind) on the server. Bundled articles come with the app and are never
//! documents.

use crate::domain::files::stored;
use crate::domain::state::workspace::Workspace;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One record as a document body, and the time the merge rules compare (`updated`; an article's
/// `added`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    /// The record in its stored shape, compact JSON.
    pub json: String,
    /// When it last changed, in milliseconds.
    pub time: i64,
}

/// Every document of the workspace by id.
pub type Bodies = BTreeMap<String, Body>;

/// The times a stored record carries.
#[derive(Deserialize)]
struct Times {
    updated: Option<i64>,
    added: Option<i64>,
}

/// The time of a stored record (its `updated`, else its `added`); 0 without either.
pub fn time_of(json: &str) -> i64 {
    serde_json::from_str::<Times>(json)
        .ok()
        .and_then(|t| t.updated.or(t.added))
        .unwrap_or(0)
}

/// The workspace's documents.
pub fn bodies(ws: &Workspace) -> Bodies {
    stored::records(ws)
        .into_iter()
        .map(|(kind, id, json)| {
            let time = time_of(&json);
            (format!("{kind}:{id}"), Body { json, time })
        })
        .collect()
}

/// The kind a document id names (`annotation`, `article`, `entity`), if it is one of ours.
pub fn kind_of(doc_id: &str) -> Option<&'static str> {
    let (kind, id) = doc_id.split_once(':')?;
    let kind = ["annotation", "article", "entity"]
        .into_iter()
        .find(|k| *k == kind)?;
    (!id.is_empty()).then_some(kind)
}
