//! Mapping other tools' labels to ours: each foreign label (`PER`, `GPE`, `Speaker`, `DATE`) becomes a
//! label or entity kind of this app, or is left out. Defaults cover our own tags, CoNLL-2003
//! (`PER`, `ORG`, `LOC`, `MISC`), OntoNotes and spaCy (`PERSON`, `NORP`, `FAC`, `GPE`, …) and free names
//! whose meaning is plain; a person's own choices, a [`LabelMap`], come before them.

use crate::domain::model::names::{EntityKind, Label};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const PERSON: Option<Label> = Some(Label::Entity(EntityKind::Person));
const ORG: Option<Label> = Some(Label::Entity(EntityKind::Organization));
const PLACE: Option<Label> = Some(Label::Entity(EntityKind::Place));
const OTHER: Option<Label> = Some(Label::Entity(EntityKind::Other));

/// The default meaning of each known foreign label, by its folded name (see [`fold`]). Labels for
/// numbers, dates and amounts (OntoNotes' `DATE`, `TIME`, `PERCENT`, `MONEY`, `QUANTITY`, `ORDINAL`,
/// `CARDINAL`) are not entities of a news story's people and places, so they are left out by default.
const DEFAULTS: [(&str, Option<Label>); 37] = [
    ("CLAIM", Some(Label::Claim)),
    ("STATEMENT", Some(Label::Claim)),
    ("ASSERTION", Some(Label::Claim)),
    ("QUOTE", Some(Label::Quote)),
    ("QUOTATION", Some(Label::Quote)),
    ("DIRECTQUOTE", Some(Label::Quote)),
    ("PERSON", PERSON),
    ("PER", PERSON),
    ("PERS", PERSON),
    ("PEOPLE", PERSON),
    ("SPEAKER", PERSON),
    ("ORG", ORG),
    ("ORGANIZATION", ORG),
    ("ORGANISATION", ORG),
    ("COMPANY", ORG),
    ("INSTITUTION", ORG),
    ("AGENCY", ORG),
    ("LOC", PLACE),
    ("LOCATION", PLACE),
    ("PLACE", PLACE),
    ("GPE", PLACE),
    ("GEO", PLACE),
    ("FAC", PLACE),
    ("FACILITY", PLACE),
    ("CITY", PLACE),
    ("COUNTRY", PLACE),
    ("MISC", OTHER),
    ("MISCELLANEOUS", OTHER),
    ("OTHER", OTHER),
    ("ENTITY", OTHER),
    ("NORP", OTHER),
    ("EVENT", OTHER),
    ("PRODUCT", OTHER),
    ("WORKOFART", OTHER),
    ("LAW", OTHER),
    ("LANGUAGE", OTHER),
    ("NATIONALITY", OTHER),
];

/// A label's name folded for matching: upper case, without spaces, `-`, `_` and `.`, so that
/// `work_of_art`, `Work of Art` and `WORK-OF-ART` are one.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// What a foreign label becomes when nobody chose: its default, or nothing (left out).
pub fn default_label(name: &str) -> Option<Label> {
    let folded = fold(name);
    DEFAULTS
        .iter()
        .find(|(known, _)| *known == folded)
        .and_then(|&(_, label)| label)
}

/// A person's choices for foreign labels, by the label's name as its file writes it. `None` leaves a
/// label out; a label not in the map takes its [`default_label`]. Remembered between imports, written
/// as each name's target (`{"Money": "other", "DATE": "skip"}`, see [`TARGETS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    into = "BTreeMap<String, String>",
    try_from = "BTreeMap<String, String>"
)]
pub struct LabelMap(pub BTreeMap<String, Option<Label>>);

impl From<LabelMap> for BTreeMap<String, String> {
    fn from(map: LabelMap) -> Self {
        let named = map
            .0
            .into_iter()
            .map(|(name, to)| (name, target_name(to).to_owned()));
        named.collect()
    }
}

impl TryFrom<BTreeMap<String, String>> for LabelMap {
    type Error = String;

    fn try_from(named: BTreeMap<String, String>) -> Result<Self, String> {
        let mut map = LabelMap::default();
        for (name, target) in named {
            let to = target_named(&target)
                .ok_or_else(|| format!("\"{target}\" (for \"{name}\") is not a target"))?;
            map.0.insert(name, to);
        }
        Ok(map)
    }
}

