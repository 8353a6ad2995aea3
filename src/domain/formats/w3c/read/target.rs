//! Reading a W3C annotation's target: the article it names, and the span its selectors select.

use super::selector::{selector, Quote};
use super::{at, cut, Reader};
use crate::domain::anchoring::{anchor, Anchoring};
use crate::domain::article::Article;
use crate::domain::formats::values::{shown, span, string};
use crate::domain::formats::{error, FormatError};
use crate::domain::json::Value;
use crate::domain::span::Span;
use std::rc::Rc;

/// A target, its path, and the article it names.
type Located<'v, 'a> = (&'v Value, String, &'a Rc<Article>);

impl<'a> Reader<'a> {
    /// The target of the annotation `item` at `path`, its path and the article it names; `None`
    /// (with a warning) when the annotation is skipped.
    pub(super) fn locate<'v>(
        &mut self,
        item: &'v Value,
        path: &str,
    ) -> Result<Option<Located<'v, 'a>>, FormatError> {
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
                return Ok(None);
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
            return Ok(None);
        };
        Ok(Some((target, target_path, article)))
    }

    /// The span the `target` (at `target_path`) selects in `article`, with its quote if it has one;
    /// `None` (with a warning) when it selects nothing there.
    pub(super) fn span_of<'v>(
        &mut self,
        target: &'v Value,
        target_path: &str,
        article: &Article,
    ) -> Result<Option<(Span, Option<Quote<'v>>)>, FormatError> {
        let selector_path = at(target_path, "selector");
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
