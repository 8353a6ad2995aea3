//! Reports a panic instead of letting the page die silently.

use wasm_bindgen::JsValue;

/// Logs a panic to the console and shows a message at the top of the page. The view installs it as the
/// panic hook (through Yew, which would otherwise replace a hook set with `std::panic::set_hook`).
///
/// Panics should never happen (every decode returns a `Result`); this is the last line of defence.
pub fn report(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "news-annotator panicked: {info}"
    )));
    let _shown = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        let banner = d.create_element("div").ok()?;
        banner.set_attribute("role", "alert").ok()?;
        banner.set_class_name("panic-banner");
        banner.set_text_content(Some(
            "Something went wrong inside the app. Your annotations up to the last change are saved \
             in this browser: reload the page to continue.",
        ));
        d.body()?.prepend_with_node_1(&banner).ok()
    });
}
