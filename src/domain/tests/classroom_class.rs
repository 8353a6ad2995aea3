//! Tests of submissions, the class a teacher loads, the class table and its CSV, the heat map and one
//! student's review, on the bundled articles and the sample annotations.

use super::*;
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::heat::{heat, Stretch};
use crate::domain::features::classroom::report::{class_csv, review, rows, HEADER};
use crate::domain::features::classroom::scores::{Mark, Matching};
use crate::domain::features::classroom::submission::{submission_file_name, submission_json};
use crate::domain::fixtures::ann;
use crate::domain::model::names::Label;
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Action;

/// A student's workspace: the bundled articles with `marks` (id, article, start, end, label).
fn student_ws(marks: &[(&str, &str, usize, usize, Label)]) -> Workspace {
    let mut ws = Workspace::new(crate::domain::files::bundled::bundled_articles().unwrap());
    for &(id, article, start, end, label) in marks {
        ws.apply(Action::Annotate(ann(id, article, start, end, label)))
            .unwrap();
    }
    ws
}

#[test]
fn a_submission_holds_the_exercise_labels_on_its_articles_and_reads_into_the_class() {
    let teacher = sample_workspace();
    let ex = exercise(&teacher);
    // The key's quote at munich-dispatch 629..645 exactly, a quote overlapping 668..786, a claim
    // (not asked for) and a quote on an article outside the exercise.
    let ws = student_ws(&[
        ("a", "munich-dispatch", 629, 645, Label::Quote),
        ("b", "munich-dispatch", 700, 800, Label::Quote),
        ("c", "kyiv-post", 0, 5, Label::Claim),
        ("d", "explainer", 0, 5, Label::Quote),
    ]);
    let json = submission_json(&ex, " Ada  Lovelace ", &ws, T);
    assert_eq!(
        submission_file_name("Ada Lovelace", &ex),
        "ada-lovelace--who-said-what.submission.json"
    );
    let mut class = Class::default();
    class.add(&ex, "ada.json", json.as_bytes());
    assert_eq!(class.problems, []);
    let ada = &class.students[0];
    assert_eq!(ada.name, "Ada  Lovelace");
    assert_eq!(
        ada.marks.len(),
        2,
        "the claim and the quote elsewhere are not in the submission"
    );
    assert_eq!(ada.notes, Vec::<String>::new());
    let table = rows(&ex, &class);
    let quote = table.iter().find(|r| r.label == LabelName::Quote).unwrap();
    let key_quotes = ex
        .key_marks()
        .iter()
        .filter(|m| m.label == LabelName::Quote)
        .count();
    assert_eq!(
        (quote.exact.matched, quote.exact.extra, quote.exact.missed),
        (1, 1, key_quotes - 1)
    );
    assert_eq!((quote.overlap.matched, quote.overlap.extra), (2, 0));
}

#[test]
fn files_that_cannot_join_the_class_are_named_with_the_reason() {
    let teacher = sample_workspace();
    let ex = exercise(&teacher);
    let ws = student_ws(&[("a", "munich-dispatch", 629, 645, Label::Quote)]);
    let ada = submission_json(&ex, "Ada", &ws, T);
    let mut class = Class::default();
    class.add(&ex, "ada.json", ada.as_bytes());
    class.add(
        &ex,
        "ada-again.json",
        submission_json(&ex, "  ADA ", &ws, T).as_bytes(),
    );
    class.add(&ex, "ada.json", ada.as_bytes());
    let other = Exercise {
        id: "ex-9".into(),
        title: "Another".into(),
        ..ex.clone()
    };
    class.add(
        &ex,
        "bob.json",
        submission_json(&other, "Bob", &ws, T).as_bytes(),
    );
    class.add(
        &ex,
        "nameless.json",
        submission_json(&ex, " ", &ws, T).as_bytes(),
    );
    class.add(&ex, "exercise.json", ex.to_json(false).as_bytes());
    class.add(
        &ex,
        "edited.json",
        ada.replace("“short-sighted.”", "“long-sighted.”")
            .replace("\"Ada\"", "\"Cy\"")
            .as_bytes(),
    );
    let sha = ex.articles[1].sha256();
    class.add(
        &ex,
        "old.json",
        ada.replace(sha, &"0".repeat(64))
            .replace("\"Ada\"", "\"Di\"")
            .as_bytes(),
    );
    class.add(&ex, "bin.json", &[0xff, 0x00]);
    let got: Vec<(&str, &str)> = class
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(class.students.len(), 1);
    assert_eq!(got, [
        ("ada-again.json", "“Ada” is already in the class from ada.json; this one was left out. If they are two students, ask one to save again under a fuller name"),
        ("ada.json", "this file is already loaded; this one was left out. If they are two students, ask one to save again under a fuller name"),
        ("bob.json", "it is for another exercise, “Another” (ex-9); this class is “Who said what” (ex-1)"),
        ("nameless.json", "it has no student name"),
        ("exercise.json", "it is an exercise, not a submission; open it with “Open exercise”"),
        ("edited.json", "annotations[0]: its text is not what the exercise's article has at its offsets, so it was made on another text"),
        ("old.json", "articles[1]: it was annotated on another text of “Zelenskyy decides against authorizing minerals agreement” than the exercise's, so its offsets cannot be compared"),
        ("bin.json", "it is not UTF-8 text (byte 0 is not valid)"),
    ]);
}

