//! Tests of na-convert's logic: its arguments, output names, extra articles, and the three commands on
//! files in memory, up to a merge of 1,000 files.

use super::*;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{
    ann, formats_workspace, json, sample_workspace, CREATED, FORMATS_SECOND, FORMATS_TEXT,
};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, EntityKind, Label};
use crate::domain::state::workspace::Action;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn bundled() -> Vec<Article> {
    bundled_articles().unwrap()
}

/// The bundled articles plus the formats fixture's two, as `--articles DIR` would give them.
fn with_fixture_articles() -> Vec<Article> {
    articles(&[
        input("dir/fixture.txt", FORMATS_TEXT),
        input("dir/second.txt", FORMATS_SECOND),
    ])
    .unwrap()
}

/// The sample workspace (six annotations on the bundled articles) as a News Annotator file.
fn sample_file(name: &str) -> Input {
    input(name, &export_json(&sample_workspace(), NOW))
}

#[test]
fn an_output_is_named_after_its_input_less_the_input_format_extension() {
    let cases = [
        (
            "news-annotations-2026-11-24.json",
            Format::Conll,
            "news-annotations-2026-11-24.conll",
        ),
        (
            "in/kyiv.doccano.jsonl",
            Format::SpacyJsonl,
            "kyiv.spacy.jsonl",
        ),
        ("in\\kyiv.brat.zip", Format::Csv, "kyiv.csv"),
        ("kyiv-post.ann", Format::W3c, "kyiv-post.w3c.jsonld"),
        ("tasks.label-studio.json", Format::Native, "tasks.json"),
        ("export.v2.txt", Format::Brat, "export.v2.brat.zip"),
        ("README", Format::Csv, "README.csv"),
        (".json", Format::Csv, ".json.csv"),
    ];
    for (input, format, output) in cases {
        assert_eq!(output_name(input, format), output, "{input}");
    }
}

#[test]
fn extra_articles_come_after_the_bundled_ones_with_their_file_stem_as_id() {
    let list = with_fixture_articles();
    let ids: Vec<&str> = list.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "kyiv-post",
            "munich-dispatch",
            "ft-retold",
            "arab-news",
            "explainer",
            "fixture",
            "second"
        ]
    );
    let second = list.last().unwrap();
    assert_eq!(
        (second.title.as_str(), second.text.as_str()),
        ("second", FORMATS_SECOND)
    );
}

#[test]
fn extra_articles_that_are_not_utf8_or_repeat_an_id_are_refused() {
    let bad = Input {
        name: "dir/latin1.txt".into(),
        bytes: vec![b'c', b'a', 0xE9],
    };
    let errors = articles(&[
        bad,
        input("dir/kyiv-post.txt", "other text"),
        input("dir/a.txt", "one"),
        input("other/a.txt", "two"),
    ])
    .unwrap_err();
    assert_eq!(
        errors,
        [
            "error dir/latin1.txt: the article is not UTF-8 text; save it as UTF-8",
            "error dir/kyiv-post.txt: there is already an article \"kyiv-post\" (the bundled \
             articles are kyiv-post, munich-dispatch, ft-retold, arab-news, explainer); rename \
             the file",
            "error other/a.txt: there is already an article \"a\" (the bundled articles are \
             kyiv-post, munich-dispatch, ft-retold, arab-news, explainer); rename the file",
        ]
    );
}

#[test]
fn validate_prints_one_line_per_file_and_fails_only_for_the_broken_ones() {
    let mut moved = json(&export_json(&sample_workspace(), NOW));
    moved["annotations"][0]["start"] = json("21");
    moved["annotations"][0]["end"] = json("39");
    let mut lost = json(&export_json(&sample_workspace(), NOW));
    lost["annotations"][1]["exact"] = json("\"Frankfurt Book Fair\"");
    let report = validate(
        &[
            sample_file("a.json"),
            input("broken.json", "{\"format\": \"news-annotator\", "),
            input("moved.json", &moved.to_string()),
            input("tuples.json", "[[\"text\", {\"entities\": []}]]"),
            input("lost.json", &lost.to_string()),
        ],
        &bundled(),
        &ImportOptions::default(),
        NOW,
    );
    assert_eq!(report.failed, 2);
    assert_eq!(report.exit_code(), 1);
    assert!(report.outputs.is_empty());
    let lines: Vec<&str> = report.lines.iter().map(String::as_str).collect();
    assert_eq!(
        lines[0],
        "ok a.json: native, 6 annotations (0 re-anchored, 0 not found)"
    );
    assert!(
        lines[1].starts_with("error broken.json: line 1, column "),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "ok moved.json: native, 6 annotations (1 re-anchored, 0 not found)"
    );
    assert_eq!(
        lines[3],
        "error tuples.json: this looks like spaCy training tuples (JSON), which this app exports \
         but cannot import; import the same annotations as News Annotator JSON, W3C, doccano, \
         Label Studio or brat"
    );
    assert_eq!(
        lines[4],
        "ok lost.json: native, 6 annotations (0 re-anchored, 1 not found)"
    );
    assert!(
        lines[5].starts_with("  not found: annotations[1]") && lines[5].contains("Frankfurt"),
        "{}",
        lines[5]
    );
    assert_eq!(lines.len(), 6);
}

#[test]
fn validate_of_good_files_exits_0() {
    let report = validate(
        &[sample_file("a.json")],
        &bundled(),
        &ImportOptions::default(),
        NOW,
    );
    assert_eq!((report.failed, report.exit_code()), (0, 0));
}

