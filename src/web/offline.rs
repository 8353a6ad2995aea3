//! Offline use: registers the service worker that keeps the app's files (`/sw.js`, written by
//! `scripts/post-build.mjs` from `pwa/sw.js`), so a browser that loaded the app once can start it
//! again without a network.

use wasm_bindgen::{JsCast, JsValue};

/// Where the build puts the service worker: at the root, so that it serves the whole app.
pub const SERVICE_WORKER_URL: &str = "/sw.js";

/// Registers the service worker once the page is idle after its first paint (the registration takes a
/// few milliseconds of the page's thread), so it never delays the app's start nor what follows it. Does
/// nothing where the browser has no service workers (an insecure origin, an old browser); a failed
/// registration leaves the app working online as before.
pub fn register_service_worker() {
    super::schedule::when_idle_after_next_paint(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        // `navigator.serviceWorker` is missing outside secure contexts: calling into it would throw.
        let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
            .is_ok_and(|v| v.is_object());
        if !present {
            return;
        }
        let promise = navigator.service_worker().register(SERVICE_WORKER_URL);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                let reason = e
                    .dyn_ref::<js_sys::Error>()
                    .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()));
                web_sys::console::warn_1(&JsValue::from_str(&format!(
                    "News Annotator will not work offline: the service worker was not registered ({reason})"
                )));
            }
        });
    });
}
