//! Tests of na-convert's logic: its arguments, output names, extra articles, and the three commands on
//! files in memory, up to a merge of 1,000 files.

use super::*;
use crate::domain::annotation::{Annotation, AnnotationId, EntityKind, Label};
use crate::domain::fixtures::{
    ann, formats_workspace, json, sample_workspace, CREATED, FORMATS_SECOND, FORMATS_TEXT,
};
use crate::domain::native_format::export_json;
use crate::domain::workspace::Action;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

fn parse(line: &str) -> Result<Command, String> {
    parse_args(&args(line))
}

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
fn the_three_commands_and_their_options_are_read() {
    assert_eq!(
        parse("convert --to conll --out out a.json b.json"),
        Ok(Command::Convert {
            to: Format::Conll,
            out: Some("out".into()),
            articles: None,
            files: vec!["a.json".into(), "b.json".into()],
        })
    );
    assert_eq!(
        parse("convert a.json --to=spacy-tuples --articles=texts"),
        Ok(Command::Convert {
            to: Format::SpacyTuples,
            out: None,
            articles: Some("texts".into()),
            files: vec!["a.json".into()],
        })
    );
    assert_eq!(
        parse("validate --articles texts a.ann -- --odd-name.json"),
        Ok(Command::Validate {
            articles: Some("texts".into()),
            files: vec!["a.ann".into(), "--odd-name.json".into()],
        })
    );
    assert_eq!(
        parse("merge --to native --out all.json x.jsonl y.zip"),
        Ok(Command::Merge {
            to: Format::Native,
            out: "all.json".into(),
            articles: None,
            files: vec!["x.jsonl".into(), "y.zip".into()],
        })
    );
    for help in ["--help", "-h", "help", "convert --to conll --help a.json"] {
        assert_eq!(parse(help), Ok(Command::Help), "{help}");
    }
}

#[test]
fn usage_errors_say_what_is_missing_or_wrong() {
    let cases = [
        ("", "no command given (convert, validate or merge)"),
        (
            "export a.json",
            "unknown command \"export\" (the commands are convert, validate and merge)",
        ),
        ("convert --to conll", "convert needs at least one FILE"),
        ("convert a.json", "convert needs --to FORMAT"),
        (
            "convert --to xml a.json",
            "\"xml\" is not a format; the formats are native, w3c, doccano, label-studio, brat, \
             spacy, spacy-tuples, prodigy, conll, csv",
        ),
        ("convert --to", "--to needs a value"),
        ("convert --to csv --to conll a", "--to is given twice"),
        (
            "convert --to csv --verbose a",
            "convert has no option --verbose",
        ),
        ("validate --to csv a.json", "validate has no option --to"),
        ("merge --to csv a.json", "merge needs --out FILE"),
        ("merge --out all.csv a.json", "merge needs --to FORMAT"),
    ];
    for (line, message) in cases {
        assert_eq!(parse(line), Err(message.to_owned()), "{line}");
    }
}

#[test]
fn the_usage_text_names_every_command_and_format() {
    for word in ["convert", "validate", "merge", "--articles", "Exit status"] {
        assert!(USAGE.contains(word), "{word}");
    }
    for format in Format::ALL {
        assert!(USAGE.contains(format.key()), "{}", format.key());
    }
    for line in USAGE.lines() {
        assert!(line.chars().count() <= 80, "longer than 80: {line}");
    }
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
    let report = validate(&[sample_file("a.json")], &bundled(), NOW);
    assert_eq!((report.failed, report.exit_code()), (0, 0));
}

#[test]
fn a_file_on_an_article_the_tool_lacks_needs_articles_dir() {
    let file = input("fixture.json", &export_json(&formats_workspace(), NOW));
    let without = validate(std::slice::from_ref(&file), &bundled(), NOW);
    assert_eq!(without.exit_code(), 1);
    assert!(
        without.lines[0].starts_with("error fixture.json: annotations[0].article: "),
        "{}",
        without.lines[0]
    );
    let with = validate(&[file], &with_fixture_articles(), NOW);
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
        Format::Native,
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
        let report = convert(&files, &with_fixture_articles(), format, NOW);
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
    let report = convert(&[file], &with_fixture_articles(), Format::Native, NOW);
    let output = &report.outputs[0];
    let mut ws = Workspace::new(with_fixture_articles());
    let plan = plan_import(&output.name, &output.bytes, &ws, NOW).unwrap();
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
        Format::Csv,
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
        Format::Conll,
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
        Format::Native,
        NOW,
    );
    assert_eq!(report.exit_code(), 0);
    assert!(report.lines[0].ends_with("5 annotations (0 re-anchored, 1 not found)"));
    let written = json(std::str::from_utf8(&report.outputs[0].bytes).unwrap());
    assert_eq!(written["annotations"].as_array().unwrap().len(), 5);
}

/// A workspace on the bundled articles with these annotations.
fn bundled_with(annotations: Vec<Annotation>) -> Workspace {
    let mut ws = Workspace::new(bundled());
    ws.apply(Action::Import {
        annotations,
        replace: false,
    })
    .unwrap();
    ws
}

