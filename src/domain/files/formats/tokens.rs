//! Words and sentences for the token-based formats (Prodigy, CoNLL), with code point offsets.
//!
//! [`tokenize`] splits a text roughly as spaCy's English tokenizer does, and every [`Token`] keeps its
//! place in the text as Unicode code points, end exclusive, the unit of every offset inside the app and
//! of Python's `str`, so a token's offsets are what Prodigy and spaCy expect.
//!
//! The rules, in order:
//! - The text is cut at whitespace (Unicode `White_Space`, and the ASCII separators U+001C–U+001F that
//!   Python's `str.split` also cuts at); no token ever holds whitespace, and every other code point is
//!   in exactly one token.
//! - Code points are grouped into user-perceived characters first: a combining mark, variation
//!   selector, skin tone, tag character or keycap stays with the character before it, a zero-width
//!   joiner joins the characters on both sides, and two regional indicators make one flag. So no token
//!   ever cuts an emoji, a flag or an accented letter.
//! - Emoji (and flags) are tokens of their own.
//! - Quotes (`"` `“` `”` `„` `«` `»` `‹` `›`, and `'` `’` `‘` not between two letters or digits),
//!   brackets, `! ? ; … — –`, `%`, currency signs and `¿ ¡` are tokens of their own, wherever they are.
//! - `.` stays inside a word between letters or digits (`U.S`, `3.5`, `example.com`), `,` and `:` only
//!   between digits (`1,000.5`, `10:30`; `:` also before `//`); elsewhere each is a token. A run of
//!   dots (`...`) is one token. A `.` right after a word stays with it when the word is an abbreviation:
//!   letters with dots inside (`U.S.`, `e.g.`), one capital letter (`W.`), or a title such as `Mr.`.
//! - An apostrophe between letters stays inside the word (`O’Brien`), hyphens always do
//!   (`well-known`), but the English clitics `’s 're 've 'll 'm 'd n't` (straight or curly) are split
//!   off as spaCy does: `Zelensky’s` → `Zelensky` `’s`, `didn’t` → `did` `n’t`.
//!
//! [`sentences`] groups tokens into sentences:
//! - always at a line break (`\n`, `\r\n`, `\r`, and the other Unicode line breaks) between tokens;
//! - after a token made only of `.` `!` `?` `…`, or after a quote that follows such a token directly
//!   (no space: `“Stop.”`), when the next token starts with a capital letter or is a quote.
//!
//! No sentence is ever empty; a text without tokens has no sentences.

use std::ops::Range;

/// A word or punctuation mark: the code points `start..end` of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Whitespace as both Rust and Python's `str.split()` see it, so a token can never be split further
/// by a reader that cuts lines at whitespace.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A character that belongs to the one before it: combining marks, variation selectors, skin tones,
/// emoji tags, the keycap sign.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5bd}'
        | '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}')
}

const ZWJ: char = '\u{200d}';

fn regional_indicator(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// A pictograph that is an emoji or usually shown as one.
fn pictograph(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{231a}'..='\u{231b}'
        | '\u{23e9}'..='\u{23fa}'
        | '\u{2b1b}'..='\u{2b1c}'
        | '\u{2b50}'
        | '\u{2b55}')
}

/// What a user-perceived character is, for tokenizing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Emoji,
    Other,
}

/// A user-perceived character (approximately a grapheme cluster): code points `start..end`, the first
/// of them `base`.
#[derive(Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    base: char,
    kind: Kind,
}

/// The [`Atom`] that starts at code point `start` (which must be in `chars`).
fn atom_at(chars: &[char], start: usize) -> Option<Atom> {
    let base = *chars.get(start)?;
    let mut i = start + 1;
    if is_space(base) {
        return Some(Atom {
            start,
            end: i,
            base,
            kind: Kind::Space,
        });
    }
    let mut emoji = pictograph(base);
    if regional_indicator(base) && chars.get(i).copied().is_some_and(regional_indicator) {
        i += 1;
        emoji = true;
    }
    while let Some(&c) = chars.get(i) {
        if c == ZWJ {
            emoji = true;
            i += 1;
            // The joiner takes the next character too, unless it is whitespace.
            if chars.get(i).is_some_and(|&n| !is_space(n)) {
                i += 1;
            }
        } else if extends(c) {
            emoji |= c == '\u{fe0f}' || c == '\u{20e3}' || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c);
            i += 1;
        } else {
            break;
        }
    }
    Some(Atom {
        start,
        end: i,
        base,
        kind: if emoji { Kind::Emoji } else { Kind::Other },
    })
}

/// Marks that are tokens of their own wherever they stand (apostrophes are decided by context).
fn always_alone(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‚'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '!'
            | '?'
            | ';'
            | '…'
            | '—'
            | '–'
            | '%'
            | '¿'
            | '¡'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '₴'
            | '₽'
    )
}

/// Whether the atom with base `c`, between `before` and `after` (inside the same run of text), is a
/// token of its own.
fn alone(before: Option<char>, c: char, after: Option<char>) -> bool {
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_numeric());
    match c {
        '\'' | '’' | '‘' => !(alnum(before) && alnum(after)),
        '.' => !(alnum(before) && alnum(after)),
        ',' => !(digit(before) && digit(after)),
        ':' => !(digit(before) && digit(after) || alnum(before) && after == Some('/')),
        _ => always_alone(c),
    }
}

