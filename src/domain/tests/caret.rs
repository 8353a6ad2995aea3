//! Tests of `caret`: moving by grapheme cluster, word, line and paragraph over non-ASCII text, and
//! from one annotation to the next.

use super::*;
use crate::domain::fixtures::ann;
use crate::domain::model::names::Label;
use crate::domain::model::text::{slice_chars, Graphemes};

use crate::domain::model::text::tests::uax29::Uax29;

fn article(text: &str) -> Article {
    Article::new("a", "A", text.to_owned())
}

/// Every position `motion` visits from `from` until it stops moving.
fn walk(a: &Article, from: usize, motion: Motion) -> Vec<usize> {
    let mut out = vec![from];
    loop {
        let last = *out.last().unwrap();
        let next = step(a, last, motion, &Uax29);
        if next == last {
            return out;
        }
        out.push(next);
    }
}

#[test]
fn a_character_step_takes_a_whole_emoji_flag_or_accented_letter() {
    // H i ␠ 👋🏽(2) ␠ 🇺🇦(2) ␠ c a f é(2) ␠ o k
    let a = article("Hi 👋🏽 🇺🇦 cafe\u{301} ok");
    let forward = walk(&a, 0, Motion::NextChar);
    assert_eq!(
        forward,
        vec![0, 1, 2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 17]
    );
    let mut backward = walk(&a, 17, Motion::PrevChar);
    backward.reverse();
    assert_eq!(backward, forward);
    assert_eq!(slice_chars(&a.text, 3, 5), "👋🏽");
    assert_eq!(slice_chars(&a.text, 12, 14), "e\u{301}");
}

#[test]
fn a_family_emoji_joined_by_zero_width_joiners_is_one_step() {
    let a = article("a👨\u{200d}👩\u{200d}👧b");
    assert_eq!(walk(&a, 0, Motion::NextChar), vec![0, 1, 6, 7]);
    assert_eq!(prev_grapheme(&a, 6, &Uax29), 1);
}

#[test]
fn two_flags_in_a_row_are_two_steps() {
    let a = article("🇩🇪🇫🇷");
    assert_eq!(walk(&a, 0, Motion::NextChar), vec![0, 2, 4]);
}

#[test]
fn a_crlf_line_break_is_one_step_and_never_holds_the_caret() {
    let a = article("ab\r\ncd");
    assert_eq!(walk(&a, 0, Motion::NextChar), vec![0, 1, 2, 4, 5, 6]);
    assert_eq!(prev_grapheme(&a, 4, &Uax29), 2);
    // From inside the `\r\n` (never reached by the keys), a step on lands at the next line.
    assert_eq!(next_grapheme(&a, 3, &Uax29), 4);
}

#[test]
fn the_caret_stops_at_the_ends_of_the_text() {
    let a = article("Київ");
    assert_eq!(prev_grapheme(&a, 0, &Uax29), 0);
    assert_eq!(next_grapheme(&a, 4, &Uax29), 4);
    assert_eq!(step(&a, 99, Motion::NextChar, &Uax29), 4);
    let empty = article("");
    assert_eq!(step(&empty, 0, Motion::NextWord, &Uax29), 0);
    assert_eq!(step(&empty, 0, Motion::PrevChar, &Uax29), 0);
}

#[test]
fn word_steps_go_to_word_ends_forward_and_word_starts_back_in_cyrillic() {
    let a = article("Віталій Кличко said, «ні».");
    assert_eq!(walk(&a, 0, Motion::NextWord), vec![0, 7, 14, 19, 24, 26]);
    assert_eq!(slice_chars(&a.text, 22, 24), "ні");
    assert_eq!(walk(&a, 26, Motion::PrevWord), vec![26, 22, 15, 8, 0]);
}

#[test]
fn a_letter_with_a_combining_accent_stays_inside_its_word() {
    let a = article("The cafe\u{301} owner");
    assert_eq!(next_word(&a, 3, &Uax29), 9);
    assert_eq!(prev_word(&a, 9, &Uax29), 4);
    assert_eq!(slice_chars(&a.text, 4, 9), "cafe\u{301}");
}

#[test]
fn apostrophes_join_letters_and_points_join_digits() {
    let a = article("don’t say 3.5, or l'homme. End.");
    assert_eq!(next_word(&a, 0, &Uax29), 5);
    assert_eq!(next_word(&a, 9, &Uax29), 13);
    assert_eq!(next_word(&a, 13, &Uax29), 17);
    assert_eq!(next_word(&a, 17, &Uax29), 25);
    assert_eq!(prev_word(&a, 25, &Uax29), 18);
    assert_eq!(prev_word(&a, 5, &Uax29), 0);
    // A full stop between two words is not inside either.
    let b = article("end.Next");
    assert_eq!(next_word(&b, 0, &Uax29), 3);
}

#[test]
fn emoji_and_punctuation_lie_between_words() {
    let a = article("a 👋🏽 — b");
    assert_eq!(next_word(&a, 1, &Uax29), 8);
    assert_eq!(prev_word(&a, 7, &Uax29), 0);
}

#[test]
fn each_chinese_character_is_a_word_and_latin_runs_stay_whole() {
    let a = article("北京欢迎你。Zürich李明");
    assert_eq!(
        walk(&a, 0, Motion::NextWord),
        vec![0, 1, 2, 3, 4, 5, 12, 13, 14]
    );
    assert_eq!(prev_word(&a, 12, &Uax29), 6);
}

