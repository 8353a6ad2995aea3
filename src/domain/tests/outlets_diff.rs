//! Tests of `outlets::diff`: the Zelensky quote as two outlets give it, edges, and the size cap.

use super::*;

const MUNICH: &str =
    "For me, it is crucial to connect some kind of security guarantees with investment,";
const ARAB: &str = "For me is very important the connection between some kind of security guarantees and some kind of investment,";

/// The code points `span` of `text`.
fn slice(text: &str, span: Option<Span>) -> Option<String> {
    span.map(|s| text.chars().skip(s.start()).take(s.len()).collect())
}

/// Each run as (change, its words in the base, its words in the other).
fn shown(base: &str, other: &str) -> Vec<(Change, Option<String>, Option<String>)> {
    diff(base, other)
        .into_iter()
        .map(|r| (r.change, slice(base, r.base), slice(other, r.other)))
        .collect()
}

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn the_zelensky_quote_differs_word_by_word_between_munich_dispatch_and_arab_news() {
    use Change::*;
    assert_eq!(
        shown(MUNICH, ARAB),
        [
            (Same, s("For me,"), s("For me")),
            (Removed, s("it"), None),
            (Same, s("is"), s("is")),
            (Removed, s("crucial to connect"), None),
            (Added, None, s("very important the connection between")),
            (
                Same,
                s("some kind of security guarantees"),
                s("some kind of security guarantees")
            ),
            (Removed, s("with"), None),
            (Added, None, s("and some kind of")),
            (Same, s("investment,"), s("investment,")),
        ]
    );
    let runs = diff(MUNICH, ARAB);
    assert_eq!(runs[0].base, Some(Span::new(0, 7).unwrap()));
    assert_eq!(runs[0].other, Some(Span::new(0, 6).unwrap()));
    assert_eq!(runs[3].base, Some(Span::new(14, 32).unwrap()));
    assert_eq!(runs[4].other, Some(Span::new(10, 47).unwrap()));
}

#[test]
fn the_other_way_round_removed_and_added_swap() {
    let key = |r: &Run| {
        (
            r.base.map(|s| (s.start(), s.end())),
            r.other.map(|s| (s.start(), s.end())),
        )
    };
    let mut there: Vec<_> = diff(MUNICH, ARAB)
        .iter()
        .map(|r| (r.change, key(r)))
        .collect();
    let mut back: Vec<_> = diff(ARAB, MUNICH)
        .iter()
        .map(|r| {
            let change = match r.change {
                Change::Same => Change::Same,
                Change::Removed => Change::Added,
                Change::Added => Change::Removed,
            };
            let (base, other) = key(r);
            (change, (other, base))
        })
        .collect();
    // Each stretch of changes lists its removed run first, so only the order within it differs.
    there.sort_by_key(|r| r.1);
    back.sort_by_key(|r| r.1);
    assert_eq!(there, back);
}

#[test]
fn equal_texts_are_one_kept_run_whatever_the_case_and_punctuation() {
    let runs = diff(
        "Subsoil belongs to Ukrainians under the Constitution.",
        "subsoil belongs to Ukrainians under the constitution,",
    );
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].change, Change::Same);
    assert_eq!(runs[0].base, Some(Span::new(0, 53).unwrap()));
}

#[test]
fn changes_at_the_start_and_the_end_and_offsets_in_code_points() {
    use Change::*;
    assert_eq!(
        shown("Київ said: we agree now", "we agree, “Zelenskyy” said"),
        [
            (Removed, s("Київ said:"), None),
            (Same, s("we agree"), s("we agree,")),
            (Removed, s("now"), None),
            (Added, None, s("“Zelenskyy” said")),
        ]
    );
    let runs = diff("Київ said: we agree now", "we agree");
    assert_eq!(runs[1].base, Some(Span::new(11, 19).unwrap()));
}

#[test]
fn an_empty_side_is_all_added_or_all_removed() {
    assert_eq!(diff("", ""), []);
    assert_eq!(
        diff("", "  two words "),
        [Run {
            change: Change::Added,
            base: None,
            other: Some(Span::new(2, 11).unwrap())
        }]
    );
    assert_eq!(
        diff("two words", ""),
        [Run {
            change: Change::Removed,
            base: Some(Span::new(0, 9).unwrap()),
            other: None
        }]
    );
}

#[test]
fn each_stretch_of_changes_removes_before_it_adds() {
    use Change::*;
    // Alternating words in the middle come out as one removed run and one added run.
    assert_eq!(
        shown("a x b y c", "a p q r c"),
        [
            (Same, s("a"), s("a")),
            (Removed, s("x b y"), None),
            (Added, None, s("p q r")),
            (Same, s("c"), s("c")),
        ]
    );
}

#[test]
fn past_the_cap_the_middle_is_one_removed_and_one_added_run_and_it_is_fast() {
    let words = |prefix: &str, n: usize| -> String {
        (0..n)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = format!("same start {} same end", words("a", 2_000));
    let other = format!("same start {} same end", words("b", 2_000));
    const { assert!(2_000 * 2_000 > MAX_CELLS) };
    let runs = crate::domain::timing::within("a diff past the cap", 2.0, || diff(&base, &other));
    let changes: Vec<Change> = runs.iter().map(|r| r.change).collect();
    assert_eq!(
        changes,
        [Change::Same, Change::Removed, Change::Added, Change::Same]
    );
    assert_eq!(slice(&base, runs[0].base).unwrap(), "same start");
    assert_eq!(slice(&other, runs[3].other).unwrap(), "same end");
}

#[test]
fn under_the_cap_a_long_pair_is_still_lined_up_word_by_word() {
    // Different first and last words, so the whole 402 × 402 words (161,604 cells) go through the
    // table: the one word changed in the middle is found exactly.
    let mut words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
    let base = format!("x {} y", words.join(" "));
    words[200] = "changed".into();
    let other = format!("p {} q", words.join(" "));
    use Change::*;
    let runs = shown(&base, &other);
    let changes: Vec<Change> = runs.iter().map(|r| r.0).collect();
    assert_eq!(
        changes,
        [Removed, Added, Same, Removed, Added, Same, Removed, Added]
    );
    assert_eq!(runs[3], (Removed, s("w200"), None));
    assert_eq!(runs[4], (Added, None, s("changed")));
}
