//! The thin browser edge: everything that touches the DOM or a browser API, and nothing else.
//! It knows no Yew. It is the only place that sees UTF-16 offsets (in `selection.rs`, its reverse
//! `caret.rs`, and `graphemes.rs`).

#[cfg(feature = "bench")]
pub mod bench;
pub mod caret;
pub mod clock;
pub mod compress;
pub mod download;
pub mod dropped;
pub mod exercise_link;
pub mod files;
pub mod graphemes;
pub mod highlights;
pub mod html_text;
pub mod offline;
pub mod offload;
pub mod panic_hook;
pub mod saving;
pub mod schedule;
pub mod scroll;
pub mod selection;
pub mod storage;
