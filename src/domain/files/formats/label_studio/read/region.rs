//! Reading the parts of one Label Studio result: its region id, its value, a text area's text, and
//! a labelled span with its offsets (converted from UTF-16 code units when its text says so).

use super::TaskReader;
use crate::domain::files::formats::fields::{span, Id};
use crate::domain::files::formats::label_studio::{RegionValue, TaskResult};
use crate::domain::files::formats::shapes::{Loose, OneOrMany};
use crate::domain::files::formats::{error, generated_id, Format, FormatError};
use crate::domain::files::records::AnnotationRecord;

/// A region id as text: `None` when absent or empty.
pub(super) fn region_id(id: &Option<Id>) -> Option<String> {
    id.as_ref().map(Id::key).filter(|id| !id.is_empty())
}

/// The result's `value`, which a region result must have.
pub(super) fn value_of<'r>(
    result: &'r TaskResult,
    path: &str,
) -> Result<&'r RegionValue, FormatError> {
    match &result.value {
        Some(value) => Ok(value),
        None => error(format!("{path}.value"), "missing"),
    }
}

/// A text area's text: a string or a list of strings, joined by line breaks.
pub(super) fn note_text(value: &RegionValue, path: &str) -> Result<String, FormatError> {
    match &value.text {
        Some(OneOrMany::One(text)) => Ok(text.clone()),
        Some(OneOrMany::Many(lines)) => Ok(lines.join("\n")),
        None => error(path, "missing"),
    }
}

/// The character offset at `path`, which must be there: a whole number from 0. (Other kinds of
/// results put other values at `start` and `end`, so they are read loosely and checked here.)
fn offset(value: &Option<Loose>, path: &str) -> Result<usize, FormatError> {
    match value {
        Some(Loose::Whole(n)) => {
            usize::try_from(*n).or_else(|_| error(path, format!("{n} is too large")))
        }
        None => error(
            path,
            "missing: give the offset in characters, counted from 0",
        ),
        Some(other) => error(
            path,
            format!(
                "must be a whole number of characters counted from 0, not {}",
                other.shown()
            ),
        ),
    }
}

/// The spans of a `labels` result's `value` at `path` (one per label) in the task `task` reads, the
/// span's own text when the offsets do not select it, and whether the offsets were converted from
/// UTF-16 code units.
pub(super) fn labelled(
    value: &RegionValue,
    path: &str,
    task: &mut TaskReader<'_>,
) -> Result<(Vec<AnnotationRecord>, Option<String>, bool), FormatError> {
    let start = offset(&value.start, &format!("{path}.start"))?;
    let end_path = format!("{path}.end");
    let end = offset(&value.end, &end_path)?;
    let exact = match &value.text {
        None => None,
        Some(OneOrMany::One(text)) => Some(text.as_str()),
        Some(OneOrMany::Many(_)) => {
            return error(format!("{path}.text"), "must be a string, not a list")
        }
    };
    let (start, end, converted, differs) = placed(start, end, exact, task);
    let span = span(start, end, task.len, &end_path)?;
    let labels_path = format!("{path}.labels");
    let labels = match value.labels.as_deref() {
        None => {
            return error(
                labels_path,
                "missing: give the span's tag, such as [\"PERSON\"]",
            )
        }
        Some([]) => {
            return error(
                labels_path,
                "is empty: give the span's tag, such as [\"PERSON\"]",
            )
        }
        Some(labels) => labels,
    };
    let article = task.article;
    let mut found = Vec::with_capacity(labels.len());
    for label in labels {
        let Some(label) = task.tally.count(label, task.labels) else {
            continue;
        };
        let (start, end) = (span.start(), span.end());
        found.push(AnnotationRecord {
            id: generated_id(Format::LabelStudio, &article.id, start, end, label),
            article: article.id.as_str().to_owned(),
            start,
            end,
            created: task.now,
            updated: task.now,
            ..AnnotationRecord::labelled(label)
        });
    }
    let exact = exact.filter(|_| differs).map(str::to_owned);
    Ok((found, exact, converted))
}

/// Where a span's offsets place it in the task's text, given its own text `exact`: as written, or
/// converted from UTF-16 code units when only that selects `exact`. Also says whether they were
/// converted, and whether `exact` differs from what they select.
fn placed(
    start: usize,
    end: usize,
    exact: Option<&str>,
    task: &TaskReader<'_>,
) -> (usize, usize, bool, bool) {
    let Some(exact) = exact.filter(|e| !e.is_empty()) else {
        return (start, end, false, false);
    };
    let text = &task.copy;
    if text.slice(start, end) == exact && end <= task.len {
        return (start, end, false, false);
    }
    let index = task
        .utf16
        .get_or_init(|| crate::domain::model::text::Utf16Index::new(&text.text));
    let (s, e) = (
        index.to_char(&text.text, start),
        index.to_char(&text.text, end),
    );
    if (s, e) != (start, end) && text.slice(s, e) == exact {
        (s, e, true, false)
    } else {
        (start, end, false, true)
    }
}
