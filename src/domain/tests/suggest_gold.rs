//! The bars on the held-out labelled set (`tests/fixtures/suggest/`, written apart from the
//! rules): a change to the rules that drops below a bar fails here.

use super::score::{ratio, score};

const GOLD: &str = include_str!("../../../tests/fixtures/suggest/gold.jsonl");

#[test]
fn the_held_out_set_meets_the_bars() {
    let s = score(GOLD).expect("the gold set reads");
    assert_eq!(s.paragraphs, 65);
    let (long_suggested, long_precise) = s.long_suggested;
    let (long_gold, long_found) = s.long_gold;
    assert!(
        ratio(long_precise, long_suggested) >= 0.9,
        "quote precision {long_precise}/{long_suggested}"
    );
    assert!(
        ratio(long_found, long_gold) >= 0.85,
        "quote recall {long_found}/{long_gold}"
    );
    let (named, right) = s.speakers;
    assert!(ratio(right, named) >= 0.8, "speakers {right}/{named}");
    let (registry, found) = s.registry;
    assert_eq!(
        (found, s.registry_false),
        (registry, 0),
        "every registry mention, and no false one"
    );
}
