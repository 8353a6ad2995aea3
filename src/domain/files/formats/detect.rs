//! Telling a file's format from its content, and reading it with that format's reader.
//!
//! The content is looked at from outside first ([`Shape`]: a list or an object, the keys that tell
//! formats apart, the `type`), which keeps nothing of it; the format's reader then reads the text.

use super::fields::problem;
use super::shapes::{Loose, OneOrMany};
use super::sniff::Shape;
use super::{brat, conll, doccano, error, label_studio, spacy, w3c};
use super::{Format, FormatError, ImportOptions, Incoming};
use crate::domain::files::formats::native;
use crate::domain::files::json::from_str;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

/// The start of every zip file.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads the file `name` in whatever importable format its content shows, changing nothing. Foreign
/// labels are mapped by `options.labels` (and a Label Studio task's text is the field
/// `options.text_field` when several fit); a corpus's texts the app does not have come as new own
/// articles.
///
/// Refuses, with the place and the reason: text that is not UTF-8, an empty file, broken JSON, and
/// files of formats this app writes but does not read back (spaCy's training tuples, CSV).
pub fn read(
    name: &str,
    bytes: &[u8],
    articles: &[Rc<Article>],
    options: &ImportOptions,
    now: Timestamp,
) -> Result<(Format, Incoming), FormatError> {
    let from = ReadWith {
        articles,
        options,
        now,
    };
    let (format, incoming) = read_any(name, bytes, &from)?;
    Ok((format, incoming.finish()))
}

/// Reads files picked or dropped together (or a folder's): brat's `.txt` and `.ann` pairs (see
/// [`brat::read_files`]), each file with its name.
pub fn read_files(
    files: Vec<(String, Vec<u8>)>,
    articles: &[Rc<Article>],
    options: &ImportOptions,
    now: Timestamp,
) -> Result<(Format, Incoming), FormatError> {
    let labels = &options.labels;
    let no_ann = "none of these files is an .ann file: load files of one kind at a time, or a \
                  brat document's .txt and .ann together";
    let incoming = brat::read_files(files, no_ann, articles, labels, now)?;
    Ok((Format::Brat, incoming.finish()))
}

/// What every reader reads against: the app's articles, the person's options and the time of the
/// import.
#[derive(Clone, Copy)]
struct ReadWith<'a> {
    articles: &'a [Rc<Article>],
    options: &'a ImportOptions,
    now: Timestamp,
}

fn read_any(name: &str, bytes: &[u8], from: &ReadWith) -> Result<(Format, Incoming), FormatError> {
    let ReadWith {
        articles,
        options,
        now,
    } = *from;
    let labels = &options.labels;
    if bytes.starts_with(ZIP_MAGIC) {
        return Ok((Format::Brat, brat::read_zip(bytes, articles, labels, now)?));
    }
    let text = utf8(bytes)?;
    if name.to_ascii_lowercase().ends_with(".ann") {
        let incoming = brat::read_ann(name, text, articles, labels, now)?;
        return Ok((Format::Brat, incoming));
    }
    if text.trim().is_empty() {
        return error("", "the file is empty");
    }
    match from_str::<Shape>(text) {
        Ok(shape) => read_json(&shape, text, from),
        Err(whole) => match first_line_object(text) {
            Some(first) => read_jsonl(&first, text, from),
            None if text.trim_start().starts_with(['{', '[']) => Err(problem(whole, None)),
            None => not_json(text, from),
        },
    }
}

/// The text of the file, without a byte order mark.
fn utf8(bytes: &[u8]) -> Result<&str, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).or_else(|e| {
        error(
            format!("byte {}", e.valid_up_to()),
            "the file is not UTF-8 text; save it as UTF-8 and load it again",
        )
    })
}

