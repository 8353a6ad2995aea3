//! Precision, recall and F1 of one annotator's spans against a key, per label, with exact or overlap
//! matching.
//!
//! - **Exact**: a span matches a key span with the same article, start, end and label family.
//! - **Overlap**: a span matches a key span with the same article and label family that shares at least
//!   one code point with it; each key span and each span is matched at most once, the largest overlaps
//!   first, so two spans on one key span count one match and one extra.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::model::span::Span;
use std::collections::BTreeMap;

/// How two spans are said to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Matching {
    /// Same offsets.
    Exact,
    /// At least one code point in common, one-to-one.
    Overlap,
}

impl Matching {
    /// The rule in one sentence, for the teacher's table.
    pub fn rule(self) -> &'static str {
        match self {
            Matching::Exact => "a span counts when it has exactly the key's start, end and label",
            Matching::Overlap => {
                "a span counts when it shares at least one character and the label with a key span; \
                 each key span is matched once"
            }
        }
    }
}

/// One labelled span of one article, as compared here.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Mark {
    /// The article.
    pub article: ArticleId,
    /// The label family (an entity's kind is not compared).
    pub label: LabelName,
    /// Where.
    pub span: Span,
}

impl Mark {
    /// The mark of an annotation.
    pub fn of(a: &Annotation) -> Mark {
        Mark {
            article: a.article.clone(),
            label: a.label.name(),
            span: a.span,
        }
    }
}

/// Matches, misses and extras for one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Spans that match a key span.
    pub matched: usize,
    /// Key spans nobody matched.
    pub missed: usize,
    /// Spans that match no key span.
    pub extra: usize,
}

impl Counts {
    /// matched / (matched + extra); `None` with no spans.
    pub fn precision(self) -> Option<f64> {
        ratio(self.matched, self.matched + self.extra)
    }

    /// matched / (matched + missed); `None` with no key spans.
    pub fn recall(self) -> Option<f64> {
        ratio(self.matched, self.matched + self.missed)
    }

    /// The harmonic mean of precision and recall, 2m / (2m + missed + extra); `None` when both lists
    /// are empty.
    pub fn f1(self) -> Option<f64> {
        ratio(
            2 * self.matched,
            2 * self.matched + self.missed + self.extra,
        )
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The pairs (index in `key`, index in `answer`) that match, one-to-one.
pub fn matches(key: &[Mark], answer: &[Mark], matching: Matching) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (k, km) in key.iter().enumerate() {
        for (a, am) in answer.iter().enumerate() {
            if km.article != am.article || km.label != am.label {
                continue;
            }
            let common = km
                .span
                .end()
                .min(am.span.end())
                .saturating_sub(km.span.start().max(am.span.start()));
            let fits = match matching {
                Matching::Exact => km.span == am.span,
                Matching::Overlap => common > 0,
            };
            if fits {
                candidates.push((common, k, a));
            }
        }
    }
    // Largest overlap first, then text order, so the pairing does not depend on list order.
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut key_used, mut answer_used) = (vec![false; key.len()], vec![false; answer.len()]);
    let mut pairs = Vec::new();
    for (_, k, a) in candidates {
        let free = !key_used.get(k).copied().unwrap_or(true)
            && !answer_used.get(a).copied().unwrap_or(true);
        if free {
            if let (Some(ku), Some(au)) = (key_used.get_mut(k), answer_used.get_mut(a)) {
                *ku = true;
                *au = true;
            }
            pairs.push((k, a));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The counts per label of `answer` against `key`; every label of either list has an entry.
pub fn score(key: &[Mark], answer: &[Mark], matching: Matching) -> BTreeMap<LabelName, Counts> {
    let mut out: BTreeMap<LabelName, Counts> = BTreeMap::new();
    for m in key.iter().chain(answer) {
        out.entry(m.label).or_default();
    }
    let pairs = matches(key, answer, matching);
    for (k, _) in &pairs {
        if let Some(m) = key.get(*k) {
            out.entry(m.label).or_default().matched += 1;
        }
    }
    for m in key {
        out.entry(m.label).or_default().missed += 1;
    }
    for m in answer {
        out.entry(m.label).or_default().extra += 1;
    }
    for counts in out.values_mut() {
        counts.missed = counts.missed.saturating_sub(counts.matched);
        counts.extra = counts.extra.saturating_sub(counts.matched);
    }
    out
}

#[cfg(test)]
#[path = "../../tests/classroom_scores.rs"]
mod tests;
