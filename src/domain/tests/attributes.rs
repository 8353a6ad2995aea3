use super::*;
use crate::domain::model::names::EntityKind;

#[test]
fn links_follow_from_the_two_labels() {
    let person = Label::Entity(EntityKind::Person);
    assert_eq!(
        LinkKind::between(Label::Quote, person),
        Some(LinkKind::SaidBy)
    );
    assert_eq!(
        LinkKind::between(Label::Claim, person),
        Some(LinkKind::Source)
    );
    assert_eq!(
        LinkKind::between(Label::Claim, Label::Quote),
        Some(LinkKind::FromQuote)
    );
    assert_eq!(LinkKind::between(Label::Quote, Label::Claim), None);
    assert_eq!(LinkKind::between(Label::Quote, Label::Quote), None);
    assert_eq!(LinkKind::between(person, Label::Quote), None);
    assert_eq!(LinkKind::between(Label::Claim, Label::Claim), None);
}

#[test]
fn names_round_trip() {
    for k in LinkKind::ALL {
        assert_eq!(LinkKind::from_name(k.name()), Some(k));
    }
    for a in Attribution::ALL {
        assert_eq!(Attribution::from_name(a.name()), Some(a));
    }
    for c in CheckStatus::ALL {
        assert_eq!(CheckStatus::from_name(c.name()), Some(c));
    }
    assert_eq!(CheckStatus::from_name("true"), None);
    assert_eq!(Attribution::from_name("Attributed"), None);
}

#[test]
fn fit_clears_what_the_label_cannot_have() {
    let full = Attributes {
        source: Some(AnnotationId::from("s")),
        attribution: Some(Attribution::OutletOwn),
        check: CheckStatus::Disputed,
        entity: Some(EntityId::from("e")),
    };
    let mut claim = full.clone();
    assert!(claim.fit(Label::Claim));
    assert_eq!(claim.entity, None);
    assert_eq!(claim.source, full.source);
    assert_eq!(claim.check, CheckStatus::Disputed);
    assert!(
        !claim.clone().fit(Label::Claim),
        "a fitted claim stays as it is"
    );

    let mut quote = full.clone();
    quote.fit(Label::Quote);
    assert_eq!(
        quote,
        Attributes {
            source: full.source.clone(),
            ..Attributes::default()
        }
    );

    let mut entity = full.clone();
    entity.fit(Label::Entity(EntityKind::Person));
    assert_eq!(
        entity,
        Attributes {
            entity: full.entity.clone(),
            ..Attributes::default()
        }
    );
}
