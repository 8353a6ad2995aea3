//! The suggestions' layer in the text: named highlights of the CSS Custom Highlight API
//! (`CSS.highlights`), which mark ranges of the page without touching its DOM, so the painter's lines
//! stay as they are and a suggestion never looks like an annotation. web-sys binds the API only among
//! its unstable ones, so it is reached through js-sys's `Reflect`; a browser without it shows the
//! suggestion bar alone.

use crate::domain::model::article::Article;
use crate::web::caret::point_in_line;
use js_sys::{Array, Function, Reflect};
use std::collections::HashMap;
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
    let lines = lines_on_page(container)?;
    let point = |pos: usize| {
        let start = article.paragraphs.get(article.paragraph_at(pos))?.start;
        point_in_line(lines.get(&start)?.clone(), start, pos)
    };
    let ranges = Array::new();
    for &(start, end) in spans {
        let (Some((sn, so)), Some((en, eo))) = (point(start), point(end)) else {
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

/// The article's line elements on the page (`p.para`), by the code point their line starts at: read
/// once, so that marking many spans does not search the page for each.
fn lines_on_page(container: &Element) -> Result<HashMap<usize, Element>, JsValue> {
    let found = container.query_selector_all("p.para[data-start]")?;
    let mut lines = HashMap::new();
    for i in 0..found.length() {
        let Some(line) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Some(start) = line
            .get_attribute("data-start")
            .and_then(|s| s.parse().ok())
        {
            lines.insert(start, line);
        }
    }
    Ok(lines)
}
