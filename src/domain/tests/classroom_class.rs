//! Tests of the exercise and submission files, the class a teacher loads, the class table and the
//! heat map, on the bundled articles and the sample annotations.

use crate::domain::annotation::{Label, LabelName};
use crate::domain::article::{Article, ArticleId};
use crate::domain::classroom::class::Class;
use crate::domain::classroom::exercise::{slug, Draft, Exercise};
use crate::domain::classroom::heat::{heat, Stretch};
use crate::domain::classroom::report::{class_csv, review, rows, HEADER};
use crate::domain::classroom::scores::{Mark, Matching};
use crate::domain::classroom::submission::{submission_file_name, submission_json};
use crate::domain::fixtures::{ann, sample_workspace};
use crate::domain::json::parse;
use crate::domain::span::Span;
use crate::domain::time::Timestamp;
use crate::domain::workspace::{Action, Workspace};
use std::rc::Rc;

const T: Timestamp = Timestamp(1_764_064_800_000);

fn draft(labels: &[LabelName], articles: &[&str], with_key: bool) -> Draft {
    Draft {
        title: "  Who said what  ".into(),
        instructions: "Mark the quotes.".into(),
        labels: labels.to_vec(),
        articles: articles.iter().map(|a| ArticleId::from(*a)).collect(),
        with_key,
    }
}

/// The sample workspace's quotes and entities on munich-dispatch and kyiv-post, as an exercise.
fn exercise(ws: &Workspace) -> Exercise {
    let d = draft(
        &[LabelName::Quote, LabelName::Entity],
        &["munich-dispatch", "kyiv-post"],
        true,
    );
    Exercise::create(&d, ws, "ex-1".into(), T).unwrap()
}

fn read(text: &str, have: &[Rc<Article>]) -> Result<Exercise, String> {
    Exercise::read(&mut parse(text).unwrap(), have)
        .map_err(|e| format!("{}: {}", e.path, e.message))
}

#[test]
fn creating_an_exercise_says_what_is_missing() {
    let ws = sample_workspace();
    let no = |d: Draft| Exercise::create(&d, &ws, "ex".into(), T).unwrap_err();
    assert_eq!(
        no(Draft {
            title: " ".into(),
            ..draft(&[LabelName::Claim], &["kyiv-post"], false)
        }),
        "Give the exercise a title."
    );
    assert_eq!(
        no(draft(&[], &["kyiv-post"], false)),
        "Pick at least one label."
    );
    assert_eq!(
        no(draft(&[LabelName::Claim], &["nowhere"], false)),
        "Pick at least one article."
    );
}

#[test]
fn the_key_is_the_teachers_annotations_on_the_articles_with_the_labels() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    assert_eq!(ex.title, "Who said what");
    // Articles in the workspace's list order, labels in the app's order.
    let ids: Vec<&str> = ex.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["kyiv-post", "munich-dispatch"]);
    assert_eq!(ex.labels, [LabelName::Quote, LabelName::Entity]);
    let key: Vec<&str> = ex.key.iter().flatten().map(|a| a.id.as_str()).collect();
    // Every sample annotation on those two articles but the claim (not asked for).
    let all = ws.all();
    let expected: Vec<&str> = all
        .iter()
        .filter(|a| ids.contains(&a.article.as_str()) && a.label.name() != LabelName::Claim)
        .map(|a| a.id.as_str())
        .collect();
    assert!(!expected.is_empty());
    let mut sorted = key.clone();
    sorted.sort_unstable();
    let mut expected = expected;
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    let no_key = Exercise::create(
        &draft(&[LabelName::Quote], &["kyiv-post"], false),
        &ws,
        "ex".into(),
        T,
    )
    .unwrap();
    assert_eq!(no_key.key, None);
}

#[test]
fn both_copies_read_back_and_only_the_teachers_has_the_key() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let students = ex.to_json(false);
    assert!(!students.contains("\"key\""));
    let back = read(&students, ws.articles()).unwrap();
    assert_eq!(
        back,
        Exercise {
            key: None,
            ..ex.clone()
        }
    );
    let teachers = read(&ex.to_json(true), ws.articles()).unwrap();
    assert_eq!(teachers, ex);
    assert_eq!(read(&ex.to_compact_json(), ws.articles()).unwrap(), back);
    assert_eq!(ex.file_name(false), "who-said-what.exercise.json");
    assert_eq!(ex.file_name(true), "who-said-what.teacher.exercise.json");
}

#[test]
fn an_own_article_travels_with_its_text_and_is_found_in_another_browser() {
    let mut ws = Workspace::new(Vec::new());
    ws.add_article(Article::own(
        "own-1",
        "Мій текст",
        "Привіт, світ! 🌍 Kyiv".into(),
        T,
    ))
    .unwrap();
    let ex = Exercise::create(
        &draft(&[LabelName::Entity], &["own-1"], false),
        &ws,
        "ex-2".into(),
        T,
    )
    .unwrap();
    let json = ex.to_json(false);
    assert!(json.contains("Привіт, світ!"));
    // A browser without the article gets it from the file.
    let elsewhere = read(&json, &[]).unwrap();
    assert_eq!(elsewhere.articles[0].text, "Привіт, світ! 🌍 Kyiv");
    assert!(elsewhere.articles[0].is_own());
}

