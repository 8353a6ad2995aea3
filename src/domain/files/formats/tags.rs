//! The tags foreign formats use for our labels: `CLAIM`, `QUOTE`, and for entities the CoNLL-2003
//! names `PERSON`, `ORG`, `LOC`, `MISC`, which NER tools and their users know.

use crate::domain::model::names::{EntityKind, Label};

/// The tag of a label.
pub fn tag(label: Label) -> &'static str {
    match label {
        Label::Claim => "CLAIM",
        Label::Quote => "QUOTE",
        Label::Entity(EntityKind::Person) => "PERSON",
        Label::Entity(EntityKind::Organization) => "ORG",
        Label::Entity(EntityKind::Place) => "LOC",
        Label::Entity(EntityKind::Other) => "MISC",
    }
}

/// Every tag a reader accepts, with its label; matched without regard to case. Besides ours, the usual
/// spellings of other tools: `PER`, `ORGANIZATION`, `GPE`, `LOCATION`, `PLACE`, `OTHER`.
const READ: [(&str, Label); 16] = [
    ("CLAIM", Label::Claim),
    ("QUOTE", Label::Quote),
    ("QUOTATION", Label::Quote),
    ("PERSON", Label::Entity(EntityKind::Person)),
    ("PER", Label::Entity(EntityKind::Person)),
    ("ORG", Label::Entity(EntityKind::Organization)),
    ("ORGANIZATION", Label::Entity(EntityKind::Organization)),
    ("ORGANISATION", Label::Entity(EntityKind::Organization)),
    ("LOC", Label::Entity(EntityKind::Place)),
    ("LOCATION", Label::Entity(EntityKind::Place)),
    ("PLACE", Label::Entity(EntityKind::Place)),
    ("GPE", Label::Entity(EntityKind::Place)),
    ("MISC", Label::Entity(EntityKind::Other)),
    ("OTHER", Label::Entity(EntityKind::Other)),
    ("ENTITY", Label::Entity(EntityKind::Other)),
    ("NORP", Label::Entity(EntityKind::Other)),
];

/// The label of a tag, or a message that lists the tags this app reads.
pub fn label_of(tag: &str) -> Result<Label, String> {
    READ.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(tag))
        .map(|&(_, label)| label)
        .ok_or_else(|| {
            format!(
                "\"{tag}\" is not a label this app reads (CLAIM, QUOTE, PERSON, ORG, LOC, MISC, \
                 or PER, ORGANIZATION, LOCATION, PLACE, GPE, OTHER)"
            )
        })
}
