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

use super::article::Article;
use super::formats::{docs, error, Doc, FormatError, Incoming, Scope};
use super::json::{self, FieldReader, Path, ReadError, Value, Writer};
use super::records::{path_error, AnnotationRecord};
use super::time::Timestamp;
use super::workspace::Workspace;
use std::rc::Rc;

/// The value of the `format` field.
pub const FORMAT: &str = "news-annotator";

/// The newest `version` this app writes and reads.
pub const VERSION: u32 = 1;

/// The value of the `offsets` field: the unit every offset in the file counts in.
pub const OFFSETS: &str = "unicode-code-points, end-exclusive";

/// The whole export file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
}

impl ExportFile {
    /// The fields in file order.
    const FIELDS: [&'static str; 6] = [
        "format",
        "version",
        "exported",
        "offsets",
        "articles",
        "annotations",
    ];

    /// Reads the file from its parsed JSON, naming the path of the first bad value.
    pub fn read(value: &mut Value) -> Result<ExportFile, ReadError> {
        let mut f = FieldReader::new(value, &Path::Root, "struct ExportFile", &Self::FIELDS)?;
        let file = ExportFile {
            format: f.required("format", json::string),
            version: f.required("version", json::integer),
            exported: f.required("exported", json::string),
            offsets: f.required("offsets", json::string),
            articles: f.required("articles", |v, p| json::array(v, p, ArticleRecord::read)),
            annotations: f.required("annotations", |v, p| {
                json::array(v, p, AnnotationRecord::read)
            }),
        };
        f.finish(file)
    }

    /// Writes the file, fields in file order.
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
    /// The fields in file order.
    const FIELDS: [&'static str; 4] = ["id", "title", "sha256", "length"];

    /// Reads the entry of `articles` at `path`.
    pub fn read(value: &mut Value, path: &Path<'_>) -> Result<ArticleRecord, ReadError> {
        let mut f = FieldReader::new(value, path, "struct ArticleRecord", &Self::FIELDS)?;
        let record = ArticleRecord {
            id: f.required("id", json::string),
            title: f.required("title", json::string),
            sha256: f.required("sha256", json::string),
            length: f.required("length", json::integer),
        };
        f.finish(record)
    }

    /// Writes the entry, fields in file order.
    pub fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("title", &self.title);
        w.field("sha256", &self.sha256);
        w.field("length", &self.length);
        w.end_object();
    }
}

/// The export file of the workspace as pretty-printed JSON (two-space indent, trailing newline).
pub fn export_json(ws: &Workspace, now: Timestamp) -> String {
    export_docs(&docs(ws, &Scope::everything()), now)
}

/// The export file of these articles and annotations, pretty-printed as [`export_json`].
pub fn export_docs(docs: &[Doc], now: Timestamp) -> String {
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        exported: now.to_string(),
        offsets: OFFSETS.into(),
        articles: docs
            .iter()
            .map(|d| ArticleRecord {
                id: d.article.id.as_str().to_owned(),
                title: d.article.title.clone(),
                sha256: d.article.sha256().to_owned(),
                length: d.article.char_len,
            })
            .collect(),
        annotations: docs
            .iter()
            .flat_map(|d| {
                d.annotations
                    .iter()
                    .map(|a| AnnotationRecord::from_annotation(a, &d.article))
            })
            .collect(),
    };
    let mut w = Writer::pretty();
    file.write(&mut w);
    let mut json = w.finish();
    json.push('\n');
    json
}

/// Reads a parsed export file into records, with notes on its article list.
///
/// Refuses files of another format or a newer version before their fields are read, so the person
/// hears "not a News Annotator file" rather than a list of missing fields.
pub fn read(mut value: Value, articles: &[Rc<Article>]) -> Result<Incoming, FormatError> {
    check_envelope(&value)?;
    let file = ExportFile::read(&mut value).map_err(path_error)?;
    if file.version != VERSION {
        return error(
            "version",
            format!(
                "version {} is not one this app reads (it reads {VERSION})",
                file.version
            ),
        );
    }
    if file.offsets != OFFSETS {
        return error(
            "offsets",
            format!(
                "offsets counted as \"{}\" cannot be read; this app reads \"{OFFSETS}\"",
                file.offsets
            ),
        );
    }
    if let Err(m) = Timestamp::parse(&file.exported) {
        return error("exported", m);
    }
    let warnings = article_warnings(&file.articles, articles);
    let records = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, rec)| (format!("annotations[{i}]"), rec))
        .collect();
    Ok(Incoming {
        records,
        warnings,
        ..Incoming::default()
    })
}

fn check_envelope(value: &Value) -> Result<(), FormatError> {
    let not_ours = |why: String| error("", format!("this is not a News Annotator file: {why}"));
    if !matches!(value, Value::Object(_)) {
        return not_ours(format!("it holds {}, not an object", kind_of(value)));
    }
    match value.get("format") {
        None => return not_ours("it has no \"format\" field".into()),
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => return not_ours(format!("its \"format\" is {other}, not \"{FORMAT}\"")),
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => error(
            "",
            format!(
                "this file was written by a newer version ({v}); this app reads version {VERSION}"
            ),
        ),
        _ => Ok(()),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Lines about listed articles whose text differs from ours or that this app does not have.
fn article_warnings(listed: &[ArticleRecord], ours: &[Rc<Article>]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, listed) in listed.iter().enumerate() {
        match ours.iter().find(|a| a.id.as_str() == listed.id) {
            None => out.push(format!(
                "articles[{i}]: this app has no article \"{}\"",
                listed.id
            )),
            Some(ours) if ours.sha256() != listed.sha256 => out.push(format!(
                "articles[{i}]: the text of \"{}\" differs from the one the file was made on; \
                 its annotations were checked against their text",
                listed.id
            )),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "tests/native_format.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/native_sample.rs"]
pub(crate) mod sample;
