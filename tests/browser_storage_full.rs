//! Own articles and a full localStorage in a real browser: an article is tried in storage before it is
//! added, a full storage is told apart from other failures, and the refusal gives the sizes (the
//! messages and sizes themselves are tested natively, in `domain/tests/saving.rs`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use news_annotator::domain::files::bundled::bundled_articles;
use news_annotator::domain::model::article::Article;
use news_annotator::domain::model::time::Timestamp;
use news_annotator::domain::state::saving::{full_message, units, Refused, Trial, STATE_KEY};
use news_annotator::domain::state::session::Session;
use news_annotator::domain::state::workspace::Workspace;
use news_annotator::web::saving::try_adding;
use news_annotator::web::storage::{load, used, write};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Fills localStorage in ever smaller pieces until not one more character fits; returns the keys.
fn fill() -> Vec<String> {
    let mut keys = Vec::new();
    let mut piece = 1 << 20;
    while piece >= 1 {
        let key = format!("filler/{}", keys.len());
        if local_storage().set_item(&key, &"x".repeat(piece)).is_ok() {
            keys.push(key);
        } else {
            piece /= 2;
        }
    }
    keys
}

fn own(text: &str) -> Article {
    Article::own("own-1", "Mine", text.to_owned(), Timestamp(1))
}

#[wasm_bindgen_test]
fn the_quota_counts_utf16_units_of_keys_and_values() {
    local_storage().clear().unwrap();
    local_storage().set_item("ab", "Київ 👋").unwrap();
    assert_eq!(units("Київ 👋"), 7, "the emoji is two units");
    assert_eq!(used().unwrap(), 2 + 7);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn an_article_that_does_not_fit_is_refused_with_the_sizes_and_nothing_is_written() {
    local_storage().clear().unwrap();
    let session = Session::new(Workspace::new(bundled_articles().unwrap()));
    local_storage().set_item(STATE_KEY, "{\"kept\":1}").unwrap();
    let keys = fill();
    assert!(
        matches!(write("one-more", "x"), Err(Refused::Full)),
        "a full storage is told apart"
    );
    let full = used().unwrap();
    let text = "Zürich 👋 ".repeat(20_000);
    let refused = try_adding(&session, &own(&text)).unwrap_err();
    assert_eq!(refused, full_message(units(&text), full));
    assert_eq!(
        load(STATE_KEY).unwrap().as_deref(),
        Some("{\"kept\":1}"),
        "the saved state is untouched"
    );

    // With room again, the state with the article is saved before it is added.
    for key in keys {
        local_storage().remove_item(&key).unwrap();
    }
    assert_eq!(try_adding(&session, &own(&text)), Ok(Trial::Saved));
    let saved = load(STATE_KEY).unwrap().unwrap();
    assert!(
        saved.contains("own-1") && saved.contains(&text),
        "the article and its text are saved"
    );
    local_storage().clear().unwrap();
}
