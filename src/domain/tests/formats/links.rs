//! Tests of what the foreign formats share for links, claim attributes and registry references.

use super::*;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::fixtures::registry_workspace;
use crate::domain::model::names::LabelName;

fn rec(id: &str, label: &str, kind: Option<&str>) -> (String, AnnotationRecord) {
    let rec = AnnotationRecord {
        id: id.into(),
        label: label.into(),
        kind: kind.map(str::to_owned),
        exact: format!("{id} text"),
        ..AnnotationRecord::default()
    };
    (format!("at {id}"), rec)
}

fn pending(from: usize, to: usize, kind: Option<LinkKind>) -> Pending {
    Pending {
        path: format!("link {from}-{to}"),
        from,
        to,
        kind,
    }
}

#[test]
fn link_kinds_are_read_in_every_usual_spelling() {
    for name in ["said_by", "SaidBy", "said-by", "Said By", "SAIDBY"] {
        assert_eq!(link_kind(name), Some(LinkKind::SaidBy), "{name}");
    }
    assert_eq!(link_kind("FromQuote"), Some(LinkKind::FromQuote));
    assert_eq!(link_kind("source"), Some(LinkKind::Source));
    assert_eq!(link_kind("works_for"), None);
    assert_eq!(link_kind(""), None);
}

#[test]
fn links_that_fit_set_the_source_and_the_rest_warn() {
    let mut records = vec![
        rec("q", "quote", None),
        rec("p", "entity", Some("person")),
        rec("c", "claim", None),
    ];
    let mut warnings = Vec::new();
    link(
        &mut records,
        &pending(0, 1, Some(LinkKind::SaidBy)),
        &mut warnings,
    );
    assert_eq!(records[0].1.source.as_deref(), Some("p"));
    assert!(warnings.is_empty(), "{warnings:?}");
    // A claim citing a quote is from_quote whatever the file calls it.
    link(
        &mut records,
        &pending(2, 0, Some(LinkKind::Source)),
        &mut warnings,
    );
    assert_eq!(records[2].1.source.as_deref(), Some("q"));
    assert_eq!(
        warnings,
        ["link 2-0: a claim citing a quote is a from_quote link, not source; read as from_quote"]
    );
    warnings.clear();
    link(&mut records, &pending(1, 0, None), &mut warnings);
    link(&mut records, &pending(0, 0, None), &mut warnings);
    link(&mut records, &pending(2, 1, None), &mut warnings);
    assert_eq!(records[1].1.source, None);
    assert_eq!(records[2].1.source.as_deref(), Some("q"));
    assert_eq!(
        warnings,
        [
            "link 1-0: an entity cannot have a quote as its source (a quote's source is an \
             entity, a claim's an entity or a quote); skipped",
            "link 0-0: links an annotation to itself; skipped",
            "link 2-1: \"c\" has a source already (\"q\"); this second one is skipped",
        ]
    );
}

#[test]
fn claim_attributes_are_checked_by_value_and_label() {
    let (_, mut claim) = rec("c", "claim", None);
    assert_eq!(
        set_attr(&mut claim, ClaimAttr::Attribution, "Outlet"),
        Ok(())
    );
    assert_eq!(set_attr(&mut claim, ClaimAttr::Check, "disputed"), Ok(()));
    assert_eq!(
        (claim.attribution.as_deref(), claim.check.as_deref()),
        (Some("outlet"), Some("disputed"))
    );
    assert_eq!(
        set_attr(&mut claim, ClaimAttr::Check, "maybe"),
        Err("\"maybe\" is not a value of check (unchecked, supported, disputed, false)".into())
    );
    assert_eq!(
        set_attr(&mut claim, ClaimAttr::Check, "false"),
        Err("a second check (\"false\" after \"disputed\")".into())
    );
    let (_, mut quote) = rec("q", "quote", None);
    assert_eq!(
        set_attr(&mut quote, ClaimAttr::Attribution, "attributed"),
        Err("only claims have an attribution, and this is a quote".into())
    );
    assert_eq!(quote.attribution, None);
    assert_eq!(ClaimAttr::from_name("Check"), Some(ClaimAttr::Check));
}

#[test]
fn a_reference_adds_its_entry_once_with_the_mention_s_kind() {
    let now = Timestamp(1_800_000_000_000);
    let mut entities = Vec::new();
    let (_, mut first) = rec("p1", "entity", Some("person"));
    let (_, mut second) = rec("p2", "entity", Some("person"));
    refer(
        &mut entities,
        &mut first,
        "line 1",
        "ent-z",
        "Volodymyr Zelensky",
        now,
    )
    .unwrap();
    refer(
        &mut entities,
        &mut second,
        "line 2",
        "ent-z",
        "Zelensky",
        now,
    )
    .unwrap();
    assert_eq!(second.entity.as_deref(), Some("ent-z"));
    let [(path, entry)] = entities.as_slice() else {
        panic!("{entities:?}")
    };
    assert_eq!(path, "line 1");
    assert_eq!(
        (
            entry.name.as_str(),
            entry.kind.as_str(),
            entry.created.to_string().as_str()
        ),
        ("Volodymyr Zelensky", "person", "2027-01-15T08:00:00.000Z")
    );
    // A blank name is the mention's text.
    let (_, mut third) = rec("p3", "entity", Some("place"));
    refer(&mut entities, &mut third, "line 3", "ent-k", " ", now).unwrap();
    assert_eq!(entities[1].1.name, "p3 text");
    let (_, mut claim) = rec("c", "claim", None);
    assert_eq!(
        refer(&mut entities, &mut claim, "line 4", "ent-z", "", now),
        Err("only entities refer to a registry entry, and this is a claim".into())
    );
    assert_eq!(
        refer(&mut entities, &mut first, "line 5", "ent-k", "", now),
        Err("a second registry entry (\"ent-k\" after \"ent-z\")".into())
    );
    assert_eq!(entities.len(), 2);
}

#[test]
fn a_doc_s_links_leave_out_sources_outside_the_export() {
    let ws = registry_workspace();
    let all = docs(&ws, &Scope::everything());
    let mut dropped = Vec::new();
    let found: Vec<(&str, &str, LinkKind)> = links(&all[0], &mut dropped)
        .iter()
        .map(|l| (l.from.id.as_str(), l.to.id.as_str(), l.kind))
        .collect();
    assert_eq!(
        found,
        [
            ("q-crucial", "e-zelensky", LinkKind::SaidBy),
            ("c-historic", "e-bessent", LinkKind::Source),
            ("c-disagreed", "q-crucial", LinkKind::FromQuote),
        ]
    );
    assert!(dropped.is_empty());
    assert_eq!(
        all[0]
            .entities
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["ent-kyiv", "ent-zelensky"]
    );
    let claims = Scope {
        article: None,
        labels: vec![LabelName::Claim, LabelName::Quote],
    };
    let some = docs(&ws, &claims);
    assert!(some[0].entities.is_empty());
    let kept = links(&some[0], &mut dropped);
    assert_eq!(kept.len(), 1);
    assert_eq!(
        dropped,
        [
            "q-crucial: its link to its source \"e-zelensky\" is left out: the source is not in \
             this export",
            "c-historic: its link to its source \"e-bessent\" is left out: the source is not in \
             this export",
        ]
    );
}