/// A file that is one JSON value of this `shape`: ours, W3C, Label Studio, or a one-line doccano
/// file.
fn read_json(
    shape: &Shape,
    text: &str,
    from: &ReadWith,
) -> Result<(Format, Incoming), FormatError> {
    let ReadWith {
        articles,
        options,
        now,
    } = *from;
    let first = shape.first();
    let has = |key: &str| first.is_some_and(|v| v.has(key));
    let is_w3c = has("@context")
        || first.and_then(Shape::kind).is_some_and(
            |t| matches!(t, OneOrMany::One(Loose::Text(t)) if t.starts_with("Annotation")),
        );
    let object = matches!(shape, Shape::Object(_));
    let list = matches!(shape, Shape::List(_));
    if object && has("format") {
        Ok((Format::Native, native::read(text, articles)?))
    } else if is_w3c {
        Ok((Format::W3c, w3c::read(text, articles, now)?))
    } else if list && has("data") {
        Ok((
            Format::LabelStudio,
            label_studio::read(text, articles, options, now)?,
        ))
    } else if object && has("text") {
        read_jsonl(shape, text, from)
    } else if first.is_some_and(|f| matches!(f, Shape::List(_))) {
        not_read(Format::SpacyTuples)
    } else {
        error(
            "",
            "this JSON is not a format this app reads (News Annotator, W3C Web Annotation, \
             Label Studio, doccano)",
        )
    }
}

/// A file of one JSON object a line, told apart by the keys of the `first` line's object.
fn read_jsonl(
    first: &Shape,
    text: &str,
    from: &ReadWith,
) -> Result<(Format, Incoming), FormatError> {
    let has = |key: &str| first.has(key);
    let (articles, labels, now) = (from.articles, &from.options.labels, from.now);
    if has("text") && (has("spans") || has("ents")) {
        // Prodigy's lines are spaCy's with `tokens` beside the spans.
        let format = if has("tokens") {
            Format::Prodigy
        } else {
            Format::SpacyJsonl
        };
        Ok((format, spacy::read(format, text, articles, labels, now)?))
    } else if has("text") && (has("entities") || has("label") || has("labels")) {
        Ok((Format::Doccano, doccano::read(text, articles, labels, now)?))
    } else {
        error(
            "line 1",
            "this JSON Lines file is not doccano's (each line needs \"text\" and \"entities\" or \
             \"label\")",
        )
    }
}

/// The shape of the first non-empty line, if it is a JSON object.
fn first_line_object(text: &str) -> Option<Shape> {
    let line = text.lines().find(|l| !l.trim().is_empty())?;
    from_str::<Shape>(line)
        .ok()
        .filter(|shape| matches!(shape, Shape::Object(_)))
}

/// Text that is not JSON: name the format if it is one we only write.
fn not_json(text: &str, from: &ReadWith) -> Result<(Format, Incoming), FormatError> {
    let first = text.lines().next().unwrap_or_default();
    if first.starts_with("article,label,kind") {
        not_read(Format::Csv)
    } else if looks_like_iob(text) {
        let incoming = conll::read(text, from.articles, &from.options.labels, from.now)?;
        Ok((Format::Conll, incoming))
    } else {
        error(
            "line 1",
            "this is not a format this app reads: load News Annotator JSON, W3C Web Annotation \
             JSON-LD, doccano JSONL, Label Studio JSON, spaCy or Prodigy JSONL, CoNLL / IOB, or \
             brat (.ann or a zip of .txt and .ann)",
        )
    }
}

/// Whether `text` reads as CoNLL / IOB: its first line is a `-DOCSTART-` line or a token and a tag,
/// and some line ends with an IOB tag (`O`, `B-…`, `I-…`, `E-…`, `S-…`) after a token.
fn looks_like_iob(text: &str) -> bool {
    let is_tag = |t: &str| {
        t == "O" || t.len() > 2 && ["B-", "I-", "E-", "S-"].iter().any(|p| t.starts_with(p))
    };
    let tagged = |line: &str| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.len() >= 2 && fields.last().is_some_and(|t| is_tag(t))
    };
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    (first.starts_with("-DOCSTART-") || tagged(first)) && text.lines().any(tagged)
}

/// The refusal for a format that is written but not read.
fn not_read<T>(format: Format) -> Result<T, FormatError> {
    error(
        "",
        format!(
            "this looks like {}, which this app exports but cannot import; import the same \
             annotations as News Annotator JSON, W3C, doccano, Label Studio or brat",
            format.title()
        ),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tests/fuzz_formats.rs"]
pub(crate) mod fuzz;
