//! Property tests of `similarity`: symmetry, no panics, `groups` agrees with `likeness`, runs are
//! well formed, and grouping 2,000 names is fast.

use super::*;
use proptest::prelude::*;

/// Pieces of names: spellings from the seeds, titles, punctuation, apostrophes and non-ASCII text.
const PIECES: [&str; 20] = [
    "Scott",
    "Besant",
    "Bess",
    "Bessent",
    "Zelensky",
    "Zelenskyy’s",
    "Trump",
    "Kyiv",
    "U.S.",
    "US",
    "President",
    " ",
    "  ",
    ", ",
    "'s",
    "Łódź",
    "é",
    "🇺🇦",
    "\n",
    "“",
];

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&PIECES[..]), 0..6).prop_map(|p| p.concat())
}

/// Groups by comparing every pair with `likeness`: the plain definition `groups` must agree with.
fn groups_by_pairs(names: &[&str]) -> Vec<Vec<usize>> {
    let mut root: Vec<usize> = (0..names.len()).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            x = root[x];
        }
        x
    }
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            if likeness(names[i], names[j]).is_some() {
                let (a, b) = (find(&mut root, i), find(&mut root, j));
                root[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..names.len() {
        let r = find(&mut root, i);
        match groups.iter_mut().find(|g| g[0] == r) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// A deterministic pseudo-random number below `below` (a linear congruential generator).
fn next(state: &mut u64, below: usize) -> usize {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 33) as usize % below
}

const SYLLABLES: [&str; 40] = [
    "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va",
    "we", "xi", "yo", "zu", "bar", "cen", "dor", "fil", "gan", "hor", "jun", "kel", "lim", "mor",
    "nes", "pol", "rak", "sun", "tov", "vik", "wen", "yar", "zol", "bek",
];

/// A made-up capitalised word of `n` syllables.
fn word(state: &mut u64, n: usize) -> String {
    let word: String = (0..n)
        .map(|_| SYLLABLES[next(state, SYLLABLES.len())])
        .collect();
    word[..1].to_uppercase() + &word[1..]
}

/// Deterministic mentions of `people` made-up people, as an article would spell them: the full name,
/// the surname, a possessive, the surname with one letter changed, or its first five letters.
fn mentions(n: usize, people: usize, seed: u64) -> Vec<String> {
    let mut state = seed;
    let people: Vec<(String, String)> = (0..people)
        .map(|_| (word(&mut state, 2), word(&mut state, 3)))
        .collect();
    (0..n)
        .map(|_| {
            let (first, last) = &people[next(&mut state, people.len())];
            match next(&mut state, 5) {
                0 => format!("{first} {last}"),
                1 => last.clone(),
                2 => format!("{last}’s"),
                3 => {
                    let mut chars: Vec<char> = last.chars().collect();
                    let at = 1 + next(&mut state, chars.len() - 1);
                    chars[at] = if chars[at] == 'e' { 'a' } else { 'e' };
                    chars.into_iter().collect()
                }
                _ => last.chars().take(5).collect(),
            }
        })
        .collect()
}

#[test]
fn groups_agree_with_likeness_on_every_pair() {
    let names = mentions(300, 100, 7);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let expected = groups_by_pairs(&names);
    assert!(
        expected.len() > 5,
        "the fixture must have several groups: {expected:?}"
    );
    assert_eq!(groups(&names), expected);
}

#[test]
fn grouping_two_thousand_names_is_fast() {
    let names = mentions(2000, 2000, 11);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let found = crate::domain::timing::within("grouping 2,000 names", 10.0, || groups(&names));
    assert!(!found.is_empty());
    // Every group is ascending, and the groups are in order of their first index.
    assert!(found.iter().all(|g| g.windows(2).all(|w| w[0] < w[1])));
    assert!(found.windows(2).all(|w| w[0][0] < w[1][0]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn likeness_is_symmetric_in_whether_it_is_some(a in name(), b in name()) {
        prop_assert_eq!(likeness(&a, &b).is_some(), likeness(&b, &a).is_some());
    }

    #[test]
    fn arbitrary_strings_never_panic(a in any::<String>(), b in any::<String>(), limit in 0usize..6) {
        prop_assert_eq!(likeness(&a, &b).is_some(), likeness(&b, &a).is_some());
        let _ = fold(&a);
        let _ = name_words(&a);
        let full = edit_distance(&a, &b, usize::MAX);
        prop_assert_eq!(edit_distance(&a, &b, limit), full.min(limit + 1));
        prop_assert_eq!(edit_distance(&b, &a, usize::MAX), full);
        let words = name_words(&b);
        let spans = alike_runs(&a, &words);
        prop_assert!(spans.iter().all(|s| s.end() <= a.chars().count()));
    }

    #[test]
    fn groups_agree_with_likeness(names in prop::collection::vec(name(), 0..8)) {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        prop_assert_eq!(groups(&names), groups_by_pairs(&names));
    }

    #[test]
    fn runs_are_in_bounds_sorted_and_disjoint(text in name(), words in name()) {
        let spans = alike_runs(&text, &name_words(&words));
        let len = text.chars().count();
        prop_assert!(spans.iter().all(|s| s.end() <= len));
        prop_assert!(spans.windows(2).all(|w| w[0].end() <= w[1].start()));
        for span in &spans {
            let first = text.chars().nth(span.start());
            prop_assert!(first.is_some_and(char::is_uppercase));
        }
    }
}
