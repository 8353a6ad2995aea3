//! Property tests of `caret`: on any mix of letters, emoji, flags, combining marks, CJK and line
//! breaks, character steps visit exactly the grapheme cluster boundaries of the whole text (as
//! `unicode-segmentation` finds them) in both directions, and word steps always move the right way.

use super::*;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::domain::model::text::tests::uax29::Uax29;

/// Pieces that make grapheme clusters interesting: regional indicators, skin tones, joiners, combining
/// marks, CR and LF on their own and together, Cyrillic, CJK, apostrophes and digits.
const PIECES: [&str; 20] = [
    "a", "Ж", "北", " ", "\n", "\r", "\r\n", "\u{301}", "\u{200d}", "👋", "🏽", "🇺", "🇦", "'", "3",
    ".", "e", "한", "—", "x",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..40).prop_map(|picks| {
        picks
            .iter()
            .filter_map(|&i| PIECES.get(i))
            .copied()
            .collect()
    })
}

/// The grapheme cluster boundaries of `text`, in code points, from 0 to its length.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut at = 0;
    for cluster in text.graphemes(true) {
        at += cluster.chars().count();
        out.push(at);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn character_steps_visit_every_cluster_boundary_and_nothing_else(text in text()) {
        let article = Article::new("p", "P", text.clone());
        let want = boundaries(&text);
        let mut forward = vec![0];
        let mut at = 0;
        while at < article.char_len {
            let next = next_grapheme(&article, at, &Uax29);
            prop_assert!(next > at, "stuck at {at} in {text:?}");
            forward.push(next);
            at = next;
        }
        prop_assert_eq!(&forward, &want);
        let mut backward = vec![article.char_len];
        while at > 0 {
            let prev = prev_grapheme(&article, at, &Uax29);
            prop_assert!(prev < at, "stuck at {at} in {text:?}");
            backward.push(prev);
            at = prev;
        }
        backward.reverse();
        prop_assert_eq!(&backward, &want);
    }

    #[test]
    fn word_and_line_steps_stay_in_the_text_and_move_the_right_way(text in text(), pick in 0usize..60) {
        // From every place the caret can be: a cluster boundary.
        let places = boundaries(&text);
        let pos = places.get(pick % places.len()).copied().unwrap_or(0);
        let article = Article::new("p", "P", text);
        let on = [Motion::NextWord, Motion::LineEnd, Motion::NextParagraph, Motion::TextEnd];
        let back = [Motion::PrevWord, Motion::LineStart, Motion::PrevParagraph, Motion::TextStart];
        for motion in on {
            let to = step(&article, pos, motion, &Uax29);
            prop_assert!(to >= pos && to <= article.char_len, "{motion:?} from {pos} gave {to}");
        }
        for motion in back {
            let to = step(&article, pos, motion, &Uax29);
            prop_assert!(to <= pos, "{motion:?} from {pos} gave {to}");
        }
    }
}
