//! Tests of the converter's command line: the commands and options read, usage errors, the help text.

use super::*;
use crate::domain::files::formats::{ExportOptions, Format, ImportOptions};

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

fn parse(line: &str) -> Result<Command, String> {
    parse_args(&args(line))
}

#[test]
fn the_four_commands_and_their_options_are_read() {
    assert_eq!(
        parse("class --exercise ex.json --out tables a.json b.json"),
        Ok(Command::Class {
            exercise: "ex.json".into(),
            out: Some("tables".into()),
            articles: None,
            files: vec!["a.json".into(), "b.json".into()],
        })
    );
    assert_eq!(
        parse("convert --to conll --out out a.json b.json"),
        Ok(Command::Convert {
            to: Format::Conll,
            options: ExportOptions::default(),
            out: Some("out".into()),
            articles: None,
            reading: ImportOptions::default(),
            files: vec!["a.json".into(), "b.json".into()],
        })
    );
    assert_eq!(
        parse("convert a.json --to=spacy-tuples --articles=texts"),
        Ok(Command::Convert {
            to: Format::SpacyTuples,
            options: ExportOptions::default(),
            out: None,
            articles: Some("texts".into()),
            reading: ImportOptions::default(),
            files: vec!["a.json".into()],
        })
    );
    assert_eq!(
        parse("validate --articles texts a.ann -- --odd-name.json"),
        Ok(Command::Validate {
            articles: Some("texts".into()),
            reading: ImportOptions::default(),
            files: vec!["a.ann".into(), "--odd-name.json".into()],
        })
    );
    assert_eq!(
        parse("merge --to native --out all.json x.jsonl y.zip"),
        Ok(Command::Merge {
            to: Format::Native,
            options: ExportOptions::default(),
            out: "all.json".into(),
            articles: None,
            reading: ImportOptions::default(),
            files: vec!["x.jsonl".into(), "y.zip".into()],
        })
    );
    assert_eq!(parse("first-screen"), Ok(Command::FirstScreen));
    for help in [
        "--help",
        "-h",
        "help",
        "convert --to conll --help a.json",
        "first-screen --help",
    ] {
        assert_eq!(parse(help), Ok(Command::Help), "{help}");
    }
}

#[test]
fn lf_asks_for_brat_with_lf_line_ends() {
    let lf = ExportOptions { lf_line_ends: true };
    assert_eq!(
        parse("convert --lf --to brat a.json"),
        Ok(Command::Convert {
            to: Format::Brat,
            options: lf,
            out: None,
            articles: None,
            reading: ImportOptions::default(),
            files: vec!["a.json".into()],
        })
    );
    assert_eq!(
        parse("merge --to brat --out all.zip --lf a.json"),
        Ok(Command::Merge {
            to: Format::Brat,
            options: lf,
            out: "all.zip".into(),
            articles: None,
            reading: ImportOptions::default(),
            files: vec!["a.json".into()],
        })
    );
}

#[test]
fn text_field_names_the_label_studio_text_field_beside_the_labels() {
    let reading = ImportOptions {
        labels: crate::domain::files::formats::labels::LabelMap::parse("PER=person").unwrap(),
        text_field: Some("body".into()),
    };
    assert_eq!(
        parse("validate --labels PER=person --text-field body a.json"),
        Ok(Command::Validate {
            articles: None,
            reading: reading.clone(),
            files: vec!["a.json".into()],
        })
    );
    assert_eq!(
        parse("convert --to native --text-field=body --labels=PER=person a.json"),
        Ok(Command::Convert {
            to: Format::Native,
            options: ExportOptions::default(),
            out: None,
            articles: None,
            reading,
            files: vec!["a.json".into()],
        })
    );
    assert_eq!(
        parse("class --exercise e.json --text-field body a.json"),
        Err("class has no option --text-field".into())
    );
    assert_eq!(
        parse("validate --text-field a.json"),
        Err("validate needs at least one FILE".into())
    );
    assert!(USAGE.contains("--text-field NAME"));
}

#[test]
fn usage_errors_say_what_is_missing_or_wrong() {
    let cases = [
        (
            "",
            "no command given (convert, validate, merge, class, suggest or first-screen)",
        ),
        ("class a.json", "class needs --exercise FILE"),
        (
            "class --to csv --exercise e.json a.json",
            "class has no option --to",
        ),
        (
            "convert --to csv --exercise e.json a.json",
            "convert has no option --exercise",
        ),
        (
            "export a.json",
            "unknown command \"export\" (the commands are convert, validate, merge, class, \
             suggest and first-screen)",
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
        (
            "first-screen --out x",
            "first-screen takes no arguments (got --out)",
        ),
        (
            "convert --to conll --lf a.json",
            "--lf is for --to brat (it writes brat's .txt files with LF line ends), not for --to \
             conll",
        ),
        ("convert --to brat --lf=yes a.json", "--lf takes no value"),
        ("validate --lf a.json", "validate has no option --lf"),
    ];
    for (line, message) in cases {
        assert_eq!(parse(line), Err(message.to_owned()), "{line}");
    }
}

#[test]
fn the_usage_text_names_every_command_and_format() {
    for word in [
        "convert",
        "validate",
        "merge",
        "first-screen",
        "--articles",
        "Exit status",
    ] {
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
fn suggest_takes_ids_and_files_or_a_labelled_file_to_score() {
    assert_eq!(
        parse("suggest --articles texts kyiv-post story.txt --out s.json"),
        Ok(Command::Suggest {
            out: Some("s.json".into()),
            articles: Some("texts".into()),
            targets: vec!["kyiv-post".into(), "story.txt".into()],
        })
    );
    assert_eq!(
        parse("suggest --score gold.jsonl"),
        Ok(Command::Score {
            gold: "gold.jsonl".into()
        })
    );
    assert!(parse("suggest").unwrap_err().contains("at least one"));
    assert!(parse("suggest --score g.jsonl kyiv-post").is_err());
    assert!(parse("suggest --to csv kyiv-post")
        .unwrap_err()
        .contains("no option --to"));
    assert!(USAGE.contains("na-convert suggest --score GOLD.jsonl"));
}
