//! The text as the rules read it: its code points, its word and punctuation tokens, the regions in
//! quotation marks, and its sentences (a sentence never ends inside quotation marks).

use super::quotes::{find_quoted, Quoted};

/// A word (letters and digits, with inner `.`, `'`, `’` or `-`: "U.S", "didn’t") or one punctuation mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its text.
    pub text: String,
}

impl Token {
    /// Whether it is a word rather than a punctuation mark.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether it is a word that starts with a capital letter.
    pub fn is_capital(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word in lower case.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// The code point at `i`, or a NUL past the end.
pub(super) fn at(chars: &[char], i: usize) -> char {
    chars.get(i).copied().unwrap_or('\0')
}

/// The code points `[a, b)`, cut to the text.
pub(super) fn part(chars: &[char], a: usize, b: usize) -> &[char] {
    let b = b.min(chars.len());
    chars.get(a.min(b)..b).unwrap_or_default()
}

/// What a token index past the end reads as.
static NO_TOKEN: Token = Token {
    start: 0,
    end: 0,
    text: String::new(),
};

/// An article's text, read once for every rule.
pub(super) struct Doc {
    /// The code points.
    pub chars: Vec<char>,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// The regions in quotation marks, in order.
    pub quoted: Vec<Quoted>,
    /// The sentences as token ranges `[first, last)`, in order.
    pub sentences: Vec<(usize, usize)>,
}

/// Abbreviations after which a full stop does not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Gen", "Gov", "Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "St", "Lt", "Col", "Sgt", "Jr", "Sr", "No",
    "Inc", "Corp", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
    "Prof",
];

impl Doc {
    /// Reads `text`.
    pub fn new(text: &str) -> Doc {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars);
        let quoted = find_quoted(&chars);
        let sentences = sentences(&chars, &tokens, &quoted);
        Doc {
            chars,
            tokens,
            quoted,
            sentences,
        }
    }

    /// Token `t`, or an empty token past the end.
    pub fn tok(&self, t: usize) -> &Token {
        self.tokens.get(t).unwrap_or(&NO_TOKEN)
    }

    /// Tokens `[a, b)`, cut to the text.
    pub fn toks(&self, a: usize, b: usize) -> &[Token] {
        let b = b.min(self.tokens.len());
        self.tokens.get(a.min(b)..b).unwrap_or_default()
    }

    /// The code points `[a, b)`, cut to the text.
    pub fn cut(&self, a: usize, b: usize) -> &[char] {
        part(&self.chars, a, b)
    }

    /// Sentence `s` as a token range; an empty range past the end.
    pub fn sentence(&self, s: usize) -> (usize, usize) {
        self.sentences.get(s).copied().unwrap_or((0, 0))
    }

    /// The text of `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end.min(self.chars.len()))
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// The quoted region whose marks enclose the code point `pos`, if any.
    pub fn quoted_at(&self, pos: usize) -> Option<&Quoted> {
        self.quoted
            .iter()
            .find(|q| q.open <= pos && pos <= q.close_mark())
    }

    /// The index of the sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences
            .iter()
            .position(|&(a, b)| a <= t && t < b)
            .unwrap_or(self.sentences.len().saturating_sub(1))
    }

    /// The index of the first token starting at or after code point `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Whether a lower-case form of `word` occurs anywhere in the text as a word.
    pub fn has_lowercase(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.tokens.iter().any(|t| t.text == lower)
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '‐')
}

fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = at(chars, i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() {
                let here = at(chars, i);
                let next_word = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if here.is_alphanumeric() || (joiner(here) && next_word) {
                    i += 1;
                } else {
                    break;
                }
            }
            // "U.S.", "J.D.": initials keep their last full stop.
            let initials = part(chars, start, i).iter().filter(|c| **c == '.').count() > 0
                && part(chars, start, i)
                    .iter()
                    .filter(|c| c.is_alphanumeric())
                    .count()
                    <= 3;
            if initials && chars.get(i) == Some(&'.') {
                i += 1;
            }
        } else {
            i += 1;
        }
        tokens.push(Token {
            start,
            end: i,
            text: part(chars, start, i).iter().collect(),
        });
    }
    tokens
}

/// Whether a full stop after `word` may end a sentence.
fn ends_sentence(word: &Token) -> bool {
    let single = word.text.chars().count() == 1 && word.is_capital();
    !(single || word.text.contains('.') || ABBREVIATIONS.contains(&word.text.as_str()))
}

fn sentences(chars: &[char], tokens: &[Token], quoted: &[Quoted]) -> Vec<(usize, usize)> {
    let inside = |pos: usize| quoted.iter().any(|q| q.open < pos && pos < q.close_mark());
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let line_break = next.is_some_and(|n| part(chars, t.end, n.start).contains(&'\n'));
        let starts_new = next.is_some_and(|n| {
            n.is_capital()
                || n.text.chars().next().is_some_and(|c| c.is_numeric())
                || Quoted::is_open_mark(&n.text)
        });
        let stop = matches!(t.text.as_str(), "." | "!" | "?" | "…")
            && !inside(t.start)
            && starts_new
            && (t.text != "." || i == 0 || tokens.get(i - 1).is_none_or(ends_sentence));
        let closing = quoted.iter().any(|q| q.close == Some(t.start))
            && starts_new
            && i > 0
            && tokens
                .get(i - 1)
                .is_some_and(|p| matches!(p.text.as_str(), "." | "!" | "?" | "…"));
        let broken = line_break && !inside(t.end);
        if stop || closing || broken || next.is_none() {
            out.push((first, i + 1));
            first = i + 1;
        }
    }
    out
}
