//! Reads files the user picked or dropped.

use wasm_bindgen_futures::JsFuture;

/// Files of a picker's or a drop's file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The browser's copy of a file, to be read by the web worker: its `blob:` address (revoke it with
/// [`forget_kept`] once read) and its size.
pub fn kept(file: &web_sys::File) -> Result<crate::domain::offload::FileContent, String> {
    let url = web_sys::Url::create_object_url_with_blob(file)
        .map_err(|e| format!("{}: could not be read ({e:?})", file.name()))?;
    Ok(crate::domain::offload::FileContent::Kept {
        url,
        size: file.size() as usize,
    })
}

/// Lets the browser free a file kept by [`kept`], by its address.
pub fn forget_kept(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The bytes of a file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{}: could not be read ({e:?})", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
