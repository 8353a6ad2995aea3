//! Markdown reduced to readable text, line by line, so paragraphs keep their lines.
//!
//! Simple and forgiving, not CommonMark-complete. Per line: ATX headings (`# Title`) and setext
//! headings (a line underlined with `===` or `---`) keep their text and lose the markers (the first
//! level-1 heading is also the title); `> ` blockquote prefixes go; bullets `-`, `*` and `+` become
//! `•` (numbered items stay as written); fence lines (```` ``` ```` or `~~~`) go but the code between
//! them is kept exactly; thematic breaks (`***`, `---`), table rules (`|---|:--|`), reference
//! definitions (`[id]: url`) and HTML comments go; a trailing `\` (hard break) goes; indentation stays.
//! Inline ([`super::inline`]): `*x*`, `**x**`, `_x_`, `__x__` and `~~x~~` lose their markers (not
//! `_` inside words), code spans their backticks, links `[text](url)`, `[text][id]` and `[id]` (when
//! defined) give `text`, images `![alt](url)` give `alt`, autolinks `<https://…>` their address, and
//! backslash escapes their character. Other raw HTML is kept as written, and indented code blocks are
//! read as text. Line ends (`\r\n`, `\r`) become `\n`; finally lines lose trailing whitespace, no more than one empty
//! line stays in a row, and the text has no empty lines at its start or end.

use super::inline::{inline, label};
use super::tidy::tidy;
use super::{one_line, Extracted};

/// The text of a Markdown document and its first level-1 heading.
pub(super) fn extract(source: &str) -> Extracted {
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let source = source.as_str();
    let refs = definitions(source);
    let mut doc = Doc {
        refs: &refs,
        out: Vec::new(),
        fence: None,
        in_comment: false,
        paragraph: false,
        title: None,
    };
    for line in source.lines() {
        doc.line(line);
    }
    Extracted {
        title: doc.title,
        text: tidy(&doc.out.join("\n")),
    }
}

/// An open code fence.
struct Fence {
    /// `` ` `` or `~`.
    ch: char,
    /// How many of them opened it.
    len: usize,
    /// How many blockquote markers its lines carry.
    quotes: usize,
}

/// The state of the reading.
struct Doc<'a> {
    /// The labels of the reference definitions.
    refs: &'a [String],
    /// The text's lines so far.
    out: Vec<String>,
    /// The open code fence.
    fence: Option<Fence>,
    /// Inside an HTML comment that began on an earlier line.
    in_comment: bool,
    /// The last line was paragraph text, which a `===` or `---` line makes a heading.
    paragraph: bool,
    /// The first level-1 heading.
    title: Option<String>,
}

