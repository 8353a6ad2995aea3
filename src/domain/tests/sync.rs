//! Tests of the three-way merge, worked by hand on the rich sample workspace: additions, one-sided and
//! two-sided changes, deletions against changes, own articles, registry entries, and links cut.

use super::*;
use crate::domain::files::formats::native::sample::{rich_workspace, OWN};
use crate::domain::fixtures::{ann, CREATED};
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

const PERSON: Label = Label::Entity(EntityKind::Person);

fn at(ms: i64) -> Timestamp {
    Timestamp(CREATED.0 + 1_000_000 + ms)
}

/// The base workspace, and two copies of it for the two tabs.
fn three() -> (Snapshot, Workspace, Workspace) {
    let base = rich_workspace();
    (Snapshot::of(&base), rich_workspace(), rich_workspace())
}

fn merged(base: &Snapshot, ours: &Workspace, theirs: &Workspace) -> Merged {
    merge(base, &Snapshot::of(ours), &Snapshot::of(theirs))
}

fn note(ws: &mut Workspace, id: &str, text: &str, ms: i64) {
    ws.apply(Action::SetNote {
        id: id.into(),
        note: text.into(),
        at: at(ms),
    })
    .unwrap();
}

fn note_of(m: &Merged, id: &str) -> Option<String> {
    m.state
        .annotations
        .get(&AnnotationId::from(id))
        .map(|a| a.note.clone())
}

fn ids(m: &Merged) -> Vec<&str> {
    m.state.annotations.keys().map(|id| id.as_str()).collect()
}

#[test]
fn annotations_added_on_either_side_are_both_kept() {
    let (base, mut ours, mut theirs) = three();
    ours.apply(Action::Annotate(ann("ours-new", "kyiv-post", 0, 4, PERSON)))
        .unwrap();
    theirs
        .apply(Action::Annotate(ann(
            "theirs-new",
            "kyiv-post",
            5,
            9,
            Label::Claim,
        )))
        .unwrap();
    let m = merged(&base, &ours, &theirs);
    assert!(ids(&m).contains(&"ours-new"));
    assert!(ids(&m).contains(&"theirs-new"));
    assert_eq!(m.state.annotations.len(), base.annotations.len() + 2);
    assert_eq!(m.cut, Vec::<String>::new());
}

#[test]
fn a_change_on_one_side_is_taken_and_unchanged_records_stay_ours() {
    let (base, ours, mut theirs) = three();
    note(&mut theirs, "q-short", "theirs", 1);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(note_of(&m, "q-short").as_deref(), Some("theirs"));
    // The same the other way round.
    let m = merged(&base, &theirs, &ours);
    assert_eq!(note_of(&m, "q-short").as_deref(), Some("theirs"));
    // Records nobody changed are our very records, so the painter redraws nothing for them.
    let ours = Snapshot::of(&ours);
    let m = merge(&base, &ours, &Snapshot::of(&theirs));
    let msc = AnnotationId::from("e-msc");
    assert!(Rc::ptr_eq(
        &m.state.annotations[&msc],
        &ours.annotations[&msc]
    ));
}

#[test]
fn a_change_on_both_sides_goes_to_the_later_one_and_a_tie_to_theirs() {
    let (base, mut ours, mut theirs) = three();
    note(&mut ours, "q-short", "ours, later", 20);
    note(&mut theirs, "q-short", "theirs, earlier", 10);
    note(&mut ours, "e-msc", "ours, earlier", 10);
    note(&mut theirs, "e-msc", "theirs, later", 20);
    note(&mut ours, "c-reserves", "ours, same time", 30);
    note(&mut theirs, "c-reserves", "theirs, same time", 30);
    let m = merged(&base, &ours, &theirs);
    assert_eq!(note_of(&m, "q-short").as_deref(), Some("ours, later"));
    assert_eq!(note_of(&m, "e-msc").as_deref(), Some("theirs, later"));
    assert_eq!(
        note_of(&m, "c-reserves").as_deref(),
        Some("theirs, same time")
    );
}

#[test]
fn a_delete_wins_over_no_change_and_loses_to_a_change() {
    let (base, mut ours, mut theirs) = three();
    ours.apply(Action::Remove {
        id: "q-short".into(),
    })
    .unwrap();
    theirs.apply(Action::Remove { id: "e-msc".into() }).unwrap();
    ours.apply(Action::Remove {
        id: "c-reserves".into(),
    })
    .unwrap();
    note(
        &mut theirs,
        "c-reserves",
        "changed while ours deleted it",
        5,
    );
    let m = merged(&base, &ours, &theirs);
    assert_eq!(
        note_of(&m, "q-short"),
        None,
        "deleted by ours, unchanged by theirs"
    );
    assert_eq!(
        note_of(&m, "e-msc"),
        None,
        "deleted by theirs, unchanged by ours"
    );
    assert_eq!(
        note_of(&m, "c-reserves").as_deref(),
        Some("changed while ours deleted it")
    );
}

