//! Markdown reduced to readable text, from the events of `pulldown-cmark` (CommonMark, with GitHub's
//! tables and strikethrough).
//!
//! Blocks keep their lines: a paragraph's line breaks stay, and blocks are one line apart, or two when
//! the source has a blank line between them. Headings keep their text (the first level-1 heading, ATX
//! or setext, is also the title); emphasis, strikethrough, code spans and fences lose their markers but
//! code keeps its text exactly; links give their text, images their alt text, autolinks their address;
//! bullets become `•` and numbered items keep their number and delimiter, nested items indented by
//! their parent's marker; a table gives a line per row, its cells separated by a space. Raw HTML (inline
//! and blocks, comments included), thematic breaks, reference definitions and blockquote markers go;
//! escapes and character references are resolved. Line ends (`\r\n`, `\r`) become `\n`; finally lines
//! lose trailing whitespace, no more than one empty line stays in a row, and the text has no empty
//! lines at its start or end.

use super::tidy::tidy;
use super::{one_line, Extracted};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// The text of a Markdown document and its first level-1 heading.
pub(super) fn extract(source: &str) -> Extracted {
    let source = if source.contains('\r') {
        Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(source)
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = Text::new(&source);
    for (event, range) in Parser::new_ext(&source, options).into_offset_iter() {
        text.event(event, range);
    }
    Extracted {
        title: text.title,
        text: tidy(&text.out),
    }
}

/// A list item whose marker is not written yet: it goes before the item's first text.
struct Marker {
    /// Where the item starts in the source.
    at: usize,
    /// `• `, `1. ` or `1) `.
    text: String,
    /// The spaces before it.
    indent: usize,
}

/// The text being written from the events.
struct Text<'a> {
    /// The source, with `\n` line ends.
    source: &'a str,
    /// The text so far.
    out: String,
    /// Where in the source the last written block (or line of a list item) ends.
    last_end: Option<usize>,
    /// The current line holds only indentation and list markers.
    bare: bool,
    /// For each open list item, where its content starts (in columns of the text).
    indents: Vec<usize>,
    /// For each open list, the next item's number (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// The marker of the item just opened.
    marker: Option<Marker>,
    /// The text of the open code block.
    code: Option<String>,
    /// Cells written in the open table row.
    cells: usize,
    /// Where the open level-1 heading's text starts in `out`, while no title is found.
    heading: Option<usize>,
    /// The first level-1 heading.
    title: Option<String>,
}

impl<'a> Text<'a> {
    /// Ready to write the text of `source`.
    fn new(source: &'a str) -> Self {
        Text {
            source,
            out: String::with_capacity(source.len()),
            last_end: None,
            bare: false,
            indents: Vec::new(),
            lists: Vec::new(),
            marker: None,
            code: None,
            cells: 0,
            heading: None,
            title: None,
        }
    }

