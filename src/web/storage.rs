//! localStorage access that reports every failure as a message instead of panicking.
//!
//! Sizes are counted as Chromium counts them against an origin's quota: the key and the value in UTF-16
//! code units. Chromium 156 gives an origin 5,242,880 of them (5 Mi), whatever the characters
//! (measured by `tests/e2e/own_articles.test.mjs`).

use wasm_bindgen::JsValue;
use web_sys::Storage;

/// The key that holds the saved workspace.
pub const STATE_KEY: &str = "news-annotator/state";

/// The key that holds the stamp of the saved workspace (see `domain::sync::Stamp`): which revision it
/// is and which state its tab had read, so that another tab merges it from the right base.
pub const STAMP_KEY: &str = "news-annotator/state-stamp";

/// The key that holds the classroom: a student's exercise and name, a teacher's exercise.
pub const CLASSROOM_KEY: &str = "news-annotator/classroom";

/// Prefix of the keys that keep saved data this version could not read.
pub const UNREADABLE_PREFIX: &str = "news-annotator/unreadable/";

fn local_storage() -> Result<Storage, String> {
    web_sys::window()
        .ok_or("no browser window")?
        .local_storage()
        .map_err(|_| {
            "this browser blocks localStorage (private mode or site settings?)".to_owned()
        })?
        .ok_or_else(|| "this browser has no localStorage".to_owned())
}

/// The text stored under `key`, if any.
pub fn load(key: &str) -> Result<Option<String>, String> {
    local_storage()?
        .get_item(key)
        .map_err(|_| format!("could not read \"{key}\" from localStorage"))
}

/// Why a write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The origin's quota would be exceeded (`QuotaExceededError`).
    Full,
    /// Anything else (storage blocked, no window), in words.
    Other(String),
}

/// Writes `value` under `key`, telling a full storage apart from other failures.
pub fn write(key: &str, value: &str) -> Result<(), Refused> {
    let storage = local_storage().map_err(Refused::Other)?;
    storage.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => Refused::Full,
            _ => Refused::Other(format!("the browser refused to save ({e:?})")),
        }
    })
}

/// Writes `value` under `key`; fails when storage is full or blocked.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    write(key, value).map_err(|refused| match refused {
        Refused::Full => format!(
            "the browser refused to save ({} KB): its storage for this site is full",
            units(value) / 1024
        ),
        Refused::Other(why) => why,
    })
}

/// The size of a text as the quota counts it: its UTF-16 code units.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// What this site keeps in localStorage, every key and value, as the quota counts it.
pub fn used() -> Result<usize, String> {
    let storage = local_storage()?;
    let count = storage
        .length()
        .map_err(|_| "could not count localStorage's entries".to_owned())?;
    let mut total = 0;
    for i in 0..count {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
        total += units(&key) + units(&value);
    }
    Ok(total)
}

/// Copies data that could not be read to a key of its own, so that nothing overwrites it; returns that key.
pub fn keep_unreadable(raw: &str, stamp: &str) -> Result<String, String> {
    let key = format!("{UNREADABLE_PREFIX}{stamp}");
    save(&key, raw)?;
    Ok(key)
}
