//! The saved state in localStorage and its migrations.
//!
//! ```json
//! {"schema":4,
//!  "articles":[{"id":"own-1","title":"Mein Text","added":1739606400000,"text":"Grüße…"}],
//!  "entities":[{"id":"ent-1","name":"Scott Bessent","kind":"person","aliases":["Besant"],
//!               "created":1739606400000,"updated":1739606400000}],
//!  "annotations":[{"id":"q1","article":"own-1","label":"quote","start":0,"end":5,"exact":"Grüße",
//!                  "created":1739606400000,"updated":1739606400000,"source":"p1"}],
//!  "deleted":{"annotations":{"c7":1739606500000}}}
//! ```
//!
//! The stored shape is separate from the export envelope and from the in-memory model, and carries its
//! own `schema` number. Decoding reads `schema` first, then that version's shape, and migrates it step by
//! step to today's (`migrate.rs`), so a state saved by any earlier version keeps loading.
//! `tests/fixtures/stored-v1.json` to `stored-v4.json` are states in schemas 1 to 4
//! that tests decode, and must decode forever; a test loads every `stored-v*.json` in that folder, and
//! asks for one per schema.
//!
//! - Schema 1 stored export records: context (`prefix`, `suffix`) and RFC 3339 times.
//! - Schema 2 is written after every edit, so it is compact: no context (the article text holds it), times
//!   as milliseconds, an empty note and a missing kind left out. About half the size of schema 1.
//! - Schema 3 (`state.rs`) adds the person's own articles with their text, the registry entries (empty
//!   `aliases` and `rejected` left out) and each annotation's attributes (`source`, `attribution`,
//!   `check`, `entity`), each only when set. Bundled articles are never saved: they come with the app.
//! - Schema 4 adds `deleted`: the deleted annotations, registry entries and own articles, each id with
//!   the time of its delete (`state::graves`), so that tabs agree on deletes; left out when empty.

use crate::domain::model::article::Article;
#[cfg(doc)]
use crate::domain::state::workspace::Action;
use crate::domain::state::workspace::Workspace;
use std::fmt;

mod migrate;
mod place;
mod records;
mod state;
pub use records::{added_units, canonical, records, state_of};

/// The schema number this version of the app writes, and the newest it reads.
pub const STORAGE_SCHEMA: u32 = 4;

/// The workspace as compact JSON, to be saved: schema 4, written straight from the workspace so that
/// saving copies no text twice.
pub fn encode(ws: &Workspace) -> String {
    state::encode(ws, STORAGE_SCHEMA, None)
}

/// The state as [`encode`] would write it once `article` is added ([`Action::AddArticle`]). The app
/// saves it as a trial before adding a large article, to learn whether it fits in localStorage before
/// anything changes.
pub fn encode_adding(ws: &Workspace, article: &Article) -> String {
    state::encode(ws, STORAGE_SCHEMA, Some(article))
}

/// A decoded state: the workspace, one line per thing dropped or cut, one per annotation moved.
#[derive(Debug)]
pub struct Restored {
    /// The bundled and own articles, the registry, and every annotation that could be placed.
    pub workspace: Workspace,
    /// One line per saved article, entry or annotation that was left out, and per link cut; never left
    /// out silently.
    pub warnings: Vec<String>,
    /// One line per saved annotation whose text was found at other offsets; these were kept, moved.
    pub reanchored: Vec<String>,
}

/// Why saved state cannot be read at all. The caller should keep the saved text rather than overwrite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON; the place and the parser's message.
    NotJson(String),
    /// The JSON is not an object with a `schema` field.
    NoSchema,
    /// `schema` is there but is not a version number this app has ever written.
    BadSchema(String),
    /// Saved by a newer app, in this schema.
    Newer(u64),
    /// The content does not have the shape its schema says.
    Invalid {
        /// The JSON path of the bad value, such as `annotations[2].start`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "the saved state is not JSON: {why}"),
            DecodeError::NoSchema => {
                f.write_str("the saved state has no \"schema\" field, so it is not ours")
            }
            DecodeError::BadSchema(found) => {
                write!(
                    f,
                    "the saved state's \"schema\" is {found}, not a schema number"
                )
            }
            DecodeError::Newer(schema) => write!(
                f,
                "saved by a newer version of the app (schema {schema}); this version reads schema \
                 {STORAGE_SCHEMA}"
            ),
            DecodeError::Invalid { path, message } if path.is_empty() => {
                write!(f, "the saved state is invalid: {message}")
            }
            DecodeError::Invalid { path, message } => {
                write!(f, "the saved state is invalid at {path}: {message}")
            }
        }
    }
}

/// Reads saved state against the `bundled` articles, migrating older schemas.
///
/// The person's own articles come back after the bundled ones; one whose id an article that came with
/// the app has is dropped, with its annotations, a line each. Annotations that cannot be placed (unknown
/// article, offsets past the end, text gone, repeated id, any bad field) are dropped with a line each
/// in `warnings`; a link or registry reference that does not fit is cut from its annotation, which is
/// kept, with a line; annotations whose text moved are kept at the new place with a line each in
/// `reanchored`. Only a state that cannot be read at all is an error.
pub fn decode(text: &str, bundled: Vec<Article>) -> Result<Restored, DecodeError> {
    let (state, warnings) = migrate::migrate(text)?;
    let mut notes = place::Notes {
        warnings,
        reanchored: Vec::new(),
    };
    let workspace = place::place(state, bundled, &mut notes);
    Ok(Restored {
        workspace,
        warnings: notes.warnings,
        reanchored: notes.reanchored,
    })
}

#[cfg(test)]
#[path = "../tests/stored.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/stored_v3.rs"]
mod v3_tests;

#[cfg(test)]
#[path = "../tests/stored_corrupt.rs"]
mod corrupt;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/stored_properties.rs"]
mod properties;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/stored_fixtures.rs"]
mod fixture_files;

#[cfg(test)]
#[path = "../tests/stored_speed.rs"]
mod speed;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/fuzz_stored.rs"]
mod fuzz;
