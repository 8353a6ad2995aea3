//! The classroom's saved state, kept beside the annotations (localStorage key
//! `news-annotator/classroom`): the exercise a student works on with their name, and the exercise a
//! teacher compares submissions for, with its key. The class itself is not kept: its submissions are
//! files the teacher has, and loading them again gives the same table.
//!
//! ```json
//! { "version": 1, "student": { "name": "Ada", "exercise": { …students' copy… } },
//!   "teaching": { …teacher's copy… } }
//! ```

use super::exercise::Exercise;
use crate::domain::article::Article;
use crate::domain::json::{parse, Value, Writer};
use std::rc::Rc;

/// What is kept: the student's exercise and name, and the teacher's exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The student's exercise and the name they typed.
    pub student: Option<(Exercise, String)>,
    /// The teacher's exercise.
    pub teaching: Option<Exercise>,
}

/// The saved state as compact JSON.
pub fn encode(student: Option<(&Exercise, &str)>, teaching: Option<&Exercise>) -> String {
    let mut w = Writer::compact();
    w.begin_object();
    w.field("version", &1u32);
    if let Some((exercise, name)) = student {
        w.key("student");
        w.begin_object();
        w.field("name", name);
        w.key("exercise");
        exercise.write(&mut w, false);
        w.end_object();
    }
    if let Some(exercise) = teaching {
        w.key("teaching");
        exercise.write(&mut w, true);
    }
    w.end_object();
    w.finish()
}

/// Reads the saved state against the workspace's articles; says what is wrong where.
pub fn decode(text: &str, have: &[Rc<Article>]) -> Result<Saved, String> {
    let mut value = parse(text).map_err(|e| e.to_string())?;
    let mut saved = Saved::default();
    let Some(members) = value.as_object_mut() else {
        return Err("it is not a JSON object".into());
    };
    for (key, value) in members.iter_mut() {
        match key.as_str() {
            "version" if value.as_u64() == Some(1) => {}
            "version" => return Err(format!("version {value} is not one this app reads")),
            "student" => {
                let name = match value.get("name") {
                    Some(Value::String(name)) => name.clone(),
                    _ => return Err("student.name: missing or not a string".into()),
                };
                let exercise = value
                    .as_object_mut()
                    .and_then(|m| m.iter_mut().find(|(k, _)| k == "exercise"))
                    .map(|(_, v)| v)
                    .ok_or("student.exercise: missing")?;
                let exercise = Exercise::read(exercise, have)
                    .map_err(|e| format!("student.exercise.{}: {}", e.path, e.message))?;
                saved.student = Some((exercise, name));
            }
            "teaching" => {
                let exercise = Exercise::read(value, have)
                    .map_err(|e| format!("teaching.{}: {}", e.path, e.message))?;
                saved.teaching = Some(exercise);
            }
            other => return Err(format!("unknown field `{other}`")),
        }
    }
    Ok(saved)
}
