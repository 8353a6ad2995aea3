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

/// The saved state that holds the documents `local`.
pub fn state(local: &Bodies) -> String {
    let records = local
        .iter()
        .filter_map(|(id, body)| Some((kind_of(id)?, body.json.as_str())));
    stored::state_of(records)
}
