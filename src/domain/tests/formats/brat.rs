//! Tests of brat standoff: golden member files, the round trip through the zip and through a lone
//! `.ann`, discontinuous spans, pairing by name and by text, exact error messages, and random input.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::formats::{docs, export as export_as, Scope};
use crate::domain::files::formats::{export_with as export_as_with, ExportOptions};
use crate::domain::files::formats::{Format, Incoming};
use crate::domain::files::import::plan_import;
use crate::domain::files::records::{check_record, Checked};
use crate::domain::fixtures::{formats_workspace, registry_workspace, FORMATS_TEXT};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityKind};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

/// 2026-11-24T10:00:00.000Z, the time every golden file is exported at.
const EXPORTED: Timestamp = Timestamp(1_795_514_400_000);

/// The time of the imports in these tests.
const NOW: Timestamp = Timestamp(1_800_000_000_000);

const GOLDEN_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/formats/fixture-brat"
);

/// The files inside the export's zip, in zip order.
const MEMBERS: [&str; 5] = [
    "annotation.conf",
    "fixture.txt",
    "fixture.ann",
    "second.txt",
    "second.ann",
];

/// The export of the fixture with its registry: the golden files.
fn fixture_export() -> Body {
    export_as(
        Format::Brat,
        &docs(&registry_workspace(), &Scope::everything()),
        EXPORTED,
    )
}

/// The export of the fixture without registry references, for imports into a workspace without
/// its registry.
fn plain_export() -> Body {
    export_as(
        Format::Brat,
        &docs(&formats_workspace(), &Scope::everything()),
        EXPORTED,
    )
}

/// The records' annotations, each placed where its offsets say (panics on a moved or lost one).
fn placed(incoming: &Incoming, ws: &Workspace) -> Vec<Annotation> {
    incoming
        .records
        .iter()
        .map(
            |(path, rec)| match check_record(rec, path, ws.articles()).unwrap() {
                Checked::Placed(a) => a,
                other => panic!("{path}: {other:?}"),
            },
        )
        .collect()
}

/// An annotation as brat keeps it: everything but the times, the note on one line.
fn kept(a: &Annotation) -> (String, String, usize, usize, Label, String) {
    (
        a.id.as_str().to_owned(),
        a.article.as_str().to_owned(),
        a.span.start(),
        a.span.end(),
        a.label,
        a.note.replace('\n', " "),
    )
}

/// Compares the zip's files with the golden files, each on its own; `UPDATE_GOLDEN=1 cargo test`
/// rewrites them (then review the diff).
#[test]
fn export_matches_the_golden_files_one_by_one() {
    let body = fixture_export();
    let files = zip::read(&body.bytes).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, MEMBERS);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(GOLDEN_DIR).unwrap();
        for (name, data) in &files {
            std::fs::write(format!("{GOLDEN_DIR}/{name}"), data).unwrap();
        }
    }
    for (name, data) in &files {
        let golden = std::fs::read(format!("{GOLDEN_DIR}/{name}")).unwrap();
        assert!(
            *data == golden,
            "{name} differs from the golden file:\n{}",
            String::from_utf8_lossy(data)
        );
    }
    // The golden files, zipped again, are the export byte for byte.
    let golden: Vec<(String, Vec<u8>)> = MEMBERS
        .iter()
        .map(|n| {
            let data = std::fs::read(format!("{GOLDEN_DIR}/{n}")).unwrap();
            ((*n).to_owned(), data)
        })
        .collect();
    assert_eq!(zip::write(&golden), body.bytes);
}

#[test]
fn the_text_files_are_the_articles_exactly_and_the_preview_is_the_first_ann() {
    let body = fixture_export();
    let files = zip::read(&body.bytes).unwrap();
    assert_eq!(files[1].1, FORMATS_TEXT.as_bytes());
    assert_eq!(files[3].1, "Ukraine’s parliament met in Kyiv.".as_bytes());
    assert_eq!(files[0].1, CONF.as_bytes());
    assert!(body
        .preview
        .starts_with("T1\tPlace 3 7\tKyiv\n#1\tAnnotationId T1\te-kyiv\n"));
    assert_eq!(
        body.preview.lines().count(),
        crate::domain::files::formats::PREVIEW_LINES
    );
    assert!(body.dropped.is_empty());
}

