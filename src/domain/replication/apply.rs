//! The server's changes taken into the workspace: its documents with the ones pulled written over
//! (or removed), as the saved state that `files::stored::decode` reads, which checks and places every
//! record as it does at start. The page merges that state into its own as it merges another tab's.

use super::docs::{kind_of, time_of, Bodies, Body};
use crate::domain::files::stored;

/// Writes `take` (document id, body or `None` for a deletion) over the documents `local`.
pub fn take(local: &mut Bodies, take: &[(String, Option<String>)]) {
    for (id, body) in take {
        match body {
            Some(json) => {
                let time = time_of(json);
                let json = json.clone();
                local.insert(id.clone(), Body { json, time });
            }
            None => {
                local.remove(id);
            }
        }
    }
}

/// The saved state that holds the documents `local`, and the `deleted` ones with the time of their
/// deletion (so that the merge deletes them: see `state::graves`).
pub fn state(local: &Bodies, deleted: &[(String, i64)]) -> String {
    let records = local
        .iter()
        .filter_map(|(id, body)| Some((kind_of(id)?, body.json.as_str())));
    let graves = deleted.iter().filter_map(|(doc, at)| {
        let (_, id) = doc.split_once(':')?;
        Some((kind_of(doc)?, id, *at))
    });
    stored::state_of(records, graves)
}
