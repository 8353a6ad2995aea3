//! Label Studio JSON: a list of tasks, one per article, with our annotations as one completed
//! annotation of each task.
//!
//! ```json
//! [ { "id": 1, "data": { "text": "…", "article": "fixture", "title": "…" },
//!     "annotations": [ { "result": [
//!       { "id": "e-msc", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
//!         "value": { "start": 225, "end": 251, "text": "Munich Security Conference", "labels": ["MISC"] } },
//!       { "id": "e-msc", "from_name": "note", "to_name": "text", "type": "textarea",
//!         "value": { "start": 225, "end": 251, "text": ["Held every February…"] } } ] } ] } ]
//! ```
//!
//! A note is a second result with the same id: Label Studio's per-region `TextArea`. A task without
//! annotations gets `"annotations": []` rather than an empty, seemingly finished one. Beside the
//! regions, with the region's id as Label Studio ties per-region results to their region:
//!
//! - a claim attribute is a per-region `Choices` result, `from_name` `attribution` or `check`:
//!   `{"id": "c-historic", "from_name": "check", "to_name": "text", "type": "choices", "value":
//!   {"start": 121, "end": 189, "choices": ["disputed"]}}` (an unchecked claim has none);
//! - a mention's registry entry is a per-region `TextArea` result from `registry` whose text is the
//!   entry's name, with the entry's id in `value.entity`: `{"id": "e-zelensky", "from_name":
//!   "registry", "type": "textarea", "value": {"start": 87, "end": 105, "text": ["Volodymyr
//!   Zelensky"], "entity": "ent-zelensky"}}`. Label Studio shows the name; it keeps the extra key
//!   in the stored result, and a reader that lost it makes the entry's id from the name. The
//!   entry's aliases and rejected mentions are not written;
//! - a link is a relation result after the regions, from the quote or claim to its source:
//!   `{"from_id": "q-crucial", "to_id": "e-zelensky", "type": "relation", "direction": "right",
//!   "labels": ["said_by"]}`.
//!
//! The labeling config that matches is `<Labels name="label" toName="text">`, `<Text name="text"
//! value="$text"/>`, `<TextArea name="note" toName="text" perRegion="true"/>`, `<Choices
//! name="attribution" toName="text" perRegion="true">` (`attributed`, `unattributed`, `outlet`),
//! `<Choices name="check" toName="text" perRegion="true">` (`unchecked`, `supported`, `disputed`,
//! `false`), `<TextArea name="registry" toName="text" perRegion="true"/>` and `<Relations>` with
//! `said_by`, `source` and `from_quote`.
//!
//! Offsets are Unicode code points, end exclusive. Label Studio documents them only as "characters";
//! its Python converters slice Python strings (code points), while some versions of its browser code
//! wrote UTF-16 code units. Each span carries its `text`, so a reader can check which unit it got.
//!
//! A task's text is one field of its `data`, found in this order:
//!
//! 1. the field the person chose ([`ImportOptions::text_field`](super::ImportOptions), the import
//!    dialog's "Text field", `na-convert --text-field`), when the task has it as a string that fits
//!    (see 4);
//! 2. the key a result's `to_name` names (annotations' and predictions', the first that is a string
//!    field): `to_name` is the name of the `<Text>` tag, which default configs give the data key's
//!    name, `<Text name="text" value="$text"/>`;
//! 3. `text`, when it is a string;
//! 4. the string field (other than `article` and `title`, which say the article's id and title) that
//!    fits: it holds every result's `value.text` at its `start..end`, in code points or UTF-16 code
//!    units (any field fits a task without such results). When several fit, the one of them that
//!    settled other tasks of the file (by 2, 3 or as their only fit) is read, if only one did;
//!    otherwise the file lists them ([`Incoming::text_fields`](super::Incoming), for the person to
//!    choose) and, with no choice, the task is read from the first of them met in the file, with a
//!    warning that says so.
//!
//! A task where no field fits is skipped with a warning that names its keys.
//!
//! Import reads that shape, from `predictions` when a task has no `annotations`. When a span's `text`
//! is not what its code point offsets select but is what they select as UTF-16 code units, they are
//! converted and a warning says so. Notes are joined from the textarea results with the span's id;
//! ids are kept ([`generated_id`](super::generated_id) when missing), times are the import time. A task whose article
//! this app does not have is skipped with a warning. Choices, registry text areas and relations are
//! read back (see `label_studio/read/extras.rs`): a relation whose labels fit only the other way round
//! (an arrow drawn from the source, or `"direction": "left"` or `"bi"`) is read that way round; one
//! whose labels name no link, a value no menu has, or a result for a region that is not there is
//! skipped with a warning.

