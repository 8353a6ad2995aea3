//! Text similarity of entity names: why "Scott Besant" and "Bessent" may be the same person. It
//! folds words (case, diacritics, possessives), measures edit distance, tells how two names are alike,
//! groups alike names, and finds untagged runs of alike words in a text. It knows nothing of the
//! workspace; the entity registry builds its proposals on top of it.

mod distance;
mod fold;
mod groups;
mod runs;

pub use distance::edit_distance;
pub use fold::fold;
pub use groups::groups;
pub use runs::alike_runs;

/// Titles and small words left out of a name's content words (compared after [`fold`], so `U.S.`
/// is `us`): articles and conjunctions, forms of address, and the offices that come before names
/// in news text. Kept short on purpose: a word missing here only adds a proposal the person rejects.
const STOP_WORDS: [&str; 17] = [
    "the",
    "of",
    "and",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "sen",
    "rep",
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "treasury",
    "us",
];

/// Why two names look like the same entity, for showing to the person.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Likeness {
    /// The same text once folded (case, diacritics, possessive 's, surrounding punctuation).
    Same,
    /// They share a word exactly (folded), e.g. "Scott".
    SharedWord(String),
    /// A word of one is a few edits from a word of the other: (word a, word b, edits).
    Spelling(String, String, usize),
    /// A word of one is a prefix (at least 4 letters) of a word of the other, e.g. "Bess" / "Bessent".
    Shortened(String, String),
}

impl Likeness {
    /// A sentence for the UI: `same text`, `shares the word "Scott"`,
    /// `"Besant" is 2 edits from "Bessent"`, `"Bess" may be short for "Bessent"`.
    pub fn describe(&self) -> String {
        match self {
            Likeness::Same => "same text".to_string(),
            Likeness::SharedWord(word) => format!("shares the word \"{word}\""),
            Likeness::Spelling(a, b, 1) => format!("\"{a}\" is 1 edit from \"{b}\""),
            Likeness::Spelling(a, b, edits) => format!("\"{a}\" is {edits} edits from \"{b}\""),
            Likeness::Shortened(short, long) => format!("\"{short}\" may be short for \"{long}\""),
        }
    }

    /// Strength for ordering (Same strongest, then Spelling with fewer edits, Shortened, SharedWord).
    pub fn strength(&self) -> u32 {
        match self {
            Likeness::Same => 1000,
            Likeness::Spelling(_, _, edits) => {
                399 - u32::try_from(*edits).map_or(99, |e| e.min(99))
            }
            Likeness::Shortened(..) => 200,
            Likeness::SharedWord(_) => 100,
        }
    }
}

/// One content word of a name: as written (without its punctuation and possessive) and folded.
struct Word<'a> {
    shown: &'a str,
    folded: String,
}

/// The content words of `name`, as written and folded.
fn content_words(name: &str) -> Vec<Word<'_>> {
    name.split_whitespace()
        .filter_map(|raw| {
            let (start, end) = fold::core(raw);
            let shown = raw.get(start..end)?;
            let folded = fold(shown);
            let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
            (letters >= 2 && !STOP_WORDS.contains(&folded.as_str()))
                .then_some(Word { shown, folded })
        })
        .collect()
}

/// The content words of a name, folded, in order: words of at least 2 letters, without the
/// [`STOP_WORDS`] (articles, forms of address and titles such as `president` or `treasury`).
pub fn name_words(name: &str) -> Vec<String> {
    content_words(name).into_iter().map(|w| w.folded).collect()
}

/// How two folded words are alike by the word rules of [`likeness`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordMatch {
    /// Equal.
    Equal,
    /// Both of at least 4 chars and this many edits apart.
    Spelling(usize),
    /// The first (`true`) or the second (`false`) is a prefix, of at least 4 chars, of the other.
    Shortened(bool),
}

/// The most edits two words of `min_len` chars (the shorter's length) may differ by and be alike.
fn spelling_limit(min_len: usize) -> usize {
    (min_len / 3).max(1)
}

/// How the folded words `a` and `b` are alike: equal, a few edits apart, or one shortened.
fn word_match(a: &str, b: &str) -> Option<WordMatch> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(WordMatch::Equal);
    }
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    let min_len = len_a.min(len_b);
    if min_len >= 4 {
        let limit = spelling_limit(min_len);
        let edits = edit_distance(a, b, limit);
        if edits <= limit {
            return Some(WordMatch::Spelling(edits));
        }
    }
    if len_a >= 4 && b.starts_with(a) {
        return Some(WordMatch::Shortened(true));
    }
    if len_b >= 4 && a.starts_with(b) {
        return Some(WordMatch::Shortened(false));
    }
    None
}

/// How two names are alike, the strongest reason found, or None. Same if the folded full names are
/// equal; else over all pairs of content words: equal → SharedWord; both ≥ 4 chars and at most
/// `max(1, min_len / 3)` edits apart → Spelling; one ≥ 4 chars and a prefix of the other → Shortened.
/// Of equally strong reasons, the first pair found (in the words' order) wins.
pub fn likeness(a: &str, b: &str) -> Option<Likeness> {
    let folded = fold::fold_name(a);
    if !folded.is_empty() && folded == fold::fold_name(b) {
        return Some(Likeness::Same);
    }
    let words_b = content_words(b);
    let mut best: Option<Likeness> = None;
    for wa in content_words(a) {
        for wb in &words_b {
            let found = match word_match(&wa.folded, &wb.folded) {
                None => continue,
                Some(WordMatch::Equal) => Likeness::SharedWord(wa.shown.to_string()),
                Some(WordMatch::Spelling(edits)) => {
                    Likeness::Spelling(wa.shown.to_string(), wb.shown.to_string(), edits)
                }
                Some(WordMatch::Shortened(true)) => {
                    Likeness::Shortened(wa.shown.to_string(), wb.shown.to_string())
                }
                Some(WordMatch::Shortened(false)) => {
                    Likeness::Shortened(wb.shown.to_string(), wa.shown.to_string())
                }
            };
            if best
                .as_ref()
                .is_none_or(|b| found.strength() > b.strength())
            {
                best = Some(found);
            }
        }
    }
    best
}

#[cfg(test)]
#[path = "../tests/similarity.rs"]
mod tests;
