//! doccano JSONL: one compact JSON object a line, one line per article.
//!
//! ```text
//! {"id":1,"text":"…","entities":[{"id":2,"label":"QUOTE","start_offset":10,"end_offset":81},{"id":3,"label":"PERSON","start_offset":87,"end_offset":105}],"relations":[{"id":1,"from_id":2,"to_id":3,"type":"said_by"}],"article":"fixture","title":"…"}
//! ```
//!
//! `id` counts the lines from 1, entity ids count from 1 through the whole file, labels are the tags
//! of [`super::tags`], and `article` and `title` (which doccano keeps as metadata) let the file find
//! its article again. A link is a relation from the quote or claim (`from_id`) to its source
//! (`to_id`), its `type` the link's name (`said_by`, `source`, `from_quote`); relation ids count
//! from 1 through the file. Notes, annotation ids and times are not written, nor are claim
//! attributes and registry references, which doccano has no place for: the export lists each of
//! those two once among what it dropped, with how many annotations had one.
//!
//! Offsets are Unicode code points, end exclusive: doccano's server and its Python users count code
//! points. Its browser UI counts UTF-16 code units for characters outside the Basic Multilingual Plane
//! (doccano #2290), so there a span after an emoji may look shifted by one per emoji before it.
//!
//! Import reads that shape and the sequence-labelling shape `"label": [[start, end, "TAG"], ...]`
//! (also as `"labels"`); other keys are ignored and blank lines skipped. The article is the one named
//! by `article`, else the one whose text is the line's `text`; a line whose article this app does not
//! have is skipped with a warning. Ids come from [`generated_id`], times are the import time.
//! Relations are read back between the line's entities by their `id`s (see `doccano/relations.rs`).

use super::links::{self, ClaimAttr};
use super::values::{list, offset, shown, span, string};
use super::Incoming;
use super::{error, find_article, generated_id, tags, Body, Doc, Format, FormatError, Found};
use crate::domain::annotation::Label;
use crate::domain::article::Article;
use crate::domain::json::{self, Value, Writer};
use crate::domain::span::Span;
use crate::domain::text::char_len;
use crate::domain::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

mod relations;

/// Writes one line per article; the claim attributes and registry references it cannot hold are
/// counted in two dropped lines.
pub fn export(docs: &[Doc]) -> Body {
    let mut out = String::new();
    let mut dropped = Vec::new();
    let (mut entity, mut relation): (usize, usize) = (0, 0);
    let (mut claims, mut mentions) = (0, 0);
    for (index, doc) in docs.iter().enumerate() {
        let mut w = Writer::compact();
        w.begin_object();
        w.field("id", &(index + 1));
        w.field("text", &doc.article.text);
        w.key("entities");
        w.begin_array();
        let mut number: HashMap<&str, usize> = HashMap::new();
        for a in &doc.annotations {
            entity += 1;
            number.insert(a.id.as_str(), entity);
            claims += usize::from(ClaimAttr::ALL.iter().any(|attr| attr.of(a).is_some()));
            mentions += usize::from(links::entry(doc, a).is_some());
            w.begin_object();
            w.field("id", &entity);
            w.field("label", tags::tag(a.label));
            w.field("start_offset", &a.span.start());
            w.field("end_offset", &a.span.end());
            w.end_object();
        }
        w.end_array();
        w.key("relations");
        w.begin_array();
        for l in links::links(doc, &mut dropped) {
            let ends = (number.get(l.from.id.as_str()), number.get(l.to.id.as_str()));
            if let (Some(from), Some(to)) = ends {
                relation += 1;
                w.begin_object();
                w.field("id", &relation);
                w.field("from_id", from);
                w.field("to_id", to);
                w.field("type", l.kind.name());
                w.end_object();
            }
        }
        w.end_array();
        w.field("article", doc.article.id.as_str());
        w.field("title", &doc.article.title);
        w.end_object();
        out.push_str(&w.finish());
        out.push('\n');
    }
    let mut body = Body::text(out);
    if claims > 0 {
        dropped.push(format!(
            "doccano has no place for claim attributes: the attribution and check status of \
             {claims} claim(s) are left out"
        ));
    }
    if mentions > 0 {
        dropped.push(format!(
            "doccano has no place for registry references: the registry entries of {mentions} \
             entity mention(s) are left out"
        ));
    }
    body.dropped = dropped;
    body
}

/// Reads a doccano JSONL file (or one doccano object, even spread over several lines).
pub fn read(text: &str, articles: &[Rc<Article>], now: Timestamp) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        articles,
        now,
        incoming: Incoming::default(),
        ids: HashMap::new(),
    };
    if let Ok(value @ Value::Object(_)) = json::parse(text) {
        let blank = text.get(..text.len() - text.trim_start().len());
        let line = 1 + blank.map_or(0, |b| b.matches('\n').count());
        reader.line(&value, &format!("line {line}"))?;
        return Ok(reader.incoming);
    }
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let value = json::parse(line).or_else(|e| {
            error(
                format!("line {number}, column {}", e.column),
                e.message.to_owned(),
            )
        })?;
        reader.line(&value, &format!("line {number}"))?;
    }
    Ok(reader.incoming)
}

