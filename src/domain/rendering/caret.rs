//! A keyboard caret in an article's text: where it moves by user-perceived character (grapheme
//! cluster), by word (`caret/words.rs`), to a line's start or end, to the previous or next paragraph,
//! and from one annotation to the next.
//!
//! Positions are code points, like every offset in the app. A line is one of the article's
//! [`paragraphs`](Article::paragraphs): a line of its text, which the view shows as one paragraph. The
//! line break between two lines (`\n`, `\r\n` or `\r`) is one step, and the caret never sits inside it.
//! Grapheme clusters never cross a line break (UAX #29 always breaks around controls), so every
//! cluster is found in the text of one line.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::{Article, Paragraph};
use crate::domain::model::names::AnnotationId;
use crate::domain::model::text::{char_len, char_to_byte, cluster_around, Graphemes};
use std::rc::Rc;

mod words;
pub use words::{next_word, prev_word};

/// A way to move the caret, as a key asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One user-perceived character back.
    PrevChar,
    /// One user-perceived character on.
    NextChar,
    /// To the start of this word or the previous one.
    PrevWord,
    /// To the end of this word or the next one.
    NextWord,
    /// To the start of the line.
    LineStart,
    /// To the end of the line (before its line break).
    LineEnd,
    /// To the start of this paragraph, or of the previous one if already there.
    PrevParagraph,
    /// To the start of the next paragraph (or the end of the text after the last).
    NextParagraph,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

/// The caret and the end of the selection it extends: `anchor` stays where the selection began,
/// `focus` is where the caret is. Both are code points; they are equal when nothing is selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Caret {
    /// Where the selection began.
    pub anchor: usize,
    /// Where the caret is.
    pub focus: usize,
}

impl Caret {
    /// A caret at `pos` with nothing selected.
    pub fn at(pos: usize) -> Caret {
        Caret {
            anchor: pos,
            focus: pos,
        }
    }

    /// Whether nothing is selected.
    pub fn is_collapsed(&self) -> bool {
        self.anchor == self.focus
    }

    /// The selected code points `(start, end)`, in text order.
    pub fn range(&self) -> (usize, usize) {
        (self.anchor.min(self.focus), self.anchor.max(self.focus))
    }

    /// The caret after `motion`. With `extend` the anchor stays (Shift held); without it the selection
    /// is dropped, and a character step with a selection only collapses it to its start or end, as in
    /// a text editor.
    pub fn moved(
        self,
        article: &Article,
        motion: Motion,
        extend: bool,
        graphemes: &impl Graphemes,
    ) -> Caret {
        let (start, end) = self.range();
        if !extend && !self.is_collapsed() {
            match motion {
                Motion::PrevChar => return Caret::at(start),
                Motion::NextChar => return Caret::at(end),
                _ => {}
            }
        }
        let focus = step(article, self.focus, motion, graphemes);
        Caret {
            anchor: if extend { self.anchor } else { focus },
            focus,
        }
    }
}

/// Where `motion` takes the caret from `pos`; the result is always within the text. A `pos` past the
/// end counts as the end, and one inside a `\r\n` as the end of the line before it.
pub fn step(article: &Article, pos: usize, motion: Motion, graphemes: &impl Graphemes) -> usize {
    let pos = pos.min(article.char_len);
    let pos = match line_of(article, pos) {
        (index, line) if pos < line.start => index
            .checked_sub(1)
            .and_then(|i| article.paragraphs.get(i))
            .map_or(line.start, |previous| previous.end),
        _ => pos,
    };
    match motion {
        Motion::PrevChar => prev_grapheme(article, pos, graphemes),
        Motion::NextChar => next_grapheme(article, pos, graphemes),
        Motion::PrevWord => prev_word(article, pos, graphemes),
        Motion::NextWord => next_word(article, pos, graphemes),
        Motion::LineStart => line_of(article, pos).1.start,
        Motion::LineEnd => line_of(article, pos).1.end,
        Motion::PrevParagraph => prev_paragraph(article, pos),
        Motion::NextParagraph => next_paragraph(article, pos),
        Motion::TextStart => 0,
        Motion::TextEnd => article.char_len,
    }
}

/// The line that holds `pos` (a position inside a `\r\n` counts as the start of the next line), with
/// its index.
fn line_of(article: &Article, pos: usize) -> (usize, Paragraph) {
    let index = article.paragraph_at(pos);
    let line = article.paragraphs.get(index).copied().unwrap_or(Paragraph {
        start: 0,
        end: article.char_len,
        byte_start: 0,
        byte_end: article.text.len(),
    });
    (index, line)
}

/// The text of `line`.
fn line_text<'a>(article: &'a Article, line: &Paragraph) -> &'a str {
    article
        .text
        .get(line.byte_start..line.byte_end)
        .unwrap_or_default()
}

