//! `na-convert suggest`: bundled articles by id and text files, written as native JSON that the app
//! reads back with every quote's speaker as its source; unknown ids and bad files fail; `--score`.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::import::plan_import;
use crate::domain::model::names::Label;

const STORY: &str = "“We will not sign this agreement today,” Vance said. \
                     Vance met Keller later. Keller said that the talks would go on.\n";

fn text_file() -> Input {
    Input {
        name: "notes/my story.txt".into(),
        bytes: STORY.as_bytes().to_vec(),
    }
}

#[test]
fn suggest_writes_native_json_that_reads_back_with_sources() {
    let articles = bundled_articles().unwrap();
    let targets = [
        Target::Article("kyiv-post".into()),
        Target::Text(text_file()),
    ];
    let report = suggest(&targets, &articles, "-", Timestamp(5));
    assert_eq!(report.failed, 0, "{:?}", report.lines);
    assert!(
        report.lines[0].starts_with("ok kyiv-post: 9 quotes"),
        "{:?}",
        report.lines
    );
    assert!(
        report.lines[1].starts_with("ok notes/my story.txt: 1 quotes, 1 claims"),
        "{:?}",
        report.lines
    );
    let json = &report.outputs[0].bytes;
    let ws = Workspace::new(articles);
    let plan = plan_import(
        "out.json",
        json,
        &ws,
        &ImportOptions::default(),
        Timestamp(6),
    )
    .unwrap();
    assert!(plan.not_found.is_empty());
    let mut ws = ws;
    ws.apply(plan.action(false)).unwrap();
    let own = ws.articles().iter().find(|a| a.is_own()).unwrap().clone();
    assert_eq!(own.title, "my story");
    assert_eq!(own.id.as_str(), text_id(STORY));
    let annotations = ws.in_article(&own.id);
    let quote = annotations
        .iter()
        .find(|a| a.label == Label::Quote)
        .unwrap();
    let source = quote.attrs.source.as_ref().unwrap();
    let speaker = annotations.iter().find(|a| a.id == *source).unwrap();
    assert_eq!(speaker.span.start(), 41);
    assert!(ws
        .in_article(&"kyiv-post".into())
        .iter()
        .any(|a| a.label == Label::Quote && a.attrs.source.is_some()));
    assert!(ws.in_article(&"arab-news".into()).is_empty());
}

#[test]
fn an_unknown_id_or_an_empty_text_fails_and_writes_nothing() {
    let articles = bundled_articles().unwrap();
    let empty = Input {
        name: "empty.txt".into(),
        bytes: b"  \n".to_vec(),
    };
    let targets = [Target::Article("nowhere".into()), Target::Text(empty)];
    let report = suggest(&targets, &articles, "-", Timestamp(5));
    assert_eq!(report.failed, 2);
    assert!(report.outputs.is_empty());
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn score_file_prints_the_scores_or_the_bad_line() {
    let gold = Input {
        name: "gold.jsonl".into(),
        bytes: br#"{"id":"p","text":"x y","quotes":[],"claims":[],"mentions":[]}"#.to_vec(),
    };
    let report = score_file(&gold);
    assert_eq!(report.lines[0], "paragraphs: 1");
    let bad = Input {
        name: "bad.jsonl".into(),
        bytes: b"{".to_vec(),
    };
    let report = score_file(&bad);
    assert_eq!(report.failed, 1);
    assert!(
        report.lines[0].starts_with("error bad.jsonl: line 1:"),
        "{:?}",
        report.lines
    );
}
