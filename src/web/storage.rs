//! localStorage access that reports every failure as a message instead of panicking.

use web_sys::Storage;

/// The key that holds the saved workspace.
pub const STATE_KEY: &str = "news-annotator/state";

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

/// Writes `value` under `key`; fails when storage is full or blocked.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    local_storage()?.set_item(key, value).map_err(|_| {
        format!(
            "the browser refused to save ({} KB): its storage for this site may be full",
            value.len() / 1024
        )
    })
}

/// Copies data that could not be read to a key of its own, so that nothing overwrites it; returns that key.
pub fn keep_unreadable(raw: &str, stamp: &str) -> Result<String, String> {
    let key = format!("{UNREADABLE_PREFIX}{stamp}");
    save(&key, raw)?;
    Ok(key)
}
