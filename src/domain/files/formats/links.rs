//! What the formats of other tools share for links, claim attributes and registry references: the
//! links and entries an exporter writes for a [`Doc`], and the checks a reader puts them through
//! before they become record fields and [`EntityRecord`]s.
//!
//! A reader keeps an annotation whose link, attribute or reference does not fit (a quote citing a
//! claim, an attribution on an entity, a value no menu has) and skips only that, with a warning
//! naming the place; the import then never fails on what the workspace would refuse.

use super::{Doc, Format};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::files::records::EntityRecord;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attribution, CheckStatus, LinkKind};
use crate::domain::model::names::{ArticleId, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;

/// A link between two annotations of one doc: `from` names `to` as its source.
#[derive(Clone, Copy, Debug)]
pub struct Link<'d> {
    /// The quote or claim that cites.
    pub from: &'d Annotation,
    /// Its source: an entity, or for a claim a quote.
    pub to: &'d Annotation,
    /// What the link means.
    pub kind: LinkKind,
}

/// The links among `doc`'s annotations, in the text order of the annotations that cite. A link
/// whose source is not in the doc (its label was left out of the export) adds a line to `dropped`.
pub fn links<'d>(doc: &'d Doc, dropped: &mut Vec<String>) -> Vec<Link<'d>> {
    let by_id: HashMap<&str, &Annotation> = doc
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), &**a))
        .collect();
    let mut out = Vec::new();
    for from in &doc.annotations {
        let Some(source) = &from.attrs.source else {
            continue;
        };
        let to = by_id.get(source.as_str());
        match to.and_then(|to| Some((*to, LinkKind::between(from.label, to.label)?))) {
            Some((to, kind)) => out.push(Link { from, to, kind }),
            None => dropped.push(format!(
                "{}: its link to its source \"{}\" is left out: the source is not in this export",
                from.id.as_str(),
                source.as_str()
            )),
        }
    }
    out
}

/// The registry entry `a` refers to, if the doc has it.
pub fn entry<'d>(doc: &'d Doc, a: &Annotation) -> Option<&'d Entity> {
    let id = a.attrs.entity.as_ref()?;
    doc.entities.iter().find(|e| e.id == *id).map(|e| &**e)
}

/// The link kind a file's name means: `said_by`, `SaidBy`, `said-by` or `said by`, in any case, and
/// likewise `source` and `from_quote`.
pub fn link_kind(name: &str) -> Option<LinkKind> {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    LinkKind::ALL
        .into_iter()
        .find(|k| k.name().replace('_', "") == folded)
}

/// The link names a reader accepts, for messages.
pub const LINK_NAMES: &str = "said_by, source, from_quote";

/// A link read from a file, between two records of the read, before it is checked.
#[derive(Clone, Debug)]
pub struct Pending {
    /// Where in the file, for messages.
    pub path: String,
    /// The index of the record that cites.
    pub from: usize,
    /// The index of its source's record.
    pub to: usize,
    /// The kind the file names, if it names one.
    pub kind: Option<LinkKind>,
}

/// `a claim`, `a quote`, `an entity`.
fn a_label(label: Label) -> &'static str {
    match label {
        Label::Claim => "a claim",
        Label::Quote => "a quote",
        Label::Entity(_) => "an entity",
    }
}

/// The label of a record, if it has a valid one (the import's checks report it otherwise).
fn label_of(rec: &AnnotationRecord) -> Option<Label> {
    Label::from_names(&rec.label, rec.kind.as_deref()).ok()
}

/// Gives the record `link.from` its source, or adds a warning saying why not: the labels cannot be
/// linked, it is its own source, or it has a source already. A kind the labels do not make is read
/// as the kind they make, with a warning.
pub fn link(
    records: &mut [(String, AnnotationRecord)],
    link: &Pending,
    warnings: &mut Vec<String>,
) {
    let path = &link.path;
    let (Some((_, from)), Some((_, to))) = (records.get(link.from), records.get(link.to)) else {
        return;
    };
    let (Some(from_label), Some(to_label)) = (label_of(from), label_of(to)) else {
        return;
    };
    if link.from == link.to || from.id == to.id {
        warnings.push(format!("{path}: links an annotation to itself; skipped"));
        return;
    }
    let Some(kind) = LinkKind::between(from_label, to_label) else {
        warnings.push(format!(
            "{path}: {} cannot have {} as its source (a quote's source is an entity, a claim's an \
             entity or a quote); skipped",
            a_label(from_label),
            a_label(to_label)
        ));
        return;
    };
    if let Some(named) = link.kind.filter(|k| *k != kind) {
        warnings.push(format!(
            "{path}: {} citing {} is a {} link, not {}; read as {}",
            a_label(from_label),
            a_label(to_label),
            kind.name(),
            named.name(),
            kind.name()
        ));
    }
    let to_id = to.id.clone();
    let Some((_, from)) = records.get_mut(link.from) else {
        return;
    };
    match &from.source {
        Some(first) if *first != to_id => warnings.push(format!(
            "{path}: \"{}\" has a source already (\"{first}\"); this second one is skipped",
            from.id
        )),
        _ => from.source = Some(to_id),
    }
}