    /// Writes what one event gives.
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) | Event::Code(text) => match &mut self.code {
                Some(code) => code.push_str(&text),
                None => self.write(&text, range),
            },
            Event::SoftBreak | Event::HardBreak => {
                let next = self.source.get(range.end..).unwrap_or_default();
                let spaces = next.len() - next.trim_start_matches([' ', '\t']).len();
                self.out.push('\n');
                self.indent(spaces.min(self.content_indent()));
            }
            // Raw HTML, rules and the extensions not enabled give no text.
            _ => {}
        }
    }

    /// A block or an inline element starts.
    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::TableHead | Tag::TableRow => {
                self.begin(range.start);
                self.cells = 0;
            }
            Tag::Heading { level, .. } => {
                self.begin(range.start);
                if level == HeadingLevel::H1 && self.title.is_none() {
                    self.heading = Some(self.out.len());
                }
            }
            Tag::CodeBlock(_) => {
                self.begin(range.start);
                self.code = Some(String::new());
            }
            Tag::TableCell => {
                if self.cells > 0 {
                    self.out.push(' ');
                }
                self.cells += 1;
            }
            Tag::List(first) => self.lists.push(first),
            Tag::Item => self.item(range.start),
            _ => {}
        }
    }

    /// A block or an inline element ends.
    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::TableHead | TagEnd::TableRow => {
                self.last_end = Some(range.end);
            }
            TagEnd::Heading(_) => {
                if let Some(start) = self.heading.take() {
                    let title = one_line(self.out.get(start..).unwrap_or_default());
                    self.title = Some(title).filter(|t| !t.is_empty());
                }
                self.last_end = Some(range.end);
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                let code = code.strip_suffix('\n').unwrap_or(&code);
                let indent = self.content_indent();
                for (i, line) in code.split('\n').enumerate() {
                    if i > 0 {
                        self.out.push('\n');
                        self.indent(indent);
                    }
                    self.out.push_str(line);
                }
                self.bare = false;
                self.last_end = Some(range.end);
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => {
                if self.marker.is_some() {
                    // An empty item still shows its marker.
                    self.begin(range.start);
                    self.last_end = Some(range.start + 1);
                }
                self.bare = false;
                self.indents.pop();
            }
            _ => {}
        }
    }

    /// A list item starts at `at`: its marker waits for its first text.
    fn item(&mut self, at: usize) {
        if self.marker.is_some() {
            // An item that starts with a list: its marker goes first, on the same line.
            self.begin(at);
        }
        let number = self.lists.last_mut().and_then(Option::as_mut);
        let text = match number {
            Some(n) => {
                let written = self.source.get(at..).unwrap_or_default();
                let delimiter = written.trim_start_matches(|c: char| c.is_ascii_digit());
                let delimiter = if delimiter.starts_with(')') { ')' } else { '.' };
                let text = format!("{n}{delimiter} ");
                *n = n.saturating_add(1);
                text
            }
            None => "• ".to_owned(),
        };
        let indent = self.content_indent();
        self.indents.push(indent + text.chars().count());
        self.marker = Some(Marker { at, text, indent });
    }

    /// Starts a new line for a block at `at`: one line after the last, or two when the source has a
    /// blank line between them; then the waiting list marker, if any.
    fn begin(&mut self, at: usize) {
        let marker = self.marker.take();
        let from = marker.as_ref().map_or(at, |m| m.at);
        if !self.out.is_empty() && !self.bare {
            self.out.push_str(if self.blank_before(from) {
                "\n\n"
            } else {
                "\n"
            });
            let indent = marker
                .as_ref()
                .map_or_else(|| self.content_indent(), |m| m.indent);
            self.indent(indent);
        }
        if let Some(marker) = marker {
            self.out.push_str(&marker.text);
            self.bare = true;
        }
    }

    /// Writes inline text at `range` of the source.
    fn write(&mut self, text: &str, range: Range<usize>) {
        if self.marker.is_some() {
            self.begin(range.start);
        }
        if !text.is_empty() {
            self.out.push_str(text);
            self.bare = false;
            self.last_end = Some(range.end);
        }
    }

    /// Whether a blank line (blockquote markers aside) stands between the last written block and the
    /// line where `at` is.
    fn blank_before(&self, at: usize) -> bool {
        let Some(end) = self.last_end else {
            return false;
        };
        // From the end of the last block's line (its `\n` when the block took it) to `at`.
        let ended = end
            .checked_sub(1)
            .and_then(|i| self.source.as_bytes().get(i))
            == Some(&b'\n');
        let from = if ended { end - 1 } else { end };
        let gap = self.source.get(from..at).unwrap_or_default();
        let Some((_, after)) = gap.split_once('\n') else {
            return false;
        };
        let Some((between, _)) = after.rsplit_once('\n') else {
            return false;
        };
        between.split('\n').any(|line| {
            line.trim_matches(|c: char| c.is_whitespace() || c == '>')
                .is_empty()
        })
    }

    /// Where the open list item's content starts, in columns (0 outside lists).
    fn content_indent(&self) -> usize {
        self.indents.last().copied().unwrap_or(0)
    }

    /// Writes `n` spaces.
    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }
}

#[cfg(test)]
#[path = "../../tests/own_text/markdown.rs"]
mod tests;
