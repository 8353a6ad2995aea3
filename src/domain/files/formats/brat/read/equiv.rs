//! Reading brat equivalences (`*\tEquiv T1 T4 T7`, or `Alias`): the mentions of one registry entry.

use super::extras::{Extra, File, Skipped};
use crate::domain::files::formats::brat::EQUIV;
use crate::domain::files::formats::links::{generated_entry_id, refer};
use crate::domain::files::formats::{Format, FormatError, Incoming};
use std::cmp::Reverse;

/// `*\tEquiv T1 T4 T7`: mentions without a registry entry get the one the group's others have, or,
/// when none has one, a new entry named after the group's first mention in the text. Members that
/// are not entity mentions are left out with a warning, and a group whose mentions refer to
/// different entries is skipped with one.
pub(super) fn equivalence(
    file: &File<'_>,
    e: &Extra<'_>,
    out: &mut Incoming,
    skipped: &mut Skipped,
) -> Result<(), FormatError> {
    let at = file.at(e.line);
    let mut words = e.rest.split_whitespace();
    let kind = words.next().unwrap_or_default();
    if !kind.eq_ignore_ascii_case(EQUIV) && !kind.eq_ignore_ascii_case("Alias") {
        let what = format!("\"{kind}\" equivalence");
        skipped.push((
            what,
            "this app reads Equiv (or Alias) as the mentions of one entry",
            e.line,
        ));
        return Ok(());
    }
    let Incoming {
        records,
        entities,
        warnings,
        ..
    } = out;
    let mut members = Vec::new();
    for id in words {
        let Some(i) = file.t(id, e.line, "a member")? else {
            continue;
        };
        match records.get(i) {
            Some((_, rec)) if rec.label == "entity" => members.push(i),
            Some(_) => warnings.push(format!(
                "{at}: {id} is no entity mention; left out of the group"
            )),
            None => {}
        }
    }
    members.sort_by_key(|&i| records.get(i).map(|(_, r)| (r.start, Reverse(r.end))));
    let mut named: Vec<&str> = Vec::new();
    for (_, rec) in members.iter().filter_map(|&i| records.get(i)) {
        if let Some(entry) = rec.entity.as_deref().filter(|e| !named.contains(e)) {
            named.push(entry);
        }
    }
    let (id, name) = match (
        named.as_slice(),
        members.first().and_then(|&i| records.get(i)),
    ) {
        (_, None) => return Ok(()),
        ([], Some((_, first))) => (
            generated_entry_id(Format::Brat, file.article, first.start, first.end),
            first.exact.clone(),
        ),
        ([one], _) => ((*one).to_owned(), String::new()),
        (more, _) => {
            warnings.push(format!(
                "{at}: its mentions refer to different registry entries ({}); skipped",
                more.join(", ")
            ));
            return Ok(());
        }
    };
    for i in members {
        if let Some((_, rec)) = records.get_mut(i) {
            if let Err(why) = refer(entities, rec, &at, &id, &name, file.now) {
                warnings.push(format!("{at}: {why}; skipped"));
            }
        }
    }
    Ok(())
}
