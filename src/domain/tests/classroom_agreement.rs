//! Tests of the agreement among students, on examples worked by hand. The same matrices give the same
//! alphas with Python's `krippendorff` package (`krippendorff.alpha(reliability_data=M,
//! level_of_measurement="nominal")`), checked when these examples were written.

use super::*;
use crate::domain::model::span::Span;
use LabelName::{Claim, Entity, Quote};

fn mark(article: &str, label: LabelName, start: usize, end: usize) -> Mark {
    Mark {
        article: ArticleId::from(article),
        label,
        span: Span::new(start, end).unwrap(),
    }
}

fn lengths(articles: &[(&str, usize)]) -> Vec<(ArticleId, usize)> {
    articles
        .iter()
        .map(|(id, len)| (ArticleId::from(*id), *len))
        .collect()
}

fn assert_close(got: Option<f64>, want: f64) {
    let got = got.unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-12, "got {got}, want {want}");
}

#[test]
fn three_coders_on_one_article() {
    // Article a, 10 code points; claims A [0,4), B [0,5), C [2,4).
    //        unit: 0 1 2 3 4 5 6 7 8 9
    //   A          1 1 1 1 0 0 0 0 0 0
    //   B          1 1 1 1 1 0 0 0 0 0
    //   C          0 0 1 1 0 0 0 0 0 0
    //   n1         2 2 3 3 1 0 0 0 0 0
    // n = 3 coders, N = 30 values, N1 = 4 + 5 + 2 = 11 ones, N0 = 19 zeros.
    // Σ n1·(n − n1) = 2 + 2 + 0 + 0 + 2 = 6, so o01 + o10 = 2·6/(n − 1) = 6 and D_o = 6/30.
    // D_e = 2·N0·N1 / (N·(N − 1)) = 418/870.
    // alpha = 1 − D_o/D_e = 1 − 29·6 / (2·19·11) = 1 − 174/418 = 122/209 ≈ 0.583732.
    let a = [mark("a", Claim, 0, 4)];
    let b = [mark("a", Claim, 0, 5)];
    let c = [mark("a", Claim, 2, 4)];
    let coders: [&[Mark]; 3] = [&a, &b, &c];
    assert_close(alpha(&lengths(&[("a", 10)]), &coders, Claim), 122.0 / 209.0);
    // The order of the coders does not matter.
    let shuffled: [&[Mark]; 3] = [&c, &a, &b];
    assert_close(
        alpha(&lengths(&[("a", 10)]), &shuffled, Claim),
        122.0 / 209.0,
    );
}

#[test]
fn spans_across_articles_other_labels_and_unknown_articles() {
    // Articles a (4 code points) then b (3); quotes. Coder 1: a [1,3), b [0,2); coder 2: a [1,4),
    // b [0,1). Coder 1's claim and coder 2's quote in article c (not in the exercise) are ignored.
    //        unit: a0 a1 a2 a3 b0 b1 b2
    //   1           0  1  1  0  1  1  0
    //   2           0  1  1  1  1  0  0
    // n = 2, N = 14, N1 = 4 + 4 = 8, N0 = 6; Σ n1·(n − n1) = 1 (a3) + 1 (b1) = 2.
    // alpha = 1 − 13·2 / (1·6·8) = 1 − 26/48 = 11/24 ≈ 0.458333.
    let one = [
        mark("a", Quote, 1, 3),
        mark("b", Quote, 0, 2),
        mark("a", Claim, 0, 4),
    ];
    let two = [
        mark("b", Quote, 0, 1),
        mark("a", Quote, 1, 4),
        mark("c", Quote, 0, 3),
    ];
    let articles = lengths(&[("a", 4), ("b", 3)]);
    assert_close(alpha(&articles, &[&one, &two], Quote), 11.0 / 24.0);
    // The claims: coder 1 marks all of a, coder 2 nothing.
    // Values 1 1 1 1 0 0 0 / 0 0 0 0 0 0 0: N1 = 4, N0 = 10, Σ = 4; alpha = 1 − 13·4/(10·4) = −0.3.
    assert_close(alpha(&articles, &[&one, &two], Claim), -0.3);
}

#[test]
fn same_offsets_in_different_articles_disagree() {
    // Articles a and b, 2 code points each. Coder 1: entity a [0,1); coder 2: entity b [0,1).
    //   1: 1 0 0 0    2: 0 0 1 0
    // N = 8, N1 = 2, N0 = 6, Σ = 2; alpha = 1 − 7·2 / (1·6·2) = −1/6.
    let one = [mark("a", Entity, 0, 1)];
    let two = [mark("b", Entity, 0, 1)];
    assert_close(
        alpha(&lengths(&[("a", 2), ("b", 2)]), &[&one, &two], Entity),
        -1.0 / 6.0,
    );
}

