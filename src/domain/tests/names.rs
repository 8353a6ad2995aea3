//! Tests of `names`: labels and kinds by their names.

use super::*;

#[test]
fn labels_round_trip_through_their_names() {
    for label in [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Other),
    ] {
        let back = Label::from_names(label.name().name(), label.kind().map(EntityKind::name));
        assert_eq!(back, Ok(label));
    }
}

#[test]
fn inconsistent_label_and_kind_are_explained() {
    assert!(Label::from_names("entity", None)
        .unwrap_err()
        .contains("needs a kind"));
    assert!(Label::from_names("claim", Some("person"))
        .unwrap_err()
        .contains("has no kind"));
    assert!(Label::from_names("rumour", None)
        .unwrap_err()
        .contains("\"rumour\" is not a label"));
    assert!(Label::from_names("entity", Some("animal"))
        .unwrap_err()
        .contains("not an entity kind"));
}
