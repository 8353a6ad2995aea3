//! The export file's shape as serde types: version 2 ([`ExportFile`]) and version 1
//! ([`ExportFileV1`]), which has no `entities` and no own articles and is read as its own type, so a
//! version 1 file with those fields is refused as having unknown fields.

use crate::domain::files::records::AnnotationRecord;
use crate::domain::files::records::EntityRecord;
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The whole export file, version 2.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    /// Always [`FORMAT`](super::FORMAT).
    pub format: String,
    /// [`VERSION`](super::VERSION) when written by this app.
    pub version: u32,
    /// When the file was written, RFC 3339.
    pub exported: Timestamp,
    /// Always [`OFFSETS`](super::OFFSETS).
    pub offsets: String,
    /// Every exported article, in list order.
    pub articles: Vec<ArticleRecord>,
    /// The registry entries the annotations refer to, by id.
    pub entities: Vec<EntityRecord>,
    /// Every annotation, articles in list order and each in text order.
    pub annotations: Vec<AnnotationRecord>,
}

/// What the export file says about an article, so readers can check they have the same text; the
/// person's own articles also carry the text, so that another browser can add them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecord {
    /// The article id that annotations refer to.
    pub id: String,
    /// The title.
    pub title: String,
    /// Lowercase hex SHA-256 of the UTF-8 text.
    pub sha256: String,
    /// Length of the text in Unicode code points.
    pub length: usize,
    /// Whether the person added it (written only when true).
    #[serde(default, skip_serializing_if = "is_false")]
    pub own: bool,
    /// Own articles: when it was added, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<Timestamp>,
    /// Own articles: the whole text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// A version 1 export file: no `entities`, and articles without own texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFileV1 {
    /// Always [`FORMAT`](super::FORMAT).
    pub format: String,
    /// 1.
    pub version: u32,
    /// When the file was written, RFC 3339.
    pub exported: Timestamp,
    /// Always [`OFFSETS`](super::OFFSETS).
    pub offsets: String,
    /// Every exported article, in list order.
    pub articles: Vec<ArticleRecordV1>,
    /// Every annotation.
    pub annotations: Vec<AnnotationRecord>,
}

/// An article of a version 1 file: its hash and length only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecordV1 {
    /// The article id.
    pub id: String,
    /// The title.
    pub title: String,
    /// Lowercase hex SHA-256 of the UTF-8 text.
    pub sha256: String,
    /// Length of the text in Unicode code points.
    pub length: usize,
}

/// Version 1 to 2: the same articles and annotations, no registry entries.
impl From<ExportFileV1> for ExportFile {
    fn from(v1: ExportFileV1) -> ExportFile {
        ExportFile {
            format: v1.format,
            version: v1.version,
            exported: v1.exported,
            offsets: v1.offsets,
            articles: v1.articles.into_iter().map(ArticleRecord::from).collect(),
            entities: Vec::new(),
            annotations: v1.annotations,
        }
    }
}

impl From<ArticleRecordV1> for ArticleRecord {
    fn from(v1: ArticleRecordV1) -> ArticleRecord {
        ArticleRecord {
            id: v1.id,
            title: v1.title,
            sha256: v1.sha256,
            length: v1.length,
            ..ArticleRecord::default()
        }
    }
}

impl ArticleRecord {
    /// The record of an article: its hash and length, and for an own article its text.
    pub fn of(article: &Article) -> ArticleRecord {
        let (own, added, text) = match article.origin {
            Origin::Own { added } => (true, Some(added), Some(article.text.clone())),
            Origin::Bundled => (false, None, None),
        };
        ArticleRecord {
            id: article.id.as_str().to_owned(),
            title: article.title.clone(),
            sha256: article.sha256().to_owned(),
            length: article.char_len,
            own,
            added,
            text,
        }
    }
}
