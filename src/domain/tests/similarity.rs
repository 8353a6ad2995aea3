//! Tests of `similarity`: the seed articles' spellings of Bessent and Zelensky, folding, the edit
//! distance, the UI sentences, runs in real text, and the speed of grouping.

use super::*;
use crate::domain::model::span::Span;

const BESSENT: [&str; 8] = [
    "Scott Besant",
    "Besant",
    "Besent",
    "Scott Bessent",
    "Bessent",
    "Bess",
    "Scott Bassent",
    "Scott Bessent",
];

fn spelling(a: &str, b: &str, edits: usize) -> Option<Likeness> {
    Some(Likeness::Spelling(a.to_string(), b.to_string(), edits))
}

/// The text of each span.
fn slices(text: &str, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| text.chars().skip(s.start()).take(s.len()).collect())
        .collect()
}

fn folded(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn every_spelling_of_bessent_is_alike_to_scott_bessent_and_all_form_one_group() {
    for mention in BESSENT {
        assert!(likeness(mention, "Scott Bessent").is_some(), "{mention}");
    }
    assert_eq!(
        likeness("Scott Bessent", "Scott Bessent"),
        Some(Likeness::Same)
    );
    assert_eq!(
        likeness("Besant", "Scott Bessent"),
        spelling("Besant", "Bessent", 2)
    );
    assert_eq!(
        likeness("Besent", "Scott Bessent"),
        spelling("Besent", "Bessent", 1)
    );
    // The misspelled surname says more than the shared first name.
    assert_eq!(
        likeness("Scott Bassent", "Scott Bessent"),
        spelling("Bassent", "Bessent", 1)
    );
    let short = Some(Likeness::Shortened("Bess".into(), "Bessent".into()));
    assert_eq!(likeness("Bess", "Scott Bessent"), short);
    assert_eq!(likeness("Scott Bessent", "Bess"), short);
    assert_eq!(groups(&BESSENT), vec![(0..8).collect::<Vec<_>>()]);
}

#[test]
fn zelensky_spellings_form_one_group() {
    let names = ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Zelensky's"];
    assert_eq!(groups(&names), vec![vec![0, 1, 2, 3]]);
    assert_eq!(likeness("Zelensky's", "Zelensky"), Some(Likeness::Same));
    assert_eq!(likeness("Zelenskyy’s", "zelenskyy"), Some(Likeness::Same));
    assert_eq!(
        likeness("Zelensky", "Zelenskyy"),
        spelling("Zelensky", "Zelenskyy", 1)
    );
    let shared = Some(Likeness::SharedWord("Zelensky".into()));
    assert_eq!(likeness("Volodymyr Zelensky", "Zelensky's"), shared);
}

#[test]
fn different_people_and_places_are_not_alike() {
    for (a, b) in [("Kyiv", "Bessent"), ("Trump", "Bessent"), ("Kyiv", "Trump")] {
        assert_eq!(likeness(a, b), None, "{a} / {b}");
        assert_eq!(likeness(b, a), None, "{b} / {a}");
    }
    assert!(groups(&["Kyiv", "Trump", "Bessent"]).is_empty());
    // Titles and small words are not evidence.
    assert_eq!(likeness("President Trump", "President Zelensky"), None);
    assert_eq!(likeness("the", "The"), Some(Likeness::Same));
    assert_eq!(likeness("...", "!!"), None);
}

#[test]
fn shared_words_and_abbreviations_are_alike() {
    let trump = Some(Likeness::SharedWord("Trump".into()));
    assert_eq!(likeness("Donald Trump", "Trump"), trump);
    assert_eq!(likeness("U.S.", "US"), Some(Likeness::Same));
    assert_eq!(likeness("J.D. Vance", "JD Vance"), Some(Likeness::Same));
}

#[test]
fn groups_are_ordered_by_first_index_and_leave_out_loners() {
    let names = [
        "Zelensky",
        "Scott Besant",
        "Kyiv",
        "Zelenskyy",
        "Bessent",
        "Trump",
        "Donald Trump",
        "U.S.",
        "US",
    ];
    let expected = vec![vec![0, 3], vec![1, 4], vec![5, 6], vec![7, 8]];
    assert_eq!(groups(&names), expected);
    assert!(groups(&[]).is_empty());
}

#[test]
fn groups_link_transitively() {
    // "Bess" is not alike to "Bassent", but both are alike to "Bessent".
    assert_eq!(likeness("Bess", "Bassent"), None);
    assert_eq!(
        groups(&["Bess", "Kyiv", "Bassent", "Bessent"]),
        vec![vec![0, 2, 3]]
    );
}

#[test]
fn fold_removes_case_diacritics_possessives_and_punctuation() {
    assert_eq!(fold("Zelenskyy’s"), "zelenskyy");
    assert_eq!(fold("ZELENSKY'S"), "zelensky");
    assert_eq!(fold("Bessent’s,"), "bessent");
    assert_eq!(fold("James'"), "james");
    assert_eq!(fold("“Łódź,”"), "lodz");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("José"), "jose");
    assert_eq!(fold("Jose\u{301}"), "jose");
    assert_eq!(fold("Peña"), "pena");
    assert_eq!(fold("Œrsted"), "oersted");
    assert_eq!(fold("(Donald)"), "donald");
    assert_eq!(fold("O’Brien"), "o'brien");
    assert_eq!(fold("U.S."), "us");
    assert_eq!(fold("Київ"), "київ");
    assert_eq!(fold("—"), "");
    assert_eq!(fold("'s"), "s");
}

