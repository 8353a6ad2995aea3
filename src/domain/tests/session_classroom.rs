//! Tests of the classroom in the session: exercise and submission files read from "Load file" or a
//! drop open the exercise or join the class, and never reach the teacher's annotations.

use super::*;
use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::features::classroom::submission::submission_json;
use crate::domain::fixtures::ann;
use crate::domain::model::article::Article;
use crate::domain::model::names::{Label, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::offload::{run, Answer, Job};

const T: Timestamp = Timestamp(1_764_064_800_000);

fn teacher() -> Session {
    let mut ws = Workspace::new(vec![Article::new(
        "a",
        "A",
        "Zelensky said “no” to Bessent.".into(),
    )]);
    ws.add_article(Article::own("own-1", "Mine", "Кличко said yes.".into(), T))
        .unwrap();
    ws.apply(Action::Annotate(ann("k1", "own-1", 0, 6, Label::Quote)))
        .unwrap();
    Session::new(ws)
}

fn exercise(s: &Session) -> Exercise {
    let draft = Draft {
        title: "Mine".into(),
        labels: vec![LabelName::Quote],
        articles: vec![ArticleId::from("own-1")],
        with_key: true,
        ..Draft::default()
    };
    Exercise::create(&draft, &s.workspace, "ex-1".into(), T).unwrap()
}

/// A file read as the page reads it: through the web worker's job.
fn read(s: &mut Session, name: &str, text: &str) {
    crate::domain::fixtures::read_file(s, name, text.as_bytes().to_vec(), T);
}

#[test]
fn a_student_opens_the_exercise_with_its_own_article_and_keeps_their_name() {
    let t = teacher();
    let ex = exercise(&t);
    let mut student = Session::new(Workspace::new(vec![Article::new("a", "A", "x".into())]));
    read(&mut student, "mine.exercise.json", &ex.to_json(false));
    let e = student.enrolment.clone().expect("enrolled");
    assert_eq!((e.exercise.id.as_str(), e.student.as_str()), ("ex-1", ""));
    assert_eq!(e.exercise.key, None);
    assert_eq!(
        student.current.as_str(),
        "own-1",
        "the exercise's first article is open"
    );
    assert_eq!(
        student
            .workspace
            .article(&ArticleId::from("own-1"))
            .unwrap()
            .text,
        "Кличко said yes."
    );
    assert!(student.import.is_none(), "nothing to import");
    student.apply(SessionAction::Classroom(ClassroomAction::SetStudent(
        "Ada".into(),
    )));
    // Opening the same exercise again keeps the name; the revision tells the save hook.
    let before = student.classroom_revision;
    read(&mut student, "again.json", &ex.to_json(false));
    assert_eq!(student.enrolment.as_ref().unwrap().student, "Ada");
    assert!(student.classroom_revision > before);
}

#[test]
fn submissions_join_the_teachers_class_and_never_the_workspace() {
    let mut t = teacher();
    let ex = exercise(&t);
    let answer = submission_json(&ex, "Ada", &t.workspace, T);
    // Without an exercise to compare with, a submission is refused and nothing is merged.
    read(&mut t, "ada.json", &answer);
    assert!(matches!(&t.notice, Some(Notice::Error(m)) if m.contains("nothing was merged")));
    assert!(t.import.is_none());
    // The teacher's copy opens the class.
    read(&mut t, "mine.teacher.exercise.json", &ex.to_json(true));
    assert_eq!(t.teaching.as_ref().unwrap().exercise.id, "ex-1");
    assert!(
        t.enrolment.is_none(),
        "the teacher's copy does not make them a student"
    );
    read(&mut t, "ada.json", &answer);
    // The students' copy of the same exercise among the submissions is reported, not opened.
    read(&mut t, "mine.exercise.json", &ex.to_json(false));
    let class = &t.teaching.as_ref().unwrap().class;
    assert_eq!(class.students.len(), 1);
    assert_eq!(class.problems.len(), 1);
    assert!(class.problems[0].message.starts_with("it is an exercise"));
    assert!(t.enrolment.is_none());
    assert_eq!(
        t.workspace.len(),
        1,
        "the teacher's annotations are untouched"
    );
    t.apply(SessionAction::Classroom(ClassroomAction::ClearClass));
    assert_eq!(t.teaching.as_ref().unwrap().class, Default::default());
    t.apply(SessionAction::Classroom(ClassroomAction::StopTeaching));
    assert!(t.teaching.is_none());
}

#[test]
fn loaded_submissions_wait_in_line_for_the_worker_and_cancel_leaves_the_class_as_it_was() {
    let mut t = teacher();
    let ex = exercise(&t);
    read(&mut t, "mine.teacher.exercise.json", &ex.to_json(true));
    let submit = |name: &str, text: String| {
        SessionAction::Classroom(ClassroomAction::Submit {
            file_name: name.into(),
            bytes: text.into_bytes(),
        })
    };
    let (ada, bea) = (
        submission_json(&ex, "Ada", &t.workspace, T),
        submission_json(&ex, "Bea", &t.workspace, T),
    );
    t.apply(submit("ada.json", ada.clone()));
    t.apply(submit("bea.json", bea.clone()));
    t.apply(submit("ada-again.json", ada.clone()));
    assert_eq!(t.reading.len(), 3, "all three wait, in order");
    assert!(t.reading.iter().all(|r| r.for_class));
    assert!(matches!(
        t.next_job(),
        Some((_, Job::ReadSubmission { .. }))
    ));
    assert!(t.teaching.as_ref().unwrap().class.students.is_empty());
    // Cancelled: nothing joins the class, and a late answer is ignored.
    let (first, job) = t.next_job().unwrap();
    t.apply(SessionAction::CancelRead);
    let Answer::Read(read) = run(job) else {
        panic!("not read")
    };
    t.apply(SessionAction::Read {
        file_name: first.file_name.clone(),
        read,
    });
    assert_eq!(t.teaching.as_ref().unwrap().class, Default::default());
    // Loaded again and read: two students, and the same student twice is a problem.
    t.apply(submit("ada.json", ada.clone()));
    t.apply(submit("bea.json", bea));
    t.apply(submit("ada-again.json", ada));
    crate::domain::fixtures::settle(&mut t);
    let class = &t.teaching.as_ref().unwrap().class;
    let names: Vec<&str> = class.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bea"]);
    assert_eq!(class.problems.len(), 1);
    assert_eq!(class.problems[0].file, "ada-again.json");
    assert!(class.problems[0].message.contains("already in the class"));
    assert!(t.reading.is_empty());
}

#[test]
fn a_broken_exercise_is_reported_with_its_place() {
    let mut t = teacher();
    let ex = exercise(&t);
    read(
        &mut t,
        "bad.json",
        &ex.to_json(false).replace("\"quote\"", "\"rumour\""),
    );
    assert_eq!(
        t.notice,
        Some(Notice::Error("bad.json was not opened: labels[0]: unknown label \"rumour\", expected `claim`, `quote` or `entity`".into()))
    );
    assert!(t.enrolment.is_none());
}
