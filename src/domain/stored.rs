//! The saved state in localStorage, `{"schema": 2, "annotations": [records…]}`, and its migrations.
//!
//! The stored shape is separate from the export envelope and from the in-memory model, and carries its
//! own `schema` number. Decoding reads `schema` first, then that version's shape, and migrates it step by
//! step to today's, so a state saved by any earlier version keeps loading.
//! `tests/fixtures/stored-v1.json` is a state in schema 1 that a test decodes, and must decode forever.
//!
//! - Schema 1 stored export records: context (`prefix`, `suffix`) and RFC 3339 times.
//! - Schema 2 is written after every edit, so it is compact: no context (the article text holds it), times
//!   as milliseconds, an empty note and a missing kind left out. About half the size of schema 1.

use super::article::Article;
use super::json::{self, FieldReader, Path, ReadError, Value, Writer};
use super::records::{check_fields, syntax_error, AnnotationRecord, Checked, Fields};
use super::time::Timestamp;
use super::workspace::Workspace;
use std::fmt;

/// The schema number this version of the app writes, and the newest it reads.
pub const STORAGE_SCHEMA: u32 = 2;

/// The `annotations` of a saved state, each read by `read`; `schema` was read already. `what` names
/// the state's shape in messages.
fn annotations<T>(
    value: &mut Value,
    what: &str,
    read: fn(&mut Value, &Path<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    let mut f = FieldReader::new(value, &Path::Root, what, &["schema", "annotations"])?;
    let annotations = f.required("annotations", |v, p| json::array(v, p, read));
    f.finish(annotations)
}

/// One annotation in schema 2: schema 1's records less their context, times in milliseconds.
#[derive(Default)]
struct RecordV2 {
    id: String,
    article: String,
    label: String,
    kind: Option<String>,
    note: String,
    start: usize,
    end: usize,
    exact: String,
    created: i64,
    updated: i64,
}

impl RecordV2 {
    /// The fields in the order they are written.
    const FIELDS: [&'static str; 10] = [
        "id", "article", "label", "kind", "note", "start", "end", "exact", "created", "updated",
    ];

    fn read(value: &mut Value, path: &Path<'_>) -> Result<RecordV2, ReadError> {
        let mut f = FieldReader::new(value, path, "struct RecordV2", &Self::FIELDS)?;
        let record = RecordV2 {
            id: f.required("id", json::string),
            article: f.required("article", json::string),
            label: f.required("label", json::string),
            kind: f.optional("kind", json::string),
            note: f.or_default("note", json::string),
            start: f.required("start", json::integer),
            end: f.required("end", json::integer),
            exact: f.required("exact", json::string),
            created: f.required("created", json::integer),
            updated: f.required("updated", json::integer),
        };
        f.finish(record)
    }
}

/// The workspace's annotations as compact JSON, to be saved: schema 2, written straight from the
/// workspace so that saving copies no text twice. A missing kind and an empty note are left out.
pub fn encode(ws: &Workspace) -> String {
    let mut w = Writer::compact();
    w.begin_object();
    w.field("schema", &STORAGE_SCHEMA);
    w.key("annotations");
    w.begin_array();
    for article in ws.articles() {
        for a in ws.in_article(&article.id).iter() {
            w.begin_object();
            w.field("id", a.id.as_str());
            w.field("article", a.article.as_str());
            w.field("label", a.label.name().name());
            if let Some(kind) = a.label.kind() {
                w.field("kind", kind.name());
            }
            if !a.note.is_empty() {
                w.field("note", &a.note);
            }
            w.field("start", &a.span.start());
            w.field("end", &a.span.end());
            w.field("exact", article.slice(a.span.start(), a.span.end()));
            w.field("created", &a.created.0);
            w.field("updated", &a.updated.0);
            w.end_object();
        }
    }
    w.end_array();
    w.end_object();
    w.finish()
}

/// A decoded state: the workspace, one line per annotation dropped, one per annotation moved.
#[derive(Debug)]
pub struct Restored {
    /// The articles with every annotation that could be placed.
    pub workspace: Workspace,
    /// One line per saved annotation that could not be placed and was left out; never left out silently.
    pub warnings: Vec<String>,
    /// One line per saved annotation whose text was found at other offsets; these were kept, moved.
    pub reanchored: Vec<String>,
}

/// Why saved state cannot be read at all. The caller should keep the saved text rather than overwrite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON; the place and the parser's message.
    NotJson(String),
    /// The JSON is not an object with a `schema` field.
    NoSchema,
    /// `schema` is there but is not a version number this app has ever written.
    BadSchema(String),
    /// Saved by a newer app, in this schema.
    Newer(u64),
    /// The content does not have the shape its schema says.
    Invalid {
        /// The JSON path of the bad value, such as `annotations[2].start`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "the saved state is not JSON: {why}"),
            DecodeError::NoSchema => {
                f.write_str("the saved state has no \"schema\" field, so it is not ours")
            }
            DecodeError::BadSchema(found) => {
                write!(
                    f,
                    "the saved state's \"schema\" is {found}, not a schema number"
                )
            }
            DecodeError::Newer(schema) => write!(
                f,
                "saved by a newer version of the app (schema {schema}); this version reads schema \
                 {STORAGE_SCHEMA}"
            ),
            DecodeError::Invalid { path, message } if path.is_empty() => {
                write!(f, "the saved state is invalid: {message}")
            }
            DecodeError::Invalid { path, message } => {
                write!(f, "the saved state is invalid at {path}: {message}")
            }
        }
    }
}

