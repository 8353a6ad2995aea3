//! The export file's shape: the envelope and the article records, read with path-named errors and
//! written in file order. Version 1 has no `entities` and no own articles' text; reading a version 1
//! file refuses those fields as unknown.

use super::kind_of;
use crate::domain::article::{Article, Origin};
use crate::domain::json::{self, FieldReader, Path, ReadError, Value, Writer};
use crate::domain::records::AnnotationRecord;
use crate::domain::registry::EntityRecord;

/// The whole export file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportFile {
    /// Always [`FORMAT`](super::FORMAT).
    pub format: String,
    /// [`VERSION`](super::VERSION) when written by this app; 1 in older files.
    pub version: u32,
    /// When the file was written, RFC 3339.
    pub exported: String,
    /// Always [`OFFSETS`](super::OFFSETS).
    pub offsets: String,
    /// Every exported article, in list order.
    pub articles: Vec<ArticleRecord>,
    /// The registry entries the annotations refer to, by id (version 2).
    pub entities: Vec<EntityRecord>,
    /// Every annotation, articles in list order and each in text order.
    pub annotations: Vec<AnnotationRecord>,
}

/// What the export file says about an article, so readers can check they have the same text; the
/// person's own articles also carry the text, so that another browser can add them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleRecord {
    /// The article id that annotations refer to.
    pub id: String,
    /// The title.
    pub title: String,
    /// Lowercase hex SHA-256 of the UTF-8 text.
    pub sha256: String,
    /// Length of the text in Unicode code points.
    pub length: usize,
    /// Whether the person added it (version 2; written only when true).
    pub own: bool,
    /// Own articles: when it was added, RFC 3339.
    pub added: Option<String>,
    /// Own articles: the whole text.
    pub text: Option<String>,
}

impl ExportFile {
    /// The fields in file order; version 1 has all but `entities`.
    const FIELDS: [&'static str; 7] = [
        "format",
        "version",
        "exported",
        "offsets",
        "articles",
        "entities",
        "annotations",
    ];

    /// The fields of version 1.
    const FIELDS_V1: [&'static str; 6] = [
        "format",
        "version",
        "exported",
        "offsets",
        "articles",
        "annotations",
    ];

    /// Reads the file from its parsed JSON, in the shape of the version it says (version 1's when it
    /// says 1, else today's), naming the path of the first bad value.
    pub fn read(value: &mut Value) -> Result<ExportFile, ReadError> {
        let v1 = value.get("version").and_then(Value::as_u64) == Some(1);
        let fields: &[&str] = if v1 { &Self::FIELDS_V1 } else { &Self::FIELDS };
        let article = if v1 {
            ArticleRecord::read_v1
        } else {
            ArticleRecord::read
        };
        let mut f = FieldReader::new(value, &Path::Root, "struct ExportFile", fields)?;
        let file = ExportFile {
            format: f.required("format", json::string),
            version: f.required("version", json::integer),
            exported: f.required("exported", json::string),
            offsets: f.required("offsets", json::string),
            articles: f.required("articles", |v, p| json::array(v, p, article)),
            entities: if v1 {
                Vec::new()
            } else {
                f.required("entities", |v, p| json::array(v, p, EntityRecord::read))
            },
            annotations: f.required("annotations", |v, p| {
                json::array(v, p, AnnotationRecord::read)
            }),
        };
        f.finish(file)
    }

    /// Writes the file, fields in file order (`entities` from version 2 on).
    pub fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("format", &self.format);
        w.field("version", &self.version);
        w.field("exported", &self.exported);
        w.field("offsets", &self.offsets);
        w.key("articles");
        w.begin_array();
        for article in &self.articles {
            article.write(w);
        }
        w.end_array();
        if self.version >= 2 {
            w.key("entities");
            w.begin_array();
            for entity in &self.entities {
                entity.write(w);
            }
            w.end_array();
        }
        w.key("annotations");
        w.begin_array();
        for record in &self.annotations {
            record.write(w);
        }
        w.end_array();
        w.end_object();
    }
}

impl ArticleRecord {
    /// The record of an article: its hash and length, and for an own article its text.
    pub fn of(article: &Article) -> ArticleRecord {
        let (own, added, text) = match article.origin {
            Origin::Own { added } => (true, Some(added.to_string()), Some(article.text.clone())),
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

    /// The fields in file order.
    const FIELDS: [&'static str; 7] = ["id", "title", "sha256", "length", "own", "added", "text"];

    /// The fields of version 1.
    const FIELDS_V1: [&'static str; 4] = ["id", "title", "sha256", "length"];

    /// Reads the entry of `articles` at `path`; `own`, `added` and `text` may be absent.
    pub fn read(value: &mut Value, path: &Path<'_>) -> Result<ArticleRecord, ReadError> {
        ArticleRecord::read_fields(value, path, &Self::FIELDS)
    }

    /// Reads the entry of a version 1 file, which has no `own`, `added` or `text`.
    pub fn read_v1(value: &mut Value, path: &Path<'_>) -> Result<ArticleRecord, ReadError> {
        ArticleRecord::read_fields(value, path, &Self::FIELDS_V1)
    }

    fn read_fields(
        value: &mut Value,
        path: &Path<'_>,
        fields: &[&str],
    ) -> Result<ArticleRecord, ReadError> {
        let mut f = FieldReader::new(value, path, "struct ArticleRecord", fields)?;
        let record = ArticleRecord {
            id: f.required("id", json::string),
            title: f.required("title", json::string),
            sha256: f.required("sha256", json::string),
            length: f.required("length", json::integer),
            own: f.or_default("own", boolean),
            added: f.optional("added", json::string),
            text: f.optional("text", json::string),
        };
        f.finish(record)
    }

    /// Writes the entry, fields in file order; `own`, `added` and `text` only for own articles.
    pub fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("title", &self.title);
        w.field("sha256", &self.sha256);
        w.field("length", &self.length);
        if self.own {
            w.field("own", &true);
        }
        if let Some(added) = &self.added {
            w.field("added", added);
        }
        if let Some(text) = &self.text {
            w.field("text", text);
        }
        w.end_object();
    }
}

/// A boolean value.
fn boolean(value: &mut Value, path: &Path<'_>) -> Result<bool, ReadError> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(ReadError::new(
            path,
            format!("invalid type: {}, expected a boolean", kind_of(other)),
        )),
    }
}
