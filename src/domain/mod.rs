//! The pure domain, in five parts: [`model`] (articles, spans, annotations, the registry, and the
//! names of things), [`state`] (the workspace and its actions, undo, the session, two tabs, saving),
//! [`files`] (JSON through serde, the records, every format, the saved state, importing), [`features`]
//! (find, proposals, outlets, the classroom, own articles) and [`rendering`] (pieces, HTML, words for a
//! screen reader, the caret). It never uses Yew or a browser API (grapheme clusters come in through
//! [`model::text::Graphemes`], HTML pages through a reader function), so all of it is tested natively
//! with `cargo test`.

pub mod features;
pub mod files;
#[cfg(test)]
#[path = "tests/fixtures.rs"]
mod fixtures;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "tests/fuzz.rs"]
mod fuzz;
pub mod model;
pub mod offload;
pub mod rendering;
pub mod replication;
pub mod state;
#[cfg(test)]
#[path = "tests/timing.rs"]
mod timing;