#[test]
fn a_broken_exercise_is_refused_with_its_place() {
    let ws = sample_workspace();
    let good = exercise(&ws).to_json(true);
    let cases = [
        (good.replace("\"news-annotator-exercise\"", "\"news-annotator\""), "format: this is a \"news-annotator\" file, not an exercise"),
        (good.replace("\"version\": 1", "\"version\": 7"), "version: this exercise was written by a newer version (7); this app reads version 1"),
        (good.replace("\"quote\",", "\"rumour\","), "labels[0]: unknown label \"rumour\", expected `claim`, `quote` or `entity`"),
        (good.replace("\"id\": \"kyiv-post\"", "\"id\": \"le-monde\""), "articles[0]: this app has no article \"le-monde\" (“Zelensky refuses to sign US rare earth deal”)"),
        (good.replace("\"title\": \"Who said what\"", "\"title\": \"\""), "title: an exercise needs a title"),
    ];
    for (text, message) in cases {
        assert_eq!(read(&text, ws.articles()).unwrap_err(), message);
    }
    // Another text under a bundled id.
    let other = Rc::new(Article::new(
        "kyiv-post",
        "Kyiv Post",
        "another text".into(),
    ));
    let have = [
        other,
        Rc::clone(ws.article(&ArticleId::from("munich-dispatch")).unwrap()),
    ];
    assert!(read(&good, &have)
        .unwrap_err()
        .starts_with("articles[0]: the text of \"kyiv-post\""));
}

/// A student's workspace: the bundled articles with `marks` (id, article, start, end, label).
fn student_ws(marks: &[(&str, &str, usize, usize, Label)]) -> Workspace {
    let mut ws = Workspace::new(crate::domain::bundled::bundled_articles().unwrap());
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
fn slugs_keep_letters_and_digits() {
    assert_eq!(slug("  Ada Lovelace!! ", "x"), "ada-lovelace");
    assert_eq!(slug("Віталій 2", "x"), "віталій-2");
    assert_eq!(slug("!!!", "student"), "student");
    assert_eq!(slug(&"a".repeat(60), "x").len(), 40);
}

#[test]
fn links_carry_any_bytes_in_base64url() {
    use crate::domain::classroom::link::{decode, encode, payload};
    for bytes in [
        &b""[..],
        b"f",
        b"fo",
        b"foo",
        b"foob",
        b"fooba",
        b"foobar",
        &[0xff, 0xfe, 0x00, 0x3e, 0x3f],
    ] {
        assert_eq!(decode(&encode(bytes)).unwrap(), bytes);
    }
    // RFC 4648's test vectors, in the URL alphabet and without padding.
    assert_eq!(encode(b"foobar"), "Zm9vYmFy");
    assert_eq!(encode(b"fooba"), "Zm9vYmE");
    assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
    assert_eq!(
        decode("Zm9v YmFy").unwrap_err(),
        "the link is damaged: “ ” at character 5 is not part of one"
    );
    assert_eq!(
        decode("Zm9vY").unwrap_err(),
        "the link is damaged: it was cut short"
    );
    assert_eq!(payload("#exercise=abc"), Some("abc"));
    assert_eq!(payload("#exercise="), None);
    assert_eq!(payload("#other"), None);
}

#[test]
fn the_classroom_state_is_kept_and_read_back() {
    use crate::domain::classroom::saved::{decode, encode, Saved};
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let text = encode(Some((&ex, "Ada")), Some(&ex));
    let back = decode(&text, ws.articles()).unwrap();
    assert_eq!(
        back.student,
        Some((
            Exercise {
                key: None,
                ..ex.clone()
            },
            "Ada".to_owned()
        ))
    );
    assert_eq!(back.teaching, Some(ex.clone()));
    assert_eq!(
        decode(&encode(None, None), ws.articles()).unwrap(),
        Saved::default()
    );
    assert_eq!(
        decode("{\"version\": 2}", ws.articles()).unwrap_err(),
        "version 2 is not one this app reads"
    );
    assert_eq!(
        decode("[1]", ws.articles()).unwrap_err(),
        "it is not a JSON object"
    );
    let broken = text.replace("\"labels\":[\"quote\"", "\"labels\":[\"rumour\"");
    assert!(decode(&broken, ws.articles())
        .unwrap_err()
        .starts_with("student.exercise.labels[0]: unknown label"));
}

#[test]
fn numbers_are_written_with_fixed_decimals() {
    use crate::domain::classroom::report::fixed;
    assert_eq!(fixed(2.0 / 3.0, 3), "0.667");
    assert_eq!(fixed(0.5, 3), "0.500");
    assert_eq!(fixed(1.0, 6), "1.000000");
    assert_eq!(fixed(-0.25, 1), "-0.3");
    assert_eq!(fixed(-0.0001, 2), "0.00");
    assert_eq!(fixed(-1.0 / 6.0, 6), "-0.166667");
    assert_eq!(fixed(12.5, 0), "13");
}
