//! Tests of the graves: a change after a delete beats it, union keeps the later time, and the bounds
//! drop the oldest graves the same way in every tab.

use super::*;

fn graves(annotations: &[(&str, i64)]) -> Graves {
    Graves {
        annotations: annotations
            .iter()
            .map(|(id, at)| (AnnotationId::from(*id), Timestamp(*at)))
            .collect(),
        ..Graves::default()
    }
}

#[test]
fn a_record_is_alive_without_a_grave_or_when_changed_after_it() {
    assert!(alive(None, Timestamp(5)));
    assert!(
        alive(Some(&Timestamp(4)), Timestamp(5)),
        "changed after the delete"
    );
    assert!(
        !alive(Some(&Timestamp(5)), Timestamp(5)),
        "changed at the delete's time"
    );
    assert!(!alive(Some(&Timestamp(6)), Timestamp(5)));
}

#[test]
fn union_keeps_every_grave_at_its_later_time_either_way_round() {
    let a = graves(&[("x", 5), ("y", 9)]);
    let b = graves(&[("x", 7), ("z", 1)]);
    let want = graves(&[("x", 7), ("y", 9), ("z", 1)]);
    assert_eq!(a.union(&b), want);
    assert_eq!(b.union(&a), want);
    assert_eq!(a.union(&a), a);
    assert_eq!(a.union(&Graves::default()), a);
    assert_eq!(want.newest(), Some(Timestamp(9)));
    assert!(Graves::default().is_empty() && !a.is_empty());
}

#[test]
fn graves_older_than_thirty_days_before_the_newest_are_dropped() {
    let newest = 100 * KEEP_MS;
    let mut g = graves(&[
        ("old", newest - KEEP_MS - 1),
        ("edge", newest - KEEP_MS),
        ("new", newest),
    ]);
    g.entities.insert("e".into(), Timestamp(0));
    g.bound();
    let kept: Vec<&str> = g.annotations.keys().map(|id| id.as_str()).collect();
    assert_eq!(kept, ["edge", "new"]);
    assert!(
        g.entities.is_empty(),
        "measured from the newest grave of any kind"
    );
}

#[test]
fn at_most_the_newest_ten_thousand_of_a_kind_are_kept_ties_by_id() {
    let mut g = Graves::default();
    for i in 0..MAX_GRAVES + 5 {
        // Two graves share each time, so the cut falls between graves of one time.
        g.annotations.insert(
            format!("a{i:05}").as_str().into(),
            Timestamp((i / 2) as i64),
        );
    }
    let mut other = g.clone();
    g.bound();
    assert_eq!(g.annotations.len(), MAX_GRAVES);
    // a00004 and a00005 share the time at the cut: the lower id stays.
    assert!(g.annotations.contains_key(&AnnotationId::from("a00004")));
    assert!(!g.annotations.contains_key(&AnnotationId::from("a00005")));
    assert!(g.annotations.contains_key(&AnnotationId::from("a10004")));
    // The same cut whatever the graves were merged with before.
    other = other.union(&Graves::default());
    assert_eq!(other, g);
}
