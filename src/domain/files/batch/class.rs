//! `na-convert class`: the teacher's comparison on files, for a whole class at once.

use super::{Input, Output, Report};
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::features::classroom::report::{agreement_csv, class_csv};
use crate::domain::model::article::Article;
use std::rc::Rc;

/// Reads the exercise and every submission; a line per submission (`ok FILE: NAME, N annotations`
/// or `left out FILE: WHY`), then `class-table.csv` and `agreement.csv`. An exercise that cannot be
/// read stops everything; a submission left out counts as failed, and the tables hold the others.
pub fn class(exercise: &Input, submissions: &[Input], articles: &[Article]) -> Report {
    let have: Vec<Rc<Article>> = articles.iter().cloned().map(Rc::new).collect();
    let read = std::str::from_utf8(&exercise.bytes)
        .map_err(|e| {
            format!(
                "it is not UTF-8 text (byte {} is not valid)",
                e.valid_up_to()
            )
        })
        .and_then(|text| {
            Exercise::read(text, &have).map_err(|e| match e.path.as_str() {
                "" => e.message,
                path => format!("{path}: {}", e.message),
            })
        });
    let exercise_file = &exercise.name;
    let exercise = match read {
        Ok(exercise) => exercise,
        Err(message) => {
            return Report {
                lines: vec![
                    format!("error {exercise_file}: {message}"),
                    "nothing written".into(),
                ],
                outputs: Vec::new(),
                failed: 1,
            }
        }
    };
    let mut class = Class::default();
    for input in submissions {
        class.add(&exercise, &input.name, &input.bytes);
    }
    let mut lines = Vec::new();
    for input in submissions {
        if let Some(student) = class.students.iter().find(|s| s.file == input.name) {
            lines.push(format!(
                "ok {}: {}, {} annotations",
                input.name,
                student.name,
                student.marks.len()
            ));
            lines.extend(student.notes.iter().map(|n| format!("  {n}")));
        }
        for problem in class.problems.iter().filter(|p| p.file == input.name) {
            lines.push(format!("left out {}: {}", problem.file, problem.message));
        }
    }
    if exercise.key.is_none() {
        lines.push(format!("note {exercise_file}: it has no answer key (the students' copy), so class-table.csv has no rows"));
    }
    Report {
        lines,
        outputs: vec![
            Output {
                name: "class-table.csv".into(),
                bytes: class_csv(&exercise, &class).into_bytes(),
            },
            Output {
                name: "agreement.csv".into(),
                bytes: agreement_csv(&exercise, &class).into_bytes(),
            },
        ],
        failed: class.problems.len(),
    }
}
