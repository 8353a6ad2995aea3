//! The heat map: how many students tagged each stretch of an article with one label.

use super::scores::Mark;
use crate::domain::model::names::{ArticleId, LabelName};

/// A stretch of text `[start, end)` that `count` students tagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// How many students' spans cover it (a student counts once however many of their spans do).
    pub count: usize,
}

/// The stretches of `[0, len)` in order, each with its count (zero included), for `label` in `article`.
/// Spans past `len` are cut at it.
pub fn heat(
    students: &[&[Mark]],
    article: &ArticleId,
    label: LabelName,
    len: usize,
) -> Vec<Stretch> {
    // +1 where a student's covered run starts, -1 where it ends; a student's own overlapping spans are
    // merged first, so each student adds at most one to any point.
    let mut edges: Vec<(usize, isize)> = Vec::new();
    for marks in students {
        let mut spans: Vec<(usize, usize)> = marks
            .iter()
            .filter(|m| &m.article == article && m.label == label)
            .map(|m| (m.span.start().min(len), m.span.end().min(len)))
            .filter(|(s, e)| s < e)
            .collect();
        spans.sort_unstable();
        let mut run: Option<(usize, usize)> = None;
        for (s, e) in spans {
            match run {
                Some((rs, re)) if s <= re => run = Some((rs, re.max(e))),
                _ => {
                    if let Some((rs, re)) = run {
                        edges.extend([(rs, 1), (re, -1)]);
                    }
                    run = Some((s, e));
                }
            }
        }
        if let Some((rs, re)) = run {
            edges.extend([(rs, 1), (re, -1)]);
        }
    }
    edges.sort_unstable();
    let mut out = Vec::new();
    let (mut at, mut count) = (0usize, 0isize);
    for (pos, delta) in edges {
        if pos > at {
            out.push(Stretch {
                start: at,
                end: pos,
                count: count.unsigned_abs(),
            });
            at = pos;
        }
        count += delta;
    }
    if at < len {
        out.push(Stretch {
            start: at,
            end: len,
            count: count.unsigned_abs(),
        });
    }
    out
}