impl Doc<'_> {
    /// Reads one line.
    fn line(&mut self, raw: &str) {
        if let Some(fence) = &self.fence {
            let body = unquote(raw, fence.quotes).1;
            if closes(body, fence) {
                self.fence = None;
            } else {
                self.out.push(body.to_string());
            }
            return;
        }
        let was_paragraph = std::mem::take(&mut self.paragraph);
        let Some(line) = self.uncomment(raw) else {
            return;
        };
        let (quotes, body) = unquote(&line, usize::MAX);
        let s = body.trim_start();
        let indent = body.get(..body.len() - s.len()).unwrap_or_default();
        if s.is_empty() {
            self.out.push(String::new());
            return;
        }
        if indent.len() < 4 {
            if let Some(fence) = opens(s, quotes) {
                self.fence = Some(fence);
                return;
            }
            if was_paragraph && is_run_of(s.trim_end(), &['=', '-']) {
                if s.starts_with('=') && self.title.is_none() {
                    self.title = self
                        .out
                        .last()
                        .map(|l| one_line(l))
                        .filter(|t| !t.is_empty());
                }
                return;
            }
            if thematic(s) || table_rule(s) || definition(s).is_some() {
                return;
            }
            if let Some((level, text)) = heading(s) {
                let text = inline(text, self.refs);
                if level == 1 && self.title.is_none() {
                    self.title = Some(one_line(&text)).filter(|t| !t.is_empty());
                }
                self.out.push(format!("{indent}{text}"));
                return;
            }
        }
        let s = match s.strip_suffix('\\') {
            Some(hard) if !hard.ends_with('\\') => hard,
            _ => s,
        };
        if let Some(item) = s
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
        {
            self.out
                .push(format!("{indent}•{}", inline(item, self.refs)));
            return;
        }
        self.paragraph = !numbered(s);
        self.out.push(format!("{indent}{}", inline(s, self.refs)));
    }

    /// The line without HTML comments; `None` if it held only comment (or is inside one).
    fn uncomment(&mut self, raw: &str) -> Option<String> {
        let mut rest = raw;
        let mut removed = false;
        if self.in_comment {
            let end = rest.find("-->")?;
            rest = rest.get(end + 3..).unwrap_or_default().trim_start();
            self.in_comment = false;
            removed = true;
        }
        let mut out = String::with_capacity(rest.len());
        while let Some(at) = rest.find("<!--") {
            out.push_str(rest.get(..at).unwrap_or_default());
            removed = true;
            let after = rest.get(at + 4..).unwrap_or_default();
            match after.find("-->") {
                Some(end) => rest = after.get(end + 3..).unwrap_or_default(),
                None => {
                    self.in_comment = true;
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        (!removed || !out.trim().is_empty()).then_some(out)
    }
}

/// The labels of the document's reference definitions (outside code fences).
fn definitions(source: &str) -> Vec<String> {
    let mut labels = Vec::new();
    let mut fence: Option<Fence> = None;
    for line in source.lines() {
        let (quotes, body) = unquote(line, usize::MAX);
        let s = body.trim_start();
        match &fence {
            Some(open) if closes(s, open) => fence = None,
            Some(_) => {}
            None if body.len() - s.len() >= 4 => {}
            None => {
                fence = opens(s, quotes);
                labels.extend(definition(s).map(label));
            }
        }
    }
    labels
}

/// Strips up to `max` blockquote markers (`>` and one space after it): how many, and what is left.
fn unquote(line: &str, max: usize) -> (usize, &str) {
    let mut rest = line;
    let mut depth = 0;
    while depth < max {
        let s = rest.trim_start_matches(' ');
        if rest.len() - s.len() > 3 {
            break;
        }
        let Some(after) = s.strip_prefix('>') else {
            break;
        };
        rest = after.strip_prefix([' ', '\t']).unwrap_or(after);
        depth += 1;
    }
    (depth, rest)
}

/// A code fence opened by `s`: three or more `` ` `` (with no `` ` `` after them) or `~`.
fn opens(s: &str, quotes: usize) -> Option<Fence> {
    let ch = s.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = s.chars().take_while(|&c| c == ch).count();
    let info = s.get(len..).unwrap_or_default();
    (len >= 3 && !(ch == '`' && info.contains('`'))).then_some(Fence { ch, len, quotes })
}

/// Whether `body` closes `fence`: at least as many of its character, and nothing after them.
fn closes(body: &str, fence: &Fence) -> bool {
    let s = body.trim();
    s.chars().count() >= fence.len && s.chars().all(|c| c == fence.ch)
}

/// Whether `s` is one or more of a single character from `chars`.
fn is_run_of(s: &str, chars: &[char]) -> bool {
    s.chars()
        .next()
        .is_some_and(|first| chars.contains(&first) && s.chars().all(|c| c == first))
}

/// A thematic break: three or more `*`, `-` or `_`, spaces allowed between.
fn thematic(s: &str) -> bool {
    if !s.starts_with(['*', '-', '_']) {
        return false;
    }
    let marks: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    marks.chars().count() >= 3 && is_run_of(&marks, &['*', '-', '_'])
}

/// A table's rule line: `|`, `-`, `:` and spaces only, with at least a `|` and a `-`.
fn table_rule(s: &str) -> bool {
    s.contains('|')
        && s.contains('-')
        && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The label of a reference definition `[label]: destination` (not a footnote `[^1]: …`).
fn definition(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('[').filter(|r| !r.starts_with('^'))?;
    let end = rest.find("]:")?;
    let name = rest.get(..end)?;
    (!name.trim().is_empty() && !name.contains(['[', ']'])).then_some(name)
}

/// An ATX heading: its level and its text without the opening and closing `#`s.
fn heading(s: &str) -> Option<(usize, &str)> {
    let level = s.chars().take_while(|&c| c == '#').count();
    let rest = s.get(level..)?;
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    let closed = text.trim_end_matches('#');
    let text = if closed.is_empty() || closed.ends_with([' ', '\t']) {
        closed.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// Whether `s` starts with a numbered list marker (`1.` or `1)` and a space).
fn numbered(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let rest = s.get(digits..).unwrap_or_default();
    (1..=9).contains(&digits)
        && rest
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

#[cfg(test)]
#[path = "../tests/own_text/markdown.rs"]
mod tests;
