//! Word-level differences between two versions of a passage: the longest common subsequence of their
//! words, as runs of words kept, removed (only in the base) and added (only in the other).

use crate::domain::features::similarity::fold;
use crate::domain::model::span::Span;

/// The most cells (words of the base × words of the other, after their common start and end are set
/// aside) the LCS table may have: 250,000 (500 × 500 words, 1 MB of `u32`). Past it, the middle is
/// shown as one removed and one added run.
pub const MAX_CELLS: usize = 250_000;

/// What a run of words is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// In both versions.
    Same,
    /// Only in the base.
    Removed,
    /// Only in the other version.
    Added,
}

/// Consecutive words with the same [`Change`], with where they are in each text: code points of the
/// base (for `Same` and `Removed`) and of the other (for `Same` and `Added`), from the first word's
/// start to the last word's end. Words keep the punctuation attached to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Kept, removed or added.
    pub change: Change,
    /// Where in the base.
    pub base: Option<Span>,
    /// Where in the other.
    pub other: Option<Span>,
}

/// One whitespace-separated word: its code points and what it is compared by.
struct Word {
    span: Span,
    key: String,
}

/// The words of `text`, compared by their folded form (case, diacritics and surrounding punctuation
/// ignored), or by themselves when nothing is left once folded (a dash).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    for (count, (byte, c)) in ends.enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some((from_byte, from))) => {
                start = None;
                let raw = text.get(from_byte..byte).unwrap_or_default();
                let folded = fold(raw);
                let key = if folded.is_empty() {
                    raw.to_owned()
                } else {
                    folded
                };
                out.extend(Span::new(from, count).ok().map(|span| Word { span, key }));
            }
            (false, None) => start = Some((byte, count)),
            _ => {}
        }
    }
    out
}

/// The differences between `base` and `other`, word by word, in order: each stretch of changes
/// between kept words gives its removed run before its added run. Spans are code points of each
/// text. Beyond [`MAX_CELLS`] the middle (after the common start and end) is one removed and one
/// added run.
pub fn diff(base: &str, other: &str) -> Vec<Run> {
    let (a, b) = (words(base), words(other));
    let keys = |w: &[Word]| -> Vec<String> { w.iter().map(|x| x.key.clone()).collect() };
    let (ka, kb) = (keys(&a), keys(&b));
    let head = ka.iter().zip(&kb).take_while(|(x, y)| x == y).count();
    let rest = ka.len().min(kb.len()) - head;
    let tail = ka
        .iter()
        .rev()
        .zip(kb.iter().rev())
        .take(rest)
        .take_while(|(x, y)| x == y)
        .count();
    let mid_a = ka.get(head..ka.len() - tail).unwrap_or_default();
    let mid_b = kb.get(head..kb.len() - tail).unwrap_or_default();
    let mut ops: Vec<(usize, usize)> = (0..head).map(|i| (i, i)).collect();
    ops.extend(
        matches(mid_a, mid_b)
            .into_iter()
            .map(|(i, j)| (head + i, head + j)),
    );
    ops.extend((0..tail).map(|k| (ka.len() - tail + k, kb.len() - tail + k)));
    runs(&a, &b, &ops)
}

/// The pairs (index in `a`, index in `b`) of a longest common subsequence, in order; none when the
/// table would pass [`MAX_CELLS`]. Of equally long ones, the one that removes before it adds.
fn matches(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        return Vec::new();
    }
    let width = m + 1;
    // table[i * width + j]: the LCS length of a[i..] and b[j..].
    let mut table = vec![0u32; (n + 1) * width];
    let at = |t: &[u32], i: usize, j: usize| t.get(i * width + j).copied().unwrap_or(0);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value = if a.get(i) == b.get(j) {
                at(&table, i + 1, j + 1) + 1
            } else {
                at(&table, i + 1, j).max(at(&table, i, j + 1))
            };
            if let Some(slot) = table.get_mut(i * width + j) {
                *slot = value;
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a.get(i) == b.get(j) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if at(&table, i + 1, j) >= at(&table, i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The runs for the kept pairs `ops` (ascending in both): before each kept word, the base's words
/// since the last kept one as one removed run and the other's as one added run.
fn runs(a: &[Word], b: &[Word], ops: &[(usize, usize)]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let ends = ops.iter().copied().map(Some).chain(std::iter::once(None));
    for op in ends {
        let (to_i, to_j) = op.unwrap_or((a.len(), b.len()));
        if let Some(span) = cover(a, i, to_i) {
            out.push(Run {
                change: Change::Removed,
                base: Some(span),
                other: None,
            });
        }
        if let Some(span) = cover(b, j, to_j) {
            out.push(Run {
                change: Change::Added,
                base: None,
                other: Some(span),
            });
        }
        let Some((x, y)) = op else { break };
        let (Some(wa), Some(wb)) = (a.get(x), b.get(y)) else {
            break;
        };
        match out.last_mut() {
            Some(
                run @ Run {
                    change: Change::Same,
                    ..
                },
            ) if to_i == i && to_j == j => {
                run.base = run
                    .base
                    .and_then(|s| Span::new(s.start(), wa.span.end()).ok());
                run.other = run
                    .other
                    .and_then(|s| Span::new(s.start(), wb.span.end()).ok());
            }
            _ => out.push(Run {
                change: Change::Same,
                base: Some(wa.span),
                other: Some(wb.span),
            }),
        }
        (i, j) = (x + 1, y + 1);
    }
    out
}

/// The span from the start of word `from` to the end of word `to - 1`, if `from < to`.
fn cover(words: &[Word], from: usize, to: usize) -> Option<Span> {
    let first = words.get(from)?;
    let last = words.get(to.checked_sub(1)?)?;
    (from < to).then(|| Span::new(first.span.start(), last.span.end()).ok())?
}

#[cfg(test)]
#[path = "../../tests/outlets_diff.rs"]
mod tests;
