//! Reading W3C Web Annotation files back (see the parent module for the shapes it accepts).

use super::{ANNOTATION_URN, ARTICLE_URN};
use crate::domain::anchoring::{anchor, Anchoring};
use crate::domain::article::Article;
use crate::domain::formats::values::{list, offset, shown, span, string};
use crate::domain::formats::{
    error, find_article, generated_id, Format, FormatError, Found, Incoming,
};
use crate::domain::json::Value;
use crate::domain::time::Timestamp;
use std::rc::Rc;

mod body;
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
}

/// A `TextQuoteSelector`'s three texts.
struct Quote<'v> {
    exact: &'v str,
    prefix: &'v str,
    suffix: &'v str,
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
        let target_path = at(path, "target");
        let (target, target_path) = match item.get("target") {
            None => {
                return error(
                    target_path,
                    "missing: an annotation needs a target naming the article and the text",
                )
            }
            Some(Value::Array(targets)) => match targets.as_slice() {
                [one] => (one, format!("{target_path}[0]")),
                [] => return error(target_path, "is empty: name the article and the text"),
                _ => {
                    return error(
                        target_path,
                        format!(
                            "has {} targets: a discontinuous span (several targets) is not \
                             supported; make one annotation per part",
                            targets.len()
                        ),
                    )
                }
            },
            Some(target) => (target, target_path),
        };
        let source = match target {
            Value::String(iri) => {
                self.skip(
                    &target_path,
                    format!(
                        "names the whole of \"{}\", not a part of its text",
                        cut(iri)
                    ),
                );
                return Ok(());
            }
            Value::Object(_) => string(target.get("source"), &at(&target_path, "source"))?,
            other => {
                return error(
                    target_path,
                    format!(
                        "must be an object with \"source\" and \"selector\", not {}",
                        shown(other)
                    ),
                )
            }
        };
        let Some(article) = self.article(source) else {
            let message = format!("\"{}\" is not one of this app's articles", cut(source));
            self.skip(&at(&target_path, "source"), message);
            return Ok(());
        };
        let (label, note) = body(item, path)?;
        let selector_path = at(&target_path, "selector");
        let (position, quote) = match target.get("selector") {
            Some(Value::Array(selectors)) => {
                let mut found = (None, None);
                for (i, s) in selectors.iter().enumerate() {
                    selector(s, &format!("{selector_path}[{i}]"), &mut found)?;
                }
                found
            }
            Some(s) => {
                let mut found = (None, None);
                selector(s, &selector_path, &mut found)?;
                found
            }
            None => (None, None),
        };
        let len = article.char_len;
        let position = match position {
            Some((start, end, end_path)) => match span(start, end, len, &end_path) {
                Ok(span) => Some(span),
                // Offsets past our text: the quote, if any, says where the text is now.
                Err(e) if quote.is_some() && start < end => {
                    let at = e.path;
                    self.incoming.warnings.push(format!(
                        "{at}: past the end of article \"{}\"; placed by its quote instead",
                        article.id.as_str()
                    ));
                    None
                }
                Err(e) => return Err(e),
            },
            None => None,
        };
        let span = match (position, &quote) {
            (Some(span), _) => span,
            (None, Some(q)) => match anchor(article, 0, 0, q.exact, q.prefix, q.suffix) {
                Anchoring::Exact(span) | Anchoring::Moved(span) => span,
                Anchoring::NotFound => {
                    let message = format!(
                        "\"{}\" is not in article \"{}\"",
                        cut(q.exact),
                        article.id.as_str()
                    );
                    self.skip(&selector_path, message);
                    return Ok(());
                }
            },
            (None, None) => {
                let message = "has no TextPositionSelector or TextQuoteSelector saying which \
                               text it marks";
                self.skip(&selector_path, message.into());
                return Ok(());
            }
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
            note,
            start,
            end,
            created: created.unwrap_or(self.now),
            updated: updated.unwrap_or(self.now),
        };
        let mut record = found.record(&article.text);
        if let Some(q) = quote {
            record.exact = q.exact.to_owned();
            record.prefix = q.prefix.to_owned();
            record.suffix = q.suffix.to_owned();
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

/// A start and end with the path of the end, and a quote, from the selectors read so far.
type Selected<'v> = (Option<(usize, usize, String)>, Option<Quote<'v>>);

/// Reads the selector at `path` into `found`; the first of each type counts, other types are ignored.
fn selector<'v>(s: &'v Value, path: &str, found: &mut Selected<'v>) -> Result<(), FormatError> {
    if !matches!(s, Value::Object(_)) {
        return error(path, format!("must be a selector object, not {}", shown(s)));
    }
    if is_a(s, "TextPositionSelector") && found.0.is_none() {
        let start = offset(s.get("start"), &at(path, "start"))?;
        let end = offset(s.get("end"), &at(path, "end"))?;
        found.0 = Some((start, end, at(path, "end")));
    } else if is_a(s, "TextQuoteSelector") && found.1.is_none() {
        let exact = string(s.get("exact"), &at(path, "exact"))?;
        if exact.is_empty() {
            return error(
                at(path, "exact"),
                "must not be empty: it is the text marked",
            );
        }
        let optional = |key: &str| match s.get(key) {
            None | Some(Value::Null) => Ok(""),
            some => string(some, &at(path, key)),
        };
        found.1 = Some(Quote {
            exact,
            prefix: optional("prefix")?,
            suffix: optional("suffix")?,
        });
    }
    Ok(())
}
