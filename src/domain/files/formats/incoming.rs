//! What every reader hands to the import: records in the app's shape, with their places in the file,
//! and the helpers readers share to build them.

use super::labels::LabelTally;
use super::texts::{FileText, Texts};
use super::Format;
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, Label};
use crate::domain::model::time::Timestamp;
use std::borrow::Cow;
use std::rc::Rc;

/// Annotations read from a file, in the app's record shape, before they are checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Each record with the place in the file it came from (`line 3: entities[1]`, `annotations[4]`).
    pub records: Vec<(String, AnnotationRecord)>,
    /// Registry entries the file brings, each with its place in the file.
    pub entities: Vec<(String, crate::domain::files::records::EntityRecord)>,
    /// The person's own articles the file brings with their text: the app's own format's, and, after
    /// [`Incoming::finish`], the texts of a corpus the app does not have.
    pub articles: Vec<Article>,
    /// The articles of a corpus's texts, found or made while reading.
    pub texts: Texts,
    /// The foreign labels met, counted, with what each becomes.
    pub labels: LabelTally,
    /// Things a person should know that do not stop the import (an unknown text, a dropped relation).
    pub warnings: Vec<String>,
    /// Label Studio: the `data` fields that could each be a task's text, in the file's order, when
    /// several fit (empty otherwise); [`ImportOptions::text_field`](super::ImportOptions) picks one.
    pub text_fields: Vec<String>,
}

impl Incoming {
    /// The article of `file`'s text (see [`Texts::article_for`]), or `None` after a warning at
    /// `place` that says why it was skipped.
    pub fn article_for(
        &mut self,
        articles: &[Rc<Article>],
        file: FileText,
        now: Timestamp,
        place: &str,
    ) -> Option<Rc<Article>> {
        match self.texts.article_for(articles, file, now) {
            Ok(article) => Some(article),
            Err(why) => {
                self.warnings.push(format!("{place}: {why}; skipped"));
                None
            }
        }
    }

    /// The incoming annotations with the articles made from the file's texts among its articles.
    pub fn finish(mut self) -> Incoming {
        let texts = std::mem::take(&mut self.texts);
        self.articles.extend(texts.into_articles());
        self
    }
}

/// An error at a place in a file: `line 3: entities[0].end_offset`, and what is wrong there.
pub use crate::domain::files::records::RecordError as FormatError;

/// Shorthand for the error at `path`.
pub fn error<T>(path: impl Into<String>, message: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError {
        path: path.into(),
        message: message.into(),
    })
}

/// The file's copy `text` of `article`'s text, indexed for [`AnnotationRecord::with_context`]: the article itself when
/// the two are the same.
pub fn indexed<'a>(article: &'a Article, text: &str) -> Cow<'a, Article> {
    if article.text == text {
        Cow::Borrowed(article)
    } else {
        Cow::Owned(Article::new(article.id.as_str(), "", text.to_owned()))
    }
}

/// An id for an annotation read from a format that has none of its own (or only numbers): the same
/// span and label in the same article always get the same id, so importing a file twice adds nothing.
pub fn generated_id(
    format: Format,
    article: &ArticleId,
    start: usize,
    end: usize,
    label: Label,
) -> String {
    format!(
        "{}-{}-{start}-{end}-{}",
        format.key(),
        article.as_str(),
        label.mark()
    )
}

/// The article a file means: the one with `id` if the app has it, otherwise the one whose text is
/// exactly `text`. `None` when neither is known.
pub fn find_article<'a>(
    articles: &'a [Rc<Article>],
    id: Option<&str>,
    text: Option<&str>,
) -> Option<&'a Rc<Article>> {
    id.and_then(|id| articles.iter().find(|a| a.id.as_str() == id))
        .or_else(|| text.and_then(|t| articles.iter().find(|a| a.text == t)))
}

#[cfg(test)]
#[path = "../../tests/formats/long_text.rs"]
pub(crate) mod long_text_tests;
