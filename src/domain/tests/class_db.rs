//! Tests of a class on a database: the exercise naming its database, the submission as a document,
//! the teacher's read of the changes feed, and the session's class made of files and the database.

use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::class_db::{
    read_feed, ClassDatabase, Feed, Followed, SubmissionDoc,
};
use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::features::classroom::submission::{submission_file, submission_json};
use crate::domain::fixtures::{read_file, sample_workspace};
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{ClassroomAction, Live, Session, SessionAction};
use crate::domain::state::workspace::Workspace;
use serde_json::{json, Value};

const T: Timestamp = Timestamp(1_764_064_800_000);

fn draft(class_db: &str) -> Draft {
    Draft {
        title: "Who said what".into(),
        labels: vec![LabelName::Quote, LabelName::Entity],
        articles: vec![
            ArticleId::from("munich-dispatch"),
            ArticleId::from("kyiv-post"),
        ],
        with_key: true,
        class_server: "/couchdb/".into(),
        class_db: class_db.into(),
        ..Draft::default()
    }
}

fn exercise(ws: &Workspace) -> Exercise {
    Exercise::create(&draft("class-7a"), ws, "ex-1".into(), T).unwrap()
}

/// A submission document of `user`, as CouchDB gives it in the feed.
fn doc(ex: &Exercise, user: &str, student: &str, ws: &Workspace) -> Value {
    let mut doc = SubmissionDoc::new(user, submission_file(ex, student, ws, T));
    doc.rev = Some("1-abc".into());
    serde_json::to_value(doc).unwrap()
}

fn feed(rows: Value, last_seq: Value) -> Feed {
    serde_json::from_value(json!({ "results": rows, "last_seq": last_seq })).unwrap()
}

#[test]
fn a_class_database_is_a_path_on_this_site_and_a_couchdb_name() {
    let db = ClassDatabase::new(" /couchdb/ ", " class-7a ").unwrap();
    assert_eq!(db.db_url(), "/couchdb/class-7a");
    let no = |server, db| ClassDatabase::new(server, db).unwrap_err();
    assert!(no("https://elsewhere.example", "class").contains("a path on this site"));
    assert!(no("/couchdb", "Class 7").contains("start with a lowercase letter"));
}

