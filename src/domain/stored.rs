//! The saved state in localStorage: `{"schema": 1, "annotations": [records…]}`, and its migrations.
//!
//! The stored shape is separate from the export envelope and from the in-memory model, and carries its
//! own `schema` number. Decoding reads the JSON into a `serde_json::Value`, reads `schema`, and brings
//! that version's shape to today's records, so a state saved by any earlier version keeps loading.
//! `tests/fixtures/stored-v1.json` is a state in schema 1 that a test decodes, and must decode forever.

use super::article::Article;
use super::records::{check_record, path_error, records, syntax_error, AnnotationRecord, Checked};
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The schema number this version of the app writes, and the newest it reads.
pub const STORAGE_SCHEMA: u32 = 1;

/// Schema 1: the annotation records, nothing else.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredV1 {
    schema: u32,
    annotations: Vec<AnnotationRecord>,
}

/// The workspace's annotations as compact JSON, to be saved.
pub fn encode(ws: &Workspace) -> String {
    let state = StoredV1 {
        schema: STORAGE_SCHEMA,
        annotations: records(ws),
    };
    // Serializing plain structs of strings and integers into a String cannot fail.
    serde_json::to_string(&state).unwrap_or_default()
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
    let value: Value = serde_json::from_str(text)
        .map_err(|e| DecodeError::NotJson(syntax_error(&e).to_string()))?;
    let records = migrate(value)?;
    let (mut warnings, mut reanchored) = (Vec::new(), Vec::new());
    let mut placed = Vec::with_capacity(records.len());
    for (i, rec) in records.iter().enumerate() {
        let path = format!("annotations[{i}]");
        match check_record(rec, &path, &articles) {
            Ok(Checked::Placed(a)) => placed.push(a),
            Ok(Checked::Moved(a, line)) => {
                reanchored.push(line);
                placed.push(a);
            }
            Ok(Checked::NotFound(line)) => warnings.push(line),
            Err(e) => warnings.push(format!("{e}; this annotation was dropped")),
        }
    }
    let (workspace, rejected) = Workspace::restore(articles, placed);
    warnings.extend(rejected.into_iter().map(|(a, e)| {
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

/// Reads `schema` and turns that version's shape into today's records.
fn migrate(value: Value) -> Result<Vec<AnnotationRecord>, DecodeError> {
    let schema = match value.as_object().and_then(|o| o.get("schema")) {
        None => return Err(DecodeError::NoSchema),
        Some(s) => s
            .as_u64()
            .ok_or_else(|| DecodeError::BadSchema(s.to_string()))?,
    };
    match schema {
        1 => Ok(read::<StoredV1>(value)?.annotations),
        // When schema 2 arrives: add `struct StoredV2`, read it here as `2 => …`, turn the arm above
        // into `1 => Ok(v1_to_v2(read::<StoredV1>(value)?))` (or migrate the `Value` in place), and
        // raise STORAGE_SCHEMA. Keep every old arm: users' browsers hold states from every version.
        n if n > u64::from(STORAGE_SCHEMA) => Err(DecodeError::Newer(n)),
        n => Err(DecodeError::BadSchema(n.to_string())),
    }
}

/// Reads a value into one schema's shape, naming the path of the first bad value.
fn read<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let e = path_error(e);
        DecodeError::Invalid {
            path: e.path,
            message: e.message,
        }
    })
}

#[cfg(test)]
#[path = "tests/stored.rs"]
mod tests;