#[test]
fn registry_entries_merge_like_annotations_and_links_to_a_deleted_entry_are_cut() {
    let (base, mut ours, mut theirs) = three();
    // Theirs deletes an entry (its mention is unlinked there); ours links another mention to it.
    theirs
        .apply(Action::RemoveEntity {
            id: "ent-olena".into(),
        })
        .unwrap();
    ours.apply(Action::Annotate(ann("o-olena-2", OWN, 0, 5, PERSON)))
        .unwrap();
    ours.apply(Action::SetMentionEntity {
        mentions: vec!["o-olena-2".into()],
        entity: Some("ent-olena".into()),
        at: at(1),
    })
    .unwrap();
    // Both rename the other entry; ours later.
    for (ws, name, ms) in [
        (&mut ours, "Zelensky (ours)", 9),
        (&mut theirs, "Zelensky (theirs)", 3),
    ] {
        let mut e = Entity::clone(ws.entity(&"ent-zelensky".into()).unwrap());
        e.name = name.into();
        e.updated = at(ms);
        ws.apply(Action::EditEntity(e)).unwrap();
    }
    let m = merged(&base, &ours, &theirs);
    assert!(!m.state.entities.contains_key(&EntityId::from("ent-olena")));
    assert_eq!(
        m.state.entities[&EntityId::from("ent-zelensky")].name,
        "Zelensky (ours)"
    );
    let new = &m.state.annotations[&AnnotationId::from("o-olena-2")];
    assert_eq!(
        new.attrs.entity, None,
        "the link to the deleted entry is cut"
    );
    let old = &m.state.annotations[&AnnotationId::from("o-olena")];
    assert_eq!(old.attrs.entity, None, "theirs unlinked it");
    assert_eq!(
        m.cut,
        ["annotation \"o-olena-2\": a link that no longer fits was cut"]
    );
}

#[test]
fn a_source_that_was_deleted_or_relabelled_on_the_other_side_is_cut() {
    let (base, mut ours, mut theirs) = three();
    // o-claim's source is o-quote (a claim may cite a quote); theirs makes o-quote a claim.
    theirs
        .apply(Action::Relabel {
            id: "o-quote".into(),
            label: Label::Claim,
            at: at(1),
        })
        .unwrap();
    // Meanwhile ours adds a quote said by o-olena; theirs deletes o-olena.
    ours.apply(Action::Annotate(ann("o-quote-2", OWN, 6, 15, Label::Quote)))
        .unwrap();
    ours.apply(Action::SetSource {
        id: "o-quote-2".into(),
        source: Some("o-olena".into()),
        at: at(2),
    })
    .unwrap();
    theirs
        .apply(Action::Remove {
            id: "o-olena".into(),
        })
        .unwrap();
    let m = merged(&base, &ours, &theirs);
    let get = |id: &str| m.state.annotations[&AnnotationId::from(id)].clone();
    assert_eq!(get("o-quote").label, Label::Claim);
    assert_eq!(
        get("o-claim").attrs.source,
        None,
        "a claim cannot cite a claim"
    );
    assert_eq!(get("o-quote-2").attrs.source, None, "its source is gone");
    assert!(!m
        .state
        .annotations
        .contains_key(&AnnotationId::from("o-olena")));
    assert_eq!(m.cut.len(), 1, "{:?}", m.cut);
    // o-claim's source was cut by theirs' relabel already; only ours' new link is cut here.
    assert!(m.cut[0].contains("o-quote-2"));
}

#[test]
fn an_own_article_deleted_on_one_side_stays_if_the_other_worked_in_it() {
    let (base, mut ours, mut theirs) = three();
    theirs
        .apply(Action::RemoveArticle { id: OWN.into() })
        .unwrap();
    let deleted = theirs.graves().articles[&ArticleId::from(OWN)];
    assert_eq!(
        deleted,
        theirs.clock(),
        "deleted at the latest time theirs had seen"
    );
    // Ours tags in it at the delete's time: that does not keep it.
    let mut early = rich_workspace();
    let mut tagged = ann("o-early", OWN, 0, 5, PERSON);
    tagged.updated = deleted;
    early.apply(Action::Annotate(tagged)).unwrap();
    let m = merged(&base, &early, &theirs);
    assert!(!m.state.articles.contains_key(&ArticleId::from(OWN)));
    // Ours tags in it after the delete: that keeps it.
    let mut tagged = ann("o-new", OWN, 0, 5, PERSON);
    tagged.updated = at(1);
    assert!(tagged.updated > deleted);
    ours.apply(Action::Annotate(tagged)).unwrap();
    let m = merged(&base, &ours, &theirs);
    assert!(m.state.articles.contains_key(&ArticleId::from(OWN)));
    let in_own: Vec<&str> = m
        .state
        .annotations
        .values()
        .filter(|a| a.article.as_str() == OWN)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        in_own,
        ["o-new"],
        "the annotations theirs deleted with it stay deleted"
    );
    // Nobody worked in it: it goes, with its annotations.
    let m = merged(&base, &rich_workspace(), &theirs);
    assert!(!m.state.articles.contains_key(&ArticleId::from(OWN)));
    assert!(m
        .state
        .annotations
        .values()
        .all(|a| a.article.as_str() != OWN));
    assert_eq!(m.cut, Vec::<String>::new());
}

#[test]
fn an_own_article_renamed_on_both_sides_takes_theirs() {
    let (base, mut ours, mut theirs) = three();
    for (ws, title) in [(&mut ours, "Ours"), (&mut theirs, "Theirs")] {
        ws.apply(Action::RenameArticle {
            id: OWN.into(),
            title: title.into(),
        })
        .unwrap();
    }
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.state.articles[&ArticleId::from(OWN)].title, "Theirs");
    let m = merged(&base, &ours, &rich_workspace());
    assert_eq!(m.state.articles[&ArticleId::from(OWN)].title, "Ours");
}
