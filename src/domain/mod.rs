//! The pure domain: articles, spans, annotations, the workspace and its actions, undo history, render
//! segments, anchoring and the file formats. It uses only std, never Yew or a browser API (grapheme
//! clusters come in through [`text::Graphemes`]), so all of it is tested natively with `cargo test`.

pub mod features;
pub mod files;
#[cfg(test)]
#[path = "tests/fixtures.rs"]
mod fixtures;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "tests/fuzz.rs"]
mod fuzz;
pub mod model;
pub mod own_text;
pub mod rendering;
pub mod similarity;
pub mod state;
#[cfg(test)]
#[path = "tests/timing.rs"]
mod timing;
