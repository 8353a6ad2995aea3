//! Reading what a Label Studio task says about its labelled regions beyond their spans and notes:
//! claim attributes (per-region `choices` from `attribution` and `check`), registry entries (a
//! per-region `textarea` from `registry`, with the entry's id in `value.entity`) and links
//! (`relation` results). Each names its region by the region's `id`; one whose region is not here,
//! or that does not fit, is skipped with a warning.

use super::at;
use super::region::{region_id, value_of};
use crate::domain::files::formats::fields::Id;
use crate::domain::files::formats::label_studio::TaskResult;
use crate::domain::files::formats::links::{self, link_kind, refer, set_attr, ClaimAttr, Pending};
use crate::domain::files::formats::shapes::{Loose, OneOrMany};
use crate::domain::files::formats::{error, FormatError, Incoming};
use crate::domain::model::attributes::LinkKind;
use crate::domain::model::names::Label;
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;

/// One result about a region, read, before the regions are.
pub(super) enum Extra {
    /// A claim attribute: the result's path, the region's id, which attribute and its value.
    Attr(String, String, ClaimAttr, String),
    /// A registry entry: the result's path, the region's id, the entry's id and name.
    Reference(String, String, String, String),
    /// A link: the result's path, the ids of the region that cites and of its source, and the
    /// kind its label names (if it has one).
    Relation(String, String, String, Option<LinkKind>),
}

/// Text for a message, cut to 40 code points.
fn cut(text: &str) -> String {
    text.chars().take(40).collect()
}

/// The region id at `key` of the result at `path` (`id`, `from_id`, `to_id`): an error naming
/// `what` if it has none.
fn required(id: &Option<Id>, path: &str, key: &str, what: &str) -> Result<String, FormatError> {
    region_id(id).map_or_else(|| error(at(path, key), format!("missing: {what}")), Ok)
}

/// Reads a `choices` result at `path`; `None`, with a warning, when it is none of ours.
pub(super) fn choices(
    result: &TaskResult,
    path: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<Extra>, FormatError> {
    let from = result.from_name.as_deref().unwrap_or_default();
    let Some(attr) = ClaimAttr::from_name(from) else {
        let whose = if from.is_empty() {
            String::new()
        } else {
            format!(" from \"{}\"", cut(from))
        };
        warnings.push(format!(
            "{path}: a \"choices\" result{whose} is not read (this app reads those from \
             attribution and check); ignored"
        ));
        return Ok(None);
    };
    let id = required(&result.id, path, "id", "the id of the region it is for")?;
    let value = value_of(result, path)?;
    let choices_path = format!("{path}.value.choices");
    let value = match value.choices.as_deref() {
        None => {
            return error(
                choices_path,
                "missing: give the choice, such as [\"disputed\"]",
            )
        }
        Some([one]) => one,
        Some(other) => {
            return error(
                choices_path,
                format!("holds {} choices: {} takes one", other.len(), attr.name()),
            )
        }
    };
    Ok(Some(Extra::Attr(path.to_owned(), id, attr, value.clone())))
}

/// Reads a `textarea` result from `registry` at `path`: the entry's name is its text, its id the
/// `value.entity` we write, or else made from the name.
pub(super) fn reference(result: &TaskResult, path: &str) -> Result<Extra, FormatError> {
    let id = required(&result.id, path, "id", "the id of the region it is for")?;
    let value = value_of(result, path)?;
    let text_path = format!("{path}.value.text");
    let name = match &value.text {
        Some(OneOrMany::Many(lines)) => lines.first().map_or("", String::as_str),
        Some(OneOrMany::One(name)) => name,
        None => return error(text_path, "missing"),
    };
    let entry = match &value.entity {
        Some(entity) => entity.clone(),
        None => {
            let slug: String = name
                .trim()
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            if slug.is_empty() {
                return error(text_path, "is empty: give the registry entry's name");
            }
            format!("label-studio-entry-{slug}")
        }
    };
    Ok(Extra::Reference(
        path.to_owned(),
        id,
        entry,
        name.to_owned(),
    ))
}

/// Reads a `relation` result at `path`: `from_id` cites `to_id` (the other way round when its
/// `direction` is `left`); its first label that names a link gives the kind. `None`, with a
/// warning, when its labels name none.
pub(super) fn relation(
    result: &TaskResult,
    path: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<Extra>, FormatError> {
    let from = required(&result.from_id, path, "from_id", "give a region's id")?;
    let to = required(&result.to_id, path, "to_id", "give a region's id")?;
    let labels = result.labels.as_deref().unwrap_or_default();
    let kind = labels.iter().filter_map(Loose::text).find_map(link_kind);
    if kind.is_none() && !labels.is_empty() {
        let shown_labels = labels
            .iter()
            .map(Loose::shown)
            .collect::<Vec<_>>()
            .join(", ");
        warnings.push(format!(
            "{path}.labels: {} names no link this app reads (said_by, source, from_quote); \
             skipped",
            cut(&shown_labels)
        ));
        return Ok(None);
    }
    let (from, to) = match result.direction.as_deref() {
        Some("left") => (to, from),
        _ => (from, to),
    };
    Ok(Some(Extra::Relation(path.to_owned(), from, to, kind)))
}

/// Applies `extras` to the task's records: `by_id` gives the record index of each region id. A
/// relation whose regions' labels fit only the other way round (an arrow drawn from the source, or
/// a two-way one) is read that way round.
pub(super) fn apply(
    extras: Vec<Extra>,
    by_id: &HashMap<String, usize>,
    incoming: &mut Incoming,
    now: Timestamp,
) {
    let Incoming {
        records,
        entities,
        warnings,
        ..
    } = incoming;
    let missing = |path: &str, id: &str| {
        format!(
            "{path}: for \"{}\", which is no labelled span here; ignored",
            cut(id)
        )
    };
    for extra in extras {
        match extra {
            Extra::Attr(path, id, attr, value) => {
                let Some((_, rec)) = by_id.get(id.as_str()).and_then(|&i| records.get_mut(i))
                else {
                    warnings.push(missing(&path, &id));
                    continue;
                };
                if let Err(why) = set_attr(rec, attr, &value) {
                    warnings.push(format!("{path}: {why}; skipped"));
                }
            }
            Extra::Reference(path, id, entry, name) => {
                let Some((_, rec)) = by_id.get(id.as_str()).and_then(|&i| records.get_mut(i))
                else {
                    warnings.push(missing(&path, &id));
                    continue;
                };
                if let Err(why) = refer(entities, rec, &path, &entry, &name, now) {
                    warnings.push(format!("{path}: {why}; skipped"));
                }
            }
            Extra::Relation(path, from, to, kind) => {
                let (Some(&f), Some(&t)) = (by_id.get(from.as_str()), by_id.get(to.as_str()))
                else {
                    let id = if by_id.contains_key(from.as_str()) {
                        &to
                    } else {
                        &from
                    };
                    warnings.push(missing(&path, id));
                    continue;
                };
                let label = |i: usize| {
                    let rec = &records.get(i)?.1;
                    Label::from_names(&rec.label, rec.kind.as_deref()).ok()
                };
                let fits = |a: usize, b: usize| match (label(a), label(b)) {
                    (Some(a), Some(b)) => LinkKind::between(a, b).is_some(),
                    _ => false,
                };
                // A two-way arrow: whichever way the labels allow.
                let (f, t) = if !fits(f, t) && fits(t, f) {
                    (t, f)
                } else {
                    (f, t)
                };
                let pending = Pending {
                    path,
                    from: f,
                    to: t,
                    kind,
                };
                links::link(records, &pending, warnings);
            }
        }
    }
}
