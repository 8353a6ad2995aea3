//! Tests of `json`: round trips, every syntax error with its place, nesting and number limits, escapes,
//! and the writer against what serde_json wrote. Typed reading: `json_read.rs`.

use super::*;

/// The syntax error of `text`, as displayed.
fn syntax(text: &str) -> String {
    match parse(text) {
        Ok(v) => panic!("{text:?} parsed as {v}"),
        Err(e) => e.to_string(),
    }
}

fn value(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn compact_texts_round_trip_unchanged() {
    let texts = [
        "null",
        "true",
        "false",
        "0",
        "-7",
        "\"\"",
        "[]",
        "{}",
        r#"{"z":1,"a":[true,false,null],"m":{"k":"v","e":{}},"n":[[],[[]]]}"#,
        // Numbers other than 64-bit integers come back exactly as written.
        "[1.5,-0,2e3,1E+2,0.000100,-1.25e-7,123456789012345678901234567890]",
        r#"["é“”😀","\"\\\n\r\t\b\f\u0000\u001f"]"#,
    ];
    for text in texts {
        assert_eq!(value(text).to_string(), text);
    }
}

#[test]
fn whitespace_is_dropped_and_members_keep_their_order() {
    let v = value(" \r\n\t{ \"b\" : [ 1 , 2 ] ,\n\"a\":\"x\" } \n");
    assert_eq!(v.to_string(), r#"{"b":[1,2],"a":"x"}"#);
    assert_eq!(
        v,
        Value::Object(vec![
            (
                "b".into(),
                Value::Array(vec![Value::from(1_u64), Value::from(2_u64)])
            ),
            ("a".into(), Value::from("x")),
        ])
    );
}

#[test]
fn a_repeated_key_is_kept_and_get_finds_the_last() {
    let v = value(r#"{"a": 1, "b": 2, "a": 3}"#);
    assert_eq!(v.to_string(), r#"{"a":1,"b":2,"a":3}"#);
    assert_eq!(v.get("a").and_then(Value::as_u64), Some(3));
    assert_eq!(v.get("c"), None);
    assert_eq!(value("[1]").get("a"), None);
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
            "number out of range at line 1 column 24",
        ),
        ("\"a\\x\"", "invalid escape at line 1 column 4"),
        ("\"\\u12g4\"", "invalid escape at line 1 column 7"),
        (
            "\"\\udc00\"",
            "unpaired surrogate in \\u escape at line 1 column 7",
        ),
        (
            "\"\\ud800\"",
            "unpaired surrogate in \\u escape at line 1 column 7",
        ),
        (
            "\"\\ud800\\n\"",
            "unpaired surrogate in \\u escape at line 1 column 8",
        ),
        (
            "\"\\ud800\\u0041\"",
            "unpaired surrogate in \\u escape at line 1 column 13",
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
    for (text, expected) in cases {
        assert_eq!(syntax(text), expected, "{text:?}");
    }
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        syntax(&nested(MAX_DEPTH + 1)),
        "arrays and objects nested more than 128 deep at line 1 column 129"
    );
    // Far deeper input stops at the limit, arrays and objects alike.
    assert!(syntax(&"[".repeat(1_000_000)).starts_with("arrays and objects nested more than 128"));
    assert!(syntax(&"{\"a\":".repeat(1_000_000)).starts_with("arrays and objects nested"));
    // A deep but allowed value is written and dropped without trouble.
    let deep = value(&nested(MAX_DEPTH));
    assert_eq!(deep.to_string(), nested(MAX_DEPTH));
    assert_eq!(deep.to_string_pretty().lines().count(), 2 * MAX_DEPTH - 1);
}

#[test]
fn integers_are_exact_to_64_bits_and_other_numbers_kept_as_written() {
    assert_eq!(
        value("18446744073709551615"),
        Value::Number(Number::U64(u64::MAX))
    );
    assert_eq!(
        value("-9223372036854775808"),
        Value::Number(Number::I64(i64::MIN))
    );
    for text in [
        "18446744073709551616",
        "-9223372036854775809",
        "-0",
        "1.0",
        "1e2",
        "1.7976931348623157e308",
        "1e-400",
    ] {
        assert_eq!(value(text), Value::Number(Number::Other(text.into())));
    }
    // Out of range is infinity as an f64, however the number is written.
    for text in [
        "1.7976931348623158e308",
        "-17976931348623158e292",
        "0.00017976931348623158e312",
    ] {
        assert!(syntax(text).starts_with("number out of range"), "{text}");
    }
    let digits = format!("17976931348623158{}", "0".repeat(292));
    assert_eq!(digits.len(), 309);
    assert!(syntax(&digits).starts_with("number out of range"));
    assert!(parse(&digits.replacen("58", "57", 1)).is_ok());
}

#[test]
fn escapes_and_surrogate_pairs_are_decoded() {
    assert_eq!(
        value(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC""#),
        Value::from("\"\\/\u{8}\u{c}\n\r\tAé€")
    );
    assert_eq!(value(r#""\ud83d\ude00""#), Value::from("😀"));
    assert_eq!(value(r#""\uD834\uDD1E!""#), Value::from("𝄞!"));
    assert_eq!(value("\"\\u0000\""), Value::from("\0"));
    // Text that needs no escape is taken as it is, DEL and U+2028 too.
    assert_eq!(value("\"é\u{7f}\u{2028}\""), Value::from("é\u{7f}\u{2028}"));
}

#[test]
fn strings_are_escaped_as_serde_json_escaped_them() {
    let s: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("é“”😀\u{2028}".chars())
        .collect();
    // serde_json::to_string(&s), recorded before serde_json left the project.
    let serde_json = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\
                      \\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\
                      \\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f !\\\"#$%&'()*+,-./0123456789:;\
                      <=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{7f}\
                      é“”😀\u{2028}\"";
    assert_eq!(Value::from(s.as_str()).to_string(), serde_json);
    assert_eq!(value(serde_json), Value::from(s));
}

#[test]
fn the_writer_matches_serde_json_compact_and_pretty() {
    let v = value(
        r#"{"a":[],"b":{},"c":[1,{"d":[true,null,-5,18446744073709551615,-9223372036854775808]}],
            "e":"x\ny"}"#,
    );
    // serde_json's `to_string` and `to_string_pretty` of the same value, recorded before it left.
    assert_eq!(
        v.to_string(),
        r#"{"a":[],"b":{},"c":[1,{"d":[true,null,-5,18446744073709551615,-9223372036854775808]}],"e":"x\ny"}"#
    );
    assert_eq!(
        v.to_string_pretty(),
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": [\n        true,\n        \
         null,\n        -5,\n        18446744073709551615,\n        -9223372036854775808\n      ]\n    \
         }\n  ],\n  \"e\": \"x\\ny\"\n}"
    );
    assert_eq!(value("[]").to_string_pretty(), "[]");
    assert_eq!(value("\"s\"").to_string_pretty(), "\"s\"");
}

#[test]
fn fields_are_written_with_their_scalars() {
    let mut w = Writer::compact();
    w.begin_object();
    w.field("s", "x");
    w.field("n", &7_usize);
    w.field("i", &-3_i64);
    w.field("u", &4_u32);
    w.field("b", &false);
    w.field("none", &None::<String>);
    w.field("some", &Some("y"));
    w.key("list");
    w.begin_array();
    w.string("z");
    w.begin_object();
    w.end_object();
    w.end_array();
    w.end_object();
    assert_eq!(
        w.finish(),
        r#"{"s":"x","n":7,"i":-3,"u":4,"b":false,"none":null,"some":"y","list":["z",{}]}"#
    );
}
