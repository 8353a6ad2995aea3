//! A person's own article: pasted text, or a loaded `.txt`, `.md` or `.html` file, turned once into the
//! article's final plain text (which never changes afterwards, so offsets into it stay valid).
//!
//! Plain text is kept exactly, line ends included. Markdown and HTML are reduced to their readable
//! text, with `\n` line ends, no trailing whitespace on a line, no more than one empty line in a row
//! and none at the start or end:
//! - Markdown: parsed by `pulldown-cmark` (CommonMark, with tables and strikethrough); markers go,
//!   code, link and image text stay, bullets become `•`, raw HTML goes (the private `markdown` module
//!   lists every rule).
//! - HTML: parsed by the browser (`web::html_text`, with `DOMParser`), whose walk of the page's
//!   elements [`PageText`] lays out as text: the visible text, block elements ending lines, whitespace
//!   collapsed outside `pre`. The domain takes the HTML reader as a function, so it stays pure.

mod markdown;
mod page;
mod tidy;

pub use page::PageText;

/// The largest article text accepted, in UTF-8 bytes: 5 MiB.
///
/// The app keeps every article and its annotations in one localStorage entry, and Chromium gives an
/// origin about 5 million UTF-16 units there (10 MB). A text this large already fills most of that (a
/// larger one could never be saved at all); anything up to it may still be annotated, and if a save
/// does fail, the app's save notice says so and nothing is lost from the open session.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// The largest Markdown file read, in bytes: twice [`MAX_ARTICLE_BYTES`].
///
/// Markdown's markup is a small part of a file, so a larger one could not give an article's text
/// anyway; and `pulldown-cmark` keeps the whole document's tree while it is read, up to about 30 times
/// a file dense with markup (half that in the browser's 32-bit memory), so the file is refused before
/// it is parsed.
pub const MAX_MARKDOWN_BYTES: usize = 2 * MAX_ARTICLE_BYTES;

/// What a loaded file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text, kept exactly.
    Plain,
    /// Markdown, reduced to its text.
    Markdown,
    /// HTML, reduced to its visible text.
    Html,
}

/// The text for a new article and the title found in the source, if any.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Extracted {
    /// The source's own title: HTML's `<title>` (else its first `<h1>`), Markdown's first level-1
    /// heading.
    pub title: Option<String>,
    /// The article's text.
    pub text: String,
}

/// The file name extensions accepted, as the messages list them.
const ACCEPTED: &str = ".txt, .text, .md, .markdown, .html, .htm or .xhtml";

/// The kind for a file name by its extension (case-insensitive): `.txt`/`.text` are plain,
/// `.md`/`.markdown` Markdown, `.html`/`.htm`/`.xhtml` HTML; anything else `None`.
pub fn kind_of(file_name: &str) -> Option<SourceKind> {
    let ext = extension(file_name)?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(SourceKind::Plain),
        "md" | "markdown" => Some(SourceKind::Markdown),
        "html" | "htm" | "xhtml" => Some(SourceKind::Html),
        _ => None,
    }
}

/// Reads a loaded file into an article's text, HTML through `html` (in the app,
/// `web::html_text::extract`; it gets the source without a byte order mark, and its error is why the
/// page could not be read). The file must be UTF-8 (a UTF-8 byte order mark is dropped) with an
/// accepted extension (a Markdown file at most [`MAX_MARKDOWN_BYTES`]), must hold some text once
/// extracted, and that text must fit in [`MAX_ARTICLE_BYTES`]. Each refusal is a message naming the
/// file, for the person to read.
pub fn read_file(
    file_name: &str,
    bytes: &[u8],
    html: impl FnOnce(&str) -> Result<Extracted, String>,
) -> Result<Extracted, String> {
    let (kind, source) = source_of(file_name, bytes)?;
    let extracted = extract(kind, source, html)
        .map_err(|e| format!("{file_name} could not be read as HTML: {e}"))?;
    finish(extracted, file_name)
}

/// The first half of [`read_file`]: the file's kind and its text (without a byte order mark), or why
/// it is refused before its text is reduced. The app reduces Markdown in its web worker, between the
/// two halves.
pub fn source_of<'a>(file_name: &str, bytes: &'a [u8]) -> Result<(SourceKind, &'a str), String> {
    let Some(kind) = kind_of(file_name) else {
        return Err(match extension(file_name) {
            Some(ext) => format!(
                "{file_name}: .{ext} files cannot be loaded as an article; load a {ACCEPTED} file"
            ),
            None => format!(
                "{file_name} has no extension, so its kind is unknown; load a {ACCEPTED} file"
            ),
        });
    };
    if kind == SourceKind::Markdown && bytes.len() > MAX_MARKDOWN_BYTES {
        return Err(format!(
            "{file_name} is too large: it is {} bytes ({}), and a Markdown file may have at most {} \
             bytes ({}), twice the text an article holds",
            bytes.len(),
            mebibytes(bytes.len()),
            MAX_MARKDOWN_BYTES,
            mebibytes(MAX_MARKDOWN_BYTES)
        ));
    }
    let source = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file_name} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and load it again",
            e.valid_up_to()
        )
    })?;
    Ok((kind, strip_bom(source)))
}