#[test]
fn word_steps_cross_line_breaks() {
    let a = article("one\r\n\r\ntwo three");
    assert_eq!(next_word(&a, 3, &Uax29), 10);
    assert_eq!(prev_word(&a, 7, &Uax29), 0);
}

#[test]
fn home_and_end_go_to_the_ends_of_the_line() {
    let a = article("first line\r\nsecond ✓ line\nthird");
    assert_eq!(step(&a, 15, Motion::LineStart, &Uax29), 12);
    assert_eq!(step(&a, 15, Motion::LineEnd, &Uax29), 25);
    assert_eq!(step(&a, 12, Motion::LineStart, &Uax29), 12);
    assert_eq!(step(&a, 10, Motion::LineStart, &Uax29), 0);
    assert_eq!(step(&a, 28, Motion::LineEnd, &Uax29), 31);
}

#[test]
fn paragraph_steps_pass_over_blank_lines() {
    let a = article("Перший абзац.\n\n  \nДругий.\nТретій.");
    // Lines: [0,13) "", "  ", [18,25), [26,33).
    assert_eq!(walk(&a, 0, Motion::NextParagraph), vec![0, 18, 26, 33]);
    assert_eq!(step(&a, 20, Motion::PrevParagraph, &Uax29), 18);
    assert_eq!(step(&a, 18, Motion::PrevParagraph, &Uax29), 0);
    assert_eq!(step(&a, 0, Motion::PrevParagraph, &Uax29), 0);
    assert_eq!(step(&a, 5, Motion::TextEnd, &Uax29), 33);
    assert_eq!(step(&a, 5, Motion::TextStart, &Uax29), 0);
}

#[test]
fn shift_extends_from_the_anchor_and_a_plain_step_collapses_first() {
    let a = article("Zelensky said 👋🏽 yes");
    let g = &Uax29;
    let c = Caret::at(0).moved(&a, Motion::NextWord, true, g);
    assert_eq!(
        c,
        Caret {
            anchor: 0,
            focus: 8
        }
    );
    let c = c.moved(&a, Motion::NextWord, true, g);
    assert_eq!(c.range(), (0, 13));
    assert!(!c.is_collapsed());
    // A plain → collapses to the end of the selection, a plain ← to its start, without moving on.
    assert_eq!(c.moved(&a, Motion::NextChar, false, g), Caret::at(13));
    assert_eq!(c.moved(&a, Motion::PrevChar, false, g), Caret::at(0));
    // Other plain steps move on from the caret.
    assert_eq!(c.moved(&a, Motion::LineEnd, false, g), Caret::at(20));
    // Extending backwards past the anchor selects before it.
    let back = Caret::at(16).moved(&a, Motion::PrevChar, true, g);
    assert_eq!(back.range(), (14, 16));
    assert_eq!(slice_chars(&a.text, 14, 16), "👋🏽");
}

#[test]
fn next_and_previous_annotation_follow_text_order() {
    let list: Vec<Rc<Annotation>> = [
        ann("a", "x", 0, 5, Label::Claim),
        ann("b", "x", 0, 2, Label::Quote),
        ann("c", "x", 10, 12, Label::Claim),
    ]
    .into_iter()
    .map(Rc::new)
    .collect();
    let id = |s: &str| AnnotationId::from(s);
    let found = |a: Option<&Rc<Annotation>>| a.map(|a| a.id.as_str().to_owned());
    // From the selected one.
    assert_eq!(
        found(next_annotation(&list, Some(&id("a")), 99)),
        Some("b".into())
    );
    assert_eq!(
        found(next_annotation(&list, Some(&id("b")), 0)),
        Some("c".into())
    );
    assert_eq!(found(next_annotation(&list, Some(&id("c")), 0)), None);
    assert_eq!(
        found(prev_annotation(&list, Some(&id("c")), 0)),
        Some("b".into())
    );
    assert_eq!(found(prev_annotation(&list, Some(&id("a")), 99)), None);
    // From the caret, with none selected (or the selected one gone).
    assert_eq!(found(next_annotation(&list, None, 0)), Some("a".into()));
    assert_eq!(
        found(next_annotation(&list, Some(&id("gone")), 3)),
        Some("c".into())
    );
    assert_eq!(found(next_annotation(&list, None, 11)), None);
    assert_eq!(found(prev_annotation(&list, None, 10)), Some("b".into()));
    assert_eq!(found(prev_annotation(&list, None, 11)), Some("c".into()));
    assert_eq!(found(prev_annotation(&list, None, 0)), None);
}

/// A grapheme source that treats every code point as a cluster, as the app does in a browser without
/// `Intl.Segmenter`: the steps still move and never get stuck.
struct CodePoints;

impl Graphemes for CodePoints {
    fn cluster_at(&self, _text: &str, at: usize) -> (usize, usize) {
        (at, at + 1)
    }
}

#[test]
fn without_a_segmenter_every_code_point_is_a_step() {
    let a = article("🇺🇦!");
    assert_eq!(next_grapheme(&a, 0, &CodePoints), 1);
    assert_eq!(next_grapheme(&a, 1, &CodePoints), 2);
    assert_eq!(prev_grapheme(&a, 3, &CodePoints), 2);
}

#[test]
fn a_position_inside_a_crlf_counts_as_the_end_of_the_line_before_it() {
    let a = article("ab\r\ncd");
    assert_eq!(step(&a, 3, Motion::LineStart, &Uax29), 0);
    assert_eq!(step(&a, 3, Motion::LineEnd, &Uax29), 2);
    assert_eq!(step(&a, 3, Motion::NextChar, &Uax29), 4);
}
