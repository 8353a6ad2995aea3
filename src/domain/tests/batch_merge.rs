//! Tests of `na-convert merge`: the same annotation once, the later version, broken inputs, and a
//! thousand files.

use super::*;
use crate::domain::files::formats::ImportOptions;

/// A workspace on the bundled articles with these annotations.
fn bundled_with(annotations: Vec<Annotation>) -> Workspace {
    let mut ws = Workspace::new(bundled());
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
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
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
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
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
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
                articles: Vec::new(),
                entities: Vec::new(),
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
    let report = merge(
        &files,
        &articles,
        &ImportOptions::default(),
        Format::Native,
        ExportOptions::default(),
        "all.json",
        NOW,
    );
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
    let plan = plan_import(
        &merged.name,
        &merged.bytes,
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!((plan.total, plan.new), (distinct, distinct));
    ws.apply(plan.action(false)).unwrap();
    for f in 0..999 {
        let id = AnnotationId::from(format!("f{f}-12").as_str());
        let note = &ws.annotation(&id).unwrap().note;
        assert_eq!(note, &format!("revised in file {}", f + 1));
    }
    assert!(ws.annotation(&AnnotationId::from("copy-5")).is_none());
}
