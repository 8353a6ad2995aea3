//! The visible text of an HTML page.
//!
//! A forgiving scan, not a full HTML parser: tags are found by `<` and a letter (or `</`, `<!`, `<?`),
//! attributes are skipped (a `>` inside a quoted value does not end the tag), and a `<` that starts no
//! tag is text. The content of `head`, `script`, `style`, `noscript`, `iframe`, `noembed`, `noframes`,
//! `template` and `svg` and comments are dropped; an unclosed one drops the rest of the file. `<title>`
//! (else the first non-empty `<h1>`) gives the title. Block elements end a line; `<br>` ends one too, so
//! two give an empty line; table cells are separated by a space. Outside `pre`, every run of
//! whitespace (ASCII whitespace and no-break spaces) becomes one space. Character references are
//! decoded ([`super::entities`]). Images give no text. At the end, lines lose trailing whitespace, no
//! more than one empty line stays in a row, and the text has no empty lines at its start or end.
//!
//! This is not a security boundary (the app escapes every character it shows), but the content of a
//! `script` never reaches the text, and neither does any tag.

use super::entities::decode;
use super::tags::{attributes, past, past_end_tag, starts_with_letter, tag_name};
use super::tidy::tidy;
use super::{one_line, Extracted};

/// Elements whose content is raw text, dropped up to their end tag.
const RAW: &str = "script style noscript iframe noembed noframes";

/// Elements whose content is hidden, however deeply nested (tags inside them are still read).
const HIDDEN: &str = "template svg";

/// Elements that may stand in `head` without ending it.
const IN_HEAD: &str = "meta link base title basefont bgsound";

/// Elements whose start and end each end a line.
const BLOCKS: &str = "address article aside blockquote caption center dd details dialog dir div dl dt \
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing main \
    menu nav ol p pre section summary table tbody tfoot thead tr ul";

/// Whether `name` is one of the space-separated `names`.
fn is(names: &str, name: &str) -> bool {
    names.split_ascii_whitespace().any(|n| n == name)
}

/// The visible text of `source` and its title.
pub(super) fn extract(source: &str) -> Extracted {
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let mut walker = Walker::default();
    let mut rest = source.as_str();
    while let Some(lt) = rest.find('<') {
        walker.text(rest.get(..lt).unwrap_or_default());
        rest = walker.markup(rest.get(lt..).unwrap_or_default());
    }
    walker.text(rest);
    Extracted {
        title: walker.title.or(walker.h1_title),
        text: tidy(&walker.out),
    }
}

/// The state of the scan.
#[derive(Default)]
struct Walker {
    /// The text so far.
    out: String,
    /// Whitespace seen since the last visible character: one space before the next, on the same line.
    space: bool,
    /// Line ends owed before the next visible character (at most 2: one empty line).
    breaks: u8,
    /// Open `pre` (and `listing`) elements.
    pre: usize,
    /// Just after `<pre>`, whose first line end is not part of its text.
    skip_newline: bool,
    /// Inside `head`.
    in_head: bool,
    /// Open hidden elements ([`HIDDEN`]).
    hidden: usize,
    /// The first `<title>`'s text.
    title: Option<String>,
    /// Where the first `h1`'s text starts in `out`, while it is open.
    h1_start: Option<usize>,
    /// The first non-empty `h1`'s text.
    h1_title: Option<String>,
}

impl Walker {
    /// A run of text between tags.
    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.hidden > 0 {
            return;
        }
        if self.in_head {
            // Text that is not whitespace ends `head`, as in browsers.
            if raw.trim().is_empty() {
                return;
            }
            self.in_head = false;
        }
        for c in decode(raw).chars() {
            if self.pre > 0 {
                if !std::mem::take(&mut self.skip_newline) || c != '\n' {
                    self.flush();
                    self.out.push(c);
                }
            } else if c.is_ascii_whitespace() || c == '\u{A0}' {
                self.space = true;
            } else {
                self.flush();
                self.out.push(c);
            }
        }
    }

    /// Writes the line ends or the space owed before a visible character. Line ends already written
    /// (by a `pre`) count.
    fn flush(&mut self) {
        if self.breaks > 0 {
            let written = self
                .out
                .chars()
                .rev()
                .take(2)
                .take_while(|&c| c == '\n')
                .count();
            if !self.out.is_empty() {
                for _ in written..usize::from(self.breaks) {
                    self.out.push('\n');
                }
            }
            self.breaks = 0;
        } else if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.space = false;
    }

    /// A block starts or ends: the next text starts a new line.
    fn block(&mut self) {
        self.breaks = self.breaks.max(1);
    }

    /// Reads the markup at the start of `rest` (which starts with `<`) and returns what follows it.
    fn markup<'a>(&mut self, rest: &'a str) -> &'a str {
        let after = rest.get(1..).unwrap_or_default();
        if let Some(comment) = after.strip_prefix("!--") {
            if let Some(empty) = comment.strip_prefix('>') {
                return empty;
            }
            return past(comment, "-->");
        }
        if after.starts_with(['!', '?']) {
            return past(after, ">");
        }
        if let Some(end) = after.strip_prefix('/') {
            if starts_with_letter(end) {
                let (name, tail) = tag_name(end);
                self.end_tag(&name);
                return past(tail, ">");
            }
            return past(end, ">");
        }
        if !starts_with_letter(after) {
            self.text("<");
            return after;
        }
        let (name, tail) = tag_name(after);
        let (self_closing, rest) = attributes(tail);
        if self_closing && (is(RAW, &name) || name == "title") {
            return rest;
        }
        if is(RAW, &name) {
            return past_end_tag(rest, &name).1;
        }
        if name == "title" {
            let (content, rest) = past_end_tag(rest, "title");
            let title = one_line(&decode(content));
            if self.title.is_none() && self.hidden == 0 && !title.is_empty() {
                self.title = Some(title);
            }
            return rest;
        }
        self.start_tag(&name, self_closing);
        rest
    }

    /// A start tag other than raw text elements.
    fn start_tag(&mut self, name: &str, self_closing: bool) {
        match name {
            "head" => self.in_head = true,
            "body" => self.in_head = false,
            _ if is(HIDDEN, name) => self.hidden += usize::from(!self_closing),
            _ if self.in_head && !is(IN_HEAD, name) => self.in_head = false,
            _ => {}
        }
        if self.hidden > 0 || self.in_head {
            return;
        }
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            "td" | "th" => self.space = true,
            _ if is(BLOCKS, name) => {
                self.block();
                if name == "pre" || name == "listing" {
                    self.pre += 1;
                    self.skip_newline = true;
                }
                if name == "h1" && self.h1_title.is_none() && self.h1_start.is_none() {
                    self.h1_start = Some(self.out.len());
                }
            }
            _ => {}
        }
    }

    /// An end tag.
    fn end_tag(&mut self, name: &str) {
        match name {
            "head" => self.in_head = false,
            _ if is(HIDDEN, name) => self.hidden = self.hidden.saturating_sub(1),
            _ => {}
        }
        if self.hidden > 0 || self.in_head {
            return;
        }
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            "td" | "th" => self.space = true,
            _ if is(BLOCKS, name) => {
                self.block();
                if name == "pre" || name == "listing" {
                    self.pre = self.pre.saturating_sub(1);
                }
                if name == "h1" {
                    if let Some(start) = self.h1_start.take() {
                        let title = one_line(self.out.get(start..).unwrap_or_default());
                        self.h1_title = Some(title).filter(|t| !t.is_empty());
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "../tests/own_text/html.rs"]
mod tests;
