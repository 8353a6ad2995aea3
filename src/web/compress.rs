//! Raw DEFLATE by the browser's own `CompressionStream`, for exercise links: no compression code in
//! the bundle. The two functions are a few lines of JavaScript that wasm-bindgen ships as a module of
//! the app's own (no inline script).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
async function run(bytes, stream, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) { await reader.cancel(); throw new Error('it unpacks to more than ' + limit + ' bytes'); }
    parts.push(value);
  }
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}
export function deflate(bytes) { return run(bytes, new CompressionStream('deflate-raw'), Infinity); }
export function inflate(bytes, limit) { return run(bytes, new DecompressionStream('deflate-raw'), limit); }
")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn deflate(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn inflate(bytes: &[u8], limit: f64) -> Result<JsValue, JsValue>;
}

fn bytes_of(result: Result<JsValue, JsValue>) -> Result<Vec<u8>, String> {
    match result {
        Ok(value) => Ok(js_sys::Uint8Array::new(&value).to_vec()),
        Err(e) => Err(e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))),
    }
}

/// `bytes`, compressed.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    bytes_of(deflate(bytes).await)
}

/// Compressed bytes unpacked, refused past `limit` bytes or when they are not DEFLATE data.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    // Sizes up to 2^53 are exact as a JavaScript number.
    bytes_of(inflate(bytes, limit as f64).await)
}
