//! Reading `schema` and bringing that version's shape to schema 4, one step at a time.
//!
//! Every old arm stays: users' browsers hold states from every version.

use super::state::{Record, RecordV1, StoredV1, StoredV2, StoredV4};
use super::{DecodeError, STORAGE_SCHEMA};
use crate::domain::files::json::{self, JsonError, Peeked};
use crate::domain::files::records::RecordError;
use crate::domain::model::time::Timestamp;

/// The state in `text` as schema 4, with a line for each annotation a migration step had to drop.
pub(super) fn migrate(text: &str) -> Result<(StoredV4<'_>, Vec<String>), DecodeError> {
    let not_json = |e: JsonError| DecodeError::NotJson(RecordError::from(e).to_string());
    let schema = match json::peek(text).map_err(not_json)? {
        Peeked::Object(envelope) => match envelope.schema {
            None | Some(serde_json::Value::Null) => return Err(DecodeError::NoSchema),
            Some(s) => s
                .as_u64()
                .ok_or_else(|| DecodeError::BadSchema(s.to_string()))?,
        },
        Peeked::Other(_) => return Err(DecodeError::NoSchema),
    };
    let invalid = |e: JsonError| DecodeError::Invalid {
        message: e.message_with_place(),
        path: e.path,
    };
    match schema {
        1 => {
            let v1: StoredV1 = json::from_str(text).map_err(invalid)?;
            let (v2, warnings) = v1_to_v2(v1.annotations);
            Ok((v3_to_v4(v2_to_v3(v2)), warnings))
        }
        2 => {
            let v2: StoredV2 = json::from_str(text).map_err(invalid)?;
            let records = v2.annotations.into_iter().map(Record::from).collect();
            Ok((v3_to_v4(v2_to_v3(records)), Vec::new()))
        }
        // Schema 3 is schema 4 without `deleted`, which the shape leaves empty when it is missing.
        3 => {
            let v3 = json::from_str(text).map_err(invalid)?;
            Ok((v3_to_v4(v3), Vec::new()))
        }
        4 => Ok((json::from_str(text).map_err(invalid)?, Vec::new())),
        // For schema 5: add its shape, read it here, make the arms above end in `v4_to_v5`, and raise
        // STORAGE_SCHEMA.
        n if n > u64::from(STORAGE_SCHEMA) => Err(DecodeError::Newer(n)),
        n => Err(DecodeError::BadSchema(n.to_string())),
    }
}

/// Schema 1 to 2: times become milliseconds and the context goes. A record whose time cannot be read is
/// dropped with a line saying why. Schema 1 had no attributes.
fn v1_to_v2(v1: Vec<RecordV1>) -> (Vec<Record<'static>>, Vec<String>) {
    let mut warnings = Vec::new();
    let records = v1
        .into_iter()
        .enumerate()
        .filter_map(|(i, rec)| {
            let times = Timestamp::parse(&rec.created)
                .and_then(|c| Ok((c, Timestamp::parse(&rec.updated)?)));
            match times {
                Ok((created, updated)) => Some(Record {
                    id: rec.id.into(),
                    article: rec.article.into(),
                    label: rec.label.into(),
                    kind: rec.kind.map(Into::into),
                    note: rec.note.into(),
                    start: rec.start,
                    end: rec.end,
                    exact: rec.exact.into(),
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
fn v2_to_v3(annotations: Vec<Record<'_>>) -> StoredV4<'_> {
    StoredV4 {
        schema: 3,
        annotations,
        ..StoredV4::default()
    }
}

/// Schema 3 to 4: the same records, and no deleted records known.
fn v3_to_v4(v3: StoredV4<'_>) -> StoredV4<'_> {
    StoredV4 { schema: 4, ..v3 }
}
