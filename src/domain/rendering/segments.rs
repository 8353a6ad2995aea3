//! Render segments: a stretch of text cut at every annotation boundary, each piece knowing which
//! annotations cover it. Overlapping and nested spans become flat, non-overlapping pieces the view can
//! draw without nesting elements.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::span::Span;
use std::rc::Rc;

/// A piece `[start, end)` of text and the annotations covering all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Indexes into the span slice given to [`segments`], in ascending order.
    pub covering: Vec<usize>,
}

/// Cuts `[from, to)` into segments at every boundary of `spans` that falls inside it.
///
/// The segments are in order, cover `[from, to)` exactly, and are never empty. Spans reaching outside
/// `[from, to)` are clipped, and spans that miss it entirely are ignored.
pub fn segments(from: usize, to: usize, spans: &[Span]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = Vec::with_capacity(spans.len() * 2 + 2);
    cuts.push(from);
    cuts.push(to);
    for span in spans {
        for at in [span.start(), span.end()] {
            if from < at && at < to {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<Segment> = cuts
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] => Some(Segment {
                start: *a,
                end: *b,
                covering: Vec::new(),
            }),
            _ => None,
        })
        .collect();
    // Every boundary inside `[from, to)` is a cut, so a span covers a run of whole segments: those that
    // start at or after its start and end at or before its end. Spans go in index order, so each
    // segment's `covering` comes out ascending.
    for (i, span) in spans.iter().enumerate() {
        let first = out.partition_point(|seg| seg.start < span.start());
        let last = out.partition_point(|seg| seg.end <= span.end());
        for seg in out.iter_mut().take(last).skip(first) {
            seg.covering.push(i);
        }
    }
    out
}

/// The annotations of one article split by paragraph: entry `i` holds every annotation that touches
/// paragraph `i`, in text order. A span across a line break appears in each paragraph it touches.
pub fn by_paragraph(article: &Article, annotations: &[Rc<Annotation>]) -> Vec<Vec<Rc<Annotation>>> {
    let mut out = vec![Vec::new(); article.paragraphs.len()];
    for a in annotations {
        let first = article.paragraph_at(a.span.start());
        let last = article.paragraph_at(a.span.end().saturating_sub(1));
        for slot in out.iter_mut().take(last + 1).skip(first) {
            slot.push(Rc::clone(a));
        }
    }
    out
}

#[cfg(test)]
#[path = "../tests/segments.rs"]
mod tests;
