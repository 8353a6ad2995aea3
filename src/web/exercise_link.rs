//! Exercise links: the page's own address with the exercise, compressed, in the fragment.

use super::compress::{compress, decompress};
use crate::domain::features::classroom::link::{self, MAX_UNPACKED, PREFIX};

/// The page's address without its fragment.
fn base() -> Result<String, String> {
    let location = web_sys::window().ok_or("no browser window")?.location();
    let href = location
        .href()
        .map_err(|_| "the page's address cannot be read")?;
    Ok(href.split('#').next().unwrap_or_default().to_owned())
}

/// The link that opens `json` (an exercise), and its length in characters.
pub async fn make(json: &str) -> Result<String, String> {
    let packed = compress(json.as_bytes()).await?;
    Ok(format!("{}{PREFIX}{}", base()?, link::encode(&packed)))
}

/// The payload of the page's fragment if it holds an exercise; the fragment is then cleared, so that a
/// reload does not open it again.
pub fn take_payload() -> Option<String> {
    let location = web_sys::window()?.location();
    let hash = location.hash().ok()?;
    let payload = link::payload(&hash)?.to_owned();
    let _ = location.set_hash("");
    Some(payload)
}

/// The exercise file a link's payload holds.
pub async fn unpack(payload: &str) -> Result<Vec<u8>, String> {
    let packed = link::decode(payload)?;
    decompress(&packed, MAX_UNPACKED)
        .await
        .map_err(|e| format!("the link is damaged: {e}"))
}