#[test]
fn identical_coders_agree_fully() {
    let one = [mark("a", Claim, 2, 5), mark("b", Claim, 0, 1)];
    let coders: [&[Mark]; 4] = [&one, &one, &one, &one];
    assert_eq!(
        alpha(&lengths(&[("a", 8), ("b", 3)]), &coders, Claim),
        Some(1.0)
    );
}

#[test]
fn nested_labels_are_compared_one_label_at_a_time() {
    // Article a, 12 code points. Both coders mark the quote [0,10); the entity inside it is [2,4) for
    // coder 1 and [2,5) for coder 2.
    // Quotes: identical, with variation (units 10 and 11 are 0) → 1.
    // Entities: 0 0 1 1 0 0… / 0 0 1 1 1 0…: N = 24, N1 = 5, N0 = 19, Σ = 1;
    // alpha = 1 − 23·1 / (1·19·5) = 72/95 ≈ 0.757895.
    let one = [mark("a", Quote, 0, 10), mark("a", Entity, 2, 4)];
    let two = [mark("a", Entity, 2, 5), mark("a", Quote, 0, 10)];
    let articles = lengths(&[("a", 12)]);
    assert_eq!(alpha(&articles, &[&one, &two], Quote), Some(1.0));
    assert_close(alpha(&articles, &[&one, &two], Entity), 72.0 / 95.0);
}

#[test]
fn overlapping_spans_of_one_coder_count_each_code_point_once() {
    // Coder 1's claims [0,3) and [1,4) cover 0..4 once; coder 2's claim [0,4) is the same.
    let one = [mark("a", Claim, 0, 3), mark("a", Claim, 1, 4)];
    let two = [mark("a", Claim, 0, 4)];
    assert_eq!(
        alpha(&lengths(&[("a", 6)]), &[&one, &two], Claim),
        Some(1.0)
    );
}

#[test]
fn spans_past_the_end_are_clipped() {
    // Article a has 5 code points: [3,9) counts as [3,5), and [7,9) counts as nothing.
    let articles = lengths(&[("a", 5)]);
    let long = [mark("a", Claim, 3, 9), mark("a", Claim, 7, 9)];
    let fitting = [mark("a", Claim, 3, 5)];
    assert_eq!(alpha(&articles, &[&long, &fitting], Claim), Some(1.0));
    // Against a third coder, clipped and fitting spans give the same alpha:
    // 0 0 0 1 1 / 0 0 0 1 1 / 0 1 1 1 0: n1 per unit 0 1 1 3 2, N = 15, N1 = 7, N0 = 8,
    // Σ n1·(n − n1) = 2 + 2 + 0 + 2 = 6; alpha = 1 − 14·6 / (2·8·7) = 1 − 84/112 = 1/4.
    let other = [mark("a", Claim, 1, 4)];
    assert_close(alpha(&articles, &[&long, &fitting, &other], Claim), 0.25);
    assert_close(alpha(&articles, &[&fitting, &fitting, &other], Claim), 0.25);
}

#[test]
fn no_variation_or_fewer_than_two_coders_is_undefined() {
    let articles = lengths(&[("a", 4)]);
    let none: [Mark; 0] = [];
    let all = [mark("a", Claim, 0, 4)];
    // Every value 0, every value 1, or only other labels.
    assert_eq!(alpha(&articles, &[&none, &none], Claim), None);
    assert_eq!(alpha(&articles, &[&all, &all, &all], Claim), None);
    assert_eq!(alpha(&articles, &[&all, &all], Quote), None);
    // One coder, no coder, no units.
    assert_eq!(alpha(&articles, &[&all], Claim), None);
    assert_eq!(alpha(&articles, &[], Claim), None);
    assert_eq!(alpha(&[], &[&all, &none], Claim), None);
    // An article listed twice counts once (with its first length): all of a against none gives
    // N = 8, N1 = 4, N0 = 4, Σ = 4; alpha = 1 − 7·4 / (1·4·4) = −0.75 either way.
    assert_close(alpha(&articles, &[&all, &none], Claim), -0.75);
    let twice = lengths(&[("a", 4), ("a", 9)]);
    assert_close(alpha(&twice, &[&all, &none], Claim), -0.75);
}

