//! Reading what an `.ann` file says about its text-bound annotations beyond their spans and notes:
//!
//! - `R1\tSaidBy Arg1:T2 Arg2:T1` (also `Source`, `FromQuote`, or `said_by`…): Arg1's source is Arg2;
//! - `A1\tAttribution T3 outlet`, `A2\tCheck T3 disputed` (or the older `M` lines): claim attributes;
//! - `N1\tReference T1 Registry:<entry id>\t<name>`: the mention's registry entry, made from the
//!   name and the mention's kind; another database (`Wikidata:Q567`) gives an entry whose id is the
//!   whole reference;
//! - `*\tEquiv T1 T4 T7` (or `Alias`): the mentions of one entry. Mentions without a reference get
//!   the group's entry; a group without any gets a new entry named after its first mention.
//!
//! An id that the file does not have is an error, as for comments. An unknown type is skipped with
//! one warning per type; a link, attribute or reference that does not fit (a quote citing a claim,
//! a value no menu has, a reference on a claim) is skipped with a warning naming its line. Events
//! (`E`) are skipped with one warning.

use super::equiv::equivalence;
use crate::domain::files::formats::brat::REFERENCE_DB;
use crate::domain::files::formats::links::{self, link_kind, refer, set_attr, ClaimAttr, Pending};
use crate::domain::files::formats::{error, FormatError, Incoming};
use crate::domain::model::names::ArticleId;
use crate::domain::model::time::Timestamp;
use std::collections::{HashMap, HashSet};

/// A line that is not `T` or `#`, kept until the `T` lines are read.
pub(super) struct Extra<'t> {
    /// Its line number.
    pub line: usize,
    /// The first letter of its id.
    pub letter: char,
    /// What follows the id and its tab.
    pub rest: &'t str,
}

/// The file being read, and where its `T` lines' records are.
pub(super) struct File<'a> {
    /// The file's name, for messages.
    pub name: &'a str,
    /// The article its annotations are on.
    pub article: &'a ArticleId,
    /// Each `T` id's place among this file's `T` lines.
    pub by_id: &'a HashMap<&'a str, usize>,
    /// The ids of the file's other lines.
    pub other_ids: &'a HashSet<&'a str>,
    /// Where this file's records start in the [`Incoming`].
    pub base: usize,
    /// The time of the import, which dates new registry entries.
    pub now: Timestamp,
}

/// Skipped lines: what they are, what this app reads instead, and their line numbers.
pub(super) type Skipped = Vec<(String, &'static str, usize)>;

impl File<'_> {
    /// `name line n`.
    pub(super) fn at(&self, n: usize) -> String {
        format!("{} line {n}", self.name)
    }

    /// The record index of the `T` line `id`, `None` for an id of another kind of line; an id the
    /// file does not have is an error naming line `n` and the `role` it plays there.
    pub(super) fn t(&self, id: &str, n: usize, role: &str) -> Result<Option<usize>, FormatError> {
        match self.by_id.get(id) {
            Some(i) => Ok(Some(self.base + i)),
            None if self.other_ids.contains(id) => Ok(None),
            None => error(
                self.at(n),
                format!("{role} is {id}, which this file does not have"),
            ),
        }
    }
}

