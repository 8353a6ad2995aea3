//! Reading doccano relations, `{"id", "from_id", "to_id", "type"}`, between the entities of a line:
//! `from_id` cites, `to_id` is its source, and `type` names the kind (`said_by`, `source`,
//! `from_quote`, in any spelling [`link_kind`] reads). A relation to an id no entity of the line has,
//! or of an unknown type, is skipped with a warning; a relation that is no object, or lacks an end or
//! its type, is an error.

use crate::domain::formats::links::{self, link_kind, Pending, LINK_NAMES};
use crate::domain::formats::values::{shown, string};
use crate::domain::formats::{error, FormatError, Incoming};
use crate::domain::json::{Number, Value};
use std::collections::HashMap;

/// An entity's id, or a relation's end: a whole number or a string; `None` when absent or null.
pub(super) fn id(value: Option<&Value>, path: &str) -> Result<Option<String>, FormatError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n @ (Number::U64(_) | Number::I64(_)))) => Ok(Some(n.to_string())),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => error(
            path,
            format!("must be a whole number or a string, not {}", shown(other)),
        ),
    }
}

/// Reads the relation `item` at `path`; `by_entity` gives the place of each entity's record by its
/// id in the line.
pub(super) fn relation(
    item: &Value,
    path: &str,
    by_entity: &HashMap<String, usize>,
    incoming: &mut Incoming,
) -> Result<(), FormatError> {
    if !matches!(item, Value::Object(_)) {
        return error(
            path,
            format!(
                "must be an object with \"from_id\", \"to_id\" and \"type\", not {}",
                shown(item)
            ),
        );
    }
    let end = |key: &str| -> Result<String, FormatError> {
        let at = format!("{path}.{key}");
        id(item.get(key), &at)?.map_or_else(|| error(&at, "missing: give an entity's id"), Ok)
    };
    let (from, to) = (end("from_id")?, end("to_id")?);
    let type_path = format!("{path}.type");
    let name = string(item.get("type"), &type_path)?;
    let Some(kind) = link_kind(name) else {
        let name: String = name.chars().take(40).collect();
        incoming.warnings.push(format!(
            "{type_path}: \"{name}\" is not a link this app reads ({LINK_NAMES}); skipped"
        ));
        return Ok(());
    };
    let (Some(&from_at), Some(&to_at)) = (by_entity.get(&from), by_entity.get(&to)) else {
        let (key, missing) = if by_entity.contains_key(&from) {
            ("to_id", to)
        } else {
            ("from_id", from)
        };
        let missing: String = missing.chars().take(40).collect();
        incoming.warnings.push(format!(
            "{path}.{key}: {missing} is no entity of this line; the relation is skipped"
        ));
        return Ok(());
    };
    let pending = Pending {
        path: path.to_owned(),
        from: from_at,
        to: to_at,
        kind: Some(kind),
    };
    links::link(&mut incoming.records, &pending, &mut incoming.warnings);
    Ok(())
}
