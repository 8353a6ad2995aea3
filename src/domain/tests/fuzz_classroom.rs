//! Fuzzing the classroom's readers: an exercise file (both copies) through `Exercise::read`, a
//! submission through `Class::add`, the saved classroom through `saved::decode`, the exercise link
//! through `link::decode`, and any of these dropped on the app (`SessionAction::ReadFile`), while
//! teaching and not. Each is mutated in its JSON, edited as bytes, or random.

use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::features::classroom::submission::submission_json;
use crate::domain::features::classroom::{link, saved};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::rich_workspace;
use crate::domain::fixtures::ann;
use crate::domain::fuzz::{clear, edited, edits, random_bytes, run, tweaked, tweaks, Tally};
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, EntityKind, Label, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Session, SessionAction};
use crate::domain::state::workspace::{Action, Workspace};
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;
use std::rc::Rc;

const T: Timestamp = Timestamp(1_764_064_800_000);

/// The teacher's exercise on a bundled article and the own article, quotes and entities, with its key.
pub fn exercise() -> Exercise {
    let draft = Draft {
        title: "Who said what".into(),
        instructions: "Mark the quotes.".into(),
        labels: vec![LabelName::Quote, LabelName::Entity],
        articles: vec![
            ArticleId::from("munich-dispatch"),
            ArticleId::from("own-kyjiw"),
        ],
        with_key: true,
        class_server: "/couchdb".into(),
        class_db: "class-7a".into(),
        suggestions: true,
    };
    Exercise::create(&draft, &rich_workspace(), "ex-1".into(), T).unwrap()
}

/// The files of the classroom: the teacher's copy, the students' copy (pretty and compact), a
/// submission, and the saved classroom.
pub fn seeds(ex: &Exercise) -> Vec<(&'static str, String)> {
    let mut student = Workspace::new(bundled_articles().unwrap());
    for (id, start, end, label) in [
        ("a", 629, 645, Label::Quote),
        ("b", 700, 800, Label::Quote),
        ("c", 10, 20, Label::Entity(EntityKind::Person)),
    ] {
        let a = ann(id, "munich-dispatch", start, end, label);
        student.apply(Action::Annotate(a)).unwrap();
    }
    vec![
        ("ex.teacher.json", ex.to_json(true)),
        ("ex.json", ex.to_json(false)),
        ("ex.compact.json", ex.to_compact_json()),
        (
            "ada.submission.json",
            submission_json(ex, "Ada", &student, T),
        ),
        ("saved", saved::encode(Some((ex, "Ada")), Some(ex))),
    ]
}

/// Reads `bytes` with every classroom reader; each returns `Ok` or a clear error, counted in `tally`
/// by the reader the file was made for (`seed`: 0–2 exercise, 3 submission, 4 saved).
fn read_all(
    seed: usize,
    bytes: &[u8],
    ex: &Exercise,
    have: &[Rc<Article>],
    tally: &Tally,
) -> TestCaseResult {
    let text = String::from_utf8_lossy(bytes);
    let exercise = Exercise::read(&text, have).map_err(|e| e.message);
    let saved = saved::decode(&text, have);
    let mut class = Class::default();
    class.add(ex, "s.json", bytes);
    for p in &class.problems {
        prop_assert!(!p.message.trim().is_empty());
    }
    let submitted = if class.students.is_empty() {
        Err("left out")
    } else {
        Ok(())
    };
    match seed {
        0..=2 => tally.note(&exercise)?,
        3 => tally.note(&submitted)?,
        _ => tally.note(&saved)?,
    }
    clear(&exercise)?;
    clear(&saved)?;
    // Dropped on the app, as a student and as the teacher with the class open.
    let mut session = Session::new(rich_workspace());
    crate::domain::fixtures::read_file(&mut session, "file.json", bytes.to_vec(), T);
    session.apply(SessionAction::Classroom(
        crate::domain::state::session::ClassroomAction::Teach(ex.clone()),
    ));
    crate::domain::fixtures::read_file(&mut session, "file.json", bytes.to_vec(), T);
    Ok(())
}

#[test]
fn classroom_files_mutated_in_their_json_are_read_or_refused() {
    let ex = exercise();
    let (seeds, have) = (seeds(&ex), rich_workspace().articles().to_vec());
    let tally = Tally::default();
    let strategy = (
        0..seeds.len(),
        tweaks(),
        any::<bool>(),
        prop::option::weighted(0.2, edits()),
    );
    run(
        "classroom: json tweaked",
        strategy,
        |(i, tweaks, pretty, edits)| {
            let text = tweaked(&seeds[i].1, false, &tweaks, pretty);
            let bytes = edited(text.as_bytes(), &edits.unwrap_or_default());
            read_all(i, &bytes, &ex, &have, &tally)
        },
    );
    tally.saw_both("classroom: json tweaked");
}

#[test]
fn classroom_files_edited_as_bytes_or_random_are_read_or_refused() {
    let ex = exercise();
    let (seeds, have) = (seeds(&ex), rich_workspace().articles().to_vec());
    let tally = Tally::default();
    let strategy = (0..seeds.len() + 1, edits(), random_bytes());
    let unused = Tally::default();
    run("classroom: bytes edited", strategy, |(i, edits, random)| {
        let (bytes, seed, tally) = match seeds.get(i) {
            Some((_, seed)) => (edited(seed.as_bytes(), &edits), i, &tally),
            None => (random, 0, &unused),
        };
        read_all(seed, &bytes, &ex, &have, tally)
    });
    tally.saw_both("classroom: bytes edited");
}

#[test]
fn an_exercise_link_edited_or_random_decodes_or_is_refused() {
    let ex = exercise();
    let packed = link::encode(ex.to_compact_json().as_bytes());
    let tally = Tally::default();
    let strategy = (any::<bool>(), edits(), random_bytes(), random_bytes());
    run(
        "classroom: link",
        strategy,
        |(from_link, edits, random, bytes)| {
            prop_assert_eq!(link::decode(&link::encode(&bytes)), Ok(bytes));
            let text = match from_link {
                true => edited(packed.as_bytes(), &edits),
                false => random,
            };
            let text = String::from_utf8_lossy(&text);
            let decoded = link::decode(&text);
            tally.note(&decoded)?;
            if let Some(payload) = link::payload(&format!("{}{text}", link::PREFIX)) {
                prop_assert_eq!(link::decode(payload), decoded);
            }
            Ok(())
        },
    );
    tally.saw_both("classroom: link");
}