/// Applies the `extras` of `file` to its records in `out`, in file order, equivalences last.
pub(super) fn apply(
    file: &File<'_>,
    extras: &[Extra<'_>],
    out: &mut Incoming,
) -> Result<(), FormatError> {
    let mut skipped: Skipped = Vec::new();
    for e in extras {
        match e.letter {
            'R' => relation(file, e, out, &mut skipped)?,
            'A' | 'M' => attribute(file, e, out, &mut skipped)?,
            'N' => normalisation(file, e, out)?,
            '*' => {}
            _ => skipped.push(("event".into(), "this app reads no events", e.line)),
        }
    }
    for e in extras.iter().filter(|e| e.letter == '*') {
        equivalence(file, e, out, &mut skipped)?;
    }
    warn_skipped(file.name, &skipped, out);
    Ok(())
}

/// `R1\tSaidBy Arg1:T2 Arg2:T1`.
fn relation(
    file: &File<'_>,
    e: &Extra<'_>,
    out: &mut Incoming,
    skipped: &mut Skipped,
) -> Result<(), FormatError> {
    let mut words = e.rest.split_whitespace();
    let kind_name = words.next().unwrap_or_default();
    let Some(kind) = link_kind(kind_name) else {
        let what = format!("\"{kind_name}\" relation");
        skipped.push((
            what,
            "this app reads SaidBy, Source and FromQuote relations",
            e.line,
        ));
        return Ok(());
    };
    let args: Vec<&str> = words.collect();
    let arg = |role: &str| {
        args.iter()
            .filter_map(|w| w.split_once(':'))
            .find(|(r, _)| *r == role)
            .map(|(_, id)| id)
    };
    let (Some(arg1), Some(arg2), 2) = (arg("Arg1"), arg("Arg2"), args.len()) else {
        return error(
            file.at(e.line),
            format!(
                "\"{}\" should be a relation type and its two arguments, such as \"SaidBy \
                 Arg1:T2 Arg2:T1\"",
                e.rest
            ),
        );
    };
    let (from, to) = (file.t(arg1, e.line, "Arg1")?, file.t(arg2, e.line, "Arg2")?);
    let (Some(from), Some(to)) = (from, to) else {
        out.warnings.push(format!(
            "{}: a link joins text-bound annotations (T), not {arg1} and {arg2}; skipped",
            file.at(e.line)
        ));
        return Ok(());
    };
    let pending = Pending {
        path: file.at(e.line),
        from,
        to,
        kind: Some(kind),
    };
    links::link(&mut out.records, &pending, &mut out.warnings);
    Ok(())
}

/// `A1\tCheck T3 disputed`.
fn attribute(
    file: &File<'_>,
    e: &Extra<'_>,
    out: &mut Incoming,
    skipped: &mut Skipped,
) -> Result<(), FormatError> {
    let at = file.at(e.line);
    let mut words = e.rest.split_whitespace();
    let (Some(kind), Some(target), value, None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return error(
            at,
            format!(
                "\"{}\" should be an attribute type, the id it is for and its value, such as \
                 \"Check T3 disputed\"",
                e.rest
            ),
        );
    };
    let Some(attr) = ClaimAttr::from_name(kind) else {
        let what = format!("\"{kind}\" attribute");
        skipped.push((
            what,
            "this app reads the attributes Attribution and Check",
            e.line,
        ));
        return Ok(());
    };
    let Some(i) = file.t(target, e.line, "the attribute's annotation")? else {
        out.warnings
            .push(format!("{at}: {kind} is for claims, not {target}; skipped"));
        return Ok(());
    };
    let Some(value) = value else {
        let values = attr.values().join(", ");
        out.warnings
            .push(format!("{at}: {kind} has no value ({values}); skipped"));
        return Ok(());
    };
    if let Some((_, rec)) = out.records.get_mut(i) {
        if let Err(why) = set_attr(rec, attr, value) {
            out.warnings.push(format!("{at}: {why}; skipped"));
        }
    }
    Ok(())
}

/// `N1\tReference T1 Registry:ent-1\tVolodymyr Zelensky`.
fn normalisation(file: &File<'_>, e: &Extra<'_>, out: &mut Incoming) -> Result<(), FormatError> {
    let at = file.at(e.line);
    let (data, name) = e.rest.split_once('\t').unwrap_or((e.rest, ""));
    let mut words = data.split_whitespace();
    let (Some(_), Some(target), Some(reference), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return error(
            at,
            format!(
                "\"{data}\" should be \"Reference\", the id it is for and the entry, such as \
                 \"Reference T1 {REFERENCE_DB}:ent-1\""
            ),
        );
    };
    let id = match reference.split_once(':') {
        Some((REFERENCE_DB, id)) => id,
        Some(_) => reference,
        None => {
            out.warnings.push(format!(
                "{at}: \"{reference}\" should be a database and an id, such as \
                 {REFERENCE_DB}:ent-1; skipped"
            ));
            return Ok(());
        }
    };
    let Some(i) = file.t(target, e.line, "the reference's annotation")? else {
        out.warnings.push(format!(
            "{at}: a registry entry is for entities, not {target}; skipped"
        ));
        return Ok(());
    };
    let Incoming {
        records,
        entities,
        warnings,
        ..
    } = out;
    if let Some((_, rec)) = records.get_mut(i) {
        if let Err(why) = refer(entities, rec, &at, id, name, file.now) {
            warnings.push(format!("{at}: {why}; skipped"));
        }
    }
    Ok(())
}

/// One warning per kind of skipped line, with the count and the first line.
fn warn_skipped(name: &str, skipped: &Skipped, out: &mut Incoming) {
    let mut kinds: Vec<(&str, &str)> = Vec::new();
    for (what, reads, _) in skipped {
        if !kinds.contains(&(what.as_str(), *reads)) {
            kinds.push((what, reads));
        }
    }
    for (what, reads) in kinds {
        let lines: Vec<usize> = skipped
            .iter()
            .filter(|(w, _, _)| w == what)
            .map(|&(_, _, n)| n)
            .collect();
        let first = lines.first().copied().unwrap_or_default();
        let count = lines.len();
        let plural = if count == 1 { "" } else { "s" };
        out.warnings.push(format!(
            "{name}: {count} {what} line{plural} skipped (the first on line {first}); {reads}"
        ));
    }
}
