//! Grouping texts of several articles that say the same thing: their folded words in common.

use crate::domain::features::similarity::fold;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

/// Two texts say the same thing when their Dice coefficient on folded words (twice the words in
/// common over the words of both, each word counted once) is at least this, in thousandths.
///
/// On the seeds, versions of one statement score 0.62 (the Zelensky quote as munich-dispatch and as
/// arab-news retell it) or 1.0, while unrelated quotations score at most 0.36 ("It is important to
/// achieve … as soon as possible" against "… this document is important to resolve this conflict as
/// soon as possible"): 0.5 sits between, with room on both sides.
pub const THRESHOLD: u32 = 500;

/// The folded words of `text`, each once, sorted: its whitespace-separated pieces folded
/// ([`fold`]: lowercase, no diacritics or surrounding punctuation), empty ones dropped.
pub fn word_set(text: &str) -> Vec<String> {
    let mut set: Vec<String> = text
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// The Dice coefficient of two sorted word sets, in thousandths: 1000 for the same words, 0 for none
/// in common (or both empty).
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> u32 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    u32::try_from(common * 2000 / total).unwrap_or(0)
}

/// Whether two word sets of these sizes could reach [`THRESHOLD`] at all (all of the smaller in
/// common), so most pairs of very different lengths are never compared word by word.
fn may_reach(a: usize, b: usize) -> bool {
    let total = a + b;
    total > 0 && a.min(b) * 2000 / total >= THRESHOLD as usize
}

/// Groups `items` (each an article's index and a text) that say the same thing: every two texts of a
/// group score at least [`THRESHOLD`] (complete linkage) and a group holds at most one text per
/// article. Pairs are joined best first, so an article's closest text joins a group, not a weaker
/// one of the same article. Every item is in exactly one group (alone if nothing matches it). Each
/// group lists item indices ascending; groups are ordered by their first index.
pub fn group(items: &[(usize, &str)]) -> Vec<Vec<usize>> {
    let words = interned(items);
    let mut pairs: Vec<(Reverse<u32>, usize, usize)> = Vec::new();
    // The pairs (lower index first) that reach the threshold.
    let mut alike: HashSet<(usize, usize)> = HashSet::new();
    for (i, (article_i, set_i)) in items.iter().map(|x| x.0).zip(&words).enumerate() {
        for (j, (article_j, set_j)) in items
            .iter()
            .map(|x| x.0)
            .zip(&words)
            .enumerate()
            .skip(i + 1)
        {
            if article_i == article_j || !may_reach(set_i.len(), set_j.len()) {
                continue;
            }
            let score = dice(set_i, set_j);
            if score >= THRESHOLD {
                pairs.push((Reverse(score), i, j));
                alike.insert((i, j));
            }
        }
    }
    // Best first; each pair is there once, so an unstable sort gives one order.
    pairs.sort_unstable();
    let mut member_of: Vec<usize> = (0..items.len()).collect();
    let mut groups: Vec<Vec<usize>> = (0..items.len()).map(|i| vec![i]).collect();
    let article = |i: usize| items.get(i).map(|x| x.0);
    for (_, i, j) in pairs {
        let (Some(&gi), Some(&gj)) = (member_of.get(i), member_of.get(j)) else {
            continue;
        };
        if gi == gj {
            continue;
        }
        let (a, b) = (
            groups.get(gi).cloned().unwrap_or_default(),
            groups.get(gj).cloned().unwrap_or_default(),
        );
        let fits = a.iter().all(|&x| {
            b.iter()
                .all(|&y| article(x) != article(y) && alike.contains(&(x.min(y), x.max(y))))
        });
        if !fits {
            continue;
        }
        for &y in &b {
            if let Some(slot) = member_of.get_mut(y) {
                *slot = gi;
            }
        }
        if let Some(slot) = groups.get_mut(gj) {
            slot.clear();
        }
        if let Some(slot) = groups.get_mut(gi) {
            slot.extend(b);
        }
    }
    // Each group once, in the order of its smallest index (met first as the indices go up).
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &g in &member_of {
        if let Some(members) = groups.get_mut(g).filter(|m| !m.is_empty()) {
            let mut members = std::mem::take(members);
            members.sort_unstable();
            out.push(members);
        }
    }
    out
}

/// Each item's word set (as [`word_set`] gives it) as sorted numbers, one per distinct folded word,
/// so pairs compare numbers.
fn interned(items: &[(usize, &str)]) -> Vec<Vec<u32>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    items
        .iter()
        .map(|(_, text)| {
            let mut set: Vec<u32> = text
                .split_whitespace()
                .map(fold)
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect()
}

#[cfg(test)]
#[path = "../../tests/outlets_grouping.rs"]
mod tests;
