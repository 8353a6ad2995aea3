//! Hooks for the benchmark harness (`bench/`), compiled only with the `bench` feature: load a generated
//! fixture from `?fixture=URL`, mark when the article is drawn, and time save, restore and export from
//! inside the page through `window.newsAnnotatorBench`.

use crate::domain::files::formats::native::export_json;
use crate::domain::files::stored;
use crate::domain::state::saving::STATE_KEY;
use crate::domain::state::session::Session;
use crate::web::{clock, saving, storage};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Marks `name` on the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` with the article's id as the mark's detail: `news-annotator:rendered` when the open
/// article's text on screen and its highlights are in the DOM, `news-annotator:complete` when all of it is.
pub fn mark_with_article(name: &str, article: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    // `performance.mark(name, {detail})`, which web-sys does not bind.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"detail".into(), &article.into());
    if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) {
        if let Ok(mark) = mark.dyn_into::<js_sys::Function>() {
            let _ = mark.call2(&performance, &name.into(), &options);
        }
    }
}

/// The `fixture` parameter of the page's URL, if any.
pub fn fixture_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("fixture="))
        .map(|url| {
            js_sys::decode_uri_component(url)
                .map(String::from)
                .unwrap_or_else(|_| url.to_owned())
        })
}

thread_local! {
    /// The fixture's fetch, started before the app renders so that download and start-up overlap.
    static EARLY: std::cell::RefCell<Option<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(None) };
}

/// Starts fetching the page's fixture, if it names one; [`fetch_text`] then picks up this request.
pub fn prefetch_fixture() {
    if let (Some(url), Some(window)) = (fixture_url(), web_sys::window()) {
        let promise = window.fetch_with_str(&url);
        EARLY.with(|early| *early.borrow_mut() = Some((url, promise)));
    }
}

/// Fetches a text file from the page's own server (or takes the request [`prefetch_fixture`] started).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let early = EARLY
        .with(|early| early.borrow_mut().take())
        .filter(|(u, _)| u == url);
    let promise = early.map_or_else(|| window.fetch_with_str(url), |(_, p)| p);
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    // The bytes, copied into wasm memory in one go: cheaper than a JS string re-encoded to UTF-8.
    let bytes = JsFuture::from(
        response
            .array_buffer()
            .map_err(|e| format!("{url}: {e:?}"))?,
    )
    .await
    .map_err(|e| format!("{url}: {e:?}"))?;
    String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec()).map_err(|e| format!("{url}: {e}"))
}

/// Sets `window.newsAnnotatorBench` to functions that each return the milliseconds they took.
pub fn expose(cell: Rc<RefCell<Session>>) {
    let bench = js_sys::Object::new();
    let set = |name: &str, f: &JsValue| {
        let _ = js_sys::Reflect::set(&bench, &JsValue::from_str(name), f);
    };
    let timed = |cell: Rc<RefCell<Session>>, work: fn(&Session)| {
        Closure::<dyn Fn() -> f64>::new(move || {
            let start = now_ms();
            if let Ok(session) = cell.try_borrow() {
                work(&session);
            }
            now_ms() - start
        })
        .into_js_value()
    };
    set(
        "save",
        &timed(Rc::clone(&cell), |s| {
            let _ = saving::save(&s.workspace);
        }),
    );
    set(
        "restore",
        &timed(Rc::clone(&cell), |s| {
            let raw = storage::load(STATE_KEY).ok().flatten().unwrap_or_default();
            let articles = s
                .workspace
                .articles()
                .iter()
                .map(|a| a.as_ref().clone())
                .collect();
            let _ = stored::decode(&raw, articles);
        }),
    );
    set(
        "export",
        &timed(cell, |s| {
            let _ = export_json(&s.workspace, clock::now());
        }),
    );
    let formats = Closure::<dyn Fn() -> js_sys::Array>::new(|| {
        js_sys::Array::of1(&JsValue::from_str("native"))
    });
    set("formats", &formats.into_js_value());
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("newsAnnotatorBench"), &bench);
    }
}
