//! Tests of annotation records: writing them from annotations, and every check on reading them back.

use super::*;
use crate::domain::fixtures::records;
use crate::domain::model::names::EntityKind;
use crate::domain::state::workspace::Workspace;

fn article() -> Article {
    Article::new(
        "a",
        "A",
        "Zelensky called it “short-sighted.” 😀 Vance agreed.".into(),
    )
}

fn rec(start: usize, end: usize, exact: &str) -> AnnotationRecord {
    AnnotationRecord {
        id: "r1".into(),
        article: "a".into(),
        label: "quote".into(),
        kind: None,
        note: "n".into(),
        start,
        end,
        exact: exact.into(),
        prefix: String::new(),
        suffix: String::new(),
        created: crate::domain::model::time::Timestamp::parse("2025-02-14T09:30:00Z").unwrap(),
        updated: crate::domain::model::time::Timestamp::parse("2025-02-14T09:31:00.000Z").unwrap(),
        ..AnnotationRecord::default()
    }
}

fn check(r: &AnnotationRecord) -> Result<Checked, RecordError> {
    check_record(r, "annotations[0]", &[article()])
}

fn error(r: &AnnotationRecord) -> String {
    check(r).unwrap_err().to_string()
}

#[test]
fn a_record_carries_the_text_and_its_context() {
    let art = article();
    let a = Annotation {
        id: AnnotationId::from("x"),
        article: art.id.clone(),
        span: Span::new(19, 35).unwrap(),
        label: Label::Entity(EntityKind::Place),
        note: String::new(),
        attrs: Default::default(),
        created: Timestamp(0),
        updated: Timestamp(1),
    };
    let r = AnnotationRecord::from_annotation(&a, &art);
    assert_eq!(r.exact, "“short-sighted.”");
    assert_eq!(r.prefix, "Zelensky called it ");
    assert_eq!(r.suffix, " 😀 Vance agreed.");
    assert_eq!(
        (r.label.as_str(), r.kind.as_deref()),
        ("entity", Some("place"))
    );
    assert_eq!(r.created.to_string(), "1970-01-01T00:00:00.000Z");
    // The indexed writer used for whole workspaces agrees with the one-off writer.
    let mut ws = Workspace::new(vec![art]);
    ws.apply(crate::domain::state::workspace::Action::Annotate(a))
        .unwrap();
    assert_eq!(records(&ws), vec![r.clone()]);
    // And the record reads back as the same annotation.
    let placed = check_record(&r, "x", ws.articles()).unwrap();
    assert_eq!(placed.annotation(), ws.all().first().map(|a| &**a));
}

#[test]
fn a_record_whose_text_is_at_its_offsets_is_placed() {
    let checked = check(&rec(19, 35, "“short-sighted.”")).unwrap();
    let Checked::Placed(a) = checked else {
        panic!("{checked:?}")
    };
    assert_eq!(a.span, Span::new(19, 35).unwrap());
    assert_eq!(a.label, Label::Quote);
    assert_eq!(a.note, "n");
    assert_eq!(a.updated, Timestamp(1_739_525_460_000));
}

#[test]
fn a_record_whose_text_moved_is_re_anchored_and_reported() {
    let checked = check(&rec(0, 5, "Vance")).unwrap();
    let Checked::Moved(a, line) = checked else {
        panic!("{checked:?}")
    };
    assert_eq!(a.span, Span::new(38, 43).unwrap());
    assert_eq!(
        line,
        "annotations[0]: \"Vance\" was at [0, 5), found it at [38, 43)"
    );
}

#[test]
fn a_record_whose_text_is_gone_is_not_found() {
    assert_eq!(
        check(&rec(0, 5, "Trump")).unwrap(),
        Checked::NotFound(
            "annotations[0]: \"Trump\" is not in article \"a\" any more; skipped".into()
        )
    );
}

#[test]
fn every_bad_field_is_named() {
    let base = rec(0, 8, "Zelensky");
    let cases: Vec<(AnnotationRecord, &str)> = vec![
        (
            AnnotationRecord {
                id: String::new(),
                ..base.clone()
            },
            "annotations[0].id: an annotation id must not be empty",
        ),
        (
            AnnotationRecord {
                label: "rumour".into(),
                ..base.clone()
            },
            "annotations[0].label: \"rumour\" is not a label (claim, quote, entity)",
        ),
        (
            AnnotationRecord {
                label: "entity".into(),
                ..base.clone()
            },
            "annotations[0].kind: an entity needs a kind (person, organization, place, other)",
        ),
        (
            AnnotationRecord {
                kind: Some("person".into()),
                ..base.clone()
            },
            "annotations[0].kind: a quote has no kind, but \"person\" was given",
        ),
        (
            AnnotationRecord {
                article: "nope".into(),
                ..base.clone()
            },
            "annotations[0].article: unknown article \"nope\"",
        ),
        (
            AnnotationRecord {
                start: 8,
                ..base.clone()
            },
            "annotations[0].end: end 8 must be greater than start 8",
        ),
        (
            AnnotationRecord {
                end: 99,
                ..base.clone()
            },
            "annotations[0].end: 99 is past the end of article \"a\" (51 characters)",
        ),
        (
            AnnotationRecord {
                exact: String::new(),
                ..base.clone()
            },
            "annotations[0].exact: the annotated text must not be empty",
        ),
    ];
    for (r, expected) in cases {
        assert_eq!(error(&r), expected);
    }
    assert!(check(&base).is_ok());
}