#[test]
fn the_class_table_csv_on_a_hand_worked_class() {
    let teacher = sample_workspace();
    let ex = exercise(&teacher);
    let key_quotes = ex
        .key_marks()
        .iter()
        .filter(|m| m.label == LabelName::Quote)
        .count();
    assert_eq!(key_quotes, 2, "q-short and q-ministers");
    let ws = student_ws(&[
        ("a", "munich-dispatch", 629, 645, Label::Quote),
        ("b", "munich-dispatch", 0, 4, Label::Quote),
    ]);
    let mut class = Class::default();
    class.add(
        &ex,
        "x.json",
        submission_json(&ex, "=cmd()", &ws, T).as_bytes(),
    );
    let csv = class_csv(&ex, &class);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], HEADER);
    // Quotes, exact: 1 matched, 1 missed (q-ministers), 1 extra: P 1/2, R 1/2, F1 2/4.
    assert_eq!(
        lines[1],
        "'=cmd(),x.json,quote,exact,1,1,1,0.500,0.500,0.500"
    );
    assert_eq!(
        lines[2],
        "'=cmd(),x.json,quote,overlap,1,1,1,0.500,0.500,0.500"
    );
    // Entities: the key has some, the student none: precision undefined, recall 0.
    let key_entities = ex.key_marks().len() - 2;
    assert_eq!(
        lines[3],
        format!("'=cmd(),x.json,entity,exact,0,{key_entities},0,,0.000,0.000")
    );
    assert_eq!(lines.len(), 6, "header, 4 rows and the final line end");
}

fn mark(start: usize, end: usize) -> Mark {
    Mark {
        article: ArticleId::from("a"),
        label: LabelName::Quote,
        span: Span::new(start, end).unwrap(),
    }
}

#[test]
fn the_heat_map_counts_each_student_once_per_stretch() {
    let ada = [mark(2, 6), mark(4, 8)]; // her own overlap counts once: 2..8
    let bob = [
        mark(5, 12),
        Mark {
            label: LabelName::Claim,
            ..mark(0, 10)
        },
    ];
    let cy = [mark(20, 30)]; // cut at the article's end
    let got = heat(
        &[&ada, &bob, &cy],
        &ArticleId::from("a"),
        LabelName::Quote,
        25,
    );
    let s = |start, end, count| Stretch { start, end, count };
    assert_eq!(
        got,
        [
            s(0, 2, 0),
            s(2, 5, 1),
            s(5, 8, 2),
            s(8, 12, 1),
            s(12, 20, 0),
            s(20, 25, 1)
        ]
    );
}

#[test]
fn review_lists_matches_misses_and_extras() {
    let key = [mark(0, 5), mark(10, 15), mark(20, 25)];
    let answer = [mark(0, 5), mark(12, 18), mark(40, 45)];
    let exact = review(&key, &answer, Matching::Exact);
    assert_eq!(
        (exact.matched, exact.missed, exact.extra),
        (vec![(0, 0)], vec![1, 2], vec![1, 2])
    );
    let overlap = review(&key, &answer, Matching::Overlap);
    assert_eq!(
        (overlap.matched, overlap.missed, overlap.extra),
        (vec![(0, 0), (1, 1)], vec![2], vec![2])
    );
}

#[test]
fn numbers_are_written_with_fixed_decimals() {
    use crate::domain::features::classroom::report::fixed;
    assert_eq!(fixed(2.0 / 3.0, 3), "0.667");
    assert_eq!(fixed(0.5, 3), "0.500");
    assert_eq!(fixed(1.0, 6), "1.000000");
    assert_eq!(fixed(-0.25, 1), "-0.3");
    assert_eq!(fixed(-0.0001, 2), "0.00");
    assert_eq!(fixed(-1.0 / 6.0, 6), "-0.166667");
    assert_eq!(fixed(12.5, 0), "13");
}