#[test]
fn an_exercise_names_its_class_database_in_both_copies_and_reads_it_back() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    assert_eq!(
        ex.class_db,
        Some(ClassDatabase::new("/couchdb", "class-7a").unwrap())
    );
    for copy in [ex.to_json(false), ex.to_json(true), ex.to_compact_json()] {
        assert!(copy.contains(r#""class_database""#), "{copy}");
        let back = Exercise::read(&copy, ws.articles()).unwrap();
        assert_eq!(back.class_db, ex.class_db);
    }
    let none = Exercise::create(&draft(" "), &ws, "ex-2".into(), T).unwrap();
    assert_eq!(none.class_db, None);
    assert!(!none.to_json(true).contains("class_database"));
}

#[test]
fn a_class_database_that_cannot_be_used_is_refused_where_it_is_named() {
    let ws = sample_workspace();
    let made = Exercise::create(&draft("Class 7A"), &ws, "ex".into(), T).unwrap_err();
    assert!(
        made.starts_with("The class database cannot be used: "),
        "{made}"
    );
    let file = exercise(&ws)
        .to_json(false)
        .replace(r#""db": "class-7a""#, r#""db": "7a""#);
    let e = Exercise::read(&file, ws.articles()).unwrap_err();
    assert_eq!(e.path, "class_database");
    assert!(e.message.contains("\"7a\" cannot name a CouchDB database"));
}

#[test]
fn a_submission_document_is_named_after_its_exercise_and_owner() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let doc = SubmissionDoc::new("ana", submission_file(&ex, "Ana Kovač", &ws, T));
    let value = serde_json::to_value(&doc).unwrap();
    assert_eq!(value["_id"], "submission:ex-1:ana");
    assert_eq!(value["type"], "submission");
    assert_eq!(value["owner"], "ana");
    assert_eq!(value["file"]["student"], "Ana Kovač");
    assert!(
        value.get("_rev").is_none(),
        "a new document has no revision"
    );
}

#[test]
fn the_feed_gives_the_exercises_submissions_and_passes_over_the_rest() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let mut other = exercise(&ws);
    other.id = "ex-2".into();
    let mut forged = doc(&ex, "ben", "Ben", &ws);
    forged["owner"] = json!("ana");
    let rows = json!([
        { "id": "submission:ex-1:ana", "changes": [], "doc": doc(&ex, "ana", "Ana", &ws) },
        { "id": "submission:ex-2:ana", "changes": [], "doc": doc(&other, "ana", "Ana", &ws) },
        { "id": "annotation:x", "changes": [], "doc": { "_id": "annotation:x" } },
        { "id": "submission:ex-1:cleo", "changes": [], "deleted": true },
        { "id": "submission:ex-1:ben", "changes": [], "doc": forged },
    ]);
    let followed = read_feed(&ex, feed(rows, json!(12)), "0");
    assert_eq!(
        (followed.from.as_str(), followed.since.as_str()),
        ("0", "12")
    );
    assert_eq!(followed.gone, ["submission:ex-1:cleo"]);
    let ids: Vec<&str> = followed.changed.iter().map(|c| c.doc.as_str()).collect();
    assert_eq!(ids, ["submission:ex-1:ana", "submission:ex-1:ben"]);
    let ana = followed.changed[0].student.as_ref().unwrap();
    let quotes_and_entities = ws
        .annotations()
        .filter(|a| {
            ["munich-dispatch", "kyiv-post"].contains(&a.article.as_str())
                && matches!(a.label.name(), LabelName::Quote | LabelName::Entity)
        })
        .count();
    assert_eq!(
        (ana.name.as_str(), ana.marks.len()),
        ("Ana", quotes_and_entities)
    );
    assert_eq!(followed.changed[0].source, "class database: ana");
    assert_eq!(
        followed.changed[1].student,
        Err("it is stored as ben's but names ana as its owner".into())
    );
    let seq = read_feed(&ex, feed(json!([]), json!("13-g1AAAA")), "12");
    assert_eq!(
        seq.since, "13-g1AAAA",
        "CouchDB 3's opaque sequence is kept as it is"
    );
}

#[test]
fn a_submission_made_on_another_text_is_listed_with_the_reason() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let mut moved = doc(&ex, "ana", "Ana", &ws);
    moved["file"]["annotations"][0]["start"] = json!(1);
    let rows = json!([{ "id": "submission:ex-1:ana", "changes": [], "doc": moved }]);
    let followed = read_feed(&ex, feed(rows, json!(1)), "0");
    let why = followed.changed[0].student.clone().unwrap_err();
    assert!(why.starts_with("annotations[0]"), "{why}");
}

/// A teacher teaching `ex` in a session of `ws`.
fn teaching(ws: Workspace, ex: &Exercise) -> Session {
    let mut s = Session::new(ws);
    s.apply(SessionAction::Classroom(ClassroomAction::Teach(ex.clone())));
    s
}

fn follow(s: &mut Session, followed: Followed) {
    s.apply(SessionAction::Classroom(ClassroomAction::Followed(
        Box::new(followed),
        T,
    )));
}

