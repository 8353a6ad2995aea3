//! The visible text of an HTML page, laid out from a walk of its parsed elements.
//!
//! Parsing is the browser's (`web::html_text` hands this the elements and texts of the page's body,
//! in document order, with character references already decoded); this decides what the text looks
//! like. The content of `script`, `style`, `noscript`, `template`, `iframe`, `noembed`, `noframes`,
//! `title` and `svg` is not walked ([`PageText::skips`]). Block elements end a line; `<br>` ends one
//! too, so two give an empty line; table cells are separated by a space. Outside `pre`, every run of
//! whitespace (ASCII whitespace and no-break spaces) becomes one space. The page's title is its
//! `<title>`, else the first non-empty `<h1>`. At the end, lines lose trailing whitespace, no more
//! than one empty line stays in a row, and the text has no empty lines at its start or end.

use super::tidy::tidy;
use super::{one_line, Extracted};

/// Elements whose content is not shown, so not walked.
const SKIPPED: &str = "script style noscript template iframe noembed noframes title svg head";

/// Elements whose start and end each end a line.
const BLOCKS: &str = "address article aside blockquote caption center dd details dialog dir div dl dt \
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing main \
    menu nav ol p pre section summary table tbody tfoot thead tr ul";

/// Whether `name` is one of the space-separated `names`.
fn is(names: &str, name: &str) -> bool {
    names.split_ascii_whitespace().any(|n| n == name)
}

/// The text of a page, written as its elements and texts are walked in document order.
#[derive(Default)]
pub struct PageText {
    /// The text so far.
    out: String,
    /// Whitespace seen since the last visible character: one space before the next, on the same line.
    space: bool,
    /// Line ends owed before the next visible character (at most 2: one empty line).
    breaks: u8,
    /// Open `pre` (and `listing`) elements.
    pre: usize,
    /// Where the first `h1`'s text starts in `out`, while it is open.
    h1_start: Option<usize>,
    /// The first non-empty `h1`'s text.
    h1_title: Option<String>,
}

impl PageText {
    /// Whether the content of the element `name` (lowercase) is left out: walk neither it nor its
    /// children.
    pub fn skips(name: &str) -> bool {
        is(SKIPPED, name)
    }

    /// The element `name` (lowercase) starts; its children follow, then [`PageText::close`].
    pub fn open(&mut self, name: &str) {
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            "td" | "th" => self.space = true,
            _ if is(BLOCKS, name) => {
                self.block();
                if name == "pre" || name == "listing" {
                    self.pre += 1;
                }
                if name == "h1" && self.h1_title.is_none() && self.h1_start.is_none() {
                    self.h1_start = Some(self.out.len());
                }
            }
            _ => {}
        }
    }

    /// The element `name` (lowercase) ends.
    pub fn close(&mut self, name: &str) {
        match name {
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

    /// A text node's text.
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            if self.pre > 0 {
                self.flush();
                self.out.push(c);
            } else if c.is_ascii_whitespace() || c == '\u{A0}' {
                self.space = true;
            } else {
                self.flush();
                self.out.push(c);
            }
        }
    }

    /// The page's text, and its title: `title` (the page's `<title>`) when it has any text, else the
    /// first non-empty `<h1>`.
    pub fn finish(self, title: Option<&str>) -> Extracted {
        let title = title.map(one_line).filter(|t| !t.is_empty());
        Extracted {
            title: title.or(self.h1_title),
            text: tidy(&self.out),
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
}

#[cfg(test)]
#[path = "../../tests/own_text/page.rs"]
mod tests;
