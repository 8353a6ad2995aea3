//! The suggestions' layer in the text: named highlights of the CSS Custom Highlight API
//! (`CSS.highlights`), which mark ranges of the page without touching its DOM, so the painter's lines
//! stay as they are and a suggestion never looks like an annotation. web-sys binds the API only among
//! its unstable ones, so it is reached through js-sys's `Reflect`; a browser without it shows the
//! suggestion bar alone.

use crate::domain::model::article::Article;
use crate::web::caret::dom_point;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Marks `spans` (code point offsets of `article`, shown in `container`) as the highlight `name`,
/// replacing what it marked before; no spans clears it.
pub fn mark(name: &str, container: &Element, article: &Article, spans: &[(usize, usize)]) {
    let _ = try_mark(name, container, article, spans);
}

fn try_mark(
    name: &str,
    container: &Element,
    article: &Article,
    spans: &[(usize, usize)],
) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let registry = Reflect::get(&Reflect::get(&window, &"CSS".into())?, &"highlights".into())?;
    if registry.is_undefined() {
        return Ok(());
    }
    let call = |method: &str, args: &Array| -> Result<JsValue, JsValue> {
        let f: Function = Reflect::get(&registry, &method.into())?.dyn_into()?;
        f.apply(&registry, args)
    };
    if spans.is_empty() {
        call("delete", &Array::of1(&name.into()))?;
        return Ok(());
    }
    let document = window.document().ok_or(JsValue::NULL)?;
    let ranges = Array::new();
    for &(start, end) in spans {
        let (Some((sn, so)), Some((en, eo))) = (
            dom_point(container, article, start),
            dom_point(container, article, end),
        ) else {
            continue;
        };
        let range = document.create_range()?;
        range.set_start(&sn, so)?;
        range.set_end(&en, eo)?;
        ranges.push(&range);
    }
    let constructor: Function = Reflect::get(&window, &"Highlight".into())?.dyn_into()?;
    let highlight = Reflect::construct(&constructor, &ranges)?;
    call("set", &Array::of2(&name.into(), &highlight))?;
    Ok(())
}
