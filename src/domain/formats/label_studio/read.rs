//! Reading Label Studio JSON tasks back (see the parent module for the shape and the rules).

use crate::domain::article::Article;
use crate::domain::formats::values::{list, offset, shown, span, string};
use crate::domain::formats::Incoming;
use crate::domain::formats::{error, find_article, generated_id, tags, Format, FormatError, Found};
use crate::domain::json::{self, Number, Value};
use crate::domain::records::syntax_error;
use crate::domain::text::{char_len, slice_chars, utf16_to_char};
use crate::domain::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

/// Reads a Label Studio JSON file: a list of tasks (or one task).
pub fn read(text: &str, articles: &[Rc<Article>], now: Timestamp) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = json::parse(text).map_err(|e| syntax_error(&e))?;
    let mut incoming = Incoming::default();
    match &value {
        Value::Array(tasks) => {
            for (i, task) in tasks.iter().enumerate() {
                read_task(task, &format!("[{i}]"), articles, now, &mut incoming)?;
            }
        }
        Value::Object(_) => read_task(&value, "", articles, now, &mut incoming)?,
        other => {
            return error(
                "",
                format!(
                    "a Label Studio file is a list of tasks, not {}",
                    shown(other)
                ),
            )
        }
    }
    Ok(incoming)
}

/// `path.key`, or `key` at the top.
fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// One labelled span read from a task, before notes are attached.
struct Region {
    path: String,
    id: Option<String>,
    found: Found,
    /// The span's own `text` when it differs from what the offsets select in the task's text.
    exact: Option<String>,
}

