//! Texts a corpus file brings that the app does not have: each becomes an own article, with an id made
//! from the text's SHA-256 (so the same text always gets the same id, and importing a corpus twice adds
//! nothing) and a title from the file's metadata, else the text's first words.

use crate::domain::features::own_text::{check, title_from_text};
use crate::domain::model::article::{sha256_hex, Article};
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

/// Where a reader finds the article of a text: the app's articles, then the texts the file brought so
/// far, then a new own article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    added: Vec<Rc<Article>>,
    /// Where each added text is in `added`, by its id (made from its hash).
    by_id: HashMap<String, usize>,
}

/// A text a file brings, with the article id and the title the file gives it, if any.
#[derive(Clone, Copy, Debug)]
pub struct FileText<'a> {
    /// The app's id of the article, as the file names it.
    pub id: Option<&'a str>,
    /// The text the file's offsets count in.
    pub text: &'a str,
    /// The title the file gives it.
    pub title: Option<&'a str>,
}

/// The id of an article made from `text`: `text-` and the first 16 hex digits of its SHA-256.
pub fn text_id(text: &str) -> String {
    let hash = sha256_hex(text);
    format!("text-{}", hash.get(..16).unwrap_or(&hash))
}

impl Texts {
    /// The article of `file`'s text: one of `articles` with its id or this text, else the own article
    /// made from it (once per text), titled by the file's title if not blank, else by its first
    /// words. Refused, with the reason, when the text is blank or larger than an article may be.
    pub fn article_for(
        &mut self,
        articles: &[Rc<Article>],
        file: FileText,
        now: Timestamp,
    ) -> Result<Rc<Article>, String> {
        let FileText { id, text, title } = file;
        if let Some(found) = super::find_article(articles, id, Some(text)) {
            return Ok(Rc::clone(found));
        }
        let new_id = text_id(text);
        if let Some(&at) = self.by_id.get(&new_id) {
            if let Some(found) = self.added.get(at) {
                return Ok(Rc::clone(found));
            }
        }
        check(text, "its text")?;
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| title_from_text(text, None), str::to_owned);
        let article = Rc::new(Article::own(&new_id, &title, text.to_owned(), now));
        self.by_id.insert(new_id, self.added.len());
        self.added.push(Rc::clone(&article));
        Ok(article)
    }

    /// The articles made, in the order their texts came.
    pub fn into_articles(self) -> Vec<Article> {
        self.added.into_iter().map(Rc::unwrap_or_clone).collect()
    }
}