#[test]
fn merge_counts_the_same_annotation_once_and_takes_the_later_version() {
    let person = Label::Entity(EntityKind::Person);
    let mut noted = ann("e-zelensky", "kyiv-post", 20, 38, person);
    noted.note = "checked".into();
    noted.updated = Timestamp(CREATED.0 + 1000);
    let mut older = ann("c-later", "kyiv-post", 0, 10, Label::Claim);
    older.note = "older".into();
    older.updated = Timestamp(CREATED.0 - 1000);
    let first = bundled_with(vec![
        ann("e-zelensky", "kyiv-post", 20, 38, person),
        ann("c-later", "kyiv-post", 0, 10, Label::Claim),
    ]);
    let second = bundled_with(vec![
        noted,
        older,
        ann("other-id", "kyiv-post", 0, 10, Label::Claim),
        ann("q-new", "munich-dispatch", 629, 645, Label::Quote),
    ]);
    let report = merge(
        &[
            input("anna.json", &export_json(&first, NOW)),
            input("ben.json", &export_json(&second, NOW)),
        ],
        &bundled(),
        Format::Native,
        "all.json",
        NOW,
    );
    assert_eq!(
        report.lines,
        [
            "merged anna.json: native, 2 annotations: 2 new, 0 already there, 0 conflicting \
             (0 newer, taken) (0 re-anchored, 0 not found)",
            "merged ben.json: native, 4 annotations: 1 new, 1 already there, 2 conflicting \
             (1 newer, taken) (0 re-anchored, 0 not found)",
            "wrote all.json: native, 3 annotations on 2 articles",
        ]
    );
    assert_eq!(report.outputs[0].name, "all.json");
    let written = json(std::str::from_utf8(&report.outputs[0].bytes).unwrap());
    let notes: Vec<(String, String)> = written["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].to_string(), a["note"].to_string()))
        .collect();
    assert_eq!(
        notes,
        [
            ("\"c-later\"".into(), "\"\"".into()),
            ("\"e-zelensky\"".into(), "\"checked\"".into()),
            ("\"q-new\"".into(), "\"\"".into()),
        ]
    );
}

#[test]
fn merge_writes_nothing_when_any_input_is_broken() {
    let report = merge(
        &[sample_file("a.json"), input("b.json", "")],
        &bundled(),
        Format::Native,
        "all.json",
        NOW,
    );
    assert_eq!(report.exit_code(), 1);
    assert!(report.outputs.is_empty());
    assert_eq!(
        report.lines[1..],
        [
            "error b.json: the file is empty",
            "nothing written: 1 of 2 inputs could not be read"
        ]
    );
}

/// The `j`th of the 100 annotations of file `f` in [`thousand_files`]: a span of 1 to 7 code points
/// that no other file's annotation has, on one of the five bundled articles.
fn unique(articles: &[Article], f: usize, j: usize) -> Annotation {
    let g = f * 100 + j;
    let article = &articles[g % articles.len()];
    let k = g / articles.len();
    let room = article.char_len - 10;
    let (start, width) = (k % room, 1 + k / room);
    let labels = [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Organization),
        Label::Entity(EntityKind::Place),
        Label::Entity(EntityKind::Other),
    ];
    let id = format!("f{f}-{j}");
    ann(
        &id,
        article.id.as_str(),
        start,
        start + width,
        labels[g % 6],
    )
}

/// 1,000 News Annotator files of 100 annotations each. File 0 has 100 of its own; every later file
/// has 97 of its own (`j` 3 to 99), and three about the file before it: the same annotation as its
/// `j = 10` (id and content), the span and label of its `j = 11` under another id, and its `j = 12`
/// with a note and a later `updated`.
fn thousand_files(articles: &[Article]) -> Vec<Input> {
    let base = Workspace::new(articles.to_vec());
    (0..1000)
        .map(|f| {
            let first = if f == 0 { 0 } else { 3 };
            let mut annotations: Vec<Annotation> =
                (first..100).map(|j| unique(articles, f, j)).collect();
            if f > 0 {
                annotations.push(unique(articles, f - 1, 10));
                let mut copy = unique(articles, f - 1, 11);
                copy.id = AnnotationId::from(format!("copy-{f}").as_str());
                annotations.push(copy);
                let mut revised = unique(articles, f - 1, 12);
                revised.note = format!("revised in file {f}");
                revised.updated = Timestamp(CREATED.0 + 1000);
                annotations.push(revised);
            }
            assert_eq!(annotations.len(), 100);
            let mut ws = base.clone();
            ws.apply(Action::Import {
                annotations,
                replace: false,
            })
            .unwrap();
            input(&format!("people/{f:04}.json"), &export_json(&ws, NOW))
        })
        .collect()
}

#[test]
fn a_thousand_files_of_a_hundred_annotations_merge_into_one() {
    let articles = bundled();
    let files = thousand_files(&articles);
    let report = merge(&files, &articles, Format::Native, "all.json", NOW);
    assert_eq!(report.exit_code(), 0, "{:?}", &report.lines[..3]);
    assert_eq!(report.lines.len(), 1001);
    assert_eq!(
        report.lines[0],
        "merged people/0000.json: native, 100 annotations: 100 new, 0 already there, \
         0 conflicting (0 newer, taken) (0 re-anchored, 0 not found)"
    );
    assert_eq!(
        report.lines[999],
        "merged people/0999.json: native, 100 annotations: 97 new, 2 already there, \
         1 conflicting (1 newer, taken) (0 re-anchored, 0 not found)"
    );
    let distinct = 100 + 999 * 97;
    assert_eq!(
        report.lines[1000],
        format!("wrote all.json: native, {distinct} annotations on 5 articles")
    );

    // Read the merged file back: every annotation once, the revised ones with their new note.
    let mut ws = Workspace::new(articles.clone());
    let merged = &report.outputs[0];
    let plan = plan_import(&merged.name, &merged.bytes, &ws, NOW).unwrap();
    assert_eq!((plan.total, plan.new), (distinct, distinct));
    ws.apply(plan.action(false)).unwrap();
    for f in 0..999 {
        let id = AnnotationId::from(format!("f{f}-12").as_str());
        let note = &ws.annotation(&id).unwrap().note;
        assert_eq!(note, &format!("revised in file {}", f + 1));
    }
    assert!(ws.annotation(&AnnotationId::from("copy-5")).is_none());
}
