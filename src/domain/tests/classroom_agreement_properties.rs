//! Property tests of `agreement`: the boundary sweep gives the alpha of the full coders × units matrix,
//! computed the plain way, and the pairwise F1 matrix is symmetric.

use super::*;
use crate::domain::model::span::Span;
use proptest::prelude::*;

const ARTICLES: [&str; 3] = ["a", "b", "c"];

/// The coders × units 0/1 matrix for `label`: the articles of `lengths` one after the other.
fn matrix(lengths: &[(ArticleId, usize)], coders: &[&[Mark]], label: LabelName) -> Vec<Vec<u8>> {
    coders
        .iter()
        .map(|marks| {
            let mut row = Vec::new();
            for (id, len) in lengths {
                for unit in 0..*len {
                    let inside = marks
                        .iter()
                        .any(|m| m.article == *id && m.label == label && m.span.contains(unit));
                    row.push(u8::from(inside));
                }
            }
            row
        })
        .collect()
}

/// Nominal alpha from the coincidence matrix, as in Krippendorff (2011): o[c][k] sums, over units,
/// every ordered pair of different coders with values c and k, divided by (coders − 1);
/// alpha = 1 − (n.. − 1) · Σ_{c≠k} o[c][k] / Σ_{c≠k} n_c·n_k.
fn alpha_from_matrix(rows: &[Vec<u8>]) -> Option<f64> {
    let n = rows.len();
    if n < 2 {
        return None;
    }
    let mut o = [[0.0f64; 2]; 2];
    for unit in 0..rows[0].len() {
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    o[rows[i][unit] as usize][rows[j][unit] as usize] += 1.0 / (n - 1) as f64;
                }
            }
        }
    }
    let n_c = [o[0][0] + o[0][1], o[1][0] + o[1][1]];
    let total = n_c[0] + n_c[1];
    let expected = 2.0 * n_c[0] * n_c[1];
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (total - 1.0) * (o[0][1] + o[1][0]) / expected)
}

fn any_mark() -> impl Strategy<Value = Mark> {
    (0..ARTICLES.len(), 0..3usize, 0..14usize, 1..8usize).prop_map(|(a, l, start, len)| Mark {
        article: ArticleId::from(ARTICLES[a]),
        label: LabelName::ALL[l],
        span: Span::new(start, start + len).unwrap(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_sweep_is_the_matrix_alpha(
        // Articles a and b (c is never in the exercise, so its marks are ignored); spans may run past
        // an article's end.
        lens in (0..12usize, 0..12usize),
        coders in prop::collection::vec(prop::collection::vec(any_mark(), 0..5), 0..6),
        label in 0..3usize,
    ) {
        let lengths = vec![(ArticleId::from("a"), lens.0), (ArticleId::from("b"), lens.1)];
        let refs: Vec<&[Mark]> = coders.iter().map(Vec::as_slice).collect();
        let label = LabelName::ALL[label];
        let swept = alpha(&lengths, &refs, label);
        let plain = alpha_from_matrix(&matrix(&lengths, &refs, label));
        match (swept, plain) {
            (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9, "sweep {x}, matrix {y}"),
            (x, y) => prop_assert_eq!(x, y),
        }
        if let Some(x) = swept {
            prop_assert!(x <= 1.0 + 1e-12);
        }
    }

    #[test]
    fn pairwise_f1_is_symmetric_and_within_0_and_1(
        coders in prop::collection::vec(prop::collection::vec(any_mark(), 0..5), 0..5),
        overlap in any::<bool>(),
    ) {
        let refs: Vec<&[Mark]> = coders.iter().map(Vec::as_slice).collect();
        let matching = if overlap { Matching::Overlap } else { Matching::Exact };
        let out = pairwise_f1(&refs, matching);
        prop_assert_eq!(out.len(), refs.len());
        for (i, row) in out.iter().enumerate() {
            prop_assert_eq!(row[i], (!refs[i].is_empty()).then_some(1.0));
            for (j, cell) in row.iter().enumerate() {
                prop_assert_eq!(*cell, out[j][i]);
                prop_assert_eq!(cell.is_none(), refs[i].is_empty() && refs[j].is_empty());
                if let Some(f1) = cell {
                    prop_assert!((0.0..=1.0).contains(f1));
                }
            }
        }
    }
}
