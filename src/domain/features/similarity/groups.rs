//! Grouping alike names, transitively, without comparing every pair of names.

use super::distance::{edit_distance, letters, may_be_within};
use super::{fold, name_words, spelling_limit};
use std::collections::HashMap;

/// Disjoint sets of indices (union-find), each set named by its smallest index.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    /// `n` sets of one index each.
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }

    /// The smallest index of the set holding `x`, halving the path on the way.
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grand;
            }
            x = grand;
        }
        x
    }

    /// Joins the sets holding `a` and `b`.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = self.parent.get_mut(high) {
            *slot = low;
        }
    }
}

/// A distinct content word and the first name that has it.
struct Distinct {
    word: String,
    name: usize,
    len: usize,
    letters: u64,
}

/// Groups names that are alike (as [`likeness`](super::likeness) tells), transitively (single
/// linkage): each group lists indices into `names`, ascending; groups are ordered by their first
/// index, and only groups of two or more are returned. Names are joined through their distinct
/// words, so the pairwise work grows with the vocabulary, not with the names: equal folded names
/// and shared words are joined through hash maps, spellings are compared only between words of
/// close length whose letter sets allow it, and shortened words are found as ranges of the sorted
/// words.
pub fn groups(names: &[&str]) -> Vec<Vec<usize>> {
    let mut sets = Sets::new(names.len());
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_word: HashMap<String, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let folded = fold::fold_name(name);
        if !folded.is_empty() {
            sets.union(i, *by_name.entry(folded).or_insert(i));
        }
        for word in name_words(name) {
            sets.union(i, *by_word.entry(word).or_insert(i));
        }
    }
    let mut words: Vec<Distinct> = by_word
        .into_iter()
        .map(|(word, name)| Distinct {
            len: word.chars().count(),
            letters: letters(&word),
            word,
            name,
        })
        .collect();
    join_spellings(&mut words, &mut sets);
    join_shortened(&mut words, &mut sets);
    collect(names.len(), &mut sets)
}

/// Joins the names of words of at least 4 chars that are a few edits apart.
fn join_spellings(words: &mut [Distinct], sets: &mut Sets) {
    words.sort_by(|a, b| a.len.cmp(&b.len).then_with(|| a.word.cmp(&b.word)));
    let long = words.iter().position(|w| w.len >= 4).unwrap_or(words.len());
    let long = words.get(long..).unwrap_or_default();
    for (i, a) in long.iter().enumerate() {
        let limit = spelling_limit(a.len);
        for b in long.iter().skip(i + 1) {
            if b.len - a.len > limit {
                break;
            }
            if may_be_within(a.letters, b.letters, limit)
                && edit_distance(&a.word, &b.word, limit) <= limit
            {
                sets.union(a.name, b.name);
            }
        }
    }
}

/// Joins the names of a word of at least 4 chars and the longer words it begins.
fn join_shortened(words: &mut [Distinct], sets: &mut Sets) {
    words.sort_by(|a, b| a.word.cmp(&b.word));
    for (i, a) in words.iter().enumerate() {
        if a.len < 4 {
            continue;
        }
        // Words that begin with `a` follow it at once in sorted order.
        for b in words.iter().skip(i + 1) {
            if !b.word.starts_with(&a.word) {
                break;
            }
            sets.union(a.name, b.name);
        }
    }
}

/// The sets of two or more indices, in order of their first index.
fn collect(n: usize, sets: &mut Sets) -> Vec<Vec<usize>> {
    let mut order: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = sets.find(i);
        let at = *order.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(at) {
            group.push(i);
        }
    }
    groups.retain(|g| g.len() >= 2);
    groups
}
