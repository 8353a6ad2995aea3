//! Reading the parts of one Label Studio result: its id, its value, a text area's text, and a
//! labelled span with its offsets (converted from UTF-16 code units when its text says so).

use crate::domain::article::Article;
use crate::domain::formats::values::{list, offset, shown, span, string};
use crate::domain::formats::{error, generated_id, tags, Format, FormatError, Found};
use crate::domain::json::{Number, Value};
use crate::domain::text::Utf16Index;
use crate::domain::time::Timestamp;
use std::cell::OnceCell;

/// The result's `id`: a string or a number; `None` when absent, null or empty.
pub(super) fn result_id(result: &Value, path: &str) -> Result<Option<String>, FormatError> {
    id_at(result, "id", path)
}

/// The id at `key` of the result at `path` (`id`, `from_id`, `to_id`): a string or a number;
/// `None` when absent, null or empty.
pub(super) fn id_at(result: &Value, key: &str, path: &str) -> Result<Option<String>, FormatError> {
    match result.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.is_empty())),
        Some(Value::Number(n @ (Number::U64(_) | Number::I64(_)))) => Ok(Some(n.to_string())),
        Some(other) => error(
            format!("{path}.{key}"),
            format!("must be a string, not {}", shown(other)),
        ),
    }
}

/// The result's `value` object.
pub(super) fn value_of<'v>(result: &'v Value, path: &str) -> Result<&'v Value, FormatError> {
    let path = format!("{path}.value");
    match result.get("value") {
        Some(value @ Value::Object(_)) => Ok(value),
        None => error(path, "missing"),
        Some(other) => error(path, format!("must be an object, not {}", shown(other))),
    }
}

/// A textarea's text: a string or a list of strings, joined by line breaks.
pub(super) fn note_text(value: Option<&Value>, path: &str) -> Result<String, FormatError> {
    match value {
        Some(Value::Array(items)) => {
            let mut parts = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                parts.push(string(Some(item), &format!("{path}[{i}]"))?);
            }
            Ok(parts.join("\n"))
        }
        other => string(other, path).map(str::to_owned),
    }
}

/// The spans of a `labels` result's `value` at `path` (one per label) in the file's copy `text` of the
/// article's text, the span's own text when the offsets do not select it, and whether the offsets
/// were converted from UTF-16 code units (by `utf16`, the text's index, built on first use).
pub(super) fn labelled(
    value: &Value,
    path: &str,
    text: &Article,
    utf16: &OnceCell<Utf16Index>,
    len: usize,
    article: &Article,
    now: Timestamp,
) -> Result<(Vec<Found>, Option<String>, bool), FormatError> {
    let mut start = offset(value.get("start"), &format!("{path}.start"))?;
    let end_path = format!("{path}.end");
    let mut end = offset(value.get("end"), &end_path)?;
    let exact = match value.get("text") {
        None | Some(Value::Null) => None,
        other => Some(string(other, &format!("{path}.text"))?),
    };
    let mut converted = false;
    let mut differs = false;
    if let Some(exact) = exact.filter(|e| !e.is_empty()) {
        if text.slice(start, end) != exact || end > len {
            let index = utf16.get_or_init(|| Utf16Index::new(&text.text));
            let (s, e) = (
                index.to_char(&text.text, start),
                index.to_char(&text.text, end),
            );
            if (s, e) != (start, end) && text.slice(s, e) == exact {
                (start, end, converted) = (s, e, true);
            } else {
                differs = true;
            }
        }
    }
    let span = span(start, end, len, &end_path)?;
    let labels_path = format!("{path}.labels");
    let Some(labels) = value.get("labels") else {
        return error(
            labels_path,
            "missing: give the span's tag, such as [\"PERSON\"]",
        );
    };
    let labels = list(labels, &labels_path)?;
    if labels.is_empty() {
        return error(
            labels_path,
            "is empty: give the span's tag, such as [\"PERSON\"]",
        );
    }
    let mut found = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let label_path = format!("{labels_path}[{i}]");
        let label =
            tags::label_of(string(Some(label), &label_path)?).or_else(|m| error(&label_path, m))?;
        let (start, end) = (span.start(), span.end());
        found.push(Found {
            id: generated_id(Format::LabelStudio, &article.id, start, end, label),
            article: article.id.clone(),
            label,
            note: String::new(),
            start,
            end,
            created: now,
            updated: now,
        });
    }
    let exact = exact.filter(|_| differs).map(str::to_owned);
    Ok((found, exact, converted))
}
