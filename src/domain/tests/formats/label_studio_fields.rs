//! Tests of the Label Studio task's text field: the chosen field, the results' `to_name`, `text`,
//! the one field that holds every span, several that fit (listed, the first read with a warning or
//! the chosen one read), and tasks where none fits (skipped, naming their keys).

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::{detect, ImportOptions};

/// One task with `data` and one result: `Ada` at 0..3, marked on `to_name` when given.
fn task(data: &str, to_name: Option<&str>) -> String {
    let to_name = to_name.map_or(String::new(), |n| format!(r#""to_name": "{n}", "#));
    format!(
        r#"{{"data": {data}, "annotations": [{{"result": [{{"id": "a", {to_name}"type": "labels",
            "value": {{"start": 0, "end": 3, "text": "Ada", "labels": ["PER"]}}}}]}}]}}"#
    )
}

/// Reads `tasks` (a JSON list's items) with `text_field` chosen, against no articles.
fn read_with(tasks: &[String], text_field: Option<&str>) -> Incoming {
    let file = format!("[{}]", tasks.join(", "));
    let options = ImportOptions {
        text_field: text_field.map(str::to_owned),
        ..ImportOptions::default()
    };
    let (format, incoming) = detect::read("x.json", file.as_bytes(), &[], &options, NOW).unwrap();
    assert_eq!(format, Format::LabelStudio);
    incoming
}

/// The texts of the articles the file brings, in order.
fn texts(incoming: &Incoming) -> Vec<&str> {
    incoming.articles.iter().map(|a| a.text.as_str()).collect()
}

#[test]
fn the_field_a_result_s_to_name_names_is_the_text_before_text() {
    let data = r#"{"text": "Ada is a summary.", "body": "Ada met Bob."}"#;
    let incoming = read_with(&[task(data, Some("body"))], None);
    assert_eq!(texts(&incoming), ["Ada met Bob."]);
    assert_eq!(incoming.records.len(), 1);
    assert_eq!(
        incoming.records[0].1.article,
        incoming.articles[0].id.as_str()
    );
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    assert!(incoming.text_fields.is_empty());
}

#[test]
fn text_is_the_text_when_no_to_name_names_a_string_field() {
    let data = r#"{"body": "Ada met Bob.", "meta": 5, "text": "Ada is here."}"#;
    for to_name in [None, Some("meta"), Some("elsewhere")] {
        let incoming = read_with(&[task(data, to_name)], None);
        assert_eq!(texts(&incoming), ["Ada is here."], "{to_name:?}");
        assert!(incoming.warnings.is_empty());
        assert!(incoming.text_fields.is_empty());
    }
}

#[test]
fn the_one_field_that_holds_every_span_s_text_is_the_text() {
    let data = r#"{"title": "Ada", "summary": "Bob met Ada.", "body": "Ada met Bob."}"#;
    let incoming = read_with(&[task(data, None)], None);
    assert_eq!(texts(&incoming), ["Ada met Bob."]);
    assert_eq!(incoming.articles[0].title, "Ada", "the title is the title");
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    assert!(incoming.text_fields.is_empty());
}

