//! Tests of `json::read`: typed records with defaults and nulls, errors with their path and place,
//! unknown and repeated fields, and integers read as serde read them.

use crate::domain::json::{
    array, integer, parse, read_text, string, FieldReader, Path, ReadError, Step, Value,
};

fn value(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// A record read with every kind of field, as the app's records are.
#[derive(Debug, Default, PartialEq)]
struct Rec {
    name: String,
    count: u32,
    note: String,
    kind: Option<String>,
    items: Vec<i64>,
}

impl Rec {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<Rec, ReadError> {
        let names = ["name", "count", "note", "kind", "items"];
        let mut f = FieldReader::new(value, path, "struct Rec", &names)?;
        let rec = Rec {
            name: f.required("name", string),
            count: f.required("count", integer),
            note: f.or_default("note", string),
            kind: f.optional("kind", string),
            items: f.required("items", |v, p| array(v, p, integer)),
        };
        f.finish(rec)
    }
}

/// Reads `text` as a list of [`Rec`] under the key `recs`, any error as `path: message at …`.
fn read_recs(text: &str) -> Result<Vec<Rec>, String> {
    read_text(text, |v, p| {
        let mut f = FieldReader::new(v, p, "struct File", &["recs"])?;
        let recs = f.required("recs", |v, p| array(v, p, Rec::read));
        f.finish(recs)
    })
}

#[test]
fn records_are_read_with_defaults_and_nulls() {
    let recs = read_recs(
        r#"{"recs": [{"name": "a", "count": 1, "items": [-1, 2]},
                     {"items": [], "kind": "k", "note": "n", "count": 4294967295, "name": "b"},
                     {"name": "c", "count": 0, "kind": null, "items": []}]}"#,
    )
    .unwrap();
    assert_eq!(
        recs,
        [
            Rec {
                name: "a".into(),
                count: 1,
                items: vec![-1, 2],
                ..Rec::default()
            },
            Rec {
                name: "b".into(),
                count: u32::MAX,
                note: "n".into(),
                kind: Some("k".into()),
                items: vec![]
            },
            Rec {
                name: "c".into(),
                ..Rec::default()
            },
        ]
    );
}

