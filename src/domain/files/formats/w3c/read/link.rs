//! Reading W3C linking annotations: `"motivation": "linking"`, the target the annotation that cites,
//! the body its source (an IRI) and a tag naming the kind; or, as FORMATS.md also reads the model, no
//! source in the body and two targets, the one that cites first.

use super::{at, cut};
use crate::domain::files::formats::links::{self, link_kind, Pending, LINK_NAMES};
use crate::domain::files::formats::shapes::{Loose, ObjectOr};
use crate::domain::files::formats::w3c::{Annotation, Body, Target, ANNOTATION_URN};
use crate::domain::files::formats::Incoming;
use std::collections::HashMap;

/// A link as read, between two annotation ids, before they are looked up.
pub(super) struct Linking {
    /// Where in the file.
    path: String,
    /// The id of the annotation that cites.
    from: String,
    /// The id of its source.
    to: String,
    /// The kind its tag names, if it has one.
    kind: Option<crate::domain::model::attributes::LinkKind>,
}

/// Whether the annotation's `motivation` is `linking` or a list that holds it.
pub(super) fn is_linking(item: &Annotation) -> bool {
    super::is_a(item.motivation.as_ref(), "linking")
}

/// The annotation id an IRI names: ours without the URN, any other IRI whole.
fn id_of(iri: &str) -> String {
    iri.strip_prefix(ANNOTATION_URN).unwrap_or(iri).to_owned()
}

/// The IRI a target gives: a string, or an object's `id` (or its `source`, or that source's `id`).
fn target_iri(target: &Target) -> Option<&str> {
    match target {
        ObjectOr::Plain(plain) => plain.text(),
        ObjectOr::Object(t) => t.id.as_ref().and_then(Loose::text).or(match &t.source {
            Some(ObjectOr::Plain(plain)) => plain.text(),
            Some(ObjectOr::Object(source)) => source.id.as_ref().and_then(Loose::text),
            None => None,
        }),
    }
}

/// The IRI a body gives: a string, or an object's `id` (or a `SpecificResource`'s `source`).
fn body_iri(body: &Body) -> Option<&str> {
    match body {
        ObjectOr::Plain(plain) => plain.text(),
        ObjectOr::Object(b) => {
            let source = match &b.source {
                Some(ObjectOr::Plain(plain)) => plain.text(),
                _ => None,
            };
            b.id.as_ref().and_then(Loose::text).or(source)
        }
    }
}

/// Reads the linking annotation at `path`; `None`, with a warning, when it is not a link this app
/// can read.
pub(super) fn linking(
    item: &Annotation,
    path: &str,
    warnings: &mut Vec<String>,
) -> Option<Linking> {
    let place = if path.is_empty() {
        "the annotation"
    } else {
        path
    };
    let mut targets = Vec::new();
    for (p, t) in item.target.iter().flat_map(|t| t.each(&at(path, "target"))) {
        match target_iri(t) {
            Some(iri) => targets.push(iri),
            None => {
                warnings.push(format!(
                    "{p}: a link's target must name an annotation by its IRI; the link is skipped"
                ));
                return None;
            }
        }
    }
    let mut sources = Vec::new();
    let mut kind = None;
    for (p, b) in item.body.iter().flat_map(|b| b.each(&at(path, "body"))) {
        let value = match b {
            ObjectOr::Object(b) => b.value.as_ref().and_then(Loose::text),
            ObjectOr::Plain(_) => None,
        };
        match value {
            Some(name) => match link_kind(name) {
                Some(k) => kind = Some(k),
                None => {
                    warnings.push(format!(
                        "{p}.value: \"{}\" is not a link this app reads ({LINK_NAMES}); the link \
                         is skipped",
                        cut(name)
                    ));
                    return None;
                }
            },
            None => sources.extend(body_iri(b)),
        }
    }
    let (from, to) = match (targets.as_slice(), sources.as_slice()) {
        ([from], [to]) | ([from, to], []) => (from, to),
        _ => {
            warnings.push(format!(
                "{place}: a link needs one target (the annotation that cites) and one body (its \
                 source), or two targets; it has {} and {}; skipped",
                targets.len(),
                sources.len()
            ));
            return None;
        }
    };
    Some(Linking {
        path: place.to_owned(),
        from: id_of(from),
        to: id_of(to),
        kind,
    })
}

/// Gives each link's annotation its source among the records read; a link naming an annotation the
/// file did not bring (or whose article was skipped) is skipped with a warning.
pub(super) fn resolve(incoming: &mut Incoming, linkings: Vec<Linking>) {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, (_, rec)) in incoming.records.iter().enumerate() {
        by_id.entry(rec.id.clone()).or_insert(i);
    }
    for l in linkings {
        let (Some(&from), Some(&to)) = (by_id.get(&l.from), by_id.get(&l.to)) else {
            let missing = if by_id.contains_key(&l.from) {
                &l.to
            } else {
                &l.from
            };
            incoming.warnings.push(format!(
                "{}: \"{}\" is no annotation read from this file; the link is skipped",
                l.path,
                cut(missing)
            ));
            continue;
        };
        let pending = Pending {
            path: l.path,
            from,
            to,
            kind: l.kind,
        };
        links::link(&mut incoming.records, &pending, &mut incoming.warnings);
    }
}