#[test]
fn a_span_counted_in_utf16_code_units_fits_its_field() {
    // "🇺🇦 Ada" has Ada at 3..6 in code points, 5..8 in UTF-16 code units.
    let data = r#"{"flagged": "🇺🇦 Ada", "plain": "x Ada"}"#;
    let file = task(data, None).replace(r#""start": 0, "end": 3"#, r#""start": 5, "end": 8"#);
    let incoming = read_with(&[file], None);
    assert_eq!(texts(&incoming), ["🇺🇦 Ada"]);
    assert_eq!(
        (incoming.records[0].1.start, incoming.records[0].1.end),
        (3, 6)
    );
}

#[test]
fn a_task_without_spans_takes_the_field_that_settled_the_other_tasks() {
    let no_spans = r#"{"data": {"file": "b.txt", "body": "Bob left."}, "annotations": []}"#;
    let tasks = [
        no_spans.to_owned(),
        task(r#"{"file": "a.txt", "body": "Ada met Bob."}"#, None),
    ];
    let incoming = read_with(&tasks, None);
    assert_eq!(texts(&incoming), ["Bob left.", "Ada met Bob."]);
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    assert!(incoming.text_fields.is_empty());
}

const TWO_FIT: &str = r#"{"summary": "Ada met Bob.", "body": "Ada met Bob in Kyiv."}"#;

#[test]
fn several_fields_that_fit_are_listed_and_the_first_is_read_with_a_warning() {
    let other = r#"{"body": "Ada left.", "summary": "Ada left Kyiv."}"#;
    let incoming = read_with(&[task(TWO_FIT, None), task(other, None)], None);
    assert_eq!(incoming.text_fields, ["summary", "body"]);
    assert_eq!(
        texts(&incoming),
        ["Ada met Bob.", "Ada left Kyiv."],
        "the first in the file's order, in every task"
    );
    assert_eq!(
        incoming.warnings,
        [
            "[0]: 2 task(s) have several fields that hold the text of their spans (\"summary\", \
          \"body\"); read from \"summary\", the first in the file (choose another as the text \
          field)"
        ]
    );
}

#[test]
fn the_chosen_field_is_read_and_the_others_still_listed() {
    let incoming = read_with(&[task(TWO_FIT, None)], Some("body"));
    assert_eq!(texts(&incoming), ["Ada met Bob in Kyiv."]);
    assert_eq!(incoming.text_fields, ["summary", "body"]);
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
}

#[test]
fn a_chosen_field_that_does_not_fit_a_task_leaves_it_to_its_own_field_and_says_so() {
    let fits_body_only = r#"{"summary": "Bob met Ada.", "body": "Ada met Bob again."}"#;
    let no_text = r#"{"data": {"x": 1}}"#.to_owned();
    let tasks = [task(TWO_FIT, None), task(fits_body_only, None), no_text];
    let incoming = read_with(&tasks, Some("summary"));
    assert_eq!(texts(&incoming), ["Ada met Bob.", "Ada met Bob again."]);
    assert_eq!(
        incoming.warnings,
        [
            "[2]: no field of its data is a text (its keys: \"x\"); skipped",
            "[1]: the chosen text field \"summary\" is not a text that holds the spans of 1 \
             task(s); they were read from their own text field",
        ],
        "a skipped task is not counted as read from its own field"
    );
}

#[test]
fn a_task_where_no_field_fits_is_skipped_with_its_keys() {
    let tasks = [
        r#"{"data": {"text": 5, "id": 7}, "annotations": []}"#.to_owned(),
        task(r#"{"summary": "Bob met Ada.", "note": "x"}"#, None),
        r#"{"data": {}}"#.to_owned(),
        task(r#"{"body": "Ada met Bob."}"#, None),
    ];
    let incoming = read_with(&tasks, None);
    assert_eq!(texts(&incoming), ["Ada met Bob."]);
    assert_eq!(incoming.records.len(), 1);
    assert_eq!(
        incoming.warnings,
        [
            "[0]: no field of its data is a text (its keys: \"text\", \"id\"); skipped",
            "[1]: no field of its data holds the text of its spans (its keys: \"summary\", \
             \"note\"); skipped",
            "[2]: its data has no text field (it has no keys); skipped",
        ]
    );
}

/// The corpus fixture's tasks with `data.text` renamed `content`, and each result's `to_name` set to
/// `to_name` (removed when `None`).
fn renamed_corpus(to_name: Option<&str>) -> String {
    let mut tasks: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/corpus/news-tutorial.label-studio.json"
    ))
    .unwrap();
    for task in tasks.as_array_mut().unwrap() {
        let data = task["data"].as_object_mut().unwrap();
        let text = data.shift_remove("text").unwrap();
        data.insert("content".into(), text);
        for group in task["annotations"].as_array_mut().unwrap() {
            for result in group["result"].as_array_mut().unwrap() {
                let result = result.as_object_mut().unwrap();
                match to_name {
                    Some(name) => result.insert("to_name".into(), name.into()),
                    None => result.shift_remove("to_name"),
                };
            }
        }
    }
    tasks.to_string()
}

#[test]
fn the_corpus_with_its_text_under_another_key_imports_as_it_does_under_text() {
    let ws = Workspace::new(bundled_articles().unwrap());
    let plan_of = |file: &str| {
        plan_import(
            "x.json",
            file.as_bytes(),
            &ws,
            &ImportOptions::default(),
            NOW,
        )
        .unwrap()
    };
    let original = plan_of(include_str!(
        "../../../../tests/fixtures/corpus/news-tutorial.label-studio.json"
    ));
    assert_eq!(original.added_articles.len(), 13);
    for to_name in [Some("content"), None] {
        let plan = plan_of(&renamed_corpus(to_name));
        assert_eq!(plan.added_articles, original.added_articles, "{to_name:?}");
        assert_eq!(plan.per_article, original.per_article, "{to_name:?}");
        assert_eq!(plan.total, original.total);
        assert_eq!(plan.warnings, original.warnings);
        assert!(plan.text_fields.is_empty());
    }
}

#[test]
fn na_convert_reads_the_text_field_given_with_its_option() {
    use crate::domain::files::batch::{convert, Input};
    use crate::domain::files::formats::ExportOptions;
    let file = format!("[{}]", task(TWO_FIT, None));
    let converted = |text_field: Option<&str>| {
        let input = Input {
            name: "tasks.json".into(),
            bytes: file.clone().into_bytes(),
        };
        let reading = ImportOptions {
            text_field: text_field.map(str::to_owned),
            ..ImportOptions::default()
        };
        let out = ExportOptions::default();
        let report = convert(&[input], &[], &reading, Format::Native, out, NOW);
        assert_eq!(report.failed, 0, "{:?}", report.lines);
        let written = String::from_utf8(report.outputs[0].bytes.clone()).unwrap();
        (written, report.lines.join("\n"))
    };
    let (summary, lines) = converted(None);
    assert!(summary.contains("\"Ada met Bob.\""), "{summary}");
    assert!(lines.contains("read from \"summary\""), "{lines}");
    let (body, lines) = converted(Some("body"));
    assert!(body.contains("\"Ada met Bob in Kyiv.\""), "{body}");
    assert!(!lines.contains("several fields"), "{lines}");
}
