//! Reading a W3C annotation's target: the article it names, and the span its selectors select.

use super::selector::{selector, Quote};
use super::{at, cut, Reader};
use crate::domain::files::formats::fields::span;
use crate::domain::files::formats::shapes::{Loose, ObjectOr, OneOrMany};
use crate::domain::files::formats::w3c::{Annotation, TargetObject};
use crate::domain::files::formats::{error, FormatError};
use crate::domain::model::anchoring::{anchor, Anchoring};
use crate::domain::model::article::Article;
use crate::domain::model::span::Span;
use std::rc::Rc;

/// A target, its path, the article it names, and whether that article's text is the file's own.
type Located<'v> = (&'v TargetObject, String, Rc<Article>, bool);

/// The string at `path`, which must be there.
pub(super) fn required<'v>(value: &'v Option<Loose>, path: &str) -> Result<&'v str, FormatError> {
    match value {
        Some(Loose::Text(text)) => Ok(text),
        None => error(path, "missing"),
        Some(other) => error(path, format!("must be a string, not {}", other.shown())),
    }
}

impl Reader<'_> {
    /// The target of the annotation `item` at `path`, its path and the article it names (see
    /// [`Reader::named`] and [`Reader::carried`]); `None` (with a warning) when the annotation is
    /// skipped.
    pub(super) fn locate<'v>(
        &mut self,
        item: &'v Annotation,
        path: &str,
    ) -> Result<Option<Located<'v>>, FormatError> {
        let target_path = at(path, "target");
        let (target, target_path) = match &item.target {
            None => {
                return error(
                    target_path,
                    "missing: an annotation needs a target naming the article and the text",
                )
            }
            Some(OneOrMany::Many(targets)) => match targets.as_slice() {
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
            Some(OneOrMany::One(target)) => (target, target_path),
        };
        let (target, source) = match target {
            ObjectOr::Plain(Loose::Text(iri)) => {
                self.skip(
                    &target_path,
                    format!(
                        "names the whole of \"{}\", not a part of its text",
                        cut(iri)
                    ),
                );
                return Ok(None);
            }
            ObjectOr::Object(t) => (t, &t.source),
            ObjectOr::Plain(other) => {
                return error(
                    target_path,
                    format!(
                        "must be an object with \"source\" and \"selector\", not {}",
                        other.shown()
                    ),
                )
            }
        };
        let source_path = at(&target_path, "source");
        let found = match source {
            None => return error(source_path, "missing"),
            Some(ObjectOr::Plain(Loose::Text(iri))) => self.named(iri, &source_path),
            Some(ObjectOr::Object(object)) => self.carried(object, &source_path)?,
            Some(ObjectOr::Plain(other)) => {
                return error(
                    source_path,
                    format!(
                        "must be an IRI or an object with the text as \"value\", not {}",
                        other.shown()
                    ),
                )
            }
        };
        Ok(found.map(|(article, carried)| (target, target_path, article, carried)))
    }

    /// The span the `target` (at `target_path`) selects in `article`, with its quote if it has one;
    /// `None` (with a warning) when it selects nothing there. Offsets past the end of a text the
    /// file carries (`carried`) are refused; past the end of one of the app's articles, a quote
    /// places the span instead.
    pub(super) fn span_of<'v>(
        &mut self,
        target: &'v TargetObject,
        target_path: &str,
        article: &Article,
        carried: bool,
    ) -> Result<Option<(Span, Option<Quote<'v>>)>, FormatError> {
        let selector_path = at(target_path, "selector");
        let mut found = (None, None);
        for (p, s) in target.selector.iter().flat_map(|s| s.each(&selector_path)) {
            selector(&s.0, &p, &mut found)?;
        }
        let (position, quote) = found;
        let len = article.char_len;
        let position = match position {
            Some((start, end, end_path)) => match span(start, end, len, &end_path) {
                Ok(span) => Some(span),
                // Offsets past our text: the quote, if any, says where the text is now.
                Err(e) if quote.is_some() && start < end && !carried => {
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
                    return Ok(None);
                }
            },
            (None, None) => {
                let message = "has no TextPositionSelector or TextQuoteSelector saying which \
                               text it marks";
                self.skip(&selector_path, message.into());
                return Ok(None);
            }
        };
        Ok(Some((span, quote)))
    }
}
