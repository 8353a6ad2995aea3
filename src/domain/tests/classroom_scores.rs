//! Tests of the scores against a key, on examples worked by hand.

use super::*;

fn mark(article: &str, label: LabelName, start: usize, end: usize) -> Mark {
    Mark {
        article: ArticleId::from(article),
        label,
        span: Span::new(start, end).unwrap(),
    }
}

use LabelName::{Claim, Entity, Quote};

#[test]
fn exact_and_overlap_on_a_hand_worked_example() {
    // Key: claims [0,10) and [20,30), a quote [40,50), an entity [60,65).
    let key = [
        mark("a", Claim, 0, 10),
        mark("a", Claim, 20, 30),
        mark("a", Quote, 40, 50),
        mark("a", Entity, 60, 65),
    ];
    // Answer: claim [0,10) exact; claim [22,35) overlaps the second; quote [40,50) but in article b;
    // entity [60,65) labelled as a claim; an extra entity [70,75).
    let answer = [
        mark("a", Claim, 0, 10),
        mark("a", Claim, 22, 35),
        mark("b", Quote, 40, 50),
        mark("a", Claim, 60, 65),
        mark("a", Entity, 70, 75),
    ];
    let exact = score(&key, &answer, Matching::Exact);
    assert_eq!(
        exact[&Claim],
        Counts {
            matched: 1,
            missed: 1,
            extra: 2
        }
    );
    assert_eq!(
        exact[&Quote],
        Counts {
            matched: 0,
            missed: 1,
            extra: 1
        }
    );
    assert_eq!(
        exact[&Entity],
        Counts {
            matched: 0,
            missed: 1,
            extra: 1
        }
    );
    // Claims: P = 1/3, R = 1/2, F1 = 2·1 / (2·1 + 1 + 2) = 2/5.
    assert_eq!(exact[&Claim].precision(), Some(1.0 / 3.0));
    assert_eq!(exact[&Claim].recall(), Some(0.5));
    assert_eq!(exact[&Claim].f1(), Some(0.4));

    let overlap = score(&key, &answer, Matching::Overlap);
    assert_eq!(
        overlap[&Claim],
        Counts {
            matched: 2,
            missed: 0,
            extra: 1
        }
    );
    // P = 2/3, R = 1, F1 = 4/5.
    assert_eq!(overlap[&Claim].f1(), Some(0.8));
    assert_eq!(
        overlap[&Quote],
        Counts {
            matched: 0,
            missed: 1,
            extra: 1
        }
    );
}

#[test]
fn overlap_matches_one_to_one_largest_first() {
    // Two answers on one key span: the larger overlap matches, the other is an extra.
    let key = [mark("a", Claim, 0, 20)];
    let answer = [mark("a", Claim, 15, 25), mark("a", Claim, 0, 12)];
    assert_eq!(matches(&key, &answer, Matching::Overlap), [(0, 1)]);
    assert_eq!(
        score(&key, &answer, Matching::Overlap)[&Claim],
        Counts {
            matched: 1,
            missed: 0,
            extra: 1
        }
    );
    // Touching spans share no character.
    let touching = [mark("a", Claim, 20, 30)];
    assert!(matches(&key, &touching, Matching::Overlap).is_empty());
}

#[test]
fn empty_lists_have_no_ratios() {
    let none = Counts::default();
    assert_eq!(
        (none.precision(), none.recall(), none.f1()),
        (None, None, None)
    );
    let only_key = score(&[mark("a", Quote, 0, 3)], &[], Matching::Exact);
    assert_eq!(only_key[&Quote].recall(), Some(0.0));
    assert_eq!(only_key[&Quote].precision(), None);
    assert_eq!(only_key[&Quote].f1(), Some(0.0));
    assert!(Matching::Overlap.rule().contains("at least one character"));
}
