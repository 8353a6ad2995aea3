//! Tests of `text`.

use super::*;

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
    assert_eq!(normalize_selection(text, 0, 17), Some((2, 15)));
    assert_eq!(normalize_selection(text, 15, 17), None);
}

#[test]
fn selection_never_cuts_a_flag() {
    // Selecting only the second regional indicator still takes the whole flag.
    assert_eq!(normalize_selection(FLAG_TEXT, 1, 9), Some((0, 9)));
    assert_eq!(normalize_selection(FLAG_TEXT, 0, 1), Some((0, 2)));
}

#[test]
fn selection_never_cuts_a_combining_accent() {
    // "e" followed by U+0301 COMBINING ACUTE ACCENT is one user-perceived character.
    let text = "Cafe\u{301} crowd";
    assert_eq!(normalize_selection(text, 0, 4), Some((0, 5)));
    assert_eq!(normalize_selection(text, 4, 5), Some((3, 5)));
}

#[test]
fn selection_never_cuts_an_emoji_sequence() {
    // Woman + ZWJ + laptop is a single cluster of three code points.
    let text = "x 👩\u{200d}💻 y";
    assert_eq!(normalize_selection(text, 3, 4), Some((2, 5)));
}

#[test]
fn reversed_selection_is_ordered() {
    assert_eq!(normalize_selection("abc def", 7, 4), Some((4, 7)));
}

#[test]
fn crlf_is_one_cluster_and_whitespace() {
    let text = "one\r\ntwo";
    assert_eq!(normalize_selection(text, 0, 4), Some((0, 3)));
    assert_eq!(normalize_selection(text, 4, 8), Some((5, 8)));
}
