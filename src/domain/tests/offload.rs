//! The web worker's jobs, run natively: each gives what the page got by doing the work itself, and every
//! job and answer survives bincode, the worker's message encoding.

use super::*;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::formats::{ExportOptions, Format};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::{registry_workspace, sample_workspace};
use crate::domain::model::names::LabelName;
use crate::domain::state::workspace::Workspace;

const NOW: Timestamp = Timestamp(1_765_000_000_000);

/// `value` after the trip to the worker and back.
fn through_bincode<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
    bincode::deserialize(&bincode::serialize(value).unwrap()).unwrap()
}

/// The job's answer as the page receives it: the job and its answer both cross as bincode.
fn run_remote(job: &Job) -> Answer {
    through_bincode(&run(through_bincode(job)))
}

#[test]
fn every_export_in_the_worker_is_the_export_made_in_place() {
    let ws = registry_workspace();
    for format in Format::ALL {
        let scope = Scope::everything();
        let expected = formats::export(format, &formats::docs(&ws, &scope), NOW);
        assert!(!expected.bytes.is_empty(), "{format:?}");
        let answer = run_remote(&Job::export(
            &ws,
            format,
            ExportOptions::default(),
            scope,
            NOW,
        ));
        assert_eq!(answer, Answer::Exported(expected), "{format:?}");
    }
}

#[test]
fn an_export_in_the_worker_keeps_its_options() {
    let ws = Workspace::new(vec![Article::new("doc", "Doc", "One\r\nTwo".into())]);
    let options = ExportOptions { lf_line_ends: true };
    let docs = formats::docs(&ws, &Scope::everything());
    let expected = formats::export_with(Format::Brat, &docs, NOW, options);
    let job = Job::export(&ws, Format::Brat, options, Scope::everything(), NOW);
    assert_eq!(run_remote(&job), Answer::Exported(expected.clone()));
    let exact = formats::export(Format::Brat, &docs, NOW);
    assert_ne!(
        expected.bytes, exact.bytes,
        "the option was lost on the way"
    );
}

#[test]
fn an_export_keeps_its_scope() {
    let ws = sample_workspace();
    let article = ws.articles()[1].id.clone();
    let scope = Scope {
        article: Some(article),
        labels: vec![LabelName::Quote],
    };
    let expected = formats::export(Format::Native, &formats::docs(&ws, &scope), NOW);
    let Answer::Exported(body) = run_remote(&Job::export(
        &ws,
        Format::Native,
        ExportOptions::default(),
        scope,
        NOW,
    )) else {
        panic!("not an export");
    };
    assert_eq!(body, expected);
    let everything = formats::export(
        Format::Native,
        &formats::docs(&ws, &Scope::everything()),
        NOW,
    );
    assert_ne!(
        body.bytes, everything.bytes,
        "the scope was lost on the way"
    );
}

