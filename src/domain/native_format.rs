//! The app's own export file: a versioned JSON envelope around annotation records.
//!
//! ```json
//! { "format": "news-annotator", "version": 1, "exported": "2026-11-24T10:00:00.000Z",
//!   "offsets": "unicode-code-points, end-exclusive",
//!   "articles": [ { "id": "kyiv-post", "title": "…", "sha256": "…", "length": 4016 } ],
//!   "annotations": [ { "id": "…", "article": "kyiv-post", "label": "entity", "kind": "person",
//!                      "note": "", "start": 0, "end": 8, "exact": "…", "prefix": "", "suffix": "…",
//!                      "created": "…", "updated": "…" } ] }
//! ```
//!
//! Every article is listed (length in code points, SHA-256 of its UTF-8 text) so a reader can tell
//! whether its copy of the text is the one the offsets count in. Annotations come with articles in list
//! order, each article's in text order. `schema/news-annotator-v1.schema.json` is the formal
//! definition; `tests/fixtures/native-export.json` is an example checked by a golden test.

use super::records::{records, AnnotationRecord};
use super::time::Timestamp;
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "news-annotator";

/// The newest `version` this app writes and reads.
pub const VERSION: u32 = 1;

/// The value of the `offsets` field: the unit every offset in the file counts in.
pub const OFFSETS: &str = "unicode-code-points, end-exclusive";

/// The whole export file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this app.
    pub version: u32,
    /// When the file was written, RFC 3339.
    pub exported: String,
    /// Always [`OFFSETS`].
    pub offsets: String,
    /// Every article of the workspace, in list order.
    pub articles: Vec<ArticleRecord>,
    /// Every annotation, articles in list order and each in text order.
    pub annotations: Vec<AnnotationRecord>,
}

/// What the export file says about an article, so readers can check they have the same text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// The export file of the workspace as pretty-printed JSON (two-space indent, trailing newline).
pub fn export_json(ws: &Workspace, now: Timestamp) -> String {
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        exported: now.to_string(),
        offsets: OFFSETS.into(),
        articles: ws
            .articles()
            .iter()
            .map(|a| ArticleRecord {
                id: a.id.as_str().to_owned(),
                title: a.title.clone(),
                sha256: a.sha256.clone(),
                length: a.char_len,
            })
            .collect(),
        annotations: records(ws),
    };
    // Serializing plain structs of strings and integers into a String cannot fail.
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// The suggested download name, dated in UTC: `news-annotations-2026-11-24.json`.
pub fn export_file_name(now: Timestamp) -> String {
    let stamp = now.to_string();
    let date = stamp.split('T').next().unwrap_or_default();
    format!("news-annotations-{date}.json")
}

#[cfg(test)]
#[path = "tests/native_format.rs"]
mod tests;
