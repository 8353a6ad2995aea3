//! Tests of the loose shapes: what each reads, how it shows a value, that an error inside keeps its
//! JSON path, and that each writes back what it read.

use super::*;
use crate::domain::files::json::{from_str, to_compact};
use serde::Deserialize;

#[derive(Debug, Deserialize, serde::Serialize, PartialEq)]
struct Count {
    n: u32,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Holder<T> {
    v: T,
    #[serde(default, deserialize_with = "text_or_none")]
    name: Option<String>,
}

/// The path and message of reading `text` as a `Holder<T>`.
fn fails<T: for<'de> Deserialize<'de> + std::fmt::Debug>(text: &str) -> (String, String) {
    let e = from_str::<Holder<T>>(text).unwrap_err();
    (e.path, e.message)
}

#[test]
fn loose_keeps_strings_and_whole_numbers_and_shows_the_rest() {
    let read: Vec<Loose> =
        from_str(r#"["a\"b", 3, -3, 3.5, true, null, [1, [2]], {"a": {"b": 1}}]"#).unwrap();
    assert_eq!(read[0], Loose::Text("a\"b".into()));
    assert_eq!(read[1], Loose::Whole(3));
    let shown: Vec<String> = read.iter().map(Loose::shown).collect();
    assert_eq!(
        shown,
        [
            "\"a\\\"b\"",
            "3",
            "-3",
            "3.5",
            "true",
            "null",
            "a list",
            "an object"
        ]
    );
    assert_eq!(read[0].text(), Some("a\"b"));
    assert_eq!(read[1].text(), None);
    let long = Loose::Text("x".repeat(50));
    assert_eq!(long.shown(), format!("\"{}…", "x".repeat(38)));
    assert_eq!(to_compact(&read[..2]), r#"["a\"b",3]"#);
}

#[test]
fn text_or_none_reads_a_string_and_ignores_anything_else() {
    let named: Holder<u32> = from_str(r#"{"v": 1, "name": "n"}"#).unwrap();
    assert_eq!(named.name.as_deref(), Some("n"));
    for other in ["5", "null", "[\"n\"]", "{\"a\": 1}"] {
        let read: Holder<u32> = from_str(&format!(r#"{{"v": 1, "name": {other}}}"#)).unwrap();
        assert_eq!(read.name, None, "{other}");
    }
}

#[test]
fn one_or_many_reads_either_and_keeps_the_path_of_a_bad_value() {
    let one: Holder<OneOrMany<u32>> = from_str(r#"{"v": 4}"#).unwrap();
    assert_eq!(one.v, OneOrMany::One(4));
    assert_eq!(one.v.as_slice(), [4]);
    let many: Holder<OneOrMany<Count>> = from_str(r#"{"v": [{"n": 1}, {"n": 2}]}"#).unwrap();
    let paths: Vec<(String, u32)> = many
        .v
        .each("v")
        .into_iter()
        .map(|(p, c)| (p, c.n))
        .collect();
    assert_eq!(paths, [("v[0]".into(), 1), ("v[1]".into(), 2)]);
    assert_eq!(one.v.each("v")[0].0, "v");
    assert_eq!(
        fails::<OneOrMany<u32>>(r#"{"v": [1, "x"]}"#),
        (
            "v[1]".into(),
            "invalid type: string \"x\", expected u32".into()
        )
    );
    assert_eq!(
        fails::<OneOrMany<u32>>(r#"{"v": "x"}"#),
        (
            "v".into(),
            "invalid type: string \"x\", expected u32".into()
        )
    );
    assert_eq!(
        fails::<OneOrMany<Count>>(r#"{"v": {"n": -1}}"#),
        (
            "v.n".into(),
            "invalid value: integer `-1`, expected u32".into()
        )
    );
    assert_eq!(to_compact(&one.v), "4");
    assert_eq!(to_compact(&OneOrMany::Many(vec![4])), "[4]");
}

#[test]
fn object_or_reads_an_object_as_its_type_and_anything_else_loosely() {
    let read: Vec<ObjectOr<Count>> = from_str(r#"[{"n": 1}, "iri", 7, [1]]"#).unwrap();
    assert_eq!(
        read,
        [
            ObjectOr::Object(Count { n: 1 }),
            ObjectOr::Plain(Loose::Text("iri".into())),
            ObjectOr::Plain(Loose::Whole(7)),
            ObjectOr::Plain(Loose::Other("a list".into())),
        ]
    );
    assert_eq!(
        fails::<ObjectOr<Count>>(r#"{"v": {"n": "x"}}"#),
        (
            "v.n".into(),
            "invalid type: string \"x\", expected u32".into()
        )
    );
    assert_eq!(to_compact(&read[..2]), r#"[{"n":1},"iri"]"#);
}
