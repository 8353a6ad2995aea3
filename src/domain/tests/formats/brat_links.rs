//! Tests of brat relations, attributes, normalisations and equivalences.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::fixtures::{golden, records};
use crate::domain::model::names::EntityId;
use crate::domain::model::registry::Entity;

/// What brat keeps of a record beyond its span: id, source, attributes, registry entry.
fn attrs(rec: &crate::domain::files::records::AnnotationRecord) -> [Option<String>; 5] {
    [
        Some(rec.id.clone()),
        rec.source.clone(),
        rec.attribution.clone(),
        rec.check.clone(),
        rec.entity.clone(),
    ]
}

#[test]
fn links_attributes_and_references_survive_the_zip() {
    let ws = registry_workspace();
    let incoming = read_zip(
        &fixture_export().bytes,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let back: Vec<_> = incoming.records.iter().map(|(_, r)| attrs(r)).collect();
    let original: Vec<_> = records(&ws).iter().map(attrs).collect();
    assert_eq!(back, original);
    let entries: Vec<(&str, &str, &str, &str)> = incoming
        .entities
        .iter()
        .map(|(p, e)| (p.as_str(), e.id.as_str(), e.name.as_str(), e.kind.as_str()))
        .collect();
    // Kyiv is named in both files; the entry comes once, from the first.
    assert_eq!(
        entries,
        [
            ("fixture.ann line 26", "ent-kyiv", "Kyiv", "place"),
            (
                "fixture.ann line 27",
                "ent-zelensky",
                "Volodymyr Zelensky",
                "person"
            ),
        ]
    );
}

/// The registry fixture with a second mention of Zelensky ("Zelensky’s office"), so that the
/// fixture article has two mentions of one entry.
fn two_mentions() -> Workspace {
    let mut ws = registry_workspace();
    let mut again = crate::domain::fixtures::ann(
        "e-zelensky-2",
        "fixture",
        191,
        199,
        Label::Entity(EntityKind::Person),
    );
    again.attrs.entity = Some(EntityId::from("ent-zelensky"));
    ws.apply(Action::Annotate(again)).unwrap();
    ws
}

fn fixture_ann(ws: &Workspace) -> (String, Body) {
    let body = export(&docs(ws, &Scope::everything()));
    (ann_of(&body, "fixture.ann"), body)
}

#[test]
fn the_mentions_of_one_entry_are_an_equivalence() {
    let ws = two_mentions();
    let (ann, body) = fixture_ann(&ws);
    golden("fixture-equiv.ann", ann.as_bytes());
    assert!(ann.contains("T8\tPerson 191 199\tZelensky\n"));
    assert!(ann.ends_with(
        "N2\tReference T3 Registry:ent-zelensky\tVolodymyr Zelensky\n\
         N3\tReference T8 Registry:ent-zelensky\tVolodymyr Zelensky\n\
         *\tEquiv T3 T8\n"
    ));
    assert!(body.dropped.is_empty());
    // Without its normalisations the group makes one new entry, named after its first mention.
    let bare: String = ann
        .lines()
        .filter(|l| !l.starts_with('N'))
        .map(|l| format!("{l}\n"))
        .collect();
    let incoming = read_ann(
        "fixture.ann",
        &bare,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    let refs: Vec<(&str, &str)> = incoming
        .records
        .iter()
        .filter_map(|(_, r)| Some((r.id.as_str(), r.entity.as_deref()?)))
        .collect();
    let id = "brat-entry-fixture-87-105";
    assert_eq!(refs, [("e-zelensky", id), ("e-zelensky-2", id)]);
    let [(path, entry)] = incoming.entities.as_slice() else {
        panic!("{:?}", incoming.entities)
    };
    assert_eq!(
        (path.as_str(), entry.name.as_str(), entry.kind.as_str()),
        ("fixture.ann line 28", "Volodymyr Zelensky", "person")
    );
    // With one normalisation, the other mention of the group gets the same entry.
    let one = ann.replace(
        "N3\tReference T8 Registry:ent-zelensky\tVolodymyr Zelensky\n",
        "",
    );
    let incoming = read_ann(
        "fixture.ann",
        &one,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    let second = incoming
        .records
        .iter()
        .find(|(_, r)| r.id == "e-zelensky-2")
        .unwrap();
    assert_eq!(second.1.entity.as_deref(), Some("ent-zelensky"));
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
}

#[test]
fn what_brat_cannot_hold_is_listed_as_dropped() {
    let mut ws = one_article("Ann said:\n\n“no”.");
    let mut spaced = Entity::new(
        EntityId::from("ent ann"),
        "Ann\tSmith",
        EntityKind::Person,
        EXPORTED,
    );
    spaced.aliases.push("A. S.".into());
    let at = |id: &str, start, end, label| {
        let mut a = crate::domain::fixtures::ann(id, "doc", start, end, label);
        if label == Label::Quote {
            a.attrs.source = Some("ann".into());
        }
        a
    };
    let mut ann = at("ann", 0, 3, Label::Entity(EntityKind::Person));
    ann.attrs.entity = Some(EntityId::from("ent ann"));
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: vec![spaced],
        annotations: vec![
            ann,
            at("gap", 9, 11, Label::Quote),
            at("no", 11, 16, Label::Quote),
        ],
        replace: false,
    })
    .unwrap();
    let body = export(&docs(&ws, &Scope::everything()));
    let ann = ann_of(&body, "doc.ann");
    assert!(ann.ends_with("R1\tSaidBy Arg1:T2 Arg2:T1\n"), "{ann}");
    assert_eq!(
        body.dropped,
        [
            "gap: the Quote at [9, 11) holds only line breaks, which brat cannot mark",
            "gap: its link to \"ann\" is left out with the span brat could not mark",
            "ann: its registry reference is left out: the entry's id \"ent ann\" holds a space, \
             which a brat normalisation cannot",
        ]
    );
}

/// The warnings of `ann` read as `fixture.ann` (two T lines: a quote T1 and Zelensky T2), and the
/// records.
fn read_extra(lines: &str) -> Incoming {
    let ws = formats_workspace();
    let ann = format!(
        "T1\tQuote 10 81\t“For me, it is crucial to connect security guarantees with investment,”\n\
         T2\tPerson 87 105\tVolodymyr Zelensky\n\
         T3\tClaim 170 219\tthe deal “historic”. Zelensky’s office disagreed.\n{lines}"
    );
    read_ann(
        "fixture.ann",
        &ann,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap()
}

fn extra_error(lines: &str) -> String {
    let ws = formats_workspace();
    let ann = format!("T1\tQuote 10 81\t“For me, it is crucial to connect security guarantees with investment,”\n{lines}");
    read_ann(
        "fixture.ann",
        &ann,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap_err()
    .to_string()
}

#[test]
fn lines_naming_ids_the_file_does_not_have_are_refused_with_the_line() {
    assert_eq!(
        extra_error("R1\tSaidBy Arg1:T1 Arg2:T9\n"),
        "fixture.ann line 2: Arg2 is T9, which this file does not have"
    );
    assert_eq!(
        extra_error("A1\tCheck T4 disputed\n"),
        "fixture.ann line 2: the attribute's annotation is T4, which this file does not have"
    );
    assert_eq!(
        extra_error("N1\tReference T2 Registry:ent-1\tAnn\n"),
        "fixture.ann line 2: the reference's annotation is T2, which this file does not have"
    );
    assert_eq!(
        extra_error("*\tEquiv T1 T5\n"),
        "fixture.ann line 2: a member is T5, which this file does not have"
    );
    assert_eq!(
        extra_error("R1\tSaidBy T1 T2\n"),
        "fixture.ann line 2: \"SaidBy T1 T2\" should be a relation type and its two arguments, \
         such as \"SaidBy Arg1:T2 Arg2:T1\""
    );
    assert_eq!(
        extra_error("A1\tCheck\n"),
        "fixture.ann line 2: \"Check\" should be an attribute type, the id it is for and its \
         value, such as \"Check T3 disputed\""
    );
    assert_eq!(
        extra_error("N1\tReference T1\tAnn\n"),
        "fixture.ann line 2: \"Reference T1\" should be \"Reference\", the id it is for and the \
         entry, such as \"Reference T1 Registry:ent-1\""
    );
}

#[test]
fn links_attributes_and_references_that_do_not_fit_are_skipped_with_a_warning() {
    let incoming = read_extra(
        "R1\tSaidBy Arg1:T2 Arg2:T1\n\
         R2\tSource Arg1:T3 Arg2:T2\n\
         A1\tCheck T3 maybe\n\
         A2\tAttribution T1 outlet\n\
         A3\tCheck T3\n\
         A4\tcheck T3 False\n\
         N1\tReference T3 Registry:ent-1\tClaimed\n\
         N2\tReference T2 Wikidata:Q3476361\tVolodymyr Zelenskyy\n\
         N3\tReference T2 nowhere\tZ\n\
         A5\tCheck R1 disputed\n",
    );
    let recs: Vec<_> = incoming.records.iter().map(|(_, r)| r).collect();
    assert_eq!(recs[0].attribution, None);
    assert_eq!(recs[1].source, None);
    assert_eq!(recs[2].source.as_deref(), Some("brat-fixture-87-105-P"));
    assert_eq!(recs[2].check.as_deref(), Some("false"));
    assert_eq!(
        (recs[2].entity.as_ref(), recs[1].entity.as_deref()),
        (None, Some("Wikidata:Q3476361"))
    );
    assert_eq!(incoming.entities[0].1.name, "Volodymyr Zelenskyy");
    assert_eq!(
        incoming.warnings,
        [
            "fixture.ann line 4: an entity cannot have a quote as its source (a quote's source \
             is an entity, a claim's an entity or a quote); skipped",
            "fixture.ann line 6: \"maybe\" is not a value of check (unchecked, supported, \
             disputed, false); skipped",
            "fixture.ann line 7: only claims have an attribution, and this is a quote; skipped",
            "fixture.ann line 8: Check has no value (unchecked, supported, disputed, false); \
             skipped",
            "fixture.ann line 10: only entities refer to a registry entry, and this is a claim; \
             skipped",
            "fixture.ann line 12: \"nowhere\" should be a database and an id, such as \
             Registry:ent-1; skipped",
            "fixture.ann line 13: Check is for claims, not R1; skipped",
        ]
    );
}

#[test]
fn a_group_of_mentions_of_different_entries_is_skipped_with_a_warning() {
    let incoming = read_extra(
        "T4\tPerson 191 199\tZelensky\n\
         N1\tReference T2 Registry:ent-1\tVolodymyr Zelensky\n\
         N2\tReference T4 Registry:ent-2\tZelensky\n\
         *\tEquiv T2 T4 T3\n",
    );
    assert_eq!(
        incoming.warnings,
        [
            "fixture.ann line 7: T3 is no entity mention; left out of the group",
            "fixture.ann line 7: its mentions refer to different registry entries (ent-1, \
             ent-2); skipped",
        ]
    );
    assert_eq!(incoming.entities.len(), 2);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any mix of relation, attribute, normalisation and equivalence lines after three good
        /// `T` lines is read or refused without panicking, and what is read holds together: every
        /// source is a record of the read, every registry reference an entry it brings.
        #[test]
        fn extra_lines_are_read_whole_or_refused(
            extra in "(R1\t|A1\t|M1\t|N1\t|E1\t|\\*\t|SaidBy|Source|FromQuote|Equiv|Alias|Located|Attribution|Check|Status|Reference|Registry:ent-1|Wikidata:Q1|Arg1:T1|Arg2:T2|Arg1:T3|Arg2:T3|T1|T2|T3|T4|R1|outlet|disputed|maybe| |\t|\n|:){0,40}"
        ) {
            let ws = formats_workspace();
            let ann = format!(
                "T1\tQuote 10 81\t“For me, it is crucial to connect security guarantees with investment,”\n\
                 T2\tPerson 87 105\tVolodymyr Zelensky\n\
                 T3\tClaim 170 219\tthe deal “historic”. Zelensky’s office disagreed.\n{extra}"
            );
            if let Ok(incoming) = read_ann("fixture.ann", &ann, ws.articles(), &LabelMap::default(), NOW) {
                let ids: Vec<&str> = incoming.records.iter().map(|(_, r)| r.id.as_str()).collect();
                for (_, r) in &incoming.records {
                    if let Some(source) = &r.source {
                        prop_assert!(ids.contains(&source.as_str()) && *source != r.id);
                    }
                    if let Some(entity) = &r.entity {
                        prop_assert!(incoming.entities.iter().any(|(_, e)| e.id == *entity));
                        prop_assert_eq!(r.label.as_str(), "entity");
                    }
                    prop_assert!(r.attribution.is_none() && r.check.is_none() || r.label == "claim");
                }
            }
        }
    }
}
