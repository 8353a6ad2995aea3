//! Tests of `text`.

use super::*;

#[path = "uax29.rs"]
pub(in crate::domain) mod uax29;

use uax29::Uax29;

const FLAG_TEXT: &str = "🇩🇪 Merkel said";

#[test]
fn the_formats_table_example_holds_in_every_unit() {
    let start_byte = FLAG_TEXT.find("Merkel").unwrap();
    assert_eq!(start_byte, 9);
    assert_eq!(byte_to_char(FLAG_TEXT, 9), 3);
    assert_eq!(char_to_byte(FLAG_TEXT, 3), 9);
    assert_eq!(char_to_utf16(FLAG_TEXT, 3), 5);
    assert_eq!(utf16_to_char(FLAG_TEXT, 5), 3);
    assert_eq!(utf16_to_char(FLAG_TEXT, 11), 9);
    assert_eq!(slice_chars(FLAG_TEXT, 3, 9), "Merkel");
}

#[test]
fn utf16_offsets_inside_a_surrogate_pair_round_down() {
    // "😀" is one code point and two UTF-16 units.
    let text = "a😀b";
    assert_eq!(utf16_to_char(text, 1), 1);
    assert_eq!(utf16_to_char(text, 2), 1);
    assert_eq!(utf16_to_char(text, 3), 2);
    assert_eq!(utf16_to_char(text, 99), 3);
}

#[test]
fn curly_quotes_count_as_one_code_point() {
    let text = "“short-sighted.”";
    assert_eq!(char_len(text), 16);
    assert_eq!(text.len(), 20);
    assert_eq!(slice_chars(text, 1, 14), "short-sighted");
}

#[test]
fn selection_is_trimmed_of_whitespace() {
    let text = "  Zelensky said \n";
    assert_eq!(normalize_selection(text, 0, 17, &Uax29), Some((2, 15)));
    assert_eq!(normalize_selection(text, 15, 17, &Uax29), None);
}

#[test]
fn selection_never_cuts_a_flag() {
    // Selecting only the second regional indicator still takes the whole flag.
    assert_eq!(normalize_selection(FLAG_TEXT, 1, 9, &Uax29), Some((0, 9)));
    assert_eq!(normalize_selection(FLAG_TEXT, 0, 1, &Uax29), Some((0, 2)));
}

#[test]
fn selection_never_cuts_a_combining_accent() {
    // "e" followed by U+0301 COMBINING ACUTE ACCENT is one user-perceived character.
    let text = "Cafe\u{301} crowd";
    assert_eq!(normalize_selection(text, 0, 4, &Uax29), Some((0, 5)));
    assert_eq!(normalize_selection(text, 4, 5, &Uax29), Some((3, 5)));
}

#[test]
fn selection_never_cuts_an_emoji_sequence() {
    // Woman + ZWJ + laptop is a single cluster of three code points.
    let text = "x 👩\u{200d}💻 y";
    assert_eq!(normalize_selection(text, 3, 4, &Uax29), Some((2, 5)));
}

#[test]
fn reversed_selection_is_ordered() {
    assert_eq!(normalize_selection("abc def", 7, 4, &Uax29), Some((4, 7)));
}

#[test]
fn crlf_is_one_cluster_and_whitespace() {
    let text = "one\r\ntwo";
    assert_eq!(normalize_selection(text, 0, 4, &Uax29), Some((0, 3)));
    assert_eq!(normalize_selection(text, 4, 8, &Uax29), Some((5, 8)));
}

