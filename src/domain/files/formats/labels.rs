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
/// label out; a label not in the map takes its [`default_label`]. Remembered between imports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelMap(pub BTreeMap<String, Option<Label>>);

impl LabelMap {
    /// What `name` becomes: the person's choice, else the default.
    pub fn label(&self, name: &str) -> Option<Label> {
        match self.0.get(name) {
            Some(chosen) => *chosen,
            None => default_label(name),
        }
    }

    /// Reads `na-convert`'s `--labels` value: `NAME=TARGET` pairs separated by commas, where TARGET is
    /// `claim`, `quote`, `person`, `organization` (or `org`), `place`, `other`, or `skip`.
    pub fn parse(spec: &str) -> Result<LabelMap, String> {
        let mut map = LabelMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, target) = pair.rsplit_once('=').ok_or_else(|| {
                format!(
                    "--labels: \"{pair}\" is not NAME=TARGET (for example PER=person,DATE=skip)"
                )
            })?;
            let to = target_of(target.trim()).ok_or_else(|| {
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

/// The label a `--labels` target names: `Some(None)` for `skip`, `None` for no known target.
fn target_of(target: &str) -> Option<Option<Label>> {
    match target.to_ascii_lowercase().as_str() {
        "skip" | "none" => Some(None),
        "claim" => Some(Some(Label::Claim)),
        "quote" => Some(Some(Label::Quote)),
        "person" => Some(PERSON),
        "organization" | "organisation" | "org" => Some(ORG),
        "place" | "location" => Some(PLACE),
        "other" | "entity" => Some(OTHER),
        _ => None,
    }
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
