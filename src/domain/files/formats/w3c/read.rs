//! Reading W3C Web Annotation files back (see the parent module for the shapes it accepts).

use super::{Annotation, Collection, Page, ANNOTATION_URN, ARTICLE_URN};
use crate::domain::files::formats::fields::read_file;
use crate::domain::files::formats::links::{refer, set_attr};
use crate::domain::files::formats::objects::Object;
use crate::domain::files::formats::shapes::{Loose, ObjectOr, OneOrMany};
use crate::domain::files::formats::sniff::{is_a, Shape};
use crate::domain::files::formats::{
    error, find_article, generated_id, Format, FormatError, Incoming,
};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

mod body;
mod link;
mod selector;
mod target;
use body::body;

/// Reads a W3C file: a collection, a page, one annotation, or a list of annotations. The file's
/// outside is looked at first, then the file read as what it is.
pub fn read(text: &str, articles: &[Rc<Article>], now: Timestamp) -> Result<Incoming, FormatError> {
    let mut reader = Reader {
        articles,
        now,
        incoming: Incoming::default(),
        links: Vec::new(),
    };
    match read_file::<Shape>(text)? {
        Shape::List(_) => {
            let items: Vec<Object<Annotation>> = read_file(text)?;
            for (i, Object(item)) in items.iter().enumerate() {
                reader.annotation(item, &format!("[{i}]"))?;
            }
        }
        Shape::Object(keys) if is_a(keys.kind.as_ref(), "AnnotationCollection") => {
            reader.collection(&read_file(text)?)?;
        }
        Shape::Object(keys) if is_a(keys.kind.as_ref(), "AnnotationPage") => {
            reader.page(&read_file(text)?, "")?;
        }
        Shape::Object(_) => reader.annotation(&read_file(text)?, "")?,
        Shape::Plain(other) => {
            return error(
                "",
                format!(
                    "a W3C Web Annotation file holds an AnnotationCollection, an AnnotationPage, \
                     an Annotation or a list of annotations, not {}",
                    other.shown()
                ),
            )
        }
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
}

impl<'a> Reader<'a> {
    /// Reads the pages of `collection`, from its first through each page's `next`.
    fn collection(&mut self, collection: &Collection) -> Result<(), FormatError> {
        let mut path = "first".to_owned();
        let mut page = collection.first.as_ref();
        while let Some(next) = page {
            match next {
                ObjectOr::Object(p) => {
                    self.page(p, &path)?;
                    page = p.next.as_deref();
                    path.push_str(".next");
                }
                ObjectOr::Plain(Loose::Text(iri)) => {
                    return error(
                        path,
                        format!(
                            "the page is at \"{}\", not in this file; save the whole collection \
                             with its pages embedded and load that",
                            cut(iri)
                        ),
                    )
                }
                ObjectOr::Plain(other) => {
                    return error(
                        path,
                        format!("must be an AnnotationPage, not {}", other.shown()),
                    )
                }
            }
        }
        Ok(())
    }

    /// Reads the `AnnotationPage` at `path`.
    fn page(&mut self, page: &Page, path: &str) -> Result<(), FormatError> {
        let items_path = at(path, "items");
        for (i, item) in page.items.iter().enumerate() {
            self.annotation(item, &format!("{items_path}[{i}]"))?;
        }
        Ok(())
    }

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
        let Some((target, target_path, article)) = self.locate(item, path)? else {
            return Ok(());
        };
        let bodies = body(item, path)?;
        let label = bodies.label;
        let Some((span, quote)) = self.span_of(target, &target_path, article)? else {
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
        .with_context(article);
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