#[test]
fn pairwise_f1_counts_all_labels_and_needs_the_same_label() {
    // Coder 0: claim a [0,10), quote a [20,30). Coder 1: claim a [0,10), claim a [20,30) (same place,
    // other label), entity a [40,45). Coder 2: claim a [2,8). Coder 3: nothing.
    let c0 = [mark("a", Claim, 0, 10), mark("a", Quote, 20, 30)];
    let c1 = [
        mark("a", Claim, 0, 10),
        mark("a", Claim, 20, 30),
        mark("a", Entity, 40, 45),
    ];
    let c2 = [mark("a", Claim, 2, 8)];
    let c3: [Mark; 0] = [];
    let coders: [&[Mark]; 4] = [&c0, &c1, &c2, &c3];
    // Exact: 0–1 match once, 2·1/(2 + 3) = 0.4; 0–2 and 1–2 do not match: 0; with 3: 0.
    let exact = pairwise_f1(&coders, Matching::Exact);
    let want = [
        [Some(1.0), Some(0.4), Some(0.0), Some(0.0)],
        [Some(0.4), Some(1.0), Some(0.0), Some(0.0)],
        [Some(0.0), Some(0.0), Some(1.0), Some(0.0)],
        [Some(0.0), Some(0.0), Some(0.0), None],
    ];
    assert_eq!(exact, want);
    // Overlap: 0–2 share the claim, 2·1/(2 + 1) = 2/3; 1–2 likewise, 2·1/(3 + 1) = 0.5.
    let overlap = pairwise_f1(&coders, Matching::Overlap);
    assert_eq!(overlap[0][2], Some(2.0 / 3.0));
    assert_eq!(overlap[2][0], Some(2.0 / 3.0));
    assert_eq!(overlap[1][2], Some(0.5));
    assert_eq!(overlap[0][1], Some(0.4));
    // Two coders without marks: undefined.
    let empty = pairwise_f1(&[&c3, &c3], Matching::Exact);
    assert_eq!(empty, [[None, None], [None, None]]);
    assert!(pairwise_f1(&[], Matching::Exact).is_empty());
}

#[test]
fn pairwise_f1_is_symmetric_with_ties_in_the_overlaps() {
    // Every overlap below is 5 code points, so the one-to-one matching is decided by list order;
    // the matrix is still symmetric (each pair is computed once and mirrored). Coder 0's [0,10) and
    // [10,20) against coder 1's [0,5) and [5,15): [0,5) goes to [0,10), [5,15) to [10,20): F1 = 1.
    let c0 = [mark("a", Claim, 0, 10), mark("a", Claim, 10, 20)];
    let c1 = [mark("a", Claim, 0, 5), mark("a", Claim, 5, 15)];
    let c2 = [mark("a", Claim, 5, 15), mark("a", Claim, 15, 25)];
    let out = pairwise_f1(&[&c0, &c1, &c2], Matching::Overlap);
    for (i, row) in out.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            assert_eq!(*cell, out[j][i], "{i} {j}");
        }
    }
    assert_eq!(out[0][1], Some(1.0));
}

#[test]
fn mean_pairwise_f1_keeps_one_label() {
    // Quotes: coder 0 [0,5), coder 1 [0,5), coder 2 [0,4), coder 3 no quote (only a claim).
    // Exact pairs: 0–1 1.0, 0–2 0, 1–2 0, and with 3: 0 each → mean 1/6.
    // Overlap: 0–1, 0–2, 1–2 1.0 each, with 3: 0 → mean 3/6 = 0.5.
    let c0 = [mark("a", Quote, 0, 5), mark("a", Claim, 9, 12)];
    let c1 = [mark("a", Quote, 0, 5)];
    let c2 = [mark("a", Quote, 0, 4)];
    let c3 = [mark("a", Claim, 9, 12)];
    let coders: [&[Mark]; 4] = [&c0, &c1, &c2, &c3];
    assert_close(mean_pairwise_f1(&coders, Quote, Matching::Exact), 1.0 / 6.0);
    assert_close(mean_pairwise_f1(&coders, Quote, Matching::Overlap), 0.5);
    // Claims: every pair with coder 0 or 3 is defined (0–3: 1.0; 0–1, 0–2, 1–3, 2–3: 0), 1–2 is not
    // (neither has a claim) → mean 1/5.
    assert_close(mean_pairwise_f1(&coders, Claim, Matching::Exact), 0.2);
    // Entities: nobody has one.
    assert_eq!(mean_pairwise_f1(&coders, Entity, Matching::Exact), None);
    assert_eq!(mean_pairwise_f1(&[&c0], Quote, Matching::Exact), None);
}

#[test]
fn the_rule_names_the_variant() {
    for word in ["Krippendorff", "nominal", "per label", "character"] {
        assert!(ALPHA_RULE.contains(word), "{word}");
    }
}
