//! Reading `schema` and bringing that version's shape to schema 3, one step at a time.
//!
//! Every old arm stays: users' browsers hold states from every version.

use super::state::{read_v3, Record, State};
use super::{DecodeError, STORAGE_SCHEMA};
use crate::domain::json::{self, FieldReader, Path, ReadError, Value};
use crate::domain::records::{syntax_error, AnnotationRecord};
use crate::domain::time::Timestamp;

/// The state in `text` as schema 3, with a line for each annotation a migration step had to drop.
pub(super) fn migrate(text: &str) -> Result<(State, Vec<String>), DecodeError> {
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
            let (v2, warnings) = v1_to_v2(v1.map_err(invalid)?);
            Ok((v2_to_v3(v2), warnings))
        }
        2 => {
            let v2 = annotations(&mut value, "struct StoredV2", Record::read_v2);
            Ok((v2_to_v3(v2.map_err(invalid)?), Vec::new()))
        }
        3 => Ok((read_v3(&mut value).map_err(invalid)?, Vec::new())),
        // For schema 4: add its shape, read it here, make the arms above end in `v3_to_v4`, and raise
        // STORAGE_SCHEMA.
        n if n > u64::from(STORAGE_SCHEMA) => Err(DecodeError::Newer(n)),
        n => Err(DecodeError::BadSchema(n.to_string())),
    }
}

/// The `annotations` of a schema 1 or 2 state, each read by `read`; `schema` was read already. `what`
/// names the state's shape in messages.
fn annotations<T>(
    value: &mut Value,
    what: &str,
    read: fn(&mut Value, &Path<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    let mut f = FieldReader::new(value, &Path::Root, what, &["schema", "annotations"])?;
    let annotations = f.required("annotations", |v, p| json::array(v, p, read));
    f.finish(annotations)
}

/// Schema 1 to 2: times become milliseconds and the context goes. A record whose time cannot be read is
/// dropped with a line saying why. Schema 1 had no attributes.
fn v1_to_v2(v1: Vec<AnnotationRecord>) -> (Vec<Record>, Vec<String>) {
    let mut warnings = Vec::new();
    let records = v1
        .into_iter()
        .enumerate()
        .filter_map(|(i, rec)| {
            let times = Timestamp::parse(&rec.created)
                .and_then(|c| Ok((c, Timestamp::parse(&rec.updated)?)));
            match times {
                Ok((created, updated)) => Some(Record {
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
                    ..Record::default()
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

/// Schema 2 to 3: the same annotations (with no attributes), no own articles and no registry entries.
fn v2_to_v3(v2: Vec<Record>) -> State {
    State {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: v2,
    }
}
