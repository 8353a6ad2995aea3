//! Reads files the user picked or dropped.

use wasm_bindgen_futures::JsFuture;

/// Files of a picker's or a drop's file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The bytes of a file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{}: could not be read ({e:?})", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
