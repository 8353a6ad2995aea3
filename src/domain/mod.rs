//! The pure domain: articles, spans, annotations, the workspace and its actions, undo history, render
//! segments, anchoring and the file formats. It uses only std, never Yew or a browser API (grapheme
//! clusters come in through [`text::Graphemes`]), so all of it is tested natively with `cargo test`.

pub mod action;
pub mod anchoring;
pub mod annotation;
pub mod article;
pub mod attributes;
pub mod batch;
#[cfg(any(test, feature = "bench"))]
pub mod bench_fixture;
pub mod bundled;
pub mod candidates;
pub mod caret;
pub mod classroom;
pub mod find;
#[cfg(test)]
#[path = "tests/fixtures.rs"]
mod fixtures;
pub mod formats;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "tests/fuzz.rs"]
mod fuzz;
pub mod history;
pub mod import;
pub mod json;
pub mod keys;
pub mod markup;
pub mod native_format;
pub mod outlets;
pub mod own_text;
pub mod records;
pub mod registry;
pub mod saving;
pub mod segments;
pub mod session;
pub mod similarity;
pub mod span;
pub mod spoken;
pub mod stored;
pub mod sync;
pub mod text;
pub mod time;
#[cfg(test)]
#[path = "tests/timing.rs"]
mod timing;
pub mod workspace;
