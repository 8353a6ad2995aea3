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
//! by `article`, else the one whose text is the line's `text`, else a new own article of that text
//! (titled by `title`, else its first words; see [`super::texts`]). Labels are mapped by a
//! [`LabelMap`]; a span whose label is left out is counted and skipped. Ids come from
//! [`generated_id`], times are the import time.
//! Relations are read back between the line's entities by their `id`s (see `doccano/relations.rs`).

use super::fields::{problem, read_line, span};
use super::labels::{LabelMap, LabelTally};
use super::objects::Object;
use super::texts::FileText;
use super::Incoming;
use super::{generated_id, Format, FormatError};
use crate::domain::files::json::from_str;
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::model::span::Span;
use crate::domain::model::text::char_len;
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

mod line;
mod relations;
mod write;
pub use line::{Entity, Line, Relation, Triple};
pub use write::export;

/// Reads a doccano JSONL file (or one doccano object, even spread over several lines).
pub fn read(
    text: &str,
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        articles,
        labels,
        now,
        incoming: Incoming::default(),
        ids: HashMap::new(),
    };
    let body = text.trim_start();
    if body.starts_with('{') {
        let blank = text.chars().take_while(|c| c.is_whitespace());
        let number = 1 + blank.filter(|c| *c == '\n').count();
        // One object in the whole file: a one-line file, or one object over several lines. A syntax
        // error (a second line, say) sends the file to be read line by line.
        match from_str::<Object<Line>>(text) {
            Ok(Object(line)) => {
                reader.line(line, number)?;
                return Ok(reader.incoming);
            }
            Err(e) if !e.syntax => return Err(problem(e, Some(number))),
            Err(_) => {}
        }
    }
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let Object(line) = read_line(line, number)?;
        reader.line(line, number)?;
    }
    Ok(reader.incoming)
}

/// What a read has found so far.
struct Reader<'a> {
    articles: &'a [Rc<Article>],
    labels: &'a LabelMap,
    now: Timestamp,
    incoming: Incoming,
    /// The ids given so far with their records' places, so the same span twice is read once.
    ids: HashMap<String, usize>,
}

impl Reader<'_> {
    /// Reads `line`, found on the line `number`.
    fn line(&mut self, line: Line, number: usize) -> Result<(), FormatError> {
        let place = format!("line {number}");
        let file = FileText {
            id: line.article.as_deref(),
            text: &line.text,
            title: Some(&line.title),
        };
        let found = self
            .incoming
            .article_for(self.articles, file, self.now, &place);
        let Some(article) = found else {
            return Ok(());
        };
        let len = char_len(&line.text);
        let spans = spans(&line, &place, len, self.labels, &mut self.incoming.labels)?;
        let source = super::indexed(&article, &line.text);
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
            let record = AnnotationRecord {
                id,
                article: article.id.as_str().to_owned(),
                start,
                end,
                created: self.now,
                updated: self.now,
                ..AnnotationRecord::labelled(label)
            };
            self.incoming
                .records
                .push((path, record.with_context(&source)));
        }
        let relations = line.relations.iter().flatten().enumerate();
        for (i, relation) in relations {
            let path = format!("{place}: relations[{i}]");
            relations::relation(relation, &path, &by_entity, &mut self.incoming);
        }
        Ok(())
    }
}

/// A span read from a line: its path, span, label and, for an entity object, its own id.
type Read = (String, Span, Label, Option<String>);

/// The spans of `line` (at `place`, its text `len` code points long): its entities, then its
/// triples under `label` and `labels`, each checked against the text, its label mapped by `map` and
/// counted in `tally`; a span whose label is left out is skipped.
fn spans(
    line: &Line,
    place: &str,
    len: usize,
    map: &LabelMap,
    tally: &mut LabelTally,
) -> Result<Vec<Read>, FormatError> {
    let mut spans = Vec::new();
    for (i, e) in line.entities.iter().flatten().enumerate() {
        let path = format!("{place}: entities[{i}]");
        let end_path = format!("{path}.end_offset");
        let span = span(e.start_offset.0, e.end_offset.0, len, &end_path)?;
        let id = e.id.as_ref().map(|id| id.key());
        if let Some(label) = tally.count(&e.label, map) {
            spans.push((path, span, label, id));
        }
    }
    for (key, triples) in [("label", &line.label), ("labels", &line.labels)] {
        for (i, Triple(start, end, tag_name)) in triples.iter().flatten().enumerate() {
            let path = format!("{place}: {key}[{i}]");
            let span = span(start.0, end.0, len, &format!("{path}[1]"))?;
            if let Some(label) = tally.count(tag_name, map) {
                spans.push((path, span, label, None));
            }
        }
    }
    Ok(spans)
}

#[cfg(test)]
#[path = "../../tests/formats/doccano.rs"]
mod tests;
