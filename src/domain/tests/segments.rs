//! Tests of `segments`.

use super::*;

fn span(a: usize, b: usize) -> Span {
    Span::new(a, b).unwrap()
}

fn check(from: usize, to: usize, spans: &[Span], expected: &[(usize, usize, &[usize])]) {
    let got: Vec<_> = segments(from, to, spans)
        .into_iter()
        .map(|s| (s.start, s.end, s.covering))
        .collect();
    let want: Vec<_> = expected
        .iter()
        .map(|(a, b, c)| (*a, *b, c.to_vec()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn plain_text_is_one_segment() {
    check(0, 10, &[], &[(0, 10, &[])]);
}

#[test]
fn nested_spans_cut_into_three_layers() {
    // A claim [2, 12) with an entity [4, 7) inside it.
    check(
        0,
        14,
        &[span(2, 12), span(4, 7)],
        &[
            (0, 2, &[]),
            (2, 4, &[0]),
            (4, 7, &[0, 1]),
            (7, 12, &[0]),
            (12, 14, &[]),
        ],
    );
}

#[test]
fn crossing_spans_share_only_their_overlap() {
    check(
        0,
        10,
        &[span(5, 9), span(1, 7)],
        &[
            (0, 1, &[]),
            (1, 5, &[1]),
            (5, 7, &[0, 1]),
            (7, 9, &[0]),
            (9, 10, &[]),
        ],
    );
}

#[test]
fn spans_are_clipped_to_the_paragraph() {
    check(
        10,
        20,
        &[span(0, 12), span(18, 30), span(30, 40)],
        &[(10, 12, &[0]), (12, 18, &[]), (18, 20, &[1])],
    );
}

#[test]
fn identical_spans_both_cover() {
    check(0, 4, &[span(0, 4), span(0, 4)], &[(0, 4, &[0, 1])]);
}

#[test]
fn empty_paragraph_has_no_segments() {
    assert!(segments(5, 5, &[span(0, 9)]).is_empty());
}