/// Titles and other abbreviations whose `.` stays with them.
const ABBREVIATIONS: [&str; 26] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "Inc", "Ltd", "Corp", "Gen",
    "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Jan", "Feb", "Aug", "Sept", "Oct",
];

/// Whether the word `w` keeps a `.` that follows it.
fn abbreviation(w: &[char]) -> bool {
    let letters_and_dots = w.iter().all(|c| c.is_alphabetic() || *c == '.');
    match w {
        [c] => c.is_uppercase(),
        _ if letters_and_dots && w.contains(&'.') => true,
        _ => ABBREVIATIONS
            .iter()
            .any(|a| a.chars().eq(w.iter().copied())),
    }
}

/// English clitics split off the end of a word, with `'` for either apostrophe.
const CLITICS: [&str; 7] = ["'s", "'re", "'ve", "'ll", "'m", "'d", "n't"];

/// How many code points of a clitic end the word `w`, if one does and a letter comes before it.
fn clitic(w: &[char]) -> Option<usize> {
    CLITICS.iter().find_map(|clitic| {
        let n = clitic.chars().count();
        let cut = w.len().checked_sub(n)?;
        let (head, tail) = w.split_at(cut);
        let same = clitic
            .chars()
            .zip(tail)
            .all(|(a, &b)| a.eq_ignore_ascii_case(&b) || (a == '\'' && (b == '’' || b == '\'')));
        let letter_before = head.last().is_some_and(|c| c.is_alphabetic());
        (same && letter_before).then_some(n)
    })
}

/// Tokenizes the text (see the module's rules).
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    // The atoms of the current run of text between whitespace and emoji.
    let mut run: Vec<Atom> = Vec::new();
    let mut at = 0;
    while let Some(atom) = atom_at(&chars, at) {
        at = atom.end;
        if atom.kind == Kind::Other {
            run.push(atom);
            continue;
        }
        split_run(&chars, &run, &mut tokens);
        run.clear();
        if atom.kind == Kind::Emoji {
            tokens.push(Token {
                start: atom.start,
                end: atom.end,
            });
        }
    }
    split_run(&chars, &run, &mut tokens);
    tokens
}

/// Tokenizes a run of atoms without whitespace or emoji, adding to `tokens`.
fn split_run(chars: &[char], run: &[Atom], tokens: &mut Vec<Token>) {
    // Pieces: words of atoms that stay together, and marks that stand alone (a run of dots is one).
    let mut pieces: Vec<(Token, bool)> = Vec::new();
    for (i, atom) in run.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| run.get(b)).map(|a| a.base);
        let after = run.get(i + 1).map(|a| a.base);
        let is_alone = alone(before, atom.base, after);
        let joins = match pieces.last() {
            Some((_, last_alone)) if !is_alone => !last_alone,
            Some((last, true)) => atom.base == '.' && before == Some('.') && last.end == atom.start,
            _ => false,
        };
        match pieces.last_mut() {
            Some((last, _)) if joins => last.end = atom.end,
            _ => pieces.push((
                Token {
                    start: atom.start,
                    end: atom.end,
                },
                is_alone,
            )),
        }
    }
    let text = |t: &Token| chars.get(t.start..t.end).unwrap_or_default();
    let mut i = 0;
    while let Some(&(piece, is_alone)) = pieces.get(i) {
        i += 1;
        if is_alone {
            tokens.push(piece);
            continue;
        }
        let mut word = piece;
        if let Some(&(dot, true)) = pieces.get(i) {
            if text(&dot) == ['.'] && abbreviation(text(&word)) {
                word.end = dot.end;
                i += 1;
            }
        }
        match clitic(text(&word)) {
            Some(n) => {
                let cut = word.end - n;
                tokens.push(Token {
                    start: word.start,
                    end: cut,
                });
                tokens.push(Token {
                    start: cut,
                    end: word.end,
                });
            }
            None => tokens.push(word),
        }
    }
}

/// Whether `c` is a quotation mark, straight or curly.
fn quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '‟' | '‚' | '«' | '»' | '‹' | '›'
    )
}

/// Whether `c` breaks a line.
fn line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The tokens grouped into sentences, as ranges of token indices (see the module's rules).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let text_of = |t: &Token| chars.get(t.start..t.end).unwrap_or_default();
    let terminal = |t: &Token| {
        let s = text_of(t);
        !s.is_empty() && s.iter().all(|c| matches!(c, '.' | '!' | '?' | '…'))
    };
    let is_quote = |t: &Token| matches!(text_of(t), [c] if quote(*c));
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in tokens.windows(2).enumerate() {
        let [this, next] = pair else { continue };
        let gap = chars.get(this.end..next.start).unwrap_or_default();
        let at_line_break = gap.iter().copied().any(line_break);
        // A sentence ends after a terminal mark, or after a quote stuck to one (`“Stop.”`), but not
        // between the mark and that quote.
        let closing_quote_follows = gap.is_empty() && is_quote(next);
        let before = i.checked_sub(1).and_then(|b| tokens.get(b));
        let ends_here = if terminal(this) {
            !closing_quote_follows
        } else {
            is_quote(this) && before.is_some_and(|b| terminal(b) && b.end == this.start)
        };
        let starts_next = text_of(next)
            .first()
            .is_some_and(|&c| c.is_uppercase() || quote(c));
        if at_line_break || (ends_here && starts_next) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
#[path = "../../tests/formats/tokens.rs"]
pub(super) mod tests;
