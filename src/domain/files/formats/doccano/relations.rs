//! Reading doccano relations, `{"id", "from_id", "to_id", "type"}`, between the entities of a line:
//! `from_id` cites, `to_id` is its source, and `type` names the kind (`said_by`, `source`,
//! `from_quote`, in any spelling [`link_kind`] reads). A relation to an id no entity of the line has,
//! or of an unknown type, is skipped with a warning; one that is no object, or lacks an end or its
//! type, is refused when the line is read (see [`super::Relation`]).

use super::Relation;
use crate::domain::files::formats::links::{self, link_kind, Pending, LINK_NAMES};
use crate::domain::files::formats::Incoming;
use std::collections::HashMap;

/// Reads the relation at `path`; `by_entity` gives the place of each entity's record by its id in
/// the line.
pub(super) fn relation(
    relation: &Relation,
    path: &str,
    by_entity: &HashMap<String, usize>,
    incoming: &mut Incoming,
) {
    let (from, to) = (relation.from_id.key(), relation.to_id.key());
    let name = &relation.kind;
    let Some(kind) = link_kind(name) else {
        let name: String = name.chars().take(40).collect();
        incoming.warnings.push(format!(
            "{path}.type: \"{name}\" is not a link this app reads ({LINK_NAMES}); skipped"
        ));
        return;
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
        return;
    };
    let pending = Pending {
        path: path.to_owned(),
        from: from_at,
        to: to_at,
        kind: Some(kind),
    };
    links::link(&mut incoming.records, &pending, &mut incoming.warnings);
}