/// The grapheme cluster that starts at `pos` (the line break, when `pos` ends a line): where it ends
/// and its first character (`'\n'` for a line break). `None` at the end of the text.
pub(in crate::domain) fn grapheme_after(
    article: &Article,
    pos: usize,
    graphemes: &impl Graphemes,
) -> Option<(usize, char)> {
    let (index, line) = line_of(article, pos);
    if pos < line.start {
        // Inside a `\r\n`: the rest of the line break.
        return Some((line.start, '\n'));
    }
    if pos >= line.end {
        let next = article.paragraphs.get(index + 1)?;
        return Some((next.start, '\n'));
    }
    let text = line_text(article, &line);
    let byte = char_to_byte(text, pos - line.start);
    let first = text.get(byte..)?.chars().next()?;
    let after = byte + first.len_utf8();
    let (start, end) = cluster_around(text, after, graphemes);
    let end = if start == end { after } else { end };
    Some((pos + char_len(text.get(byte..end)?), first))
}

/// The grapheme cluster that ends at `pos` (the line break, when `pos` starts a line): where it starts
/// and its first character (`'\n'` for a line break). `None` at the start of the text.
pub(in crate::domain) fn grapheme_before(
    article: &Article,
    pos: usize,
    graphemes: &impl Graphemes,
) -> Option<(usize, char)> {
    let (index, line) = line_of(article, pos);
    let pos = pos.clamp(line.start, line.end);
    if pos <= line.start {
        let previous = article.paragraphs.get(index.checked_sub(1)?)?;
        return Some((previous.end, '\n'));
    }
    let text = line_text(article, &line);
    let byte = char_to_byte(text, pos - line.start);
    let last = text.get(..byte)?.chars().next_back()?;
    let before = byte - last.len_utf8();
    let (start, end) = cluster_around(text, before, graphemes);
    let start = if start == end { before } else { start };
    let first = text.get(start..)?.chars().next()?;
    Some((pos - char_len(text.get(start..byte)?), first))
}

/// The next grapheme cluster boundary after `pos` (the start of the next line from a line's end).
pub fn next_grapheme(article: &Article, pos: usize, graphemes: &impl Graphemes) -> usize {
    grapheme_after(article, pos, graphemes).map_or(article.char_len, |(end, _)| end)
}

/// The previous grapheme cluster boundary before `pos` (the end of the previous line from a line's
/// start).
pub fn prev_grapheme(article: &Article, pos: usize, graphemes: &impl Graphemes) -> usize {
    grapheme_before(article, pos, graphemes).map_or(0, |(start, _)| start)
}

/// Whether a line holds nothing but whitespace; such lines are passed over between paragraphs.
fn is_blank(article: &Article, line: &Paragraph) -> bool {
    line_text(article, line).trim().is_empty()
}

/// The start of the paragraph that holds `pos`, or of the previous paragraph with text if `pos` is
/// already at that start (the start of the text if there is none).
pub fn prev_paragraph(article: &Article, pos: usize) -> usize {
    let (index, line) = line_of(article, pos);
    if pos > line.start {
        return line.start;
    }
    article
        .paragraphs
        .iter()
        .take(index)
        .rev()
        .find(|p| !is_blank(article, p))
        .map_or(0, |p| p.start)
}

/// The start of the next paragraph with text after the one that holds `pos` (the end of the text if
/// there is none).
pub fn next_paragraph(article: &Article, pos: usize) -> usize {
    let (index, _) = line_of(article, pos);
    article
        .paragraphs
        .iter()
        .skip(index + 1)
        .find(|p| !is_blank(article, p))
        .map_or(article.char_len, |p| p.start)
}

/// The annotation after the selected one in text order (`annotations` as the workspace lists them);
/// with none selected, the first that starts at or after the caret.
pub fn next_annotation<'a>(
    annotations: &'a [Rc<Annotation>],
    selected: Option<&AnnotationId>,
    caret: usize,
) -> Option<&'a Rc<Annotation>> {
    if let Some(i) = selected.and_then(|id| annotations.iter().position(|a| &a.id == id)) {
        return annotations.get(i + 1);
    }
    annotations.iter().find(|a| a.span.start() >= caret)
}

/// The annotation before the selected one in text order; with none selected, the last that starts
/// before the caret.
pub fn prev_annotation<'a>(
    annotations: &'a [Rc<Annotation>],
    selected: Option<&AnnotationId>,
    caret: usize,
) -> Option<&'a Rc<Annotation>> {
    if let Some(i) = selected.and_then(|id| annotations.iter().position(|a| &a.id == id)) {
        return annotations.get(i.checked_sub(1)?);
    }
    annotations.iter().rev().find(|a| a.span.start() < caret)
}

#[cfg(test)]
#[path = "../tests/caret.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/caret_properties.rs"]
mod properties;
