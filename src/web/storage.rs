//! localStorage access that reports every failure as a message instead of panicking: the [`Store`]
//! that the save protocol ([`crate::domain::state::saving`]) writes to in the app.
//!
//! Sizes are counted as Chromium counts them against an origin's quota: the key and the value in UTF-16
//! code units. Chromium 156 gives an origin 5,242,880 of them (5 Mi), whatever the characters
//! (measured by `tests/e2e/own_articles.test.mjs`).

use crate::domain::state::saving::{units, Refused, Store};
use wasm_bindgen::JsValue;
use web_sys::Storage;

/// What localStorage takes for one origin in Chromium, Firefox and Safari: 5 Mi UTF-16 code units.
const CAPACITY: usize = 5 * 1024 * 1024;

/// The page's localStorage, as the save protocol's [`Store`].
pub struct LocalStorage;

impl Store for LocalStorage {
    fn load(&self, key: &str) -> Result<Option<String>, String> {
        load(key)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        write(key, value)
    }

    fn used(&self) -> Result<usize, String> {
        used()
    }

    fn capacity(&self) -> Option<usize> {
        Some(CAPACITY)
    }

    fn new_revision(&mut self) -> String {
        super::clock::new_id().as_str().to_owned()
    }
}

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