#[test]
fn every_offset_selects_its_text_in_code_points() {
    let body = fixture_export();
    let files = zip::read(&body.bytes).unwrap();
    let ann = String::from_utf8(files[2].1.clone()).unwrap();
    let chars: Vec<char> = FORMATS_TEXT.chars().collect();
    let mut seen = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let offsets: Vec<usize> = fields[1]
            .split(' ')
            .skip(1)
            .map(|n| n.parse().unwrap())
            .collect();
        let selected: String = chars[offsets[0]..offsets[1]].iter().collect();
        assert_eq!(selected, fields[2]);
        seen += 1;
    }
    assert_eq!(seen, 8);
    // The emoji flag is two code points: Kyiv starts at 3, where UTF-16 would say 5 and UTF-8 9.
    assert!(ann.contains("T1\tPlace 3 7\tKyiv\n"));
    assert!(ann.contains(
        "#9\tAnnotatorNotes T8\tHeld every February, in Munich; see \"MSC\" and its report.\n"
    ));
}

#[test]
fn the_zip_reads_back_as_the_same_annotations() {
    let ws = registry_workspace();
    let incoming = read_zip(
        &fixture_export().bytes,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(incoming.warnings, Vec::<String>::new());
    assert_eq!(incoming.records[0].0, "fixture.ann line 1");
    assert_eq!(incoming.records[8].0, "second.ann line 1");
    let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
    let original: Vec<_> = ws
        .articles()
        .iter()
        .flat_map(|a| ws.in_article(&a.id).to_vec())
        .map(|a| kept(&a))
        .collect();
    assert_eq!(back, original);
    assert!(incoming.records.iter().all(|(_, r)| r.created == NOW));
}

#[test]
fn importing_the_export_finds_everything_present() {
    let ws = formats_workspace();
    let plan = plan_import(
        "x.brat.zip",
        &plain_export().bytes,
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(plan.format, Format::Brat);
    // The note with a line break comes back on one line: the same id with other content, and
    // newer, since it is dated at the import.
    assert_eq!(
        (
            plan.total,
            plan.new,
            plan.present,
            plan.conflicts,
            plan.newer_conflicts
        ),
        (10, 0, 9, 1, 1)
    );
    // Into the same articles without annotations, everything is new and applies.
    let mut empty = Workspace::new(ws.articles().iter().map(|a| Article::clone(a)).collect());
    let plan = plan_import(
        "x.brat.zip",
        &plain_export().bytes,
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        (plan.new, plan.reanchored.len(), plan.not_found.len()),
        (10, 0, 0)
    );
    empty.apply(plan.action(false)).unwrap();
    assert_eq!(empty.len(), 10);
    assert_eq!(
        empty.annotation(&"e-msc".into()).unwrap().note,
        "Held every February, in Munich; see \"MSC\" and its report."
    );
}

#[test]
fn a_lone_ann_reads_like_the_zip() {
    let ws = formats_workspace();
    let files = zip::read(&plain_export().bytes).unwrap();
    let ann = std::str::from_utf8(&files[2].1).unwrap();
    let lone = read_ann(
        "some/folder/fixture.ann",
        ann,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    let zipped = read_zip(
        &plain_export().bytes,
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(lone.records, zipped.records[..8]);
    // Through detection, by its name.
    let plan = plan_import(
        "fixture.ann",
        ann.as_bytes(),
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        (plan.format, plan.present, plan.conflicts),
        (Format::Brat, 7, 1)
    );
}

fn one_article(text: &str) -> Workspace {
    Workspace::new(vec![Article::new("doc", "Doc", text.to_owned())])
}

fn annotate(ws: &mut Workspace, list: &[(&str, usize, usize, Label, &str)]) {
    let annotations = list
        .iter()
        .map(|&(id, start, end, label, note)| Annotation {
            attrs: Default::default(),
            id: AnnotationId::from(id),
            article: ArticleId::from("doc"),
            span: Span::new(start, end).unwrap(),
            label,
            note: note.to_owned(),
            created: EXPORTED,
            updated: EXPORTED,
        })
        .collect();
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations,
        replace: false,
    })
    .unwrap();
}

fn ann_of(body: &Body, name: &str) -> String {
    let files = zip::read(&body.bytes).unwrap();
    let (_, data) = files.into_iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(data).unwrap()
}

fn zipped(files: &[(&str, &str)]) -> Vec<u8> {
    let list: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, d)| ((*n).to_owned(), d.as_bytes().to_vec()))
        .collect();
    zip::write(&list)
}

#[path = "brat_read.rs"]
mod read;

#[cfg(not(target_arch = "wasm32"))]
#[path = "brat_properties.rs"]
mod properties;

#[cfg(not(target_arch = "wasm32"))]
#[path = "brat_producers.rs"]
mod producers;

#[path = "brat_links.rs"]
mod links;

#[path = "brat_lines.rs"]
mod lines;

#[path = "brat_fragments.rs"]
mod fragments;
