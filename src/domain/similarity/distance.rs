//! The edit distance between two words, and a cheap lower bound on it.

/// Damerau-Levenshtein (optimal string alignment) distance in chars, stopping early past `limit`
/// (returns `limit + 1` then).
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let over = limit.saturating_add(1);
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return over;
    }
    // Rows i - 2 and i - 1 of the table; every value is capped at `over`.
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    for (i, &ca) in a.iter().enumerate() {
        let pa = i.checked_sub(1).and_then(|k| a.get(k)).copied();
        let mut left = (i + 1).min(over);
        let mut row_min = left;
        let mut row = Vec::with_capacity(prev.len());
        row.push(left);
        for (j, &cb) in b.iter().enumerate() {
            let diag = prev.get(j).copied().unwrap_or(over);
            let up = prev.get(j + 1).copied().unwrap_or(over);
            let mut d = diag
                .saturating_add(usize::from(ca != cb))
                .min(up.saturating_add(1))
                .min(left.saturating_add(1));
            let pb = j.checked_sub(1).and_then(|k| b.get(k)).copied();
            if ca != cb && pa == Some(cb) && pb == Some(ca) {
                let swap = j.checked_sub(1).and_then(|k| before.get(k)).copied();
                d = d.min(swap.unwrap_or(over).saturating_add(1));
            }
            left = d.min(over);
            row_min = row_min.min(left);
            row.push(left);
        }
        // A row's minimum never falls in a later row, so past the limit it is over.
        if row_min > limit {
            return over;
        }
        before = std::mem::replace(&mut prev, row);
    }
    prev.last().copied().unwrap_or(over).min(over)
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
