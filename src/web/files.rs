//! Reads files the user picked or dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files of a picker's or a drop's file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The whole text of a file, decoded as UTF-8 (invalid bytes become U+FFFD, as the browser decodes).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{}: could not be read ({e:?})", file.name()))?;
    text.dyn_into::<js_sys::JsString>()
        .map(String::from)
        .map_err(|_| format!("{}: the browser returned no text", file.name()))
}
