//! Grapheme clusters from the browser's `Intl.Segmenter`, so the wasm carries no Unicode tables of its
//! own. `Intl.Segmenter` counts UTF-16 code units; this file converts to and from code points.

use crate::domain::model::text::{char_to_utf16, utf16_to_char, Graphemes};
use js_sys::Intl::{Segmenter, SegmenterGranularity, SegmenterOptions};
use js_sys::{Array, Reflect};

thread_local! {
    /// The page's grapheme segmenter, made on first use; `None` in a browser without `Intl.Segmenter`.
    static SEGMENTER: Option<Segmenter> = new_segmenter();
}

/// A grapheme `Intl.Segmenter` for the default locale, if the browser has one.
fn new_segmenter() -> Option<Segmenter> {
    // The constructor would throw in a browser that lacks it, so look for it first.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    if !Reflect::get(&intl, &"Segmenter".into()).ok()?.is_function() {
        return None;
    }
    let options = SegmenterOptions::new();
    options.set_granularity(SegmenterGranularity::Grapheme);
    Some(Segmenter::new(&Array::new(), &options))
}

/// [`Graphemes`] from the browser's `Intl.Segmenter`. Where the browser has none, every code point is
/// its own cluster, so selections are still trimmed but no longer widened.
pub struct BrowserGraphemes;

impl Graphemes for BrowserGraphemes {
    fn cluster_at(&self, text: &str, at: usize) -> (usize, usize) {
        let unit = u32::try_from(char_to_utf16(text, at)).unwrap_or(u32::MAX);
        let found = SEGMENTER.with(|segmenter| {
            let data = segmenter.as_ref()?.segment(text).containing(unit)?;
            let start = data.index();
            Some((start, start.saturating_add(data.segment().length())))
        });
        match found {
            Some((start, end)) => (
                utf16_to_char(text, start as usize),
                utf16_to_char(text, end as usize),
            ),
            None => (at, at + 1),
        }
    }
}