#[test]
fn a_file_on_an_article_the_tool_lacks_needs_articles_dir() {
    let file = input("fixture.json", &export_json(&formats_workspace(), NOW));
    let without = validate(
        std::slice::from_ref(&file),
        &bundled(),
        &ImportOptions::default(),
        NOW,
    );
    assert_eq!(without.exit_code(), 1);
    assert!(
        without.lines[0].starts_with("error fixture.json: annotations[0].article: "),
        "{}",
        without.lines[0]
    );
    let with = validate(
        &[file],
        &with_fixture_articles(),
        &ImportOptions::default(),
        NOW,
    );
    assert_eq!(
        with.lines,
        ["ok fixture.json: native, 10 annotations (0 re-anchored, 0 not found)"]
    );
}

#[test]
fn convert_writes_what_the_app_exports_for_the_same_annotations() {
    let report = convert(
        &[sample_file("in/sample.json")],
        &bundled(),
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
        NOW,
    );
    assert_eq!(report.exit_code(), 0);
    assert_eq!(
        report.lines,
        ["ok in/sample.json -> sample.json: native to native, 6 annotations (0 re-anchored, 0 not found)"]
    );
    let [output] = report.outputs.as_slice() else {
        panic!("one output expected: {:?}", report.lines);
    };
    assert_eq!(output.name, "sample.json");
    // The annotated articles only: the sample has annotations on two of the five.
    let ws = sample_workspace();
    let docs: Vec<_> = formats::docs(&ws, &Scope::everything())
        .into_iter()
        .filter(|d| !d.annotations.is_empty())
        .collect();
    assert_eq!(docs.len(), 2);
    let expected = formats::export(Format::Native, &docs, NOW).bytes;
    assert_eq!(
        String::from_utf8_lossy(&output.bytes),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn convert_writes_one_output_per_input_in_every_format() {
    let files = [
        sample_file("one.json"),
        input("two.json", &export_json(&formats_workspace(), NOW)),
    ];
    for format in Format::ALL {
        let report = convert(
            &files,
            &with_fixture_articles(),
            &ImportOptions::default(),
            format,
            ExportOptions::default(),
            NOW,
        );
        assert_eq!(
            report.exit_code(),
            0,
            "{}: {:?}",
            format.key(),
            report.lines
        );
        let names: Vec<&str> = report.outputs.iter().map(|o| o.name.as_str()).collect();
        let ext = format.extension();
        assert_eq!(
            names,
            [format!("one{ext}"), format!("two{ext}")],
            "{}",
            format.key()
        );
    }
}

#[test]
fn converted_files_read_back_to_the_same_annotations() {
    let original = formats_workspace();
    let file = input("fixture.json", &export_json(&original, NOW));
    let report = convert(
        &[file],
        &with_fixture_articles(),
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
        NOW,
    );
    let output = &report.outputs[0];
    let mut ws = Workspace::new(with_fixture_articles());
    let plan = plan_import(
        &output.name,
        &output.bytes,
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    ws.apply(plan.action(true)).unwrap();
    let ids = |ws: &Workspace| -> Vec<(String, usize, usize, Label, String)> {
        ws.all()
            .iter()
            .map(|a| {
                let id = a.id.as_str().to_owned();
                (id, a.span.start(), a.span.end(), a.label, a.note.clone())
            })
            .collect()
    };
    assert_eq!(ids(&ws), ids(&original));
}

#[test]
fn convert_writes_nothing_when_any_input_is_broken() {
    let report = convert(
        &[
            sample_file("good.json"),
            input("bad.jsonl", "{\"text\": \"x\", \"entities\": [\n"),
        ],
        &bundled(),
        &ImportOptions::default(),
        Format::Csv,
        ExportOptions::default(),
        NOW,
    );
    assert_eq!(report.exit_code(), 1);
    assert!(report.outputs.is_empty());
    assert!(report.lines[0].starts_with("ok good.json -> good.csv: native to csv, 6 annotations"));
    assert!(
        report.lines[1].starts_with("error bad.jsonl: "),
        "{}",
        report.lines[1]
    );
    assert_eq!(
        report.lines.last().unwrap(),
        "nothing written: 1 of 2 inputs could not be read"
    );
}

#[test]
fn convert_refuses_two_inputs_that_would_write_the_same_output() {
    let report = convert(
        &[sample_file("a/x.json"), sample_file("b/x.json")],
        &bundled(),
        &ImportOptions::default(),
        Format::Conll,
        ExportOptions::default(),
        NOW,
    );
    assert_eq!(report.exit_code(), 1);
    assert!(report.outputs.is_empty());
    let errors: Vec<&String> = report
        .lines
        .iter()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(
        errors,
        ["error b/x.json: its output x.conll would overwrite the one from a/x.json; convert them \
          with different --out directories"]
    );
}

#[test]
fn convert_keeps_only_annotations_whose_text_is_found() {
    let mut lost = json(&export_json(&sample_workspace(), NOW));
    lost["annotations"][1]["exact"] = json("\"Frankfurt Book Fair\"");
    let report = convert(
        &[input("lost.json", &lost.to_string())],
        &bundled(),
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
        NOW,
    );
    assert_eq!(report.exit_code(), 0);
    assert!(report.lines[0].ends_with("5 annotations (0 re-anchored, 1 not found)"));
    let written = json(std::str::from_utf8(&report.outputs[0].bytes).unwrap());
    assert_eq!(written["annotations"].as_array().unwrap().len(), 5);
}

#[path = "batch_merge.rs"]
mod merge;