#[test]
fn name_words_drop_titles_small_words_and_single_letters() {
    let words = name_words("U.S. Treasury Secretary Scott Bessent");
    assert_eq!(words, folded(&["scott", "bessent"]));
    let words = name_words("President (Donald) Trump's");
    assert_eq!(words, folded(&["donald", "trump"]));
    assert_eq!(name_words("J. D. Vance"), folded(&["vance"]));
    assert_eq!(name_words("Bank of England"), folded(&["bank", "england"]));
    assert!(name_words("the U.S.").is_empty());
}

#[test]
fn edit_distance_of_known_pairs() {
    assert_eq!(edit_distance("kitten", "sitting", 10), 3);
    assert_eq!(edit_distance("sitting", "kitten", 10), 3);
    assert_eq!(edit_distance("", "abc", 10), 3);
    assert_eq!(edit_distance("same", "same", 0), 0);
    assert_eq!(edit_distance("besant", "bessent", 10), 2);
    assert_eq!(edit_distance("zelensky", "zelenskyy", 10), 1);
    // Chars, not bytes.
    assert_eq!(edit_distance("łódź", "lodz", 10), 3);
}

#[test]
fn a_transposition_counts_as_one_edit_once() {
    assert_eq!(edit_distance("ab", "ba", 10), 1);
    assert_eq!(edit_distance("bessent", "bessnet", 10), 1);
    // Optimal string alignment: a transposed pair is not edited again ("ca" -> "abc" is 3, not 2).
    assert_eq!(edit_distance("ca", "abc", 10), 3);
}

#[test]
fn edit_distance_stops_past_the_limit() {
    assert_eq!(edit_distance("kitten", "sitting", 1), 2);
    assert_eq!(edit_distance("kitten", "sitting", 2), 3);
    assert_eq!(edit_distance("a", "abcdefgh", 2), 3);
    assert_eq!(edit_distance("abcdef", "uvwxyz", 0), 1);
    assert_eq!(edit_distance("abc", "xyz", usize::MAX), 3);
}

#[test]
fn describe_gives_the_ui_sentences() {
    assert_eq!(Likeness::Same.describe(), "same text");
    let shared = Likeness::SharedWord("Scott".into());
    assert_eq!(shared.describe(), "shares the word \"Scott\"");
    let two = Likeness::Spelling("Besant".into(), "Bessent".into(), 2);
    assert_eq!(two.describe(), "\"Besant\" is 2 edits from \"Bessent\"");
    let one = Likeness::Spelling("Besent".into(), "Bessent".into(), 1);
    assert_eq!(one.describe(), "\"Besent\" is 1 edit from \"Bessent\"");
    let short = Likeness::Shortened("Bess".into(), "Bessent".into());
    assert_eq!(short.describe(), "\"Bess\" may be short for \"Bessent\"");
}

#[test]
fn strength_orders_same_spelling_shortened_shared() {
    let order = [
        Likeness::Same,
        Likeness::Spelling("a".into(), "b".into(), 1),
        Likeness::Spelling("a".into(), "b".into(), 2),
        Likeness::Spelling("a".into(), "b".into(), usize::MAX),
        Likeness::Shortened("a".into(), "b".into()),
        Likeness::SharedWord("a".into()),
    ];
    for pair in order.windows(2) {
        assert!(pair[0].strength() > pair[1].strength(), "{pair:?}");
    }
}

#[path = "similarity_runs.rs"]
mod runs;

#[cfg(not(target_arch = "wasm32"))]
#[path = "similarity_properties.rs"]
mod properties;
