//! Tests of reading with serde (`json::from_str`): every syntax error says what and where, nesting
//! and numbers are limited as JSONTestSuite expects, and a value of the wrong shape is named by its
//! JSON path with serde's reason and its place.

use super::*;
use serde::Deserialize;

/// The error of reading `text` as any JSON value, as displayed.
fn syntax(text: &str) -> String {
    match from_str::<serde_json::Value>(text) {
        Ok(v) => panic!("{text:?} parsed as {v}"),
        Err(e) => {
            assert!(e.syntax && e.path.is_empty(), "{text:?}: {e:?}");
            e.to_string()
        }
    }
}

#[test]
fn every_syntax_error_says_what_and_where() {
    let cases = [
        ("", "EOF while parsing a value at line 1 column 0"),
        ("  \n ", "EOF while parsing a value at line 2 column 1"),
        ("[1,", "EOF while parsing a value at line 1 column 3"),
        (
            "{\"schema\": 1,",
            "EOF while parsing a value at line 1 column 13",
        ),
        ("\"abc", "EOF while parsing a string at line 1 column 4"),
        ("\"a\\", "EOF while parsing a string at line 1 column 3"),
        ("\"\\u12", "EOF while parsing a string at line 1 column 5"),
        ("[1", "EOF while parsing a list at line 1 column 2"),
        (
            "{\"a\": 1",
            "EOF while parsing an object at line 1 column 7",
        ),
        ("{\"a\"", "EOF while parsing an object at line 1 column 4"),
        ("x", "expected value at line 1 column 1"),
        ("{\n  \"format\": ?", "expected value at line 2 column 13"),
        ("[,1]", "expected value at line 1 column 2"),
        ("nul", "EOF while parsing a value at line 1 column 3"),
        ("nulx", "expected ident at line 1 column 4"),
        ("[tru]", "expected ident at line 1 column 5"),
        ("-", "EOF while parsing a value at line 1 column 1"),
        ("-x", "invalid number at line 1 column 2"),
        ("01", "invalid number at line 1 column 2"),
        ("1.", "EOF while parsing a value at line 1 column 2"),
        ("1.x", "invalid number at line 1 column 3"),
        ("1e", "EOF while parsing a value at line 1 column 2"),
        ("1e+x", "invalid number at line 1 column 4"),
        ("1e400", "number out of range at line 1 column 5"),
        (
            "[-2e99999999999999999999]",
            "number out of range at line 1 column 14",
        ),
        ("\"a\\x\"", "invalid escape at line 1 column 4"),
        ("\"\\u12g4\"", "invalid escape at line 1 column 7"),
        (
            "\"\\udc00\"",
            "lone leading surrogate in hex escape at line 1 column 7",
        ),
        (
            "\"\\ud800\"",
            "unexpected end of hex escape at line 1 column 8",
        ),
        (
            "\"\\ud800\\n\"",
            "unexpected end of hex escape at line 1 column 9",
        ),
        (
            "\"\\ud800\\u0041\"",
            "lone leading surrogate in hex escape at line 1 column 13",
        ),
        ("\"\\ud800", "EOF while parsing a string at line 1 column 7"),
        (
            "\"a\u{1}b\"",
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3",
        ),
        (
            "\"tab\there\"",
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 5",
        ),
        ("{1: 2}", "key must be a string at line 1 column 2"),
        ("{\"a\": 1, 2}", "key must be a string at line 1 column 10"),
        ("{\"a\" 1}", "expected `:` at line 1 column 6"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        (
            "{\"a\": 1 \"b\": 2}",
            "expected `,` or `}` at line 1 column 9",
        ),
        ("[1,]", "trailing comma at line 1 column 4"),
        ("{\"a\": 1,}", "trailing comma at line 1 column 9"),
        ("1 2", "trailing characters at line 1 column 3"),
        ("{\"a\":1}}", "trailing characters at line 1 column 8"),
        ("[\n\n  1,\n  }", "expected value at line 4 column 3"),
        // Columns count bytes: "é" is two.
        ("\"é\" x", "trailing characters at line 1 column 6"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(text, expected)| syntax(text) != *expected)
        .map(|(text, _)| format!("{text:?} => {:?}", syntax(text)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(from_str::<serde_json::Value>(&nested(127)).is_ok());
    assert_eq!(
        syntax(&nested(129)),
        "recursion limit exceeded at line 1 column 128"
    );
    assert!(syntax(&"[".repeat(1_000_000)).starts_with("recursion limit exceeded"));
    assert!(syntax(&"{\"a\":".repeat(1_000_000)).starts_with("recursion limit exceeded"));
}

#[test]
fn integers_are_exact_to_64_bits_and_infinity_is_refused() {
    assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
    assert_eq!(from_str::<i64>("-9223372036854775808"), Ok(i64::MIN));
    let too_big = from_str::<u64>("18446744073709551616").unwrap_err();
    assert!(
        too_big.message.starts_with("invalid type: floating point"),
        "{too_big}"
    );
    for text in ["1.7976931348623158e308", "-17976931348623158e292", "1e400"] {
        assert!(syntax(text).starts_with("number out of range"), "{text}");
    }
}

#[test]
fn escapes_and_surrogate_pairs_are_decoded() {
    let read = |text: &str| from_str::<String>(text).unwrap();
    assert_eq!(
        read(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC""#),
        "\"\\/\u{8}\u{c}\n\r\tAé€"
    );
    assert_eq!(read(r#""\ud83d\ude00""#), "😀");
    assert_eq!(read("\"é\u{7f}\u{2028}\""), "é\u{7f}\u{2028}");
}

/// A record of our own, as the app's files declare them.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Rec {
    name: String,
    count: u32,
    #[serde(default)]
    items: Vec<i64>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct File {
    recs: Vec<Rec>,
}

fn data_error(text: &str) -> JsonError {
    let e = from_str::<File>(text).unwrap_err();
    assert!(!e.syntax, "{e:?}");
    e
}

#[test]
fn a_bad_value_is_named_by_its_path_with_the_reason_and_place() {
    let e = data_error(
        "{\"recs\": [{\"name\": \"a\", \"count\": 1},\n {\"name\": \"b\", \"count\": \"x\"}]}",
    );
    assert_eq!(e.path, "recs[1].count");
    assert_eq!(e.message, "invalid type: string \"x\", expected u32");
    assert_eq!((e.line, e.column), (2, 27));
    assert_eq!(
        e.to_string(),
        "recs[1].count: invalid type: string \"x\", expected u32 at line 2 column 27"
    );
    let e = data_error(r#"{"recs": [{"name": "a", "count": 4294967296}]}"#);
    assert_eq!(e.path, "recs[0].count");
    assert!(
        e.message.starts_with("invalid value: integer `4294967296`"),
        "{e}"
    );
}

#[test]
fn missing_unknown_and_repeated_fields_are_refused() {
    let e = data_error(r#"{"recs": [{"name": "a"}]}"#);
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("recs[0]", "missing field `count`")
    );
    let e = data_error(r#"{"recs": [{"name": "a", "count": 1, "colour": 2}]}"#);
    assert_eq!(e.path, "recs[0].colour");
    assert!(
        e.message
            .starts_with("unknown field `colour`, expected one of"),
        "{e}"
    );
    let e = data_error(r#"{"recs": [{"name": "a", "name": "b", "count": 1}]}"#);
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("recs[0]", "duplicate field `name`")
    );
    let e = data_error("1");
    assert_eq!(e.path, "");
    assert_eq!(e.message, "invalid type: integer `1`, expected struct File");
}

#[test]
fn nothing_may_follow_the_value() {
    let e = from_str::<File>(r#"{"recs": []} x"#).unwrap_err();
    assert!(e.syntax);
    assert_eq!(e.to_string(), "trailing characters at line 1 column 14");
}

#[test]
fn custom_errors_have_no_place() {
    let e = JsonError::custom("recs[2]", "its end is before its start");
    assert_eq!(e.to_string(), "recs[2]: its end is before its start");
}

#[test]
fn timestamps_are_rfc3339_text_or_milliseconds() {
    use crate::domain::model::time::Timestamp;
    #[derive(Debug, serde::Serialize, Deserialize, PartialEq)]
    struct Times {
        text: Timestamp,
        #[serde(with = "crate::domain::files::json::millis")]
        ms: Timestamp,
    }
    let times = Times {
        text: Timestamp(1_795_514_400_000),
        ms: Timestamp(1_795_514_400_123),
    };
    let json = to_compact(&times);
    assert_eq!(
        json,
        r#"{"text":"2026-11-24T10:00:00.000Z","ms":1795514400123}"#
    );
    assert_eq!(from_str::<Times>(&json), Ok(times));
    let e = from_str::<Times>(r#"{"text": "yesterday", "ms": 1}"#).unwrap_err();
    assert_eq!(e.path, "text");
}
