//! Reading W3C Web Annotation files back (see the parent module for the shapes it accepts).

use super::{ANNOTATION_URN, ARTICLE_URN};
use crate::domain::article::Article;
use crate::domain::formats::links::{refer, set_attr};
use crate::domain::formats::values::{list, shown, string};
use crate::domain::formats::{
    error, find_article, generated_id, Format, FormatError, Found, Incoming,
};
use crate::domain::json::Value;
use crate::domain::time::Timestamp;
use std::rc::Rc;

mod body;
mod link;
mod selector;
mod target;
use body::body;

/// Reads a parsed W3C file: a collection, a page, one annotation, or a list of annotations.
pub fn read(
    value: Value,
    articles: &[Rc<Article>],
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let mut reader = Reader {
        articles,
        now,
        incoming: Incoming::default(),
        links: Vec::new(),
    };
    match &value {
        Value::Array(items) => reader.items(items, "")?,
        Value::Object(_) if is_a(&value, "AnnotationCollection") => {
            let mut path = "first".to_owned();
            let mut page = value.get("first");
            loop {
                match page {
                    None if path == "first" => {
                        return error(
                            path,
                            "missing: a collection keeps its annotations in its first page",
                        )
                    }
                    None | Some(Value::Null) => break,
                    Some(p @ Value::Object(_)) => {
                        reader.page(p, &path)?;
                        page = p.get("next");
                        path.push_str(".next");
                    }
                    Some(Value::String(iri)) => {
                        return error(
                            path,
                            format!(
                            "the page is at \"{}\", not in this file; save the whole collection \
                                 with its pages embedded and load that",
                            cut(iri)
                        ),
                        )
                    }
                    Some(other) => {
                        return error(
                            path,
                            format!("must be an AnnotationPage, not {}", shown(other)),
                        )
                    }
                }
            }
        }
        Value::Object(_) if is_a(&value, "AnnotationPage") => reader.page(&value, "")?,
        Value::Object(_) => reader.annotation(&value, "")?,
        other => {
            return error(
                "",
                format!(
                    "a W3C Web Annotation file holds an AnnotationCollection, an AnnotationPage, \
                     an Annotation or a list of annotations, not {}",
                    shown(other)
                ),
            )
        }
    }
    link::resolve(&mut reader.incoming, reader.links);
    Ok(reader.incoming)
}

/// Whether `value`'s `type` is `name` or a list that holds it.
fn is_a(value: &Value, name: &str) -> bool {
    match value.get("type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(types)) => types
            .iter()
            .any(|t| matches!(t, Value::String(t) if t == name)),
        _ => false,
    }
}

/// `path.key`, or `key` at the top.
fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Text for a message, cut to 60 code points.
fn cut(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// What a read has found so far.
struct Reader<'a> {
    articles: &'a [Rc<Article>],
    now: Timestamp,
    incoming: Incoming,
    /// The links read, resolved once every annotation is.
    links: Vec<link::Linking>,
}

impl<'a> Reader<'a> {
    /// Reads the `AnnotationPage` at `path`.
    fn page(&mut self, page: &Value, path: &str) -> Result<(), FormatError> {
        let items_path = at(path, "items");
        match page.get("items") {
            Some(items) => self.items(list(items, &items_path)?, &items_path),
            None => error(
                items_path,
                "missing: a page keeps its annotations in \"items\"",
            ),
        }
    }

    /// Reads the annotations `items` of the list at `path`.
    fn items(&mut self, items: &[Value], path: &str) -> Result<(), FormatError> {
        for (i, item) in items.iter().enumerate() {
            self.annotation(item, &format!("{path}[{i}]"))?;
        }
        Ok(())
    }

    /// Reads the annotation at `path` (empty for a file of one annotation).
    fn annotation(&mut self, item: &Value, path: &str) -> Result<(), FormatError> {
        let place = if path.is_empty() {
            "the annotation"
        } else {
            path
        };
        if !matches!(item, Value::Object(_)) {
            return error(place, format!("must be an Annotation, not {}", shown(item)));
        }
        if item.get("type").is_some() && !is_a(item, "Annotation") {
            let t = item.get("type").map(shown).unwrap_or_default();
            return error(at(path, "type"), format!("must be \"Annotation\", not {t}"));
        }
        if link::is_linking(item) {
            let warnings = &mut self.incoming.warnings;
            self.links.extend(link::linking(item, path, warnings));
            return Ok(());
        }
        let Some((target, target_path, article)) = self.locate(item, path)? else {
            return Ok(());
        };
        let bodies = body(item, path)?;
        let label = bodies.label;
        let Some((span, quote)) = self.span_of(target, &target_path, article)? else {
            return Ok(());
        };
        let (start, end) = (span.start(), span.end());
        let id = match item.get("id") {
            None | Some(Value::Null) => generated_id(Format::W3c, &article.id, start, end, label),
            id => {
                let id = string(id, &at(path, "id"))?;
                id.strip_prefix(ANNOTATION_URN).unwrap_or(id).to_owned()
            }
        };
        let created = self.time(item.get("created"), &at(path, "created"))?;
        let updated = match item.get("modified") {
            None | Some(Value::Null) => created,
            some => self.time(some, &at(path, "modified"))?,
        };
        let found = Found {
            id,
            article: article.id.clone(),
            label,
            note: bodies.note,
            start,
            end,
            created: created.unwrap_or(self.now),
            updated: updated.unwrap_or(self.now),
        };
        let mut record = found.record(article);
        if let Some(q) = quote {
            record.exact = q.exact.to_owned();
            record.prefix = q.prefix.to_owned();
            record.suffix = q.suffix.to_owned();
        }
        let warnings = &mut self.incoming.warnings;
        warnings.extend(bodies.warnings);
        for (p, attr, value) in bodies.attrs {
            if let Err(why) = set_attr(&mut record, attr, &value) {
                warnings.push(format!("{p}: {why}; skipped"));
            }
        }
        if let Some((p, id, name)) = bodies.entity {
            let entities = &mut self.incoming.entities;
            if let Err(why) = refer(entities, &mut record, &p, &id, &name, self.now) {
                warnings.push(format!("{p}: {why}; skipped"));
            }
        }
        self.incoming.records.push((place.to_owned(), record));
        Ok(())
    }

    /// The article an IRI names: by the whole IRI, our URN, or its last segment after `/` or `:`.
    fn article(&self, source: &str) -> Option<&'a Rc<Article>> {
        let tail = source.rsplit(['/', ':']).next().unwrap_or(source);
        let id = source.strip_prefix(ARTICLE_URN).unwrap_or(tail);
        find_article(self.articles, Some(source), None)
            .or_else(|| find_article(self.articles, Some(id), None))
    }

    /// Notes that the annotation at `path` is skipped, and why.
    fn skip(&mut self, path: &str, why: String) {
        self.incoming
            .warnings
            .push(format!("{path}: {why}; skipped"));
    }

    /// A time at `path`; `None` when absent.
    fn time(&self, value: Option<&Value>, path: &str) -> Result<Option<Timestamp>, FormatError> {
        match value {
            None | Some(Value::Null) => Ok(None),
            some => Timestamp::parse(string(some, path)?)
                .map(Some)
                .or_else(|m| error(path, m)),
        }
    }
}
