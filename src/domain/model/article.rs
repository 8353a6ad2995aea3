//! Articles: an immutable text with an id, a title, its paragraphs and a content hash.

use crate::domain::model::names::ArticleId;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cell::OnceCell;

/// One line of an article: the text between two line breaks, as code point and byte ranges.
///
/// The line break itself belongs to no paragraph, so an empty line is an empty paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// First code point of the line.
    pub start: usize,
    /// One past the last code point, before the line break.
    pub end: usize,
    /// Byte index of `start`.
    pub byte_start: usize,
    /// Byte index of `end`.
    pub byte_end: usize,
}

/// Byte offsets of every [`CHECKPOINT`]th code point, so that a code point offset becomes a byte offset
/// without walking the text from its start.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CharIndex {
    /// Empty when the text is ASCII, where code points and bytes coincide.
    checkpoints: Vec<usize>,
}

/// Distance in code points between two checkpoints of a [`CharIndex`].
const CHECKPOINT: usize = 64;

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
            };
        }
        let checkpoints = text
            .char_indices()
            .step_by(CHECKPOINT)
            .map(|(b, _)| b)
            .collect();
        CharIndex { checkpoints }
    }

    /// Byte index of code point `pos` in `text` (the text's length past its end).
    fn byte_of(&self, text: &str, pos: usize) -> usize {
        if self.checkpoints.is_empty() {
            return pos.min(text.len());
        }
        let Some(&from) = self.checkpoints.get(pos / CHECKPOINT) else {
            return text.len();
        };
        let rest = text.get(from..).unwrap_or_default();
        from + rest
            .char_indices()
            .nth(pos % CHECKPOINT)
            .map_or(rest.len(), |(b, _)| b)
    }
}

/// Where an article comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Shipped with the app (or a benchmark fixture): never saved, renamed or deleted.
    Bundled,
    /// Pasted or loaded by the person, at this time: saved with the annotations, and can be renamed or
    /// deleted.
    Own {
        /// When it was added; own articles are listed in this order after the bundled ones.
        added: Timestamp,
    },
}

/// An article's text never changes once created, so offsets into it stay valid. It crosses to the
/// web worker as [`ArticleParts`]; the lines and the index are rebuilt there.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(from = "ArticleParts", into = "ArticleParts")]
pub struct Article {
    /// Short stable id.
    pub id: ArticleId,
    /// Title shown in the article list.
    pub title: String,
    /// Bundled or the person's own.
    pub origin: Origin,
    /// The full text, exactly as bundled or loaded.
    pub text: String,
    /// Length of `text` in code points.
    pub char_len: usize,
    /// Lowercase hex SHA-256 of the UTF-8 text, computed when first asked for (see [`Article::sha256`]).
    sha256: OnceCell<String>,
    /// The lines of the text, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Built on the first [`Article::slice`]: the articles that are not opened never need it.
    index: OnceCell<CharIndex>,
}

impl PartialEq for Article {
    /// Same id, title, origin and text (everything else follows from the text).
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.origin == other.origin
            && self.text == other.text
    }
}

impl Eq for Article {}

/// What an article is made from: its serde shape (the web worker's messages).
#[derive(Serialize, Deserialize)]
struct ArticleParts {
    id: ArticleId,
    title: String,
    origin: Origin,
    text: String,
}

impl From<ArticleParts> for Article {
    fn from(parts: ArticleParts) -> Article {
        Article {
            origin: parts.origin,
            ..Article::new(parts.id.as_str(), &parts.title, parts.text)
        }
    }
}

impl From<Article> for ArticleParts {
    fn from(article: Article) -> ArticleParts {
        ArticleParts {
            id: article.id,
            title: article.title,
            origin: article.origin,
            text: article.text,
        }
    }
}

impl Article {
    /// Builds an article, splitting its lines; its code points are indexed on first use.
    pub fn new(id: &str, title: &str, text: String) -> Article {
        let paragraphs = split_paragraphs(&text);
        Article {
            id: ArticleId::from(id),
            title: title.to_owned(),
            origin: Origin::Bundled,
            // The last line ends at the end of the text: its code points are counted already.
            char_len: paragraphs.last().map_or(0, |last| last.end),
            sha256: OnceCell::new(),
            paragraphs,
            index: OnceCell::new(),
            text,
        }
    }

    /// The person's own article, added at `added`.
    pub fn own(id: &str, title: &str, text: String, added: Timestamp) -> Article {
        Article {
            origin: Origin::Own { added },
            ..Article::new(id, title, text)
        }
    }

    /// Where it goes in the article list: bundled articles first (`None` sorts first, and they keep
    /// their manifest order), then own ones by the time they were added, then id.
    pub fn list_key(&self) -> Option<(Timestamp, &str)> {
        match self.origin {
            Origin::Bundled => None,
            Origin::Own { added } => Some((added, self.id.as_str())),
        }
    }

    /// Whether the person added it (and so may rename or delete it).
    pub fn is_own(&self) -> bool {
        matches!(self.origin, Origin::Own { .. })
    }

    /// Lowercase hex SHA-256 of the UTF-8 text. Hashed on first use (export and import), not when the
    /// article is built: a 1 MB text opens without waiting for its hash.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(&self.text))
    }

    /// The code points `start..end` of the text, clamped to it; fast at any offset.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let index = self.index.get_or_init(|| CharIndex::new(&self.text));
        let from = index.byte_of(&self.text, start);
        let to = index.byte_of(&self.text, end.max(start));
        self.text.get(from..to).unwrap_or_default()
    }

    /// Index of the paragraph that holds the code point `pos` (or the line break right after it).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end < pos)
            .min(self.paragraphs.len().saturating_sub(1))
    }
}

/// Lowercase hex SHA-256 of `text` as UTF-8.
pub fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text))
}

/// Splits text into lines at `\n`, `\r\n` and `\r`, keeping empty lines.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let (mut start, mut byte_start) = (0, 0);
    let mut chars = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((byte, ch)) = iter.next() {
        if ch == '\n' || ch == '\r' {
            out.push(Paragraph {
                start,
                end: chars,
                byte_start,
                byte_end: byte,
            });
            let mut next_byte = byte + 1;
            chars += 1;
            if ch == '\r' && iter.peek().map(|(_, c)| *c) == Some('\n') {
                iter.next();
                next_byte += 1;
                chars += 1;
            }
            start = chars;
            byte_start = next_byte;
        } else {
            chars += 1;
        }
    }
    out.push(Paragraph {
        start,
        end: chars,
        byte_start,
        byte_end: text.len(),
    });
    out
}

#[cfg(test)]
#[path = "../tests/article.rs"]
mod tests;
