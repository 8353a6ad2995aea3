//! A target's source: an IRI naming one of the app's articles or a text the file carries, or an
//! object carrying the whole text as its `value`, which is found among the app's articles by its text
//! or becomes an own article (see [`crate::domain::files::formats::texts`]).

use super::{at, cut, Reader};
use crate::domain::files::formats::shapes::{Loose, ObjectOr};
use crate::domain::files::formats::texts::FileText;
use crate::domain::files::formats::w3c::{Annotation, SourceObject};
use crate::domain::files::formats::{error, FormatError};
use crate::domain::model::article::Article;
use std::rc::Rc;

/// The article of a text the file carries, or why it was refused.
pub(super) type Carried = Result<Rc<Article>, String>;

/// A source's article and whether its text is the file's own (so its offsets must fit that text).
pub(super) type Found = (Rc<Article>, bool);

/// The string in `value` (at `path`), if any; anything else is refused.
fn text<'v>(value: &'v Option<Loose>, path: &str) -> Result<Option<&'v str>, FormatError> {
    match value {
        None => Ok(None),
        Some(Loose::Text(text)) => Ok(Some(text)),
        Some(other) => error(path, format!("must be a string, not {}", other.shown())),
    }
}

/// The title a carried source gives: its `title`, else its `name` or `label`, when a string.
fn title(source: &SourceObject) -> Option<&str> {
    [&source.title, &source.name, &source.label]
        .into_iter()
        .find_map(|v| v.as_ref()?.text())
}

impl Reader<'_> {
    /// Makes the articles of the texts the file carries under an IRI, before any annotation is read,
    /// so that a target may name such a text by its IRI anywhere in the file. Sources that are not
    /// well formed are left to [`Reader::carried`], which says what is wrong in file order.
    pub(super) fn carry(&mut self, items: &[(String, Annotation)]) {
        for (_, item) in items {
            let targets = item.target.iter().flat_map(|t| t.as_slice());
            for target in targets {
                let ObjectOr::Object(t) = target else {
                    continue;
                };
                let Some(ObjectOr::Object(source)) = &t.source else {
                    continue;
                };
                let (Some(Loose::Text(iri)), Some(Loose::Text(value))) =
                    (&source.id, &source.value)
                else {
                    continue;
                };
                if self.carried.contains_key(iri) {
                    continue;
                }
                let file = FileText {
                    id: None,
                    text: value,
                    title: title(source),
                };
                let found = self
                    .incoming
                    .texts
                    .article_for(self.articles, file, self.now);
                self.carried.insert(iri.clone(), found);
            }
        }
    }

    /// The article of the source object at `path`: the text it carries (see [`Reader::carry`]), or,
    /// without a `value`, the article its `id` names. `None` (with a warning) when skipped.
    pub(super) fn carried(
        &mut self,
        source: &SourceObject,
        path: &str,
    ) -> Result<Option<Found>, FormatError> {
        let iri = text(&source.id, &at(path, "id"))?;
        let value_path = at(path, "value");
        let Some(value) = text(&source.value, &value_path)? else {
            return match iri {
                Some(iri) => Ok(self.named(iri, &at(path, "id"))),
                None => error(
                    path,
                    "names no text: give its IRI as \"id\", or the whole text as \"value\"",
                ),
            };
        };
        let found = match iri.and_then(|iri| self.carried.get(iri).map(|c| (iri, c))) {
            Some((iri, Ok(article))) if article.text != value => {
                return error(
                    value_path,
                    format!(
                        "differs from the text given for \"{}\" elsewhere in the file: one IRI \
                         names one text",
                        cut(iri)
                    ),
                )
            }
            Some((_, found)) => found.clone(),
            None => {
                let file = FileText {
                    id: None,
                    text: value,
                    title: title(source),
                };
                self.incoming
                    .texts
                    .article_for(self.articles, file, self.now)
            }
        };
        Ok(self.found(found, &value_path))
    }

    /// The article the IRI `iri` (at `path`) names: a text the file carries under it, else one of the
    /// app's articles. `None` (with a warning) when it names neither.
    pub(super) fn named(&mut self, iri: &str, path: &str) -> Option<Found> {
        if let Some(found) = self.carried.get(iri).cloned() {
            return self.found(found, path);
        }
        if let Some(article) = self.article(iri) {
            return Some((Rc::clone(article), false));
        }
        let message = format!(
            "\"{}\" is not one of this app's articles, nor a text this file carries",
            cut(iri)
        );
        self.skip(path, message);
        None
    }

    /// A carried text's article, or a warning at `path` saying why it was refused.
    fn found(&mut self, carried: Carried, path: &str) -> Option<Found> {
        match carried {
            Ok(article) => Some((article, true)),
            Err(why) => {
                self.skip(path, why);
                None
            }
        }
    }
}
