//! News Annotator: tag claims, quotes and entities in news articles, in the browser.
//!
//! - [`domain`]: pure Rust, no browser; everything that can be tested natively.
//! - `web` (wasm only): the thin browser edge: DOM selections, localStorage, downloads, file reading.
//! - `ui` (wasm only): Yew components that connect the two.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