/// What a read has found so far.
struct Reader<'a> {
    articles: &'a [Rc<Article>],
    now: Timestamp,
    incoming: Incoming,
    /// The ids given so far with their records' places, so the same span twice is read once.
    ids: HashMap<String, usize>,
}

impl Reader<'_> {
    /// Reads the line `value`, found at `place` (`line 3`).
    fn line(&mut self, value: &Value, place: &str) -> Result<(), FormatError> {
        if !matches!(value, Value::Object(_)) {
            return error(
                place,
                format!(
                    "each line must be a JSON object with \"text\" and \"entities\", not {}",
                    shown(value)
                ),
            );
        }
        let text = string(value.get("text"), &format!("{place}: text"))?;
        let id = match value.get("article") {
            Some(Value::String(id)) => Some(id.as_str()),
            _ => None,
        };
        let Some(article) = find_article(self.articles, id, Some(text)) else {
            self.incoming.warnings.push(format!(
                "{place}: its text is not one of this app's articles; skipped"
            ));
            return Ok(());
        };
        let len = char_len(text);
        let mut spans = Vec::new();
        if let Some(entities) = value.get("entities").filter(|v| **v != Value::Null) {
            let path = format!("{place}: entities");
            for (i, item) in list(entities, &path)?.iter().enumerate() {
                spans.push(entity(item, &format!("{path}[{i}]"), len)?);
            }
        }
        for key in ["label", "labels"] {
            if let Some(triples) = value.get(key).filter(|v| **v != Value::Null) {
                let path = format!("{place}: {key}");
                for (i, item) in list(triples, &path)?.iter().enumerate() {
                    spans.push(triple(item, &format!("{path}[{i}]"), len)?);
                }
            }
        }
        let source = super::indexed(article, text);
        // Each entity's own id, for the relations, with the place of its record.
        let mut by_entity: HashMap<String, usize> = HashMap::new();
        for (path, span, label, entity_id) in spans {
            let (start, end) = (span.start(), span.end());
            let id = generated_id(Format::Doccano, &article.id, start, end, label);
            if let Some(&first) = self.ids.get(&id) {
                by_entity.extend(entity_id.map(|e| (e, first)));
                self.incoming.warnings.push(format!(
                    "{path}: the same span and label as before; read once"
                ));
                continue;
            }
            let index = self.incoming.records.len();
            self.ids.insert(id.clone(), index);
            if let Some(e) = entity_id {
                by_entity.entry(e).or_insert(index);
            }
            let found = Found {
                id,
                article: article.id.clone(),
                label,
                note: String::new(),
                start,
                end,
                created: self.now,
                updated: self.now,
            };
            self.incoming.records.push((path, found.record(&source)));
        }
        if let Some(relations) = value.get("relations").filter(|v| **v != Value::Null) {
            let path = format!("{place}: relations");
            for (i, item) in list(relations, &path)?.iter().enumerate() {
                let path = format!("{path}[{i}]");
                relations::relation(item, &path, &by_entity, &mut self.incoming)?;
            }
        }
        Ok(())
    }
}

/// A span read from a line: its path, span, label and, for an entity object, its own id.
type Read = (String, Span, Label, Option<String>);

/// An entity `{"id", "start_offset", "end_offset", "label"}` at `path` of a text of `len` code
/// points; the id may be absent.
fn entity(item: &Value, path: &str, len: usize) -> Result<Read, FormatError> {
    if !matches!(item, Value::Object(_)) {
        return error(
            path,
            format!(
                "must be an object with \"start_offset\", \"end_offset\" and \"label\", not {}",
                shown(item)
            ),
        );
    }
    let start = offset(item.get("start_offset"), &format!("{path}.start_offset"))?;
    let end_path = format!("{path}.end_offset");
    let end = offset(item.get("end_offset"), &end_path)?;
    let span = span(start, end, len, &end_path)?;
    let label = tag(item.get("label"), &format!("{path}.label"))?;
    let id = relations::id(item.get("id"), &format!("{path}.id"))?;
    Ok((path.to_owned(), span, label, id))
}

/// A sequence-labelling triple `[start, end, "TAG"]` at `path` of a text of `len` code points.
fn triple(item: &Value, path: &str, len: usize) -> Result<Read, FormatError> {
    let Some([start, end, label]) = item.as_array().map(Vec::as_slice) else {
        return error(
            path,
            format!("must be [start, end, \"TAG\"], not {}", shown(item)),
        );
    };
    let start = offset(Some(start), &format!("{path}[0]"))?;
    let end_path = format!("{path}[1]");
    let end = offset(Some(end), &end_path)?;
    let span = span(start, end, len, &end_path)?;
    let label = tag(Some(label), &format!("{path}[2]"))?;
    Ok((path.to_owned(), span, label, None))
}

/// The label of the tag at `path`.
fn tag(value: Option<&Value>, path: &str) -> Result<Label, FormatError> {
    let name = string(value, path)?;
    tags::label_of(name).or_else(|m| error(path, m))
}

#[cfg(test)]
#[path = "../tests/formats/doccano.rs"]
mod tests;
