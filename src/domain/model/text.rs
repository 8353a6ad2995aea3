//! Offsets and their units.
//!
//! Inside the app every offset is a Unicode code point index ("char index"), start inclusive and end
//! exclusive. Byte offsets exist only where Rust slices a `str`. The conversions between units live here and
//! are named after them; the UTF-16 ones serve file formats that count UTF-16 code units (doccano, Label
//! Studio), while the browser edge counts the code points of a DOM range's text instead.

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

/// The UTF-16 offset and byte offset of every 64th code point of a text, so that [`utf16_to_char`]'s
/// conversion takes time independent of the offset: a file of many spans far into a long text is
/// converted in time linear in its size, not in spans × text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Utf16Index {
    /// `(UTF-16 units before it, its byte offset)` of code points 0, 64, 128, …
    marks: Vec<(usize, usize)>,
}

/// Distance in code points between two marks of a [`Utf16Index`].
const UTF16_MARK: usize = 64;

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::new();
        let mut units = 0;
        for (i, (byte, c)) in text.char_indices().enumerate() {
            if i % UTF16_MARK == 0 {
                marks.push((units, byte));
            }
            units += c.len_utf16();
        }
        Utf16Index { marks }
    }

    /// [`utf16_to_char`]`(text, utf16)`, for the `text` this index was built from.
    pub fn to_char(&self, text: &str, utf16: usize) -> usize {
        let k = self
            .marks
            .partition_point(|&(units, _)| units <= utf16)
            .saturating_sub(1);
        let Some(&(mut units, byte)) = self.marks.get(k) else {
            return 0;
        };
        let mut chars = k * UTF16_MARK;
        for c in text.get(byte..).unwrap_or_default().chars() {
            units += c.len_utf16();
            if units > utf16 {
                return chars;
            }
            chars += 1;
        }
        chars
    }
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

/// A source of grapheme clusters (Unicode's extended grapheme clusters, UAX #29): the user-perceived
/// characters that a selection must not cut, such as a flag, an emoji sequence or a letter with a
/// combining accent.
///
/// The domain has no tables of its own. The app asks the browser (`web::graphemes`, `Intl.Segmenter`),
/// and native tests ask the `unicode-segmentation` crate.
pub trait Graphemes {
    /// The grapheme cluster of `text` that holds the code point at `at`, as code point offsets
    /// `(start, end)` into `text`, with `start <= at < end`. `text` is short: a window around one end of
    /// a selection, never a whole article.
    fn cluster_at(&self, text: &str, at: usize) -> (usize, usize);
}

/// How many code points the window around a selection end reaches on each side at first. It grows
/// (doubling) only while the cluster found touches an edge of the window that may not be a boundary.
const WINDOW_REACH: usize = 256;

/// Whether a grapheme cluster boundary certainly lies between the adjacent characters `before` and
/// `after`, whatever surrounds them, and no boundary after it depends on what comes before it.
///
/// UAX #29 joins no two ASCII characters except CR LF, always breaks around other ASCII controls, and
/// none of its rules looks back past an ASCII character. So this holds in plain text and at line breaks,
/// and a window cut there segments exactly as the whole text would.
fn certain_boundary(before: char, after: char) -> bool {
    if before == '\r' && after == '\n' {
        return false;
    }
    (before.is_ascii() && after.is_ascii()) || before.is_ascii_control() || after.is_ascii_control()
}

/// Walks back from the byte index `from` (a character boundary) to the nearest certain cluster boundary,
/// at most `reach` code points. Returns its byte index and whether it is certain (false when the walk
/// stopped at `reach`).
fn window_start(text: &str, from: usize, reach: usize) -> (usize, bool) {
    let mut after = text.get(from..).and_then(|rest| rest.chars().next());
    let before_from = text.get(..from).unwrap_or_default();
    for (steps, (byte, before)) in before_from.char_indices().rev().enumerate() {
        let at = byte + before.len_utf8();
        if after.is_none_or(|after| certain_boundary(before, after)) {
            return (at, true);
        }
        if steps >= reach {
            return (at, false);
        }
        after = Some(before);
    }
    (0, true)
}

/// Walks forward from the byte index `from` (a character boundary) to the nearest certain cluster
/// boundary, at most `reach` code points. Returns its byte index and whether it is certain.
fn window_end(text: &str, from: usize, reach: usize) -> (usize, bool) {
    let mut before = text.get(..from).and_then(|head| head.chars().next_back());
    let after_from = text.get(from..).unwrap_or_default();
    for (steps, (byte, after)) in after_from.char_indices().enumerate() {
        let at = from + byte;
        if before.is_none_or(|before| certain_boundary(before, after)) {
            return (at, true);
        }
        if steps >= reach {
            return (at, false);
        }
        before = Some(after);
    }
    (text.len(), true)
}

/// The grapheme cluster that the byte index `byte` (a character boundary) falls inside, as byte indices
/// `(start, end)`; `(byte, byte)` when `byte` is a cluster boundary.
///
/// Only a window around `byte` is segmented: from the nearest certain boundaries on each side (see
/// [`certain_boundary`]), but at most [`WINDOW_REACH`] code points away, widened while the cluster
/// found reaches a window edge that is not certainly a boundary.
pub(in crate::domain) fn cluster_around(
    text: &str,
    byte: usize,
    graphemes: &impl Graphemes,
) -> (usize, usize) {
    let mut reach = WINDOW_REACH;
    loop {
        let (start, start_certain) = window_start(text, byte, reach);
        if start == byte && start_certain {
            return (byte, byte);
        }
        let (end, end_certain) = window_end(text, byte, reach);
        let (Some(window), Some(head)) = (text.get(start..end), text.get(start..byte)) else {
            return (byte, byte);
        };
        let at = char_len(head);
        let (first, last) = graphemes.cluster_at(window, at);
        let window_len = char_len(window);
        let (first, last) = (first.min(at), last.max(at + 1).min(window_len));
        if (first == 0 && !start_certain) || (last == window_len && !end_certain) {
            reach = reach.saturating_mul(2);
            continue;
        }
        if first == at {
            return (byte, byte);
        }
        return (
            start + char_to_byte(window, first),
            start + char_to_byte(window, last),
        );
    }
}

/// Turns a raw selection `[a, b)` (code points, in either order) into the span a user meant.
///
/// The ends move outward to whole user-perceived characters (an emoji, a flag or a letter with a combining
/// accent is never cut), then leading and trailing whitespace is dropped. Returns `None` when nothing but
/// whitespace was selected. `graphemes` is asked only about a short window around each end, so this stays
/// cheap on a 1 MB article.
pub fn normalize_selection(
    text: &str,
    a: usize,
    b: usize,
    graphemes: &impl Graphemes,
) -> Option<(usize, usize)> {
    let (a, b) = (a.min(b), a.max(b));
    let byte_a = char_to_byte(text, a);
    let byte_b = byte_a + char_to_byte(text.get(byte_a..)?, b - a);
    let (start, _) = cluster_around(text, byte_a, graphemes);
    let (_, end) = cluster_around(text, byte_b, graphemes);
    let selected = text.get(start..end)?;
    let trimmed = selected.trim_start();
    let leading = selected.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    // Counted from `a`, whose byte index is known, rather than from the start of the text.
    let start_char = a - char_len(text.get(start..byte_a)?);
    let first = start_char + char_len(selected.get(..leading)?);
    Some((first, first + char_len(trimmed)))
}

#[cfg(test)]
#[path = "../tests/text.rs"]
pub(in crate::domain) mod tests;
