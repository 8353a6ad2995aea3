//! Reading W3C Web Annotation files back (see the parent module for the shapes it accepts).

use super::{Annotation, ANNOTATION_URN, ARTICLE_URN};
use crate::domain::files::formats::links::{refer, set_attr};
use crate::domain::files::formats::shapes::OneOrMany;
use crate::domain::files::formats::sniff::is_a;
use crate::domain::files::formats::{
    error, find_article, generated_id, Format, FormatError, Incoming,
};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

mod body;
mod items;
mod link;
mod selector;
mod source;
mod target;
use body::body;

/// Reads a W3C file: a collection, a page, one annotation, or a list of annotations. The texts the
/// file carries under an IRI are found or made first, then each annotation is read in file order.
pub fn read(text: &str, articles: &[Rc<Article>], now: Timestamp) -> Result<Incoming, FormatError> {
    let items = items::items(text)?;
    let mut reader = Reader {
        articles,
        now,
        incoming: Incoming::default(),
        links: Vec::new(),
        carried: HashMap::new(),
    };
    reader.carry(&items);
    for (path, item) in &items {
        reader.annotation(item, path)?;
    }
    link::resolve(&mut reader.incoming, reader.links);
    Ok(reader.incoming)
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
    /// The article of each text the file carries under an IRI, by that IRI.
    carried: HashMap<String, source::Carried>,
}

impl<'a> Reader<'a> {
    /// Reads the annotation at `path` (empty for a file of one annotation).
    fn annotation(&mut self, item: &Annotation, path: &str) -> Result<(), FormatError> {
        let place = if path.is_empty() {
            "the annotation"
        } else {
            path
        };
        if let Some(kind) = item.kind.as_ref().filter(|k| !is_a(Some(k), "Annotation")) {
            let shown = match kind {
                OneOrMany::One(one) => one.shown(),
                OneOrMany::Many(_) => "a list".into(),
            };
            return error(
                at(path, "type"),
                format!("must be \"Annotation\", not {shown}"),
            );
        }
        if link::is_linking(item) {
            let warnings = &mut self.incoming.warnings;
            self.links.extend(link::linking(item, path, warnings));
            return Ok(());
        }
        let Some((target, target_path, article, carried)) = self.locate(item, path)? else {
            return Ok(());
        };
        let bodies = body(item, path)?;
        let label = bodies.label;
        let Some((span, quote)) = self.span_of(target, &target_path, &article, carried)? else {
            return Ok(());
        };
        let (start, end) = (span.start(), span.end());
        let id = match &item.id {
            None => generated_id(Format::W3c, &article.id, start, end, label),
            Some(id) => id.strip_prefix(ANNOTATION_URN).unwrap_or(id).to_owned(),
        };
        let created = item.created;
        let updated = item.modified.or(created);
        let mut record = AnnotationRecord {
            id,
            article: article.id.as_str().to_owned(),
            note: bodies.note,
            start,
            end,
            created: created.unwrap_or(self.now),
            updated: updated.unwrap_or(self.now),
            ..AnnotationRecord::labelled(label)
        }
        .with_context(&article);
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
}