#[test]
fn read_errors_name_the_path_the_problem_and_the_place() {
    let rec = |body: &str| {
        format!("{{\"recs\": [{{\"name\": \"a\", \"count\": 1, \"items\": []}}, {body}]}}")
    };
    let cases = [
        (
            rec(r#"{"name": "b", "count": "1", "items": []}"#),
            r#"recs[1].count: invalid type: string "1", expected u32 at line 1 column 76"#,
        ),
        (
            rec(r#"{"name": "b", "count": -1, "items": []}"#),
            "recs[1].count: invalid value: integer `-1`, expected u32 at line 1 column 75",
        ),
        (
            rec(r#"{"name": "b", "count": 4294967296, "items": []}"#),
            "recs[1].count: invalid value: integer `4294967296`, expected u32 at line 1 column 83",
        ),
        (
            rec(r#"{"name": "b", "count": 1.0, "items": []}"#),
            "recs[1].count: invalid type: floating point `1.0`, expected u32 at line 1 column 76",
        ),
        (
            rec(r#"{"name": "b", "count": 99999999999999999999, "items": []}"#),
            "recs[1].count: invalid value: integer `99999999999999999999`, expected u32 at line 1 \
             column 93",
        ),
        (
            rec(r#"{"name": null, "count": 1, "items": []}"#),
            "recs[1].name: invalid type: null, expected a string at line 1 column 63",
        ),
        (
            rec(r#"{"name": "b", "note": null, "count": 1, "items": []}"#),
            "recs[1].note: invalid type: null, expected a string at line 1 column 76",
        ),
        (
            rec(r#"{"name": "b", "count": 1, "items": [1, true]}"#),
            "recs[1].items[1]: invalid type: boolean `true`, expected i64 at line 1 column 93",
        ),
        (
            rec(r#"{"name": "b", "count": 1, "items": {}}"#),
            "recs[1].items: invalid type: map, expected a sequence at line 1 column 87",
        ),
        (
            rec(r#"[]"#),
            "recs[1]: invalid type: sequence, expected struct Rec at line 1 column 52",
        ),
        (
            rec(r#"{"name": "b", "count": 1}"#),
            "recs[1]: missing field `items` at line 1 column 75",
        ),
        (
            rec(r#"{"name": "b", "count": 1, "items": [], "colour": 3}"#),
            "recs[1].colour: unknown field `colour`, expected one of `name`, `count`, `note`, \
             `kind`, `items` at line 1 column 100",
        ),
        (
            rec(r#"{"name": "b", "name": "c", "count": 1, "items": []}"#),
            "recs[1].name: duplicate field `name` at line 1 column 75",
        ),
        // The first problem in the document wins, whatever order the fields are read in.
        (
            rec(r#"{"items": [true], "count": "x", "other": 1}"#),
            "recs[1].items[0]: invalid type: boolean `true`, expected i64 at line 1 column 65",
        ),
        (
            rec(r#"{"other": 1, "count": "x"}"#),
            "recs[1].other: unknown field `other`, expected one of `name`, `count`, `note`, \
             `kind`, `items` at line 1 column 61",
        ),
        // Missing fields come last, the first one in reading order.
        (
            rec(r#"{"count": 1}"#),
            "recs[1]: missing field `name` at line 1 column 62",
        ),
        (
            r#"{"more": 2, "recs": 1}"#.to_owned(),
            "more: unknown field `more`, expected `recs` at line 1 column 10",
        ),
        (
            "[]".to_owned(),
            "invalid type: sequence, expected struct File at line 1 column 2",
        ),
        ("{}".to_owned(), "missing field `recs` at line 1 column 2"),
        ("{]".to_owned(), "key must be a string at line 1 column 2"),
    ];
    for (text, expected) in cases {
        assert_eq!(read_recs(&text).unwrap_err(), expected, "{text}");
    }
}

#[test]
fn read_errors_carry_their_path_as_steps() {
    let mut v = value(r#"{"recs": [{"name": "a", "count": 1, "items": [0, "x"]}]}"#);
    let mut f = FieldReader::new(&mut v, &Path::Root, "struct File", &["recs"]).unwrap();
    let recs = f.required("recs", |v, p| array(v, p, Rec::read));
    let e = f.finish(recs).unwrap_err();
    assert_eq!(
        e.steps,
        [
            Step::Key("recs".into()),
            Step::Index(0),
            Step::Key("items".into()),
            Step::Index(1)
        ]
    );
    assert_eq!(e.path(), "recs[0].items[1]");
    assert_eq!(
        e.to_string(),
        "recs[0].items[1]: invalid type: string \"x\", expected i64"
    );
    // A path that the text does not have leaves the message without a place.
    assert_eq!(
        e.message_in("{}"),
        "invalid type: string \"x\", expected i64"
    );
}

#[test]
fn unknown_fields_are_named_with_the_ones_expected() {
    let error = |names: &[&str]| {
        let mut v = value(r#"{"x": 1}"#);
        FieldReader::new(&mut v, &Path::Root, "struct T", names)
            .unwrap()
            .finish(())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(error(&[]), "x: unknown field `x`, there are no fields");
    assert_eq!(error(&["a"]), "x: unknown field `x`, expected `a`");
    assert_eq!(
        error(&["a", "b"]),
        "x: unknown field `x`, expected `a` or `b`"
    );
    assert_eq!(
        error(&["a", "b", "c"]),
        "x: unknown field `x`, expected one of `a`, `b`, `c`"
    );
}

#[test]
fn a_lenient_reader_skips_unknown_fields_but_not_repeated_ones() {
    let read = |text: &str| {
        read_text(text, |v, p| {
            let mut f = FieldReader::lenient(v, p, "struct T", &["a"])?;
            let a: u64 = f.required("a", integer);
            f.finish(a)
        })
    };
    assert_eq!(read(r#"{"z": [1, {}], "a": 5, "y": null}"#), Ok(5));
    assert_eq!(
        read(r#"{"a": 5, "z": 1, "a": 6}"#),
        Err("a: duplicate field `a` at line 1 column 23".into())
    );
}

#[test]
fn reading_a_wide_object_stays_linear() {
    // 200,000 members, each looked at a bounded number of times.
    let mut text = String::from("{");
    for i in 0..200_000 {
        text.push_str(&format!("\"k{i}\": {i},"));
    }
    text.push_str("\"a\": 1}");
    let a = read_text(&text, |v, p| {
        let mut f = FieldReader::lenient(v, p, "struct T", &["a"])?;
        let a: u64 = f.required("a", integer);
        f.finish(a)
    });
    assert_eq!(a, Ok(1));
}

#[test]
fn integers_read_as_serde_read_them() {
    let read = |text: &str| integer::<usize>(&mut value(text), &Path::Root).map_err(|e| e.message);
    assert_eq!(read("7"), Ok(7));
    assert_eq!(read("-0"), Ok(0));
    assert_eq!(
        read("-1"),
        Err("invalid value: integer `-1`, expected usize".into())
    );
    assert_eq!(
        read("2e3"),
        Err("invalid type: floating point `2e3`, expected usize".into())
    );
    assert_eq!(
        read("[]"),
        Err("invalid type: sequence, expected usize".into())
    );
    assert_eq!(
        integer::<i64>(&mut value("9223372036854775808"), &Path::Root).map_err(|e| e.message),
        Err("invalid value: integer `9223372036854775808`, expected i64".into())
    );
}