use super::fields::Id;
use super::links::{self, ClaimAttr};
use super::shapes::{Loose, OneOrMany};
use super::{tags, Body, Doc};
use crate::domain::files::json::to_pretty;
use crate::domain::model::annotation::Annotation;

mod task;
pub use task::{Completion, Data, RegionValue, Task, TaskResult};

/// The `from_name` of the per-region text area that holds a mention's registry entry.
pub const REGISTRY: &str = "registry";

/// Writes a pretty-printed list of tasks.
pub fn export(docs: &[Doc]) -> Body {
    let mut dropped = Vec::new();
    let tasks: Vec<Task> = docs
        .iter()
        .enumerate()
        .map(|(index, doc)| Task {
            id: index + 1,
            data: Data::new(
                &doc.article.text,
                Some(doc.article.id.as_str()),
                &doc.article.title,
            ),
            annotations: Some(completions(doc, &mut dropped)),
            predictions: None,
        })
        .collect();
    let text = to_pretty(&tasks);
    let mut body = Body::text(text);
    body.dropped = dropped;
    body
}

/// The one completed annotation of `doc`'s task, or none when it has no annotations.
fn completions(doc: &Doc, dropped: &mut Vec<String>) -> Vec<Completion> {
    if doc.annotations.is_empty() {
        return Vec::new();
    }
    let mut result = Vec::new();
    for a in &doc.annotations {
        let text = doc.article.slice(a.span.start(), a.span.end()).to_owned();
        result.push(region(a, "label", "labels", |v| {
            v.text = Some(OneOrMany::One(text));
            v.labels = Some(vec![tags::tag(a.label).to_owned()]);
        }));
        if !a.note.is_empty() {
            result.push(region(a, "note", "textarea", |v| {
                v.text = Some(OneOrMany::Many(vec![a.note.clone()]));
            }));
        }
        for attr in ClaimAttr::ALL {
            if let Some(value) = attr.of(a) {
                result.push(region(a, attr.name(), "choices", |v| {
                    v.choices = Some(vec![value.to_owned()]);
                }));
            }
        }
        if let Some(entry) = links::entry(doc, a) {
            result.push(region(a, REGISTRY, "textarea", |v| {
                v.text = Some(OneOrMany::Many(vec![entry.name.clone()]));
                v.entity = Some(entry.id.as_str().to_owned());
            }));
        }
    }
    for l in links::links(doc, dropped) {
        result.push(TaskResult {
            from_id: Some(Id::Text(l.from.id.as_str().to_owned())),
            to_id: Some(Id::Text(l.to.id.as_str().to_owned())),
            kind: "relation".into(),
            direction: Some("right".into()),
            labels: Some(vec![Loose::from(l.kind.name())]),
            ..TaskResult::default()
        });
    }
    vec![Completion { result }]
}

/// One result of `a`: its id, the control it comes from, its kind, and its value: `start`, `end`,
/// then what `rest` sets. A `labels` result is marked as made by hand.
fn region(
    a: &Annotation,
    from: &str,
    kind: &str,
    rest: impl FnOnce(&mut RegionValue),
) -> TaskResult {
    let whole = |n: usize| Some(Loose::Whole(n as u64));
    let mut value = RegionValue {
        start: whole(a.span.start()),
        end: whole(a.span.end()),
        ..RegionValue::default()
    };
    rest(&mut value);
    TaskResult {
        id: Some(Id::Text(a.id.as_str().to_owned())),
        from_name: Some(from.to_owned()),
        to_name: Some("text".into()),
        kind: kind.to_owned(),
        origin: (kind == "labels").then(|| "manual".to_owned()),
        value: Some(value),
        ..TaskResult::default()
    }
}

mod read;
pub use read::read;

#[cfg(test)]
#[path = "../../tests/formats/label_studio.rs"]
mod tests;