impl LabelMap {
    /// What `name` becomes: the person's choice, else the default.
    pub fn label(&self, name: &str) -> Option<Label> {
        match self.0.get(name) {
            Some(chosen) => *chosen,
            None => default_label(name),
        }
    }

    /// Reads `na-convert`'s `--labels` value: `NAME=TARGET` pairs separated by commas, where TARGET is
    /// one of [`TARGETS`] (also `org`, `organisation`, `location`, `entity`, `none`).
    pub fn parse(spec: &str) -> Result<LabelMap, String> {
        let mut map = LabelMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, target) = pair.rsplit_once('=').ok_or_else(|| {
                format!(
                    "--labels: \"{pair}\" is not NAME=TARGET (for example PER=person,DATE=skip)"
                )
            })?;
            let to = target_named(target.trim()).ok_or_else(|| {
                format!(
                    "--labels: \"{target}\" in \"{pair}\" is not a target: use claim, quote, person, \
                     organization, place, other or skip"
                )
            })?;
            map.0.insert(name.trim().to_owned(), to);
        }
        Ok(map)
    }
}

/// What a foreign label can become, by the name a person gives it: `skip` leaves it out.
pub const TARGETS: [(&str, Option<Label>); 7] = [
    ("claim", Some(Label::Claim)),
    ("quote", Some(Label::Quote)),
    ("person", PERSON),
    ("organization", ORG),
    ("place", PLACE),
    ("other", OTHER),
    ("skip", None),
];

/// The label a target names (see [`TARGETS`], and a few other spellings): `Some(None)` for `skip`,
/// `None` for no known target.
pub fn target_named(target: &str) -> Option<Option<Label>> {
    let name = target.to_ascii_lowercase();
    let name = match name.as_str() {
        "none" => "skip",
        "org" | "organisation" => "organization",
        "location" => "place",
        "entity" => "other",
        other => other,
    };
    TARGETS.iter().find(|(n, _)| *n == name).map(|t| t.1)
}

/// The name of the target `to` (see [`TARGETS`]).
pub fn target_name(to: Option<Label>) -> &'static str {
    TARGETS
        .iter()
        .find(|(_, label)| *label == to)
        .map_or("skip", |(name, _)| name)
}

/// One foreign label a file uses: how many spans carry it, and what it becomes (`None`: left out).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelUse {
    /// The label as the file writes it.
    pub name: String,
    /// The spans that carry it.
    pub count: usize,
    /// What it becomes here; `None` when it is left out (those spans are skipped).
    pub to: Option<Label>,
}

impl LabelUse {
    /// `PER: 12 spans → entity (person)`, or `Money: 1 span → left out (skipped)`.
    pub fn describe(&self) -> String {
        let to = match self.to {
            Some(label) => match label.kind() {
                Some(kind) => format!("{} ({})", label.name().name(), kind.name()),
                None => label.name().name().to_owned(),
            },
            None => "left out (skipped)".to_owned(),
        };
        let spans = if self.count == 1 { "span" } else { "spans" };
        format!("{}: {} {spans} → {to}", self.name, self.count)
    }
}

/// The foreign labels a reader met, counted, in the order of their names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelTally(BTreeMap<String, LabelUse>);

impl LabelTally {
    /// Counts one span labelled `name` and says what it becomes under `map`.
    pub fn count(&mut self, name: &str, map: &LabelMap) -> Option<Label> {
        let to = map.label(name);
        self.0
            .entry(name.to_owned())
            .or_insert_with(|| LabelUse {
                name: name.to_owned(),
                count: 0,
                to,
            })
            .count += 1;
        to
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: LabelTally) {
        for (name, met) in other.0 {
            self.0
                .entry(name)
                .and_modify(|u| u.count += met.count)
                .or_insert(met);
        }
    }

    /// Every label met, by name.
    pub fn uses(&self) -> Vec<LabelUse> {
        self.0.values().cloned().collect()
    }

    /// One line per label left out: `label “DATE” is not mapped: 12 spans skipped`.
    pub fn skipped_lines(&self) -> Vec<String> {
        self.0
            .values()
            .filter(|u| u.to.is_none())
            .map(|u| {
                let spans = if u.count == 1 { "span" } else { "spans" };
                format!(
                    "label “{}” is not mapped: {} {spans} skipped",
                    u.name, u.count
                )
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "../../tests/formats/labels.rs"]
mod tests;