#[test]
fn a_plan_made_in_the_worker_imports_what_a_plan_made_in_place_does() {
    let source = registry_workspace();
    let file = formats::export(
        Format::Native,
        &formats::docs(&source, &Scope::everything()),
        NOW,
    );
    let articles = source
        .articles()
        .iter()
        .map(|a| Article::clone(a))
        .collect();
    let target = Workspace::new(articles);
    let expected = plan_import(
        "work.json",
        &file.bytes,
        &target,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    let content = FileContent::Bytes(file.bytes.clone());
    let job = Job::read_file(
        &target,
        None,
        "work.json".into(),
        content,
        ImportOptions::default(),
        NOW,
    );
    let Answer::Read(FileRead::Import(Ok(plan))) = run_remote(&job) else {
        panic!("no plan");
    };
    assert!(plan.new > 0 && plan.new == plan.total, "{plan:?}");
    assert_eq!(*plan, expected);
    for replace in [false, true] {
        let mut a = target.clone();
        let mut b = target.clone();
        a.apply(plan.action(replace)).unwrap();
        b.apply(expected.action(replace)).unwrap();
        assert_eq!(
            crate::domain::fixtures::snapshot(&a),
            crate::domain::fixtures::snapshot(&b)
        );
        assert_eq!(a.all().len(), source.all().len());
    }
}

#[test]
fn a_file_that_cannot_be_imported_is_refused_in_words_by_the_worker() {
    let ws = sample_workspace();
    let job = Job::read_file(
        &ws,
        None,
        "broken.json".into(),
        FileContent::Bytes(b"{\"annotations\": [1,".to_vec()),
        ImportOptions::default(),
        NOW,
    );
    let Answer::Read(FileRead::Import(Err(message))) = run_remote(&job) else {
        panic!("a broken file was planned");
    };
    let in_place = plan_import(
        "broken.json",
        b"{\"annotations\": [1,",
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(message, in_place.to_string());
    assert!(message.contains("line 1"), "{message}");
}

#[test]
fn a_workspace_the_worker_cannot_read_is_a_failure_not_a_panic() {
    let job = Job::Export {
        workspace: Carried {
            bundled: Vec::new(),
            state: "not the saved state".into(),
        },
        format: Format::Native,
        options: ExportOptions::default(),
        scope: Scope::everything(),
        now: NOW,
    };
    let Answer::Failed(message) = run_remote(&job) else {
        panic!("an unreadable workspace was exported");
    };
    assert!(message.contains("could not be read"), "{message}");
}

#[test]
fn markdown_reduced_in_the_worker_is_the_article_read_in_place() {
    use crate::domain::features::own_text::{
        extract_but_markdown, finish, read_file, source_of, SourceKind,
    };
    let file =
        "# Talks in Munich\n\nZelensky *met* [Vance](https://example.org).\n\n- one\n- two\n";
    let no_html = |_: &str| -> Result<_, String> { unreachable!("not HTML") };
    let (kind, source) = source_of("notes.md", file.as_bytes()).unwrap();
    assert_eq!(kind, SourceKind::Markdown);
    assert!(
        extract_but_markdown(kind, source, no_html).is_none(),
        "the page leaves Markdown to the worker"
    );
    let Answer::Reduced(extracted) = run_remote(&Job::ReduceMarkdown {
        source: source.to_owned(),
    }) else {
        panic!("not reduced");
    };
    let in_place = read_file("notes.md", file.as_bytes(), no_html).unwrap();
    assert_eq!(finish(extracted, "notes.md").unwrap(), in_place);
    assert_eq!(in_place.title.as_deref(), Some("Talks in Munich"));
    assert!(
        in_place.text.contains("Zelensky met Vance."),
        "{}",
        in_place.text
    );
}

#[test]
fn the_outlets_compared_in_the_worker_are_those_compared_in_place() {
    use crate::domain::features::outlets::compare;
    let ws = sample_workspace();
    let in_place = compare(&ws);
    assert!(!in_place.quotes.is_empty() || !in_place.claims.is_empty());
    let job = Job::Compare {
        workspace: Carried::of(&ws),
    };
    assert_eq!(run_remote(&job), Answer::Compared(Box::new(in_place)));
}

/// The seeds with the first "Zelensky" of two articles tagged as people, linked to no entry.
fn zelensky_twice() -> Workspace {
    use crate::domain::fixtures::ann;
    use crate::domain::model::names::{EntityKind, Label};
    let mut ws = Workspace::new(crate::domain::files::bundled::bundled_articles().unwrap());
    let places: Vec<(String, usize)> = ws
        .articles()
        .iter()
        .filter_map(|a| {
            let at = a.text.find("Zelensky")?;
            Some((a.id.as_str().to_owned(), a.text[..at].chars().count()))
        })
        .take(2)
        .collect();
    assert_eq!(places.len(), 2);
    for (i, (article, start)) in places.iter().enumerate() {
        let mention = ann(
            &format!("z{i}"),
            article,
            *start,
            start + 8,
            Label::Entity(EntityKind::Person),
        );
        ws.apply(crate::domain::state::workspace::Action::Annotate(mention))
            .unwrap();
    }
    ws
}

#[test]
fn registry_proposals_made_in_the_worker_are_those_made_in_place() {
    use crate::domain::features::candidates::{candidates_for, new_entries};
    let unlinked = zelensky_twice();
    let proposed = new_entries(&unlinked);
    assert!(
        !proposed.is_empty(),
        "the sample has alike unlinked mentions"
    );
    let job = Job::NewEntries {
        workspace: Carried::of(&unlinked),
    };
    assert_eq!(run_remote(&job), Answer::NewEntries(proposed));
    let ws = registry_workspace();
    let mut some_found = false;
    for entity in ws.entities() {
        let in_place = candidates_for(&ws, &entity.id);
        some_found |= !in_place.is_empty();
        let job = Job::Candidates {
            workspace: Carried::of(&ws),
            entity: entity.id.clone(),
        };
        assert_eq!(
            run_remote(&job),
            Answer::Candidates(entity.id.clone(), in_place)
        );
    }
    assert!(some_found, "the fixture has places that look like an entry");
}

#[test]
fn a_time_crosses_to_the_worker_as_milliseconds_and_stays_rfc_3339_in_files() {
    let time = Timestamp(1_765_000_000_123);
    assert_eq!(bincode::serialize(&time).unwrap(), time.0.to_le_bytes());
    assert_eq!(through_bincode(&time), time);
    assert_eq!(
        serde_json::to_string(&time).unwrap(),
        "\"2025-12-06T05:46:40.123Z\""
    );
}

#[test]
fn a_kept_file_is_read_once_the_worker_has_fetched_its_bytes() {
    let ws = sample_workspace();
    let file = formats::export(
        Format::Native,
        &formats::docs(&ws, &Scope::everything()),
        NOW,
    );
    let kept = FileContent::Kept {
        url: "blob:http://127.0.0.1/0a1b".into(),
        size: file.bytes.len(),
    };
    let mut job = Job::read_file(
        &ws,
        None,
        "work.json".into(),
        kept,
        ImportOptions::default(),
        NOW,
    );
    assert_eq!(job.content_mut().map(|c| c.size()), Some(file.bytes.len()));
    let Answer::Failed(why) = run_remote(&job) else {
        panic!("a file not fetched was read");
    };
    assert!(why.contains("not fetched"), "{why}");
    if let Some(content) = job.content_mut() {
        *content = FileContent::Bytes(file.bytes.clone());
    }
    let Answer::Read(FileRead::Import(Ok(plan))) = run_remote(&job) else {
        panic!("the fetched file was not planned");
    };
    assert_eq!(plan.present, ws.all().len());
}
