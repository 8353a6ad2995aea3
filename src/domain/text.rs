//! Offsets and their units.
//!
//! Inside the app every offset is a Unicode code point index ("char index"), start inclusive and end
//! exclusive. Byte offsets exist only where Rust slices a `str`. The conversions between units live here and
//! are named after them; the UTF-16 ones serve file formats that count UTF-16 code units (doccano, Label
//! Studio), while the browser edge counts the code points of a DOM range's text instead.

use unicode_segmentation::GraphemeCursor;

/// Number of Unicode code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte index of the code point at `char_idx`; indexes past the end give `text.len()`.
pub fn char_to_byte(text: &str, char_idx: usize) -> usize {
    text.char_indices()
        .nth(char_idx)
        .map_or(text.len(), |(byte, _)| byte)
}

/// Code point index of the byte index `byte`; a byte inside a character counts that character.
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

/// Code point index for a UTF-16 code unit offset, as the DOM reports it.
///
/// An offset that falls between the two halves of a surrogate pair rounds down to the character's start;
/// offsets past the end give the text's length in code points.
pub fn utf16_to_char(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (chars, ch) in text.chars().enumerate() {
        units += ch.len_utf16();
        if units > utf16 {
            return chars;
        }
    }
    char_len(text)
}

/// UTF-16 code unit offset of the code point index `char_idx`.
pub fn char_to_utf16(text: &str, char_idx: usize) -> usize {
    text.chars().take(char_idx).map(char::len_utf16).sum()
}

/// The code points `start..end` of `text`, clamped to the text.
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let from = char_to_byte(text, start);
    let to = char_to_byte(text, end.max(start));
    text.get(from..to).unwrap_or_default()
}

/// Whether the byte index `byte` lies on a grapheme cluster boundary of `text`.
fn is_grapheme_boundary(text: &str, byte: usize) -> bool {
    GraphemeCursor::new(byte, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

/// Moves the byte index `byte` back to the start of the grapheme cluster that contains it.
fn grapheme_floor(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary(text, byte) {
        return byte;
    }
    GraphemeCursor::new(byte, text.len(), true)
        .prev_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(0)
}

/// Moves the byte index `byte` forward to the end of the grapheme cluster that contains it.
fn grapheme_ceil(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary(text, byte) {
        return byte;
    }
    GraphemeCursor::new(byte, text.len(), true)
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// Turns a raw selection `[a, b)` (code points, in either order) into the span a user meant.
///
/// The ends move outward to whole user-perceived characters (an emoji, a flag or a letter with a combining
/// accent is never cut), then leading and trailing whitespace is dropped. Returns `None` when nothing but
/// whitespace was selected.
pub fn normalize_selection(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let (a, b) = (a.min(b), a.max(b));
    let start = grapheme_floor(text, char_to_byte(text, a));
    let end = grapheme_ceil(text, char_to_byte(text, b));
    let selected = text.get(start..end)?;
    let trimmed_start = start + (selected.len() - selected.trim_start().len());
    let trimmed_end = end - (selected.len() - selected.trim_end().len());
    if trimmed_start >= trimmed_end {
        return None;
    }
    Some((
        byte_to_char(text, trimmed_start),
        byte_to_char(text, trimmed_end),
    ))
}

#[cfg(test)]
#[path = "tests/text.rs"]
mod tests;
