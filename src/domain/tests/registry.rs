//! Tests of registry entries and their file records.

use super::*;
use crate::domain::files::json::{from_str, to_compact};
use crate::domain::files::records::{EntityRecord, RejectedRecord};

fn bessent() -> Entity {
    let mut e = Entity::new(
        EntityId::from("e1"),
        "  Scott Bessent ",
        EntityKind::Person,
        Timestamp(1_739_606_400_000),
    );
    e.aliases = vec!["Besant".into(), "Бессент".into()];
    e.rejected
        .insert((ArticleId::from("kyiv-post"), Span::new(3, 9).unwrap()));
    e.updated = Timestamp(1_739_606_400_500);
    e
}

#[test]
fn names_are_the_name_then_the_aliases() {
    let e = bessent();
    assert_eq!(e.name, "Scott Bessent");
    assert_eq!(
        e.names().collect::<Vec<_>>(),
        ["Scott Bessent", "Besant", "Бессент"]
    );
}

#[test]
fn a_record_round_trips_through_json() {
    let record = EntityRecord::from_entity(&bessent());
    let text = to_compact(&record);
    assert_eq!(
        text,
        r#"{"id":"e1","name":"Scott Bessent","kind":"person","aliases":["Besant","Бессент"],"rejected":[{"article":"kyiv-post","start":3,"end":9}],"created":"2025-02-15T08:00:00.000Z","updated":"2025-02-15T08:00:00.500Z"}"#
    );
    let read: EntityRecord = from_str(&text).unwrap();
    assert_eq!(read, record);
    assert_eq!(read.to_entity("entities[0]").unwrap(), bessent());
}

#[test]
fn a_bad_record_names_its_field() {
    let good = EntityRecord::from_entity(&bessent());
    let cases = [
        (EntityRecord { id: String::new(), ..good.clone() }, "entities[2].id: a registry id must not be empty"),
        (EntityRecord { name: " ".into(), ..good.clone() }, "entities[2].name: a name must not be empty"),
        (
            EntityRecord { kind: "human".into(), ..good.clone() },
            "entities[2].kind: \"human\" is not an entity kind (person, organization, place, other)",
        ),
        (
            EntityRecord {
                rejected: vec![RejectedRecord { article: "a".into(), start: 5, end: 5 }],
                ..good.clone()
            },
            "entities[2].rejected[0].end: end 5 must be greater than start 5",
        ),
    ];
    for (bad, message) in cases {
        assert_eq!(
            bad.to_entity("entities[2]").unwrap_err().to_string(),
            message
        );
    }
    let missing = r#"{"id":"e","kind":"person","created":"2025-02-15T08:00:00Z","updated":"2025-02-15T08:00:00Z"}"#;
    let e = from_str::<EntityRecord>(missing).unwrap_err();
    assert!(e.to_string().contains("missing field `name`"), "{e}");
    let bad_time = missing.replace("08:00:00Z\"}", "nine\"}");
    let e = from_str::<EntityRecord>(&bad_time).unwrap_err();
    assert_eq!(e.path, "updated");
}
