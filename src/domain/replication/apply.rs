//! The server's changes taken into the workspace: its documents with the ones pulled written over
//! (or removed), as the saved state that `files::stored::decode` reads, which checks and places every
//! record as it does at start. The page merges that state into its own as it merges another tab's.

use super::docs::{kind_of, Bodies};
use crate::domain::files::stored;

/// The state of the workspace's documents `local` with `take` (document id, body or `None` for a
/// deletion) written over them.
pub fn with_taken(local: &Bodies, take: &[(String, Option<String>)]) -> String {
    let mut docs: Vec<(&str, &str)> = Vec::new();
    let taken = |id: &str| take.iter().find(|(t, _)| t == id);
    for (id, body) in local {
        if taken(id).is_none() {
            docs.extend(kind_of(id).map(|k| (k, body.json.as_str())));
        }
    }
    for (id, body) in take {
        if let (Some(kind), Some(json)) = (kind_of(id), body) {
            docs.push((kind, json));
        }
    }
    stored::state_of(docs)
}