#[test]
fn the_teachers_class_follows_the_database_beside_the_files() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let mut s = teaching(ws.clone(), &ex);
    assert_eq!(s.following().as_deref(), Some("ex-1"));
    assert_eq!(s.teaching.as_ref().unwrap().follow, Live::Starting);
    let file = submission_json(&ex, "Cleo", &ws, T);
    read_file(&mut s, "cleo.submission.json", file.into_bytes(), T);
    let rows = json!([
        { "id": "submission:ex-1:ben", "changes": [], "doc": doc(&ex, "ben", "Ben", &ws) },
        { "id": "submission:ex-1:ana", "changes": [], "doc": doc(&ex, "ana", "Ana", &ws) },
    ]);
    follow(&mut s, read_feed(&ex, feed(rows, json!(2)), "0"));
    let t = s.teaching.clone().unwrap();
    let names: Vec<&str> = t.class.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Cleo", "Ana", "Ben"],
        "files first, then the database by owner"
    );
    assert_eq!(t.since, "2");
    assert!(t.follow.is_through());

    // Ana's document deleted; a read that started elsewhere (before the class was restarted) is ignored.
    let rows = json!([{ "id": "submission:ex-1:ana", "changes": [], "deleted": true }]);
    follow(&mut s, read_feed(&ex, feed(rows.clone(), json!(3)), "0"));
    assert_eq!(s.teaching.as_ref().unwrap().class.students.len(), 3);
    follow(&mut s, read_feed(&ex, feed(rows, json!(3)), "2"));
    let t = s.teaching.clone().unwrap();
    let names: Vec<&str> = t.class.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Cleo", "Ben"]);

    s.apply(SessionAction::Classroom(ClassroomAction::ClearClass));
    let t = s.teaching.clone().unwrap();
    assert_eq!(
        (t.class.students.len(), t.since.as_str()),
        (0, "0"),
        "read again from the start"
    );
}

#[test]
fn the_class_from_the_database_matches_the_class_from_the_same_work_as_files() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let names = ["ana", "ben", "cleo"];
    let rows: Vec<Value> = names
        .iter()
        .map(|n| json!({ "id": format!("submission:ex-1:{n}"), "changes": [], "doc": doc(&ex, n, n, &ws) }))
        .collect();
    let live = read_feed(&ex, feed(Value::Array(rows), json!(3)), "0");
    let mut from_db = Class::default();
    for l in live.changed {
        from_db.admit(&l.source, l.student);
    }
    let mut from_files = Class::default();
    for n in names {
        from_files.add(
            &ex,
            &format!("{n}.json"),
            submission_json(&ex, n, &ws, T).as_bytes(),
        );
    }
    let work = |c: &Class| {
        c.students
            .iter()
            .map(|s| (s.name.clone(), s.saved, s.marks.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(work(&from_db), work(&from_files));
}

#[test]
fn handing_in_says_where_it_stands() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let mut s = Session::new(ws);
    s.apply(SessionAction::Classroom(ClassroomAction::Enrol(ex)));
    assert_eq!(s.handing_in().as_deref(), Some("ex-1"));
    let status = |s: &Session| s.enrolment.as_ref().unwrap().hand_in.clone();
    assert_eq!(status(&s), Live::Starting);
    s.apply(SessionAction::Classroom(ClassroomAction::LiveFailed {
        student: true,
        offline: false,
        reason: "sign in first".into(),
    }));
    assert_eq!(
        status(&s),
        Live::Failed {
            offline: false,
            reason: "sign in first".into()
        }
    );
    s.apply(SessionAction::Classroom(ClassroomAction::HandedIn {
        user: "ana".into(),
        at: T,
    }));
    assert_eq!(
        status(&s),
        Live::Through {
            user: "ana".into(),
            at: T
        }
    );
}

#[test]
fn a_read_that_brings_nothing_moves_on_quietly() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let mut s = teaching(ws.clone(), &ex);
    let rows =
        json!([{ "id": "submission:ex-1:ana", "changes": [], "doc": doc(&ex, "ana", "Ana", &ws) }]);
    follow(&mut s, read_feed(&ex, feed(rows, json!(1)), "0"));
    let (revision, before) = (s.classroom_revision, s.teaching.clone().unwrap());
    let later = Timestamp(T.0 + 60_000);
    s.apply(SessionAction::Classroom(ClassroomAction::Followed(
        Box::new(read_feed(&ex, feed(json!([]), json!(5)), "1")),
        later,
    )));
    let after = s.teaching.clone().unwrap();
    assert_eq!(s.classroom_revision, revision, "nothing to redraw or save");
    assert_eq!(after.since, "5", "the next read starts after it");
    assert_eq!(
        (&after.follow, &after.class),
        (&before.follow, &before.class)
    );
}
