//! Tests of the links and registry references of an import: those in neither the file nor the workspace
//! are cut with a line naming both ids, a bad link within the file refuses it, links to our annotation
//! under another id point to ours, and merge and replace leave nothing stale.

use super::v2_tests::{file, index, plan, record, refused, stale, state, untimed_state};
use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::{
    find, own_article, rich_workspace, OWN, OWN_TEXT,
};
use crate::domain::fixtures::{ann, sample_workspace};
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind, Label};
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

#[test]
fn links_and_entries_in_neither_the_file_nor_the_workspace_are_cut_with_a_line_naming_both() {
    let ws = Workspace::new(bundled_articles().unwrap());
    let mut f = file(&rich_workspace());
    record(&mut f, "o-quote")["source"] = Value::from("o-ghost");
    record(&mut f, "o-olena")["entity"] = Value::from("ent-ghost");
    let (q, o) = (index(&f, "o-quote"), index(&f, "o-olena"));
    let p = plan(&f, &ws);
    assert_eq!(
        p.links_cut,
        [
            format!(
                "annotations[{o}]: the registry entry \"ent-ghost\" of \"o-olena\" was cut: it is \
                 neither in the file nor here"
            ),
            format!(
                "annotations[{q}]: the link from \"o-quote\" to \"o-ghost\" was cut: \"o-ghost\" is \
                 neither in the file nor here"
            ),
        ]
    );
    assert_eq!(p.new, 10, "the annotations are kept");
    for replace in [false, true] {
        let mut w = ws.clone();
        w.apply(p.action(replace)).unwrap();
        assert_eq!(w.annotation(&"o-quote".into()).unwrap().attrs.source, None);
        assert_eq!(w.annotation(&"o-olena".into()).unwrap().attrs.entity, None);
        assert!(stale(&w).is_empty());
    }
}

#[test]
fn a_link_to_a_skipped_or_unfit_target_is_cut_and_a_bad_link_within_the_file_refuses_it() {
    let ws = sample_workspace();
    // The speaker's text is gone: the speaker is skipped, the quote kept without its link.
    let mut f = file(&rich_workspace());
    record(&mut f, "o-olena")["exact"] = Value::from("Jemand anderes");
    let q = index(&f, "o-quote");
    let p = plan(&f, &ws);
    assert_eq!(p.not_found.len(), 1);
    assert_eq!(
        p.links_cut,
        [format!(
            "annotations[{q}]: the link from \"o-quote\" to \"o-olena\" was cut: \"o-olena\" was \
             skipped, its text is not in the article"
        )]
    );
    let mut w = ws.clone();
    w.apply(p.action(false)).unwrap();
    assert!(stale(&w).is_empty());
    // A source that only the workspace has, in another article.
    let mut ws_place = ws.clone();
    let place = Label::Entity(EntityKind::Place);
    ws_place
        .apply(Action::Annotate(ann(
            "w-place",
            "munich-dispatch",
            0,
            5,
            place,
        )))
        .unwrap();
    let mut f = file(&rich_workspace());
    record(&mut f, "o-quote")["source"] = Value::from("w-place");
    let p = plan(&f, &ws_place);
    assert_eq!(
        p.links_cut,
        [format!(
            "annotations[{q}]: the link from \"o-quote\" to \"w-place\" was cut: \"w-place\" is \
             in article \"munich-dispatch\", not in \"{OWN}\""
        )]
    );
    // In the file, the same link refuses the file at that field.
    record(&mut f, "o-quote")["source"] = Value::from("e-ukraine");
    assert_eq!(
        refused(&f, &ws),
        format!(
            "annotations[{q}].source: \"e-ukraine\" is in article \"munich-dispatch\", not in \
             \"{OWN}\""
        )
    );
    // Within the file, a quote said by a claim cannot be: the file is refused at that field.
    let mut f = file(&rich_workspace());
    record(&mut f, "o-quote")["source"] = Value::from("o-claim");
    assert_eq!(
        refused(&f, &ws),
        format!(
            "annotations[{q}].source: \"o-claim\" is a claim, and a quote's source must be an entity"
        )
    );
}

