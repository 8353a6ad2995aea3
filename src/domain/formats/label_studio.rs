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
//! Import reads that shape, from `predictions` when a task has no `annotations`. When a span's `text`
//! is not what its code point offsets select but is what they select as UTF-16 code units, they are
//! converted and a warning says so. Notes are joined from the textarea results with the span's id;
//! ids are kept ([`generated_id`](super::generated_id) when missing), times are the import time. A task whose article
//! this app does not have is skipped with a warning. Choices, registry text areas and relations are
//! read back (see `label_studio/read/extras.rs`): a relation whose labels fit only the other way round
//! (an arrow drawn from the source, or `"direction": "left"` or `"bi"`) is read that way round; one
//! whose labels name no link, a value no menu has, or a result for a region that is not there is
//! skipped with a warning.

use super::links::{self, ClaimAttr};
use super::{tags, Body, Doc};
use crate::domain::annotation::Annotation;
use crate::domain::json::Writer;

/// The `from_name` of the per-region text area that holds a mention's registry entry.
pub const REGISTRY: &str = "registry";

/// Writes a pretty-printed list of tasks.
pub fn export(docs: &[Doc]) -> Body {
    let mut dropped = Vec::new();
    let mut w = Writer::pretty();
    w.begin_array();
    for (index, doc) in docs.iter().enumerate() {
        let article = &doc.article;
        w.begin_object();
        w.field("id", &(index + 1));
        w.key("data");
        w.begin_object();
        w.field("text", &article.text);
        w.field("article", article.id.as_str());
        w.field("title", &article.title);
        w.end_object();
        w.key("annotations");
        w.begin_array();
        if !doc.annotations.is_empty() {
            w.begin_object();
            w.key("result");
            w.begin_array();
            for a in &doc.annotations {
                result(&mut w, a, "label", "labels", |w| {
                    w.field("text", article.slice(a.span.start(), a.span.end()));
                    list_of_one(w, "labels", tags::tag(a.label));
                });
                if !a.note.is_empty() {
                    result(&mut w, a, "note", "textarea", |w| {
                        list_of_one(w, "text", &a.note)
                    });
                }
                for attr in ClaimAttr::ALL {
                    if let Some(value) = attr.of(a) {
                        result(&mut w, a, attr.name(), "choices", |w| {
                            list_of_one(w, "choices", value)
                        });
                    }
                }
                if let Some(entry) = links::entry(doc, a) {
                    result(&mut w, a, REGISTRY, "textarea", |w| {
                        list_of_one(w, "text", &entry.name);
                        w.field("entity", entry.id.as_str());
                    });
                }
            }
            for l in links::links(doc, &mut dropped) {
                w.begin_object();
                w.field("from_id", l.from.id.as_str());
                w.field("to_id", l.to.id.as_str());
                w.field("type", "relation");
                w.field("direction", "right");
                list_of_one(&mut w, "labels", l.kind.name());
                w.end_object();
            }
            w.end_array();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    let mut text = w.finish();
    text.push('\n');
    let mut body = Body::text(text);
    body.dropped = dropped;
    body
}

/// Writes one result of `a`: its id, the control it comes from, its type, and its value: `start`,
/// `end`, then what `rest` writes. A `labels` result is marked as made by hand.
fn result(w: &mut Writer, a: &Annotation, from: &str, kind: &str, rest: impl FnOnce(&mut Writer)) {
    w.begin_object();
    w.field("id", a.id.as_str());
    w.field("from_name", from);
    w.field("to_name", "text");
    w.field("type", kind);
    if kind == "labels" {
        w.field("origin", "manual");
    }
    w.key("value");
    w.begin_object();
    w.field("start", &a.span.start());
    w.field("end", &a.span.end());
    rest(w);
    w.end_object();
    w.end_object();
}

/// Writes `"key": [value]`.
fn list_of_one(w: &mut Writer, key: &str, value: &str) {
    w.key(key);
    w.begin_array();
    w.string(value);
    w.end_array();
}

mod read;
pub use read::read;

#[cfg(test)]
#[path = "../tests/formats/label_studio.rs"]
mod tests;
