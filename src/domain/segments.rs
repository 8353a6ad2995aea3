//! Render segments: a stretch of text cut at every annotation boundary, each piece knowing which
//! annotations cover it. Overlapping and nested spans become flat, non-overlapping pieces the view can
//! draw without nesting elements.

use super::annotation::Annotation;
use super::article::Article;
use super::span::Span;
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

    // Sweep: spans sorted by start enter the active set as the cursor passes their start.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans.get(i).map(|s| s.start()));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        while let Some(&i) = order.get(next) {
            match spans.get(i) {
                Some(span) if span.start() <= a => {
                    active.push(i);
                    next += 1;
                }
                _ => break,
            }
        }
        active.retain(|&i| spans.get(i).is_some_and(|s| s.end() > a));
        let mut covering: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| spans.get(i).is_some_and(|s| s.end() >= b))
            .collect();
        covering.sort_unstable();
        out.push(Segment {
            start: a,
            end: b,
            covering,
        });
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
#[path = "tests/segments.rs"]
mod tests;
