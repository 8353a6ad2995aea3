//! The edit distance between two words (`strsim`'s optimal string alignment), and a cheap lower bound
//! on it.

/// Damerau-Levenshtein (optimal string alignment) distance in chars, or `limit + 1` when it is more
/// than `limit`. Words whose lengths alone differ by more than `limit` are not compared at all.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let over = limit.saturating_add(1);
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return over;
    }
    strsim::osa_distance(a, b).min(over)
}

/// A set of the word's letters, hashed into 64 bits. A letter of one word whose bit the other word
/// lacks appears nowhere in it, so each such bit costs at least one edit: see [`may_be_within`].
pub(super) fn letters(word: &str) -> u64 {
    word.chars().fold(0, |m, c| m | 1u64 << (u32::from(c) % 64))
}

/// False when the two letter sets (from [`letters`]) prove the words more than `limit` edits apart.
pub(super) fn may_be_within(a: u64, b: u64, limit: usize) -> bool {
    let apart = (a & !b).count_ones().max((b & !a).count_ones());
    usize::try_from(apart).is_ok_and(|n| n <= limit)
}
