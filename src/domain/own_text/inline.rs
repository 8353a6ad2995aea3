//! Markdown's inline markup reduced to text: emphasis, code spans, links, images, autolinks and
//! backslash escapes.
//!
//! Brackets, parentheses and backtick runs are paired once per line, so a line of any length is read in
//! linear time; links nest at most [`MAX_DEPTH`] deep (deeper brackets stay as written).

/// How deep links may nest inside link texts before brackets are kept as written.
const MAX_DEPTH: usize = 16;

use super::delimiters::{pairs, resolve, tick_runs, Tok};

/// A line and its pairings.
struct Line<'a> {
    /// The line's code points.
    chars: Vec<char>,
    /// For each `[`, its `]`.
    brackets: Vec<Option<usize>>,
    /// For each `(`, its `)`.
    parens: Vec<Option<usize>>,
    /// For each backtick run's start, the start of the next run of the same length.
    ticks: Vec<Option<usize>>,
    /// The labels of the document's reference definitions, normalised by [`label`].
    refs: &'a [String],
}

/// The text of one line of Markdown: markers removed, links and images replaced by their text.
/// `refs` are the reference definitions' labels, normalised by [`label`].
pub(super) fn inline(line: &str, refs: &[String]) -> String {
    if !line.contains(['\\', '`', '[', '<', '*', '_', '~']) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let line = Line {
        brackets: if line.contains('[') {
            pairs(&chars, '[', ']')
        } else {
            Vec::new()
        },
        parens: if line.contains("](") {
            pairs(&chars, '(', ')')
        } else {
            Vec::new()
        },
        ticks: if line.contains('`') {
            tick_runs(&chars)
        } else {
            Vec::new()
        },
        chars,
        refs,
    };
    let mut toks = Vec::with_capacity(line.chars.len());
    line.tokens(0, line.chars.len(), 0, &mut toks);
    resolve(toks)
}

/// A link label as compared: lowercase, with whitespace runs made one space.
pub(super) fn label(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Line<'_> {
    /// The code point at `i`, or a space past either end.
    fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or(' ')
    }

    /// Reads `[from, to)` into `out`.
    fn tokens(&self, from: usize, to: usize, depth: usize, out: &mut Vec<Tok>) {
        let mut i = from;
        while i < to {
            let c = self.at(i);
            let next = if i + 1 < to {
                self.chars.get(i + 1).copied()
            } else {
                None
            };
            match c {
                '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                    out.extend(next.map(Tok::Lit));
                    i += 2;
                }
                '`' => i = self.code(i, to, out),
                '!' if next == Some('[') => match self.link(i + 1, to, depth) {
                    Some((text_end, end)) => {
                        self.tokens(i + 2, text_end, depth + 1, out);
                        i = end;
                    }
                    None => {
                        out.push(Tok::Lit('!'));
                        i += 1;
                    }
                },
                '[' => match self.link(i, to, depth) {
                    Some((text_end, end)) => {
                        self.tokens(i + 1, text_end, depth + 1, out);
                        i = end;
                    }
                    None => {
                        out.push(Tok::Lit('['));
                        i += 1;
                    }
                },
                '<' => i = self.autolink(i, to, out),
                '*' | '_' | '~' => {
                    let len = (i..to).take_while(|&j| self.at(j) == c).count();
                    let before = if i > from { self.at(i - 1) } else { ' ' };
                    let after = if i + len < to { self.at(i + len) } else { ' ' };
                    let word = |x: char| c == '_' && x.is_alphanumeric();
                    let open = !after.is_whitespace() && !word(before);
                    let close = !before.is_whitespace() && !word(after);
                    if c == '~' && len != 2 {
                        out.extend((0..len).map(|_| Tok::Lit('~')));
                    } else {
                        out.push(Tok::Run {
                            ch: c,
                            len,
                            open,
                            close,
                        });
                    }
                    i += len;
                }
                _ => {
                    out.push(Tok::Lit(c));
                    i += 1;
                }
            }
        }
    }

    /// A code span starting at the backtick run at `i`: its content goes to `out` as written (one
    /// space trimmed from each side when both have one). Returns where reading goes on.
    fn code(&self, i: usize, to: usize, out: &mut Vec<Tok>) -> usize {
        let len = (i..to).take_while(|&j| self.at(j) == '`').count();
        let Some(close) = self
            .ticks
            .get(i)
            .copied()
            .flatten()
            .filter(|&c| c + len <= to)
        else {
            out.extend((0..len).map(|_| Tok::Lit('`')));
            return i + len;
        };
        let content = self.chars.get(i + len..close).unwrap_or_default();
        let trim = content.len() >= 2
            && content.first() == Some(&' ')
            && content.last() == Some(&' ')
            && content.iter().any(|&c| c != ' ');
        let content = if trim {
            content.get(1..content.len() - 1).unwrap_or_default()
        } else {
            content
        };
        out.extend(content.iter().map(|&c| Tok::Lit(c)));
        close + len
    }

    /// A link whose text starts with the `[` at `i`: `[text](destination)`, `[text][label]`, or
    /// `[text]` when `text` is a defined label. Returns the end of its text and where the link ends.
    fn link(&self, i: usize, to: usize, depth: usize) -> Option<(usize, usize)> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let close = self
            .brackets
            .get(i)
            .copied()
            .flatten()
            .filter(|&c| c < to)?;
        let after = close + 1;
        if after < to && self.at(after) == '(' {
            let end = self
                .parens
                .get(after)
                .copied()
                .flatten()
                .filter(|&p| p < to)?;
            return Some((close, end + 1));
        }
        if after < to && self.at(after) == '[' {
            if let Some(end) = self
                .brackets
                .get(after)
                .copied()
                .flatten()
                .filter(|&b| b < to)
            {
                return Some((close, end + 1));
            }
        }
        // A label has at most 999 characters (as in CommonMark).
        if self.refs.is_empty() || close - i > 1000 {
            return None;
        }
        let text: String = self.chars.get(i + 1..close)?.iter().collect();
        let defined = !text.starts_with('^') && self.refs.contains(&label(&text));
        defined.then_some((close, after))
    }

    /// An autolink `<scheme:…>` or `<name@host>` at `i` gives its address; any other `<` is text.
    fn autolink(&self, i: usize, to: usize, out: &mut Vec<Tok>) -> usize {
        let mut j = i + 1;
        while j < to && !matches!(self.at(j), '>' | '<') && !self.at(j).is_whitespace() {
            j += 1;
        }
        let inner = self.chars.get(i + 1..j).unwrap_or_default();
        let scheme = inner.iter().position(|&c| c == ':').is_some_and(|colon| {
            colon >= 2
                && inner
                    .iter()
                    .take(colon)
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(*c))
        });
        if j < to && self.at(j) == '>' && (scheme || inner.contains(&'@')) {
            out.extend(inner.iter().map(|&c| Tok::Lit(c)));
            return j + 1;
        }
        out.push(Tok::Lit('<'));
        i + 1
    }
}