/// The second half of [`read_file`]: the reduced text, refused if it is empty or too large.
pub fn finish(extracted: Extracted, file_name: &str) -> Result<Extracted, String> {
    check(&extracted.text, file_name)?;
    Ok(extracted)
}

/// Markdown reduced to its text (see the module's rules), with its first level-1 heading as title.
pub fn reduce_markdown(source: &str) -> Extracted {
    markdown::extract(source)
}

/// Text pasted by the person: kept exactly (only a leading byte order mark is dropped), with no title.
/// Refused if it is only whitespace or larger than [`MAX_ARTICLE_BYTES`].
pub fn from_paste(text: &str) -> Result<Extracted, String> {
    let text = strip_bom(text);
    check(text, "The pasted text")?;
    Ok(Extracted {
        title: None,
        text: text.to_string(),
    })
}

/// The extraction itself: plain text as is, Markdown reduced to its text, HTML handed to `html`
/// (whose error is returned as it is).
pub fn extract(
    kind: SourceKind,
    source: &str,
    html: impl FnOnce(&str) -> Result<Extracted, String>,
) -> Result<Extracted, String> {
    extract_but_markdown(kind, source, html).unwrap_or_else(|| Ok(reduce_markdown(source)))
}

/// [`extract`] for plain text and HTML; `None` for Markdown, which the app reduces in its web worker
/// ([`reduce_markdown`]), so that the page does not carry the Markdown parser.
pub fn extract_but_markdown(
    kind: SourceKind,
    source: &str,
    html: impl FnOnce(&str) -> Result<Extracted, String>,
) -> Option<Result<Extracted, String>> {
    match kind {
        SourceKind::Plain => Some(Ok(Extracted {
            title: None,
            text: source.to_string(),
        })),
        SourceKind::Markdown => None,
        SourceKind::Html => Some(html(source)),
    }
}

/// The most code points of a title made from the text's first line, the ellipsis included.
const TITLE_CHARS: usize = 80;

/// A title for an article: the extracted title, else the first non-empty line of the text (whitespace
/// runs made one space) shortened to 80 code points with an ellipsis, else the file name without its
/// extension, else "Untitled".
pub fn suggest_title(extracted: &Extracted, file_name: Option<&str>) -> String {
    let found = extracted
        .title
        .as_deref()
        .map(one_line)
        .filter(|t| !t.is_empty());
    match found {
        Some(title) => title,
        None => title_from_text(&extracted.text, file_name),
    }
}

/// A title for a text that has none of its own: its first non-empty line (whitespace runs made one
/// space) shortened to 80 code points with an ellipsis, else the file name without its extension, else
/// "Untitled".
pub fn title_from_text(text: &str, file_name: Option<&str>) -> String {
    if let Some(line) = text.lines().map(one_line).find(|l| !l.is_empty()) {
        return shorten(&line, TITLE_CHARS);
    }
    let stem = file_name.map(base_name).map(|name| match name.rfind('.') {
        Some(dot) if dot > 0 => name.get(..dot).unwrap_or(name),
        _ => name,
    });
    match stem.map(str::trim) {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => "Untitled".to_string(),
    }
}

/// Refuses a text that is only whitespace or larger than [`MAX_ARTICLE_BYTES`]; `what` names it at
/// the start of the message.
pub fn check(text: &str, what: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("{what} has no text"));
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(format!(
            "{what} is too large: its text is {} bytes ({}), and an article holds at most {} bytes ({})",
            text.len(),
            mebibytes(text.len()),
            MAX_ARTICLE_BYTES,
            mebibytes(MAX_ARTICLE_BYTES)
        ));
    }
    Ok(())
}

/// A size in MiB with one decimal, for messages.
fn mebibytes(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// The text without a leading UTF-8 byte order mark.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// The last part of a path, after any `/` or `\`.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The extension of a file name, without the dot; none for a name like `.txt` or `notes`.
fn extension(file_name: &str) -> Option<&str> {
    let name = base_name(file_name);
    let dot = name.rfind('.').filter(|&dot| dot > 0)?;
    name.get(dot + 1..).filter(|ext| !ext.is_empty())
}

/// The text trimmed, with every run of whitespace made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `line` cut to at most `max` code points, ending with `…` when cut: at the last space in the final
/// quarter if there is one, so a word is not cut in half.
fn shorten(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        return line.to_string();
    }
    let keep: Vec<char> = line.chars().take(max.saturating_sub(1)).collect();
    let floor = keep.len() * 3 / 4;
    let cut = keep
        .iter()
        .rposition(|c| c.is_whitespace())
        .filter(|&at| at >= floor)
        .unwrap_or(keep.len());
    let mut short: String = keep.iter().take(cut).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

#[cfg(test)]
#[path = "../tests/own_text.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/fuzz_own_text.rs"]
mod fuzz;
