//! Tests of the shared fields: offsets and ids as they are read and written, records that must be
//! objects, and where a problem is put in a file or a line of one.

use super::*;
use crate::domain::files::formats::objects::{some_objects, Object};
use crate::domain::files::json::to_compact;
use serde::Deserialize;

/// The message of reading `text` as a `T`, at its path.
fn refused<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
    let e = read_file::<T>(text).unwrap_err();
    format!("{}: {}", e.path, e.message)
}

#[test]
fn an_offset_is_a_whole_number_from_zero() {
    assert_eq!(
        read_file::<Vec<Offset>>("[0, 7, 18446744073709551615]"),
        Ok(vec![Offset(0), Offset(7), Offset(usize::MAX)])
    );
    let expected = "expected a whole number of characters counted from 0";
    assert_eq!(
        refused::<Vec<Offset>>(r#"[1, "0"]"#),
        format!("[1]: invalid type: string \"0\", {expected}")
    );
    assert_eq!(
        refused::<Vec<Offset>>("[-1]"),
        format!("[0]: invalid value: integer `-1`, {expected}")
    );
    assert_eq!(
        refused::<Vec<Offset>>("[3.5]"),
        format!("[0]: invalid type: floating point `3.5`, {expected}")
    );
    assert_eq!(to_compact(&[Offset(3), Offset(7)]), "[3,7]");
}

#[test]
fn an_id_is_a_number_or_a_string_and_the_same_either_way() {
    let ids: Vec<Id> = read_file(r#"[7, "7", "q", -2]"#).unwrap();
    assert_eq!(ids[0], Id::Number(7));
    assert_eq!(ids[0].key(), ids[1].key());
    assert_eq!(ids[2].key(), "q");
    assert_eq!(ids[3], Id::Text("-2".into()));
    assert_eq!(
        refused::<Vec<Id>>("[true]"),
        "[0]: invalid type: boolean `true`, expected a whole number or a string"
    );
    assert_eq!(to_compact(&ids[..3]), r#"[7,"7","q"]"#);
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(expecting = "an object with \"n\"")]
struct Rec {
    n: u32,
}

#[derive(Debug, Deserialize, PartialEq)]
struct List {
    #[serde(default, deserialize_with = "some_objects")]
    items: Option<Vec<Rec>>,
}

#[test]
fn a_record_is_read_only_from_an_object_and_refused_in_its_own_words() {
    // serde's derived structs would read `[3]` as `{"n": 3}`.
    assert_eq!(
        refused::<Object<Rec>>("[3]"),
        ": invalid type: sequence, expected an object with \"n\""
    );
    assert_eq!(
        refused::<List>(r#"{"items": [{"n": 1}, 5]}"#),
        "items[1]: invalid type: integer `5`, expected an object with \"n\""
    );
    assert_eq!(
        refused::<List>(r#"{"items": [{"n": "x"}]}"#),
        "items[0].n: invalid type: string \"x\", expected u32"
    );
    assert_eq!(
        read_file::<List>(r#"{"items": null}"#),
        Ok(List { items: None })
    );
    assert_eq!(
        read_file::<Object<Rec>>(r#"{"n": 2}"#),
        Ok(Object(Rec { n: 2 }))
    );
}

#[test]
fn a_problem_is_put_at_its_line_and_column_or_its_path() {
    let syntax = read_file::<Vec<u32>>("[1,\n 2,\n x]").unwrap_err();
    assert_eq!(
        (syntax.path.as_str(), syntax.message.as_str()),
        ("line 3, column 2", "expected value")
    );
    let line = read_line::<Vec<u32>>("[1, x]", 4).unwrap_err();
    assert_eq!(
        (line.path.as_str(), line.message.as_str()),
        ("line 4, column 5", "expected value")
    );
    let shape = read_line::<List>(r#"{"items": [{"n": -1}]}"#, 4).unwrap_err();
    assert_eq!(shape.path, "line 4: items[0].n");
    let whole = read_line::<List>("5", 9).unwrap_err();
    assert_eq!(whole.path, "line 9");
}