/// The rule applied to the whole text at once: what the windowed search must agree with.
fn whole_text_reference(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let (a, b) = (a.min(b), a.max(b));
    let mut bounds = vec![0];
    for g in text.graphemes(true) {
        bounds.push(bounds.last().unwrap() + g.chars().count());
    }
    let start = *bounds.iter().rev().find(|&&x| x <= a).unwrap();
    let end = *bounds.iter().find(|&&x| x >= b).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let (mut s, mut e) = (start, end);
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

/// Records the length of every window it is asked about.
#[derive(Default)]
struct Counting(std::cell::RefCell<Vec<usize>>);

impl Graphemes for Counting {
    fn cluster_at(&self, text: &str, at: usize) -> (usize, usize) {
        self.0.borrow_mut().push(char_len(text));
        Uax29.cluster_at(text, at)
    }
}

const MIXED: &str = "He said “🇺🇦🇩🇪 Kyïv” — Cafe\u{301} 👨\u{200d}👩\u{200d}👧 한국 \u{1100}\u{1161}\u{11a8}\r\nx\u{301}\n\u{301}y #\u{fe0f}\u{20e3} \u{928}\u{94d}\u{924}";

#[test]
fn every_selection_of_a_mixed_text_matches_the_whole_text_rule() {
    let len = char_len(MIXED);
    for a in 0..=len {
        for b in a..=len {
            assert_eq!(
                normalize_selection(MIXED, a, b, &Uax29),
                whole_text_reference(MIXED, a, b),
                "selection {a}..{b}"
            );
        }
    }
}

#[test]
fn plain_ascii_ends_never_ask_for_graphemes() {
    let counting = Counting::default();
    let text = "Zelensky said: \"no deal\".\r\nNext line";
    assert_eq!(normalize_selection(text, 0, 13, &counting), Some((0, 13)));
    assert_eq!(normalize_selection(text, 15, 33, &counting), Some((15, 33)));
    assert!(counting.0.borrow().is_empty());
}

#[test]
fn a_long_line_is_segmented_only_near_the_selection_ends() {
    // One 1 MB line of Cyrillic words: no certain boundary nearby, so the window stops at its reach.
    let words = "слово ".repeat(100_000);
    let flag = char_len(&words);
    let text = words + "🇺🇦🇺🇦" + &"слово ".repeat(1_000);
    let counting = Counting::default();
    assert_eq!(
        normalize_selection(&text, 300_001, flag + 3, &counting),
        Some((300_001, flag + 4))
    );
    let windows = counting.0.borrow();
    assert_eq!(windows.len(), 2);
    assert!(
        windows.iter().all(|&w| w <= 2 * WINDOW_REACH + 2),
        "{windows:?}"
    );
}

#[test]
fn a_cluster_longer_than_the_window_is_found_whole() {
    // A letter with 1,000 combining marks is one cluster; the window grows until it holds all of it.
    let marks = "\u{301}".repeat(1_000);
    let text = format!("ab ы{marks} cd");
    for (a, b) in [(3, 4), (500, 501), (1_003, 1_004), (4, 1_004)] {
        assert_eq!(
            normalize_selection(&text, a, b, &Uax29),
            Some((3, 1_004)),
            "selection {a}..{b}"
        );
        assert_eq!(
            normalize_selection(&text, a, b, &Uax29),
            whole_text_reference(&text, a, b)
        );
    }
}

#[test]
fn long_non_ascii_lines_match_the_whole_text_rule() {
    let unit = "Кафе\u{301} 🇺🇦 👩\u{200d}💻 한국어 ";
    let text = unit.repeat(200);
    let len = char_len(&text);
    for a in (0..len).step_by(7) {
        let b = (a + 13).min(len);
        assert_eq!(
            normalize_selection(&text, a, b, &Uax29),
            whole_text_reference(&text, a, b),
            "selection {a}..{b}"
        );
    }
}

#[test]
fn selections_past_the_end_are_empty_or_clamped() {
    assert_eq!(normalize_selection("abc", 5, 9, &Uax29), None);
    assert_eq!(normalize_selection("abc", 1, 9, &Uax29), Some((1, 3)));
    assert_eq!(normalize_selection("", 0, 0, &Uax29), None);
}

#[test]
fn the_utf16_index_converts_as_utf16_to_char_does_at_every_offset() {
    let text = "a🇺🇦 b中文🙂e\u{301}\r\n".repeat(40);
    let index = Utf16Index::new(&text);
    let units: usize = text.chars().map(char::len_utf16).sum();
    for utf16 in 0..units + 5 {
        assert_eq!(
            index.to_char(&text, utf16),
            utf16_to_char(&text, utf16),
            "{utf16}"
        );
    }
    assert_eq!(Utf16Index::new("").to_char("", 3), 0);
}