/// Reads the task at `path` into `incoming`.
fn read_task(
    task: &Value,
    path: &str,
    articles: &[Rc<Article>],
    now: Timestamp,
    incoming: &mut Incoming,
) -> Result<(), FormatError> {
    if !matches!(task, Value::Object(_)) {
        return error(
            path,
            format!(
                "each task must be an object with \"data\" and \"annotations\", not {}",
                shown(task)
            ),
        );
    }
    let data_path = at(path, "data");
    let data = match task.get("data") {
        Some(data @ Value::Object(_)) => data,
        None => return error(data_path, "missing: a task keeps its text in data.text"),
        Some(other) => {
            return error(
                data_path,
                format!("must be an object, not {}", shown(other)),
            )
        }
    };
    let text = string(data.get("text"), &at(&data_path, "text"))?;
    let id = match data.get("article") {
        Some(Value::String(id)) => Some(id.as_str()),
        _ => None,
    };
    let place = if path.is_empty() { "the task" } else { path };
    let Some(article) = find_article(articles, id, Some(text)) else {
        incoming.warnings.push(format!(
            "{place}: its text is not one of this app's articles; skipped"
        ));
        return Ok(());
    };
    let no_annotations = match task.get("annotations") {
        None | Some(Value::Null) => true,
        Some(Value::Array(groups)) => groups.is_empty(),
        Some(_) => false,
    };
    let source = if no_annotations && task.get("predictions").is_some() {
        "predictions"
    } else {
        "annotations"
    };
    let len = char_len(text);
    let mut spans: Vec<Region> = Vec::new();
    let mut notes: Vec<(String, String, String)> = Vec::new();
    let (mut relations, mut utf16) = (0, 0);
    let source_path = at(path, source);
    let groups = match task.get(source) {
        None | Some(Value::Null) => &[],
        Some(groups) => list(groups, &source_path)?,
    };
    for (j, group) in groups.iter().enumerate() {
        let group_path = format!("{source_path}[{j}]");
        if !matches!(group, Value::Object(_)) {
            return error(
                group_path,
                format!("must be an object with \"result\", not {}", shown(group)),
            );
        }
        let result_path = format!("{group_path}.result");
        let Some(results) = group.get("result") else {
            return error(result_path, "missing: the annotation's spans belong in it");
        };
        for (k, result) in list(results, &result_path)?.iter().enumerate() {
            let path = format!("{result_path}[{k}]");
            if !matches!(result, Value::Object(_)) {
                return error(path, format!("must be an object, not {}", shown(result)));
            }
            let kind = string(result.get("type"), &format!("{path}.type"))?;
            match kind {
                "labels" => {
                    let id = result_id(result, &path)?;
                    let value = value_of(result, &path)?;
                    let (found, exact, converted) =
                        labelled(value, &format!("{path}.value"), text, len, article, now)?;
                    utf16 += usize::from(converted);
                    for (n, found) in found.into_iter().enumerate() {
                        // A second label on the same region gets an id of its own.
                        let id = id.clone().filter(|_| n == 0);
                        spans.push(Region {
                            path: path.clone(),
                            id,
                            found,
                            exact: exact.clone(),
                        });
                    }
                }
                "textarea" => {
                    let value = value_of(result, &path)?;
                    let note = note_text(value.get("text"), &format!("{path}.value.text"))?;
                    match result_id(result, &path)? {
                        Some(id) => notes.push((path, id, note)),
                        None => incoming.warnings.push(format!(
                            "{path}: a text answer that belongs to no span; ignored"
                        )),
                    }
                }
                "relation" => relations += 1,
                other => incoming.warnings.push(format!(
                    "{path}: a \"{}\" result is not read; ignored",
                    other.chars().take(40).collect::<String>()
                )),
            }
        }
    }
    // The first span with each id, where that id's notes go.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, span) in spans.iter().enumerate() {
        if let Some(id) = span.id.as_deref() {
            by_id.entry(id).or_insert(i);
        }
    }
    let mut joined: Vec<Option<String>> = vec![None; spans.len()];
    for (path, id, note) in notes {
        match by_id.get(id.as_str()).and_then(|&i| joined.get_mut(i)) {
            Some(Some(text)) => {
                text.push('\n');
                text.push_str(&note);
            }
            Some(slot) => *slot = Some(note),
            None => incoming.warnings.push(format!(
                "{path}: a note for \"{}\", which is no labelled span here; ignored",
                id.chars().take(40).collect::<String>()
            )),
        }
    }
    for (span, note) in spans.iter_mut().zip(joined) {
        if let Some(note) = note {
            span.found.note = note;
        }
    }
    if utf16 > 0 {
        incoming.warnings.push(format!(
            "{place}: {utf16} span(s) had offsets counted in UTF-16 code units (as some Label \
             Studio versions write them); converted to characters"
        ));
    }
    if relations > 0 {
        incoming.warnings.push(format!(
            "{place}: {relations} relation(s) not imported; relations come in a later version"
        ));
    }
    for span in spans {
        let mut found = span.found;
        if let Some(id) = span.id {
            found.id = id;
        }
        let mut record = found.record(text);
        if let Some(exact) = span.exact {
            record.exact = exact;
        }
        incoming.records.push((span.path, record));
    }
    Ok(())
}

/// The result's `id`: a string or a number; `None` when absent, null or empty.
fn result_id(result: &Value, path: &str) -> Result<Option<String>, FormatError> {
    match result.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.is_empty())),
        Some(Value::Number(n @ (Number::U64(_) | Number::I64(_)))) => Ok(Some(n.to_string())),
        Some(other) => error(
            format!("{path}.id"),
            format!("must be a string, not {}", shown(other)),
        ),
    }
}

/// The result's `value` object.
fn value_of<'v>(result: &'v Value, path: &str) -> Result<&'v Value, FormatError> {
    let path = format!("{path}.value");
    match result.get("value") {
        Some(value @ Value::Object(_)) => Ok(value),
        None => error(path, "missing"),
        Some(other) => error(path, format!("must be an object, not {}", shown(other))),
    }
}

/// A textarea's text: a string or a list of strings, joined by line breaks.
fn note_text(value: Option<&Value>, path: &str) -> Result<String, FormatError> {
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

/// The spans of a `labels` result's `value` at `path` (one per label), the span's own text when the
/// offsets do not select it, and whether the offsets were converted from UTF-16 code units.
fn labelled(
    value: &Value,
    path: &str,
    text: &str,
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
        if slice_chars(text, start, end) != exact || end > len {
            let (s, e) = (utf16_to_char(text, start), utf16_to_char(text, end));
            if (s, e) != (start, end) && slice_chars(text, s, e) == exact {
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