#[test]
fn replace_keeps_nothing_stale_and_merge_keeps_the_links_to_ours() {
    let rich = rich_workspace();
    let mut ws = rich.clone();
    let person = Label::Entity(EntityKind::Person);
    let (start, end) = find(OWN_TEXT, "Die Ministerin");
    ws.apply(Action::Annotate(ann("w-minister", OWN, start, end, person)))
        .unwrap();
    ws.apply(Action::AddEntity {
        entity: crate::domain::model::registry::Entity::new(
            EntityId::from("ent-ws"),
            "Ministerin",
            EntityKind::Person,
            NOW,
        ),
        mentions: vec!["w-minister".into()],
    })
    .unwrap();
    // The file links to the workspace's annotation and entry, which it does not have itself.
    let mut f = file(&rich);
    let later = Value::from("2030-01-01T00:00:00Z");
    record(&mut f, "o-quote")["source"] = Value::from("w-minister");
    record(&mut f, "o-quote")["updated"] = later.clone();
    record(&mut f, "o-olena")["entity"] = Value::from("ent-ws");
    record(&mut f, "o-olena")["updated"] = later;
    let (q, o) = (index(&f, "o-quote"), index(&f, "o-olena"));
    let p = plan(&f, &ws);
    assert!(p.links_cut.is_empty(), "{:?}", p.links_cut);
    assert!(p.cut_on(false).is_empty());
    assert_eq!(
        p.cut_on(true),
        [
            format!(
                "annotations[{o}]: the registry entry \"ent-ws\" of \"o-olena\" is cut on replace: \
                 it is not in the file"
            ),
            format!(
                "annotations[{q}]: the link from \"o-quote\" to \"w-minister\" is cut on replace: \
                 \"w-minister\" is not in the file"
            ),
        ]
    );
    let mut merged = ws.clone();
    merged.apply(p.action(false)).unwrap();
    let quote = merged.annotation(&"o-quote".into()).unwrap();
    assert_eq!(quote.attrs.source, Some(AnnotationId::from("w-minister")));
    let olena = merged.annotation(&"o-olena".into()).unwrap();
    assert_eq!(olena.attrs.entity, Some(EntityId::from("ent-ws")));
    assert!(stale(&merged).is_empty());
    let mut replaced = ws.clone();
    replaced.apply(p.action(true)).unwrap();
    assert!(stale(&replaced).is_empty(), "{:?}", stale(&replaced));
    assert!(replaced.annotation(&"w-minister".into()).is_none());
    assert!(replaced.entity(&EntityId::from("ent-ws")).is_none());
    assert_eq!(replaced.len(), 10);
    assert_eq!(
        replaced.annotation(&"o-quote".into()).unwrap().attrs.source,
        None
    );
    // Undo brings back the workspace's annotation, entry and links.
    replaced.apply(Action::Undo).unwrap();
    assert_eq!(untimed_state(state(&replaced)), untimed_state(state(&ws)));
}

#[test]
fn a_link_to_an_annotation_we_have_under_another_id_points_to_ours() {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    ws.apply(Action::AddArticle(own_article())).unwrap();
    let (start, end) = find(OWN_TEXT, "Олена Зеленська");
    let person = Label::Entity(EntityKind::Person);
    ws.apply(Action::Annotate(ann("mine-olena", OWN, start, end, person)))
        .unwrap();
    let p = plan(&file(&rich_workspace()), &ws);
    assert_eq!((p.new, p.present), (9, 1));
    assert!(p.added_articles.is_empty());
    ws.apply(p.action(false)).unwrap();
    assert!(ws.annotation(&"o-olena".into()).is_none());
    assert_eq!(
        ws.annotation(&"o-quote".into()).unwrap().attrs.source,
        Some(AnnotationId::from("mine-olena"))
    );
    assert!(stale(&ws).is_empty());
}

#[test]
fn merge_cuts_our_link_to_an_annotation_whose_newer_version_it_no_longer_fits() {
    let mut ws = rich_workspace();
    // The file's "o-olena" is a claim now (changed later than ours); its quote has no speaker and is
    // older than ours, so ours stays, with a link that would point to a claim.
    let mut f = file(&ws);
    let olena = record(&mut f, "o-olena");
    olena["label"] = Value::from("claim");
    olena["kind"] = Value::Null;
    olena.as_object_mut().unwrap().retain(|k, _| k != "entity");
    olena["updated"] = Value::from("2030-01-01T00:00:00Z");
    let quote = record(&mut f, "o-quote");
    quote.as_object_mut().unwrap().retain(|k, _| k != "source");
    quote["updated"] = Value::from("2020-01-01T00:00:00Z");
    let o = index(&f, "o-olena");
    let p = plan(&f, &ws);
    assert_eq!((p.conflicts, p.newer_conflicts), (2, 1));
    assert_eq!(
        p.cut_on(false),
        [format!(
            "annotations[{o}]: the link from \"o-quote\" here to \"o-olena\" is cut on merge: \
             \"o-olena\" is a claim, and a quote's source must be an entity"
        )]
    );
    let before = state(&ws);
    ws.apply(p.action(false)).unwrap();
    assert_eq!(
        ws.annotation(&"o-olena".into()).unwrap().label,
        Label::Claim
    );
    assert_eq!(ws.annotation(&"o-quote".into()).unwrap().attrs.source, None);
    assert!(stale(&ws).is_empty(), "{:?}", stale(&ws));
    ws.apply(Action::Undo).unwrap();
    assert_eq!(untimed_state(state(&ws)), untimed_state(before));
}
