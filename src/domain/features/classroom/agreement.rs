//! Agreement among students who annotated the same articles (not against a key): Krippendorff's
//! alpha per label, and the F1 of every pair of students.
//!
//! **The alpha variant** ([`ALPHA_RULE`]): nominal, binary alpha for one label at a time, over code
//! points. The units are the code points of the exercise's articles, one after the other; for one label,
//! each coder gives each code point the value 1 if it lies inside any of that coder's spans with that
//! label, else 0. Every coder codes every unit, so there are no missing values, and
//! alpha = 1 − D_o / D_e over the coincidence matrix (1: full agreement, 0: what chance gives,
//! below 0: systematic disagreement).
//!
//! Why this variant:
//! - Labels nest (an entity inside a quote), so one value per code point across labels would not
//!   work; a binary alpha per label handles nesting.
//! - Code points, not tokens: the app's offsets are code points, and the articles are in many
//!   languages, where no one tokenizer would be right.
//! - Unitized alpha (u-alpha) is closer to spans, but has no established implementation to check
//!   against; this variant is exactly what the Python `krippendorff` package computes from a
//!   coders × units matrix (`level_of_measurement="nominal"`), which `tests/consumers/test_agreement.py`
//!   checks.
//!
//! The coders × units matrix is never built. The number of coders with value 1 is constant between
//! span boundaries, so a sweep over the sorted boundaries (O(spans log spans)) visits runs of units;
//! with n coders and n1 ones at a unit, that unit adds 2·n1·(n − n1)/(n − 1) to the off-diagonal
//! coincidences, and alpha = 1 − (N − 1)·Σ n1·(n − n1) / ((n − 1)·N0·N1), with N = n × units and N0,
//! N1 the zeros and ones in all.

use crate::domain::features::classroom::scores::{matches, Mark, Matching};
use crate::domain::model::names::{ArticleId, LabelName};
use std::collections::BTreeMap;

/// The alpha variant in one sentence, for the teacher's view and the CSV.
pub const ALPHA_RULE: &str = "Krippendorff's alpha, nominal, per label, over every character of \
the exercise's articles: each student gives each character 1 if one of their spans with that label \
covers it, else 0 (1 is full agreement, 0 is what chance would give).";

/// Krippendorff's alpha (nominal, binary) for one label over code points.
///
/// `lengths` gives each article of the exercise and its length in code points (an article listed twice
/// counts once, with its first length). Marks of other labels or of articles not in `lengths` are
/// ignored; a mark past its article's end is clipped. `None` with fewer than 2 coders, or when there is
/// no variation at all (every value 0 or every value 1).
pub fn alpha(lengths: &[(ArticleId, usize)], coders: &[&[Mark]], label: LabelName) -> Option<f64> {
    let n = coders.len();
    if n < 2 {
        return None;
    }
    // Each article's first unit among all the units.
    let mut bases: BTreeMap<&ArticleId, (usize, usize)> = BTreeMap::new();
    let mut units = 0usize;
    for (id, len) in lengths {
        if !bases.contains_key(id) {
            bases.insert(id, (units, *len));
            units = units.saturating_add(*len);
        }
    }
    // +1 where one coder's run of ones starts, −1 where it ends.
    let mut events: Vec<(usize, i64)> = Vec::new();
    let mut ones = 0u128;
    for marks in coders {
        for (start, end) in coverage(&bases, marks, label) {
            events.push((start, 1));
            events.push((end, -1));
            ones += end.saturating_sub(start) as u128;
        }
    }
    events.sort_unstable();
    // Σ over units of n1·(n − n1).
    let mut pairs = 0u128;
    let (mut at, mut level) = (0usize, 0i64);
    for (pos, step) in events {
        let n1 = u128::try_from(level).unwrap_or(0);
        let run = pos.saturating_sub(at) as u128;
        pairs = pairs.saturating_add(run.saturating_mul(n1 * (n as u128).saturating_sub(n1)));
        at = pos;
        level += step;
    }
    let values = units as u128 * n as u128;
    let zeros = values.saturating_sub(ones);
    if ones == 0 || zeros == 0 {
        return None;
    }
    let disagreement = (values - 1) as f64 * pairs as f64;
    Some(1.0 - disagreement / ((n - 1) as f64 * zeros as f64 * ones as f64))
}

/// One coder's ones for `label`, as disjoint sorted runs `[start, end)` of global unit positions:
/// the spans clipped to their article, placed after the articles before it, and merged.
fn coverage(
    bases: &BTreeMap<&ArticleId, (usize, usize)>,
    marks: &[Mark],
    label: LabelName,
) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.label == label)
        .filter_map(|m| {
            let (base, len) = bases.get(&m.article)?;
            let end = m.span.end().min(*len);
            (m.span.start() < end).then(|| {
                (
                    base.saturating_add(m.span.start()),
                    base.saturating_add(end),
                )
            })
        })
        .collect();
    runs.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for (start, end) in runs {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// F1 of every pair of coders with this matching, all labels together (a match needs the same label);
/// `out[i][j]`, symmetric, `out[i][i] = Some(1.0)` when coder i has marks; `None` when both have no
/// marks.
///
/// F1 = 2·matches / (marks of i + marks of j), so it does not matter which of the two is taken as the
/// key; the one-to-one matching is computed once per pair (i < j) and mirrored.
pub fn pairwise_f1(coders: &[&[Mark]], matching: Matching) -> Vec<Vec<Option<f64>>> {
    let n = coders.len();
    let mut out = vec![vec![None; n]; n];
    for (i, a) in coders.iter().enumerate() {
        for (j, b) in coders.iter().enumerate().skip(i) {
            let f1 = if i == j {
                (!a.is_empty()).then_some(1.0)
            } else {
                pair_f1(a, b, matching)
            };
            for (r, c) in [(i, j), (j, i)] {
                if let Some(cell) = out.get_mut(r).and_then(|row| row.get_mut(c)) {
                    *cell = f1;
                }
            }
        }
    }
    out
}

/// The mean of the off-diagonal pairs of [`pairwise_f1`] restricted to `label` (`None` if no pair
/// defined).
pub fn mean_pairwise_f1(coders: &[&[Mark]], label: LabelName, matching: Matching) -> Option<f64> {
    let only: Vec<Vec<Mark>> = coders
        .iter()
        .map(|marks| marks.iter().filter(|m| m.label == label).cloned().collect())
        .collect();
    let (mut sum, mut count) = (0.0, 0usize);
    for (i, a) in only.iter().enumerate() {
        for b in only.iter().skip(i + 1) {
            if let Some(f1) = pair_f1(a, b, matching) {
                sum += f1;
                count += 1;
            }
        }
    }
    (count > 0).then(|| sum / count as f64)
}

/// 2·matches / (|a| + |b|); `None` when both are empty.
fn pair_f1(a: &[Mark], b: &[Mark], matching: Matching) -> Option<f64> {
    let total = a.len() + b.len();
    (total > 0).then(|| 2.0 * matches(a, b, matching).len() as f64 / total as f64)
}

#[cfg(test)]
#[path = "../../tests/classroom_agreement.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tests/classroom_agreement_properties.rs"]
mod properties;
