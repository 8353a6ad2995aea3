//! The brat lines after the text-bound ones: relations (our links), attributes (claim attributes),
//! normalisations (registry references) and equivalences (the mentions of one registry entry within
//! a document), their types, and writing them.

use super::one_line;
use crate::domain::files::formats::links::{self, ClaimAttr};
use crate::domain::files::formats::Doc;
use crate::domain::model::attributes::LinkKind;
use std::collections::HashMap;

/// The normalisation database of our registry: `N1\tReference T1 Registry:<entry id>\t<name>`.
pub const REFERENCE_DB: &str = "Registry";

/// The equivalence type grouping the mentions of one entry: brat's conventional name, and the only
/// one the pybrat reader accepts.
pub const EQUIV: &str = "Equiv";

/// The brat relation type of a link kind: `SaidBy`, `Source`, `FromQuote`.
pub fn relation_type(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::SaidBy => "SaidBy",
        LinkKind::Source => "Source",
        LinkKind::FromQuote => "FromQuote",
    }
}

/// The brat attribute type of a claim attribute: `Attribution`, `Check`.
pub fn attribute_type(attr: ClaimAttr) -> &'static str {
    match attr {
        ClaimAttr::Attribution => "Attribution",
        ClaimAttr::Check => "Check",
    }
}

/// Appends the `R`, `A`, `N` and `*` lines of `doc` to `out`, each kind in the text order of the
/// annotations; `t_of` gives each written annotation's `T` number. What brat cannot hold (a link to
/// a span that was not written, a registry id with a space) goes to `dropped`.
pub(super) fn write(
    doc: &Doc,
    t_of: &HashMap<&str, usize>,
    out: &mut String,
    dropped: &mut Vec<String>,
) {
    let t = |id: &str| t_of.get(id).copied();
    let mut r = 0;
    for l in links::links(doc, dropped) {
        let (from, to) = (l.from.id.as_str(), l.to.id.as_str());
        if let (Some(arg1), Some(arg2)) = (t(from), t(to)) {
            r += 1;
            let kind = relation_type(l.kind);
            out.push_str(&format!("R{r}\t{kind} Arg1:T{arg1} Arg2:T{arg2}\n"));
        } else {
            dropped.push(format!(
                "{from}: its link to \"{to}\" is left out with the span brat could not mark"
            ));
        }
    }
    let written = || {
        doc.annotations
            .iter()
            .filter_map(|a| Some((&**a, t(a.id.as_str())?)))
    };
    let mut n = 0;
    for (a, t) in written() {
        for attr in ClaimAttr::ALL {
            if let Some(value) = attr.of(a) {
                n += 1;
                out.push_str(&format!("A{n}\t{} T{t} {value}\n", attribute_type(attr)));
            }
        }
    }
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    n = 0;
    for (a, t) in written() {
        let Some(entry) = links::entry(doc, a) else {
            continue;
        };
        let id = entry.id.as_str();
        match groups.iter_mut().find(|(e, _)| *e == id) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((id, vec![t])),
        }
        if id.chars().any(char::is_whitespace) || id.is_empty() {
            dropped.push(format!(
                "{}: its registry reference is left out: the entry's id \"{id}\" holds a space, \
                 which a brat normalisation cannot",
                a.id.as_str()
            ));
            continue;
        }
        n += 1;
        out.push_str(&format!(
            "N{n}\tReference T{t} {REFERENCE_DB}:{id}\t{}\n",
            one_line(&entry.name)
        ));
    }
    for (_, ts) in groups.iter().filter(|(_, ts)| ts.len() > 1) {
        let members: Vec<String> = ts.iter().map(|t| format!("T{t}")).collect();
        out.push_str(&format!("*\t{EQUIV} {}\n", members.join(" ")));
    }
}
