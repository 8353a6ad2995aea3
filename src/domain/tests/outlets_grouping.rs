//! Tests of `outlets::grouping`: word sets, the Dice score, and grouping with one text per article.

use super::*;

const MUNICH: &str =
    "For me, it is crucial to connect some kind of security guarantees with investment,";
const ARAB: &str = "For me is very important the connection between some kind of security guarantees and some kind of investment,";

#[test]
fn word_sets_are_folded_distinct_and_sorted() {
    assert_eq!(
        word_set("“Some kind of” SOME kind — of Zelenskyy’s investment,"),
        ["investment", "kind", "of", "some", "zelenskyy"]
    );
    assert!(word_set(" — … ").is_empty());
}

#[test]
fn dice_counts_words_in_common_over_both() {
    // 14 and 15 distinct words, 9 in common: 18 / 29.
    assert_eq!(dice(&word_set(MUNICH), &word_set(ARAB)), 620);
    assert_eq!(dice(&word_set(ARAB), &word_set(MUNICH)), 620);
    assert_eq!(dice(&word_set(MUNICH), &word_set(MUNICH)), 1000);
    assert_eq!(dice(&word_set("a b"), &word_set("c d")), 0);
    assert_eq!(dice::<String>(&[], &[]), 0);
    assert!(dice(&word_set(MUNICH), &word_set(ARAB)) >= THRESHOLD);
}

#[test]
fn versions_in_three_articles_form_one_group_and_an_unrelated_text_stays_alone() {
    let items = [
        (0, "It is important to achieve a guaranteed and lasting peace as soon as possible"),
        (1, MUNICH),
        (2, "From President Trump's perspective, this document is important to resolve this conflict as soon as possible"),
        (3, ARAB),
        (4, ARAB),
    ];
    assert_eq!(group(&items), [vec![0], vec![1, 3, 4], vec![2]]);
}

#[test]
fn texts_of_one_article_never_share_a_group_and_the_closest_joins() {
    // Article 0 has an exact copy of article 1's text and a close one: only the exact one joins.
    let items = [
        (0, "we will review the document and sign it soon"),
        (0, "we will review the document and sign it"),
        (1, "we will review the document and sign it"),
    ];
    assert_eq!(group(&items), [vec![0], vec![1, 2]]);
    // Two equal texts of one article and nothing else: two groups.
    assert_eq!(
        group(&[(5, "one two three"), (5, "one two three")]),
        [vec![0], vec![1]]
    );
}

#[test]
fn every_two_texts_of_a_group_must_be_alike_not_only_a_chain() {
    // a ~ b and b ~ c, but a and c share too little: c does not join a's group.
    let a = "alpha beta gamma delta epsilon zeta";
    let b = "alpha beta gamma delta eta theta iota kappa";
    let c = "eta theta iota kappa lambda mu";
    let score = |x: &str, y: &str| dice(&word_set(x), &word_set(y));
    assert!(
        score(a, b) >= THRESHOLD && score(b, c) >= THRESHOLD,
        "{} {}",
        score(a, b),
        score(b, c)
    );
    assert!(score(a, c) < THRESHOLD);
    let groups = group(&[(0, a), (1, b), (2, c)]);
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|g| g.len() <= 2), "{groups:?}");
}

#[test]
fn many_texts_group_quickly() {
    // 5 articles × 500 texts of 12 words, each text shared with the next article.
    let texts: Vec<(usize, String)> = (0..5)
        .flat_map(|article| {
            (0..500).map(move |i| {
                let words: Vec<String> = (0..12).map(|w| format!("t{}w{w}", i + article)).collect();
                (article, words.join(" "))
            })
        })
        .collect();
    let items: Vec<(usize, &str)> = texts.iter().map(|(a, t)| (*a, t.as_str())).collect();
    let groups = crate::domain::timing::within("grouping 2,500 texts", 20.0, || group(&items));
    assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), 2_500);
    assert!(groups.iter().any(|g| g.len() == 5));
}
