//! Tests of a file's outside: what a [`Shape`] notes of a list, an object and a plain value.

use super::*;
use crate::domain::files::json::from_str;

fn shape(text: &str) -> Shape {
    from_str(text).unwrap()
}

#[test]
fn an_object_shows_the_keys_that_tell_formats_apart_and_its_type() {
    let object = shape(
        r#"{"text": "x", "meta": {"format": 1}, "label": [[0, 1, "LOC"]], "type": "Annotation"}"#,
    );
    assert!(object.has("text") && object.has("label") && object.has("type"));
    // Only the object's own keys, not those of the values inside it.
    assert!(!object.has("format") && !object.has("meta"));
    assert!(is_a(object.kind(), "Annotation"));
    assert_eq!(object.first(), Some(&object));
    let listed = shape(r#"{"type": ["Annotation", "Thing"]}"#);
    assert!(is_a(listed.kind(), "Thing") && !is_a(listed.kind(), "Page"));
}

#[test]
fn a_list_shows_its_first_item_and_a_plain_value_itself() {
    let list = shape(r#"[{"data": {"text": "x"}}, 5, [1]]"#);
    assert!(matches!(list, Shape::List(Some(_))));
    assert!(list.first().is_some_and(|f| f.has("data")));
    assert!(!list.has("data"));
    assert_eq!(shape("[]").first(), None);
    let tuples = shape(r#"[["text", {"entities": []}]]"#);
    assert!(matches!(tuples.first(), Some(Shape::List(_))));
    assert_eq!(shape("\"s\""), Shape::Plain(Loose::Text("s".into())));
    assert_eq!(shape("null"), Shape::Plain(Loose::Other("null".into())));
}

#[test]
fn nesting_past_the_limit_is_a_syntax_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let e = from_str::<Shape>(&deep).unwrap_err();
    assert!(e.syntax && e.message == "recursion limit exceeded", "{e}");
}