#[test]
fn long_texts_are_shortened_in_messages() {
    let long = "x".repeat(100);
    assert_eq!(excerpt(&long).chars().count(), 62);
    assert!(excerpt(&long).ends_with("x…\""));
    assert_eq!(excerpt("“hi”"), "\"“hi”\"");
}

#[test]
fn attributes_are_read_and_checked_against_the_label() {
    let mut claim = rec(0, 5, "Zelen");
    claim.label = "claim".into();
    claim.source = Some("q1".into());
    claim.attribution = Some("outlet".into());
    claim.check = Some("disputed".into());
    let placed = check(&claim).unwrap();
    let attrs = &placed.annotation().unwrap().attrs;
    assert_eq!(attrs.source, Some("q1".into()));
    assert_eq!(
        attrs.attribution,
        Some(crate::domain::model::attributes::Attribution::OutletOwn)
    );
    assert_eq!(
        attrs.check,
        crate::domain::model::attributes::CheckStatus::Disputed
    );

    let mut entity = rec(0, 5, "Zelen");
    entity.label = "entity".into();
    entity.kind = Some("person".into());
    entity.entity = Some("e-bessent".into());
    let placed = check(&entity).unwrap();
    assert_eq!(
        placed.annotation().unwrap().attrs.entity,
        Some("e-bessent".into())
    );

    let cases = [
        (
            AnnotationRecord { attribution: Some("said".into()), ..claim.clone() },
            "annotations[0].attribution: \"said\" is not an attribution (attributed, unattributed, outlet)",
        ),
        (
            AnnotationRecord { check: Some("true".into()), ..claim.clone() },
            "annotations[0].check: \"true\" is not a check status (unchecked, supported, disputed, false)",
        ),
        (
            AnnotationRecord { attribution: Some("outlet".into()), ..rec(0, 5, "Zelen") },
            "annotations[0].attribution: only claims have this attribute",
        ),
        (
            AnnotationRecord { source: Some("x".into()), ..entity.clone() },
            "annotations[0].source: an entity has no source",
        ),
        (
            AnnotationRecord { entity: Some("e".into()), ..claim.clone() },
            "annotations[0].entity: only entities refer to a registry entry",
        ),
        (
            AnnotationRecord { source: Some(String::new()), ..claim.clone() },
            "annotations[0].source: a source id must not be empty",
        ),
    ];
    for (bad, message) in cases {
        assert_eq!(error(&bad), message);
    }
}

#[test]
fn attributes_round_trip_through_the_record() {
    let mut claim = rec(0, 5, "Zelen");
    claim.label = "claim".into();
    claim.source = Some("q1".into());
    claim.attribution = Some("attributed".into());
    claim.check = Some("false".into());
    let a = check(&claim).unwrap().annotation().unwrap().clone();
    let back = AnnotationRecord::from_annotation(&a, &article());
    assert_eq!(back.source, claim.source);
    assert_eq!(back.attribution, claim.attribution);
    assert_eq!(back.check, claim.check);
    let text = crate::domain::files::json::to_compact(&back);
    assert!(
        text.ends_with(r#""source":"q1","attribution":"attributed","check":"false"}"#),
        "{text}"
    );
    let read: AnnotationRecord = crate::domain::files::json::from_str(&text).unwrap();
    assert_eq!(read, back);
}

#[test]
fn a_time_that_is_not_rfc_3339_is_refused_at_its_path() {
    let text = crate::domain::files::json::to_compact(&rec(0, 8, "Zelensky"));
    for (field, bad, why) in [
        (
            "created",
            "yesterday",
            "\"yesterday\" is not a date-time like 2025-02-14T09:30:00Z",
        ),
        (
            "updated",
            "2025-02-30",
            "\"2025-02-30\" is not a date-time like 2025-02-14T09:30:00Z",
        ),
    ] {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value[field] = serde_json::Value::from(bad);
        let e = crate::domain::files::json::from_str::<AnnotationRecord>(&value.to_string())
            .unwrap_err();
        assert_eq!(e.path, field);
        assert!(e.message.starts_with(why), "{e}");
    }
}
