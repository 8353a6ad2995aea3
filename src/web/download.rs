//! Offers text to the user as a downloaded file.

use wasm_bindgen::{JsCast, JsValue};

/// Starts a download of `text` as a file called `file_name` with the given MIME type.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(file_name, mime, text.as_bytes())
}

/// Starts a download of `bytes` as a file called `file_name` with the given MIME type.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail =
        |what: &str, e: JsValue| format!("could not download {file_name}: {what} failed ({e:?})");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| fail("making the file", e))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| fail("making a link", e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("could not download: no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| fail("making a link", e))?
        .dyn_into()
        .map_err(|_| "could not download: not a link element".to_owned())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The browser has taken the blob for the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