/// A claim attribute: how a claim is presented, or whether it was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimAttr {
    /// `attributed`, `unattributed` or `outlet`.
    Attribution,
    /// `unchecked`, `supported`, `disputed` or `false`.
    Check,
}

impl ClaimAttr {
    /// Both, in file order.
    pub const ALL: [ClaimAttr; 2] = [ClaimAttr::Attribution, ClaimAttr::Check];

    /// The name in files: `attribution`, `check`.
    pub fn name(self) -> &'static str {
        match self {
            ClaimAttr::Attribution => "attribution",
            ClaimAttr::Check => "check",
        }
    }

    /// The attribute a file's name means, in any case.
    pub fn from_name(name: &str) -> Option<ClaimAttr> {
        ClaimAttr::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name))
    }

    /// Its values, for messages and configurations.
    pub fn values(self) -> Vec<&'static str> {
        match self {
            ClaimAttr::Attribution => Attribution::ALL.iter().map(|a| a.name()).collect(),
            ClaimAttr::Check => CheckStatus::ALL.iter().map(|c| c.name()).collect(),
        }
    }

    /// The value of `a` to write, if it has one: the attribution when set, the check status
    /// unless unchecked (as the app's own records do).
    pub fn of(self, a: &Annotation) -> Option<&'static str> {
        match self {
            ClaimAttr::Attribution => a.attrs.attribution.map(Attribution::name),
            ClaimAttr::Check => a.attrs.check_name(),
        }
    }
}

/// Sets `attr` to `value` (in any case) on `rec`; the message says why not: it is no claim, the
/// value is not one of the attribute's, or the record has another value already (which stays).
pub fn set_attr(rec: &mut AnnotationRecord, attr: ClaimAttr, value: &str) -> Result<(), String> {
    let name = attr.name();
    let value = value.to_lowercase();
    if !attr.values().contains(&value.as_str()) {
        return Err(format!(
            "\"{value}\" is not a value of {name} ({})",
            attr.values().join(", ")
        ));
    }
    if let Some(label) = label_of(rec).filter(|l| *l != Label::Claim) {
        let what = match attr {
            ClaimAttr::Attribution => "an attribution",
            ClaimAttr::Check => "a check status",
        };
        return Err(format!(
            "only claims have {what}, and this is {}",
            a_label(label)
        ));
    }
    let slot = match attr {
        ClaimAttr::Attribution => &mut rec.attribution,
        ClaimAttr::Check => &mut rec.check,
    };
    match slot {
        Some(first) if *first != value => {
            Err(format!("a second {name} (\"{value}\" after \"{first}\")"))
        }
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

/// Refers the entity mention `rec` (read at `path`) to the registry entry `id` named `name` (the
/// mention's text when `name` is blank), and adds the entry to `entities` the first time it is
/// named, kind from this mention, dated `now`. The message says why not: the id is empty, the
/// record is no entity, or it refers to another entry already (which stays).
pub fn refer(
    entities: &mut Vec<(String, EntityRecord)>,
    rec: &mut AnnotationRecord,
    path: &str,
    id: &str,
    name: &str,
    now: Timestamp,
) -> Result<(), String> {
    if id.is_empty() {
        return Err("the registry id is empty".into());
    }
    let label = label_of(rec).ok_or_else(|| "its label is not one this app reads".to_owned())?;
    let Some(kind) = label.kind() else {
        return Err(format!(
            "only entities refer to a registry entry, and this is {}",
            a_label(label)
        ));
    };
    match &rec.entity {
        Some(first) if first != id => {
            return Err(format!(
                "a second registry entry (\"{id}\" after \"{first}\")"
            ))
        }
        _ => rec.entity = Some(id.to_owned()),
    }
    if !entities.iter().any(|(_, e)| e.id == id) {
        let name = name.trim();
        let name = if name.is_empty() {
            rec.exact.trim()
        } else {
            name
        };
        entities.push((
            path.to_owned(),
            EntityRecord {
                id: id.to_owned(),
                name: name.to_owned(),
                kind: kind.name().to_owned(),
                aliases: Vec::new(),
                rejected: Vec::new(),
                created: now,
                updated: now,
            },
        ));
    }
    Ok(())
}

/// An id for a registry entry read from a format that groups mentions without naming an entry (a
/// brat equivalence): the same first mention always gives the same id.
pub fn generated_entry_id(format: Format, article: &ArticleId, start: usize, end: usize) -> String {
    format!("{}-entry-{}-{start}-{end}", format.key(), article.as_str())
}

#[cfg(test)]
#[path = "../../tests/formats/links.rs"]
mod tests;