/// Reads saved state against `articles`, migrating older schemas.
///
/// Annotations that cannot be placed (unknown article, offsets past the end, text gone, repeated id,
/// any bad field) are dropped with a line each in `warnings`; annotations whose text moved are kept at
/// the new place with a line each in `reanchored`. Only a state that cannot be read at all is an error.
pub fn decode(text: &str, articles: Vec<Article>) -> Result<Restored, DecodeError> {
    let (records, mut warnings) = migrate(text)?;
    let mut reanchored = Vec::new();
    let mut placed = Vec::with_capacity(records.len());
    for (i, rec) in records.iter().enumerate() {
        let path = format!("annotations[{i}]");
        let fields = Fields {
            id: &rec.id,
            article: &rec.article,
            label: &rec.label,
            kind: rec.kind.as_deref(),
            note: &rec.note,
            start: rec.start,
            end: rec.end,
            exact: &rec.exact,
            prefix: "",
            suffix: "",
            created: Timestamp(rec.created),
            updated: Timestamp(rec.updated),
            attrs: Default::default(),
        };
        match check_fields(fields, &path, &articles) {
            Ok(Checked::Placed(a)) => placed.push(a),
            Ok(Checked::Moved(a, line)) => {
                reanchored.push(line);
                placed.push(a);
            }
            Ok(Checked::NotFound(line)) => warnings.push(line),
            Err(e) => warnings.push(format!("{e}; this annotation was dropped")),
        }
    }
    let restored = Workspace::restore(articles, Vec::new(), placed);
    let workspace = restored.workspace;
    warnings.extend(restored.dropped.into_iter().map(|(a, e)| {
        format!(
            "annotation \"{}\": {e}; this copy was dropped",
            a.id.as_str()
        )
    }));
    Ok(Restored {
        workspace,
        warnings,
        reanchored,
    })
}

/// Reads `schema` and brings that version's shape to today's records, with a line for each annotation
/// a migration step had to drop.
fn migrate(text: &str) -> Result<(Vec<RecordV2>, Vec<String>), DecodeError> {
    let mut value =
        json::parse(text).map_err(|e| DecodeError::NotJson(syntax_error(&e).to_string()))?;
    let schema = match value.get("schema") {
        None | Some(Value::Null) => return Err(DecodeError::NoSchema),
        Some(s) => s
            .as_u64()
            .ok_or_else(|| DecodeError::BadSchema(s.to_string()))?,
    };
    let invalid = |e: ReadError| DecodeError::Invalid {
        path: e.path(),
        message: e.message_in(text),
    };
    match schema {
        1 => {
            let v1 = annotations(&mut value, "struct StoredV1", AnnotationRecord::read);
            Ok(v1_to_v2(v1.map_err(invalid)?))
        }
        2 => {
            let v2 = annotations(&mut value, "struct StoredV2", RecordV2::read);
            Ok((v2.map_err(invalid)?, Vec::new()))
        }
        // For schema 3: add its shape, read it here, make the arms above end in `v2_to_v3`, and raise
        // STORAGE_SCHEMA. Keep every old arm: users' browsers hold states from every version.
        n if n > u64::from(STORAGE_SCHEMA) => Err(DecodeError::Newer(n)),
        n => Err(DecodeError::BadSchema(n.to_string())),
    }
}

/// Schema 1 to 2: times become milliseconds and the context goes. A record whose time cannot be read is
/// dropped with a line saying why.
fn v1_to_v2(v1: Vec<AnnotationRecord>) -> (Vec<RecordV2>, Vec<String>) {
    let mut warnings = Vec::new();
    let records = v1
        .into_iter()
        .enumerate()
        .filter_map(|(i, rec)| {
            let times = Timestamp::parse(&rec.created)
                .and_then(|c| Ok((c, Timestamp::parse(&rec.updated)?)));
            match times {
                Ok((created, updated)) => Some(RecordV2 {
                    id: rec.id,
                    article: rec.article,
                    label: rec.label,
                    kind: rec.kind,
                    note: rec.note,
                    start: rec.start,
                    end: rec.end,
                    exact: rec.exact,
                    created: created.0,
                    updated: updated.0,
                }),
                Err(why) => {
                    warnings.push(format!(
                        "annotations[{i}]: {why}; this annotation was dropped"
                    ));
                    None
                }
            }
        })
        .collect();
    (records, warnings)
}

#[cfg(test)]
#[path = "tests/stored.rs"]
mod tests;
