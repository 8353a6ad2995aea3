//! Reading Label Studio JSON tasks back (see the parent module for the shape and the rules).

use super::REGISTRY;
use crate::domain::article::Article;
use crate::domain::formats::values::{list, shown, string};
use crate::domain::formats::Incoming;
use crate::domain::formats::{error, find_article, indexed, FormatError, Found};
use crate::domain::json::{self, Value};
use crate::domain::records::syntax_error;
use crate::domain::text::char_len;
use crate::domain::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

mod extras;
mod region;
use region::{labelled, note_text, result_id, value_of};

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
    // The file's text, indexed so that each span is cut from it in time independent of its offset.
    let copy = indexed(article, text);
    let utf16_index = std::cell::OnceCell::new();
    let mut spans: Vec<Region> = Vec::new();
    let mut notes: Vec<(String, String, String)> = Vec::new();
    let mut extras = Vec::new();
    let mut utf16 = 0;
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
            let from = result.get("from_name").and_then(|f| match f {
                Value::String(f) => Some(f.as_str()),
                _ => None,
            });
            let warnings = &mut incoming.warnings;
            match kind {
                "labels" => {
                    let id = result_id(result, &path)?;
                    let value = value_of(result, &path)?;
                    let (found, exact, converted) = labelled(
                        value,
                        &format!("{path}.value"),
                        &copy,
                        &utf16_index,
                        len,
                        article,
                        now,
                    )?;
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
                "textarea" if from == Some(REGISTRY) => {
                    extras.push(extras::reference(result, &path)?);
                }
                "textarea" => {
                    let value = value_of(result, &path)?;
                    let note = note_text(value.get("text"), &format!("{path}.value.text"))?;
                    match result_id(result, &path)? {
                        Some(id) => notes.push((path, id, note)),
                        None => warnings.push(format!(
                            "{path}: a text answer that belongs to no span; ignored"
                        )),
                    }
                }
                "choices" => extras.extend(extras::choices(result, &path, warnings)?),
                "relation" => extras.extend(extras::relation(result, &path, warnings)?),
                other => warnings.push(format!(
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
    // Each region id's record, for the choices, registry entries and relations.
    let base = incoming.records.len();
    let ids: Vec<Option<String>> = spans.iter().map(|s| s.id.clone()).collect();
    let mut records: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            records.entry(id).or_insert(base + i);
        }
    }
    for span in spans {
        let mut found = span.found;
        if let Some(id) = span.id {
            found.id = id;
        }
        let mut record = found.record(&copy);
        if let Some(exact) = span.exact {
            record.exact = exact;
        }
        incoming.records.push((span.path, record));
    }
    extras::apply(extras, &records, incoming, now);
    Ok(())
}
