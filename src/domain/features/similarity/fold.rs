//! Folding a word for comparison: case, Latin diacritics, apostrophes, possessives and punctuation.

/// A word folded for comparison: lowercase, Latin diacritics removed (é→e, ñ→n, ł→l, ß→ss, æ→ae, …,
/// and combining accents dropped), typographic apostrophes unified to `'`, dots inside the word dropped
/// (so `U.S.` and `US` fold alike), a trailing possessive `'s` / `’s` / `s'` removed, and leading and
/// trailing punctuation removed.
pub fn fold(word: &str) -> String {
    let (start, end) = core(word);
    let mut out = String::with_capacity(end.saturating_sub(start));
    for c in word.get(start..end).unwrap_or_default().chars() {
        if c == '.' || ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        for lower in c.to_lowercase() {
            match plain(lower) {
                Some(ascii) => out.push_str(ascii),
                None => out.push(lower),
            }
        }
    }
    out
}

/// A whole name folded: each whitespace-separated word folded, empty ones dropped, joined by one space.
pub(super) fn fold_name(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// The byte range of `word` left once the leading and trailing punctuation and a trailing possessive
/// are cut off: the part a person would call the word. Empty (start == end) if nothing is left.
pub(super) fn core(word: &str) -> (usize, usize) {
    let start = word
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric())
        .map_or(word.len(), |(i, _)| i);
    let rest = word.get(start..).unwrap_or_default();
    let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_apostrophe(c));
    let rest = strip_possessive(rest);
    let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
    (start, start + rest.len())
}

/// `word` without a trailing `'s` (any apostrophe, either case) or the apostrophe of a trailing `s'`.
fn strip_possessive(word: &str) -> &str {
    let mut tail = word.char_indices().rev();
    match (tail.next(), tail.next()) {
        (Some((_, s)), Some((i, a))) if is_apostrophe(a) && (s == 's' || s == 'S') => {
            word.get(..i).unwrap_or(word)
        }
        (Some((i, a)), Some((_, s))) if is_apostrophe(a) && (s == 's' || s == 'S') => {
            word.get(..i).unwrap_or(word)
        }
        _ => word,
    }
}

/// Whether `c` is an apostrophe, straight or typographic.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}'
    )
}

/// The plain Latin spelling of a lowercase Latin-1 or Latin Extended-A letter, or None to keep it.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}
