//! Tests of `spoken`.

use super::*;
use crate::domain::fixtures::ann;
use crate::domain::model::attributes::Attribution;
use crate::domain::model::names::{AnnotationId, EntityId};

#[test]
fn every_label_has_its_words() {
    let words: Vec<&str> = [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Organization),
        Label::Entity(EntityKind::Place),
        Label::Entity(EntityKind::Other),
    ]
    .into_iter()
    .map(label_words)
    .collect();
    assert_eq!(
        words,
        [
            "Claim",
            "Quote",
            "Person",
            "Organization",
            "Place",
            "Other entity"
        ]
    );
}

#[test]
fn a_claim_says_its_check_attribution_source_and_note() {
    let mut claim = ann("c", "a", 0, 5, Label::Claim);
    assert_eq!(label_and_attributes(&claim), "Claim");
    claim.attrs.check = CheckStatus::Disputed;
    assert_eq!(label_and_attributes(&claim), "Claim, disputed");
    claim.attrs.attribution = Some(Attribution::OutletOwn);
    claim.attrs.source = Some(AnnotationId::from("q"));
    claim.note = "check".into();
    assert_eq!(
        label_and_attributes(&claim),
        "Claim, disputed, the outlet's own statement, with a source, with a note"
    );
    claim.attrs.check = CheckStatus::False;
    claim.attrs.attribution = Some(Attribution::Unattributed);
    claim.attrs.source = None;
    claim.note.clear();
    assert_eq!(label_and_attributes(&claim), "Claim, false, unattributed");
    claim.attrs.check = CheckStatus::Supported;
    claim.attrs.attribution = Some(Attribution::Attributed);
    assert_eq!(label_and_attributes(&claim), "Claim, supported, attributed");
}

#[test]
fn a_linked_quote_and_a_registered_mention_say_so() {
    let mut quote = ann("q", "a", 0, 5, Label::Quote);
    quote.attrs.source = Some(AnnotationId::from("p"));
    assert_eq!(label_and_attributes(&quote), "Quote, with a source");
    let mut who = ann("p", "a", 0, 5, Label::Entity(EntityKind::Person));
    who.attrs.entity = Some(EntityId::from("e1"));
    assert_eq!(label_and_attributes(&who), "Person, in the registry");
}

#[test]
fn spoken_quotes_the_first_words() {
    let mut claim = ann("c", "a", 0, 5, Label::Claim);
    claim.attrs.check = CheckStatus::Disputed;
    assert_eq!(
        spoken(&claim, "Bessent  argued\nthat"),
        "Claim, disputed: “Bessent argued that”"
    );
    let long = "word ".repeat(40);
    let said = spoken(&claim, &long);
    assert!(said.starts_with("Claim, disputed: “word word"), "{said}");
    assert!(said.ends_with("word…”"), "{said}");
}

#[test]
fn first_words_cuts_at_a_word_or_inside_one_long_word() {
    assert_eq!(first_words("  short text  ", 20), "short text");
    assert_eq!(first_words("", 20), "");
    assert_eq!(first_words("one two three four", 12), "one two…");
    assert_eq!(first_words("abcdefghij", 5), "abcd…");
    assert_eq!(first_words("ab cdefghijkl", 8), "ab cdef…");
    // Code points, not bytes: never cuts a character in two.
    assert_eq!(first_words("ééééééé", 4), "ééé…");
    assert_eq!(first_words("x", 0), "…");
}
