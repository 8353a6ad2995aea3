//! CSV: one row per annotation, for spreadsheets and data frames.
//!
//! ```text
//! article,label,kind,text,start,end,note
//! fixture,entity,place,Kyiv,3,7,
//! fixture,quote,,"“For me, it is crucial … with investment,”",10,81,Other outlets: …
//! ```
//!
//! - Articles in list order, each one's annotations in text order (outer spans first).
//! - `label` is `claim`, `quote` or `entity`; `kind` is `person`, `organization`, `place` or `other`
//!   for entities and empty otherwise; `text` is the annotated text, exactly.
//! - `start` and `end` are Unicode code points of the article's text, end exclusive: Python's
//!   `text[start:end]` (and pandas on the article text) gives `text` back. Other units would make
//!   the file disagree with the Python tools it is usually read with.
//! - RFC 4180: fields separated by commas; a field holding a comma, a double quote, CR or LF is put
//!   in double quotes, its double quotes doubled; every row (the last too) ends with CR LF, as the
//!   RFC says. Line breaks inside a note or a text are kept, inside the quotes.
//! - The file starts with a UTF-8 byte order mark, so that Excel reads it as UTF-8 and shows curly
//!   quotes and non-Latin text correctly; pandas (`encoding="utf-8-sig"`) and LibreOffice skip it.
//! - Cells are written as they are, even when they start with `=`, `+`, `-` or `@`. A spreadsheet
//!   may take such a cell for a formula; the usual guard (a leading apostrophe) would change the
//!   text, so that `text` no longer equals the article's text at `start..end`. Open the file with
//!   the columns typed as text where that matters.
//! - Ids and times are not written.

use super::{preview_of, Body, Doc};

/// The header row.
pub const HEADER: &str = "article,label,kind,text,start,end,note";

/// The UTF-8 byte order mark the file starts with.
pub const BOM: &str = "\u{feff}";

/// Writes the docs, one row per annotation, with the header first; the preview leaves out the byte
/// order mark.
pub fn export(docs: &[Doc]) -> Body {
    let mut text = String::new();
    text.push_str(HEADER);
    text.push_str("\r\n");
    for doc in docs {
        let article = &doc.article;
        for a in &doc.annotations {
            let (start, end) = (a.span.start(), a.span.end());
            let row = [
                field(article.id.as_str()),
                field(a.label.name().name()),
                field(a.label.kind().map(|k| k.name()).unwrap_or_default()),
                field(article.slice(start, end)),
                start.to_string(),
                end.to_string(),
                field(&a.note),
            ];
            text.push_str(&row.join(","));
            text.push_str("\r\n");
        }
    }
    Body {
        preview: preview_of(&text),
        bytes: [BOM, &text].concat().into_bytes(),
        dropped: Vec::new(),
    }
}

/// One field, quoted when it holds a comma, a double quote, CR or LF.
pub(crate) fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
#[path = "../../tests/formats/csv.rs"]
mod tests;
