//! Tests of the W3C reader's refusals: each broken annotation or file is refused with the JSON path of
//! the problem and the reason.

use super::*;

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

/// The error for a page whose third item has this `body` and `target`.
fn fails_item(body: &str, target: &str) -> (String, String) {
    let ok = r#"{"body": "claim", "target": {"source": "urn:news-annotator:article:second",
        "selector": {"type": "TextPositionSelector", "start": 0, "end": 7}}}"#;
    let file = format!(
        "{{\"type\": \"AnnotationCollection\", \"first\": {{\"items\": [{ok}, {ok}, \
         {{\"body\": {body}, \"target\": {target}}}]}}}}"
    );
    let e = read(&file, &articles(), LATER).unwrap_err();
    (e.path, e.message)
}

const SECOND: &str = r#""source": "urn:news-annotator:article:second""#;

#[test]
fn broken_annotations_are_refused_with_the_json_path_and_the_reason() {
    let position = |start: &str, end: &str| {
        format!(
            "{{{SECOND}, \"selector\": [{{\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}, \
             {{\"type\": \"TextPositionSelector\", \"start\": {start}, \"end\": {end}}}]}}"
        )
    };
    assert_eq!(
        fails_item("\"claim\"", &position("\"0\"", "7")),
        pair(
            "first.items[2].target.selector[1].start",
            "invalid type: string \"0\", expected a whole number of characters counted from 0"
        )
    );
    assert_eq!(
        fails_item("\"claim\"", &position("7", "7")),
        pair(
            "first.items[2].target.selector[1].end",
            "end 7 must be greater than start 7"
        )
    );
    assert_eq!(
        fails_item(
            "\"claim\"",
            &format!("{{{SECOND}, \"selector\": {{\"type\": \"TextPositionSelector\", \"start\": 30, \"end\": 40}}}}")
        ),
        pair(
            "first.items[2].target.selector.end",
            "end 40 is past the end of the text (33 characters)"
        )
    );
    assert_eq!(
        fails_item("\"claim\"", &format!("[{{{SECOND}}}, {{{SECOND}}}]")),
        pair(
            "first.items[2].target",
            "has 2 targets: a discontinuous span (several targets) is not supported; make one \
             annotation per part"
        )
    );
    let whole = position("0", "7");
    assert_eq!(
        fails_item("[{\"value\": \"rumour\"}]", &whole),
        pair(
            "first.items[2].body[0].value",
            "\"rumour\" is not a label this app reads (claim, quote, entity, and for entities \
             person, organization, place or other)"
        )
    );
    assert_eq!(
        fails_item(
            "{\"purpose\": \"commenting\", \"value\": \"a note\"}",
            &whole
        ),
        pair(
            "first.items[2].body",
            "has no tagging body naming the label (claim, quote, or entity with person, \
             organization, place or other)"
        )
    );
    assert_eq!(
        fails_item("[\"entity\"]", &whole),
        pair(
            "first.items[2].body",
            "tags \"entity\" without its kind: add a tagging body person, organization, place \
             or other"
        )
    );
    assert_eq!(
        fails_item("[\"claim\", \"quote\"]", &whole),
        pair(
            "first.items[2].body[1]",
            "\"quote\" is a second label after \"claim\"; an annotation has one"
        )
    );
    assert_eq!(
        fails_item("[\"claim\", 5]", &whole),
        pair(
            "first.items[2].body[1]",
            "must be a TextualBody object, not 5"
        )
    );
    assert_eq!(
        fails_item(
            "\"claim\"",
            &format!(
                "{{{SECOND}, \"selector\": {{\"type\": \"TextQuoteSelector\", \"exact\": \"\"}}}}"
            )
        ),
        pair(
            "first.items[2].target.selector.exact",
            "must not be empty: it is the text marked"
        )
    );
    assert_eq!(
        fails_item("\"claim\"", "{\"selector\": []}"),
        pair("first.items[2].target.source", "missing")
    );
}

#[test]
fn broken_files_are_refused_with_the_json_path_and_the_reason() {
    let fails = |text: &str| {
        let e = read(text, &articles(), LATER).unwrap_err();
        (e.path, e.message)
    };
    assert_eq!(
        fails("42"),
        pair(
            "",
            "a W3C Web Annotation file holds an AnnotationCollection, an AnnotationPage, an \
             Annotation or a list of annotations, not 42"
        )
    );
    assert_eq!(
        fails(r#"{"type": "AnnotationCollection", "first": "https://example.org/page1"}"#),
        pair(
            "first",
            "the page is at \"https://example.org/page1\", not in this file; save the whole \
             collection with its pages embedded and load that"
        )
    );
    assert_eq!(
        fails(r#"{"type": "AnnotationCollection"}"#),
        pair("", "missing field `first`")
    );
    assert_eq!(
        fails(r#"{"type": "AnnotationCollection", "first": {"type": "AnnotationPage"}}"#),
        pair("first", "missing field `items`")
    );
    assert_eq!(
        fails(r#"{"type": "Annotation", "body": "claim"}"#),
        pair(
            "target",
            "missing: an annotation needs a target naming the article and the text"
        )
    );
    assert_eq!(
        fails(
            r#"[{"type": "Annotation", "body": "claim", "created": "yesterday", "target":
                   {"source": "urn:news-annotator:article:second",
                    "selector": {"type": "TextPositionSelector", "start": 0, "end": 7}}}]"#
        ),
        pair(
            "[0].created",
            "\"yesterday\" is not a date-time like 2025-02-14T09:30:00Z"
        )
    );
    assert_eq!(
        fails(r#"[{"type": "Collection"}]"#),
        pair("[0].type", "must be \"Annotation\", not \"Collection\"")
    );
    assert_eq!(
        fails(r#"[[]]"#),
        pair("[0]", "invalid type: sequence, expected an Annotation")
    );
}
