//! Render segments: a stretch of text cut at every annotation boundary, each piece knowing which
//! annotations cover it. Overlapping and nested spans become flat, non-overlapping pieces the view can
//! draw without nesting elements.

use super::span::Span;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn span(a: usize, b: usize) -> Span {
        Span::new(a, b).unwrap()
    }

    fn check(from: usize, to: usize, spans: &[Span], expected: &[(usize, usize, &[usize])]) {
        let got: Vec<_> = segments(from, to, spans)
            .into_iter()
            .map(|s| (s.start, s.end, s.covering))
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(a, b, c)| (*a, *b, c.to_vec()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn plain_text_is_one_segment() {
        check(0, 10, &[], &[(0, 10, &[])]);
    }

    #[test]
    fn nested_spans_cut_into_three_layers() {
        // A claim [2, 12) with an entity [4, 7) inside it.
        check(
            0,
            14,
            &[span(2, 12), span(4, 7)],
            &[
                (0, 2, &[]),
                (2, 4, &[0]),
                (4, 7, &[0, 1]),
                (7, 12, &[0]),
                (12, 14, &[]),
            ],
        );
    }

    #[test]
    fn crossing_spans_share_only_their_overlap() {
        check(
            0,
            10,
            &[span(5, 9), span(1, 7)],
            &[
                (0, 1, &[]),
                (1, 5, &[1]),
                (5, 7, &[0, 1]),
                (7, 9, &[0]),
                (9, 10, &[]),
            ],
        );
    }

    #[test]
    fn spans_are_clipped_to_the_paragraph() {
        check(
            10,
            20,
            &[span(0, 12), span(18, 30), span(30, 40)],
            &[(10, 12, &[0]), (12, 18, &[]), (18, 20, &[1])],
        );
    }

    #[test]
    fn identical_spans_both_cover() {
        check(0, 4, &[span(0, 4), span(0, 4)], &[(0, 4, &[0, 1])]);
    }

    #[test]
    fn empty_paragraph_has_no_segments() {
        assert!(segments(5, 5, &[span(0, 9)]).is_empty());
    }
}
