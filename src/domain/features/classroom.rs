//! The classroom: a teacher's exercise, the students' submissions, and comparing them with the key and
//! with each other.
//!
//! - `exercise.rs`: the exercise and its file (the students' copy and the teacher's, with the key);
//! - `submission.rs`: a student's submission file;
//! - `class.rs`: the submissions a teacher loaded, checked, and the files left out with the reason;
//! - `class_db.rs`: a class on a CouchDB database: submissions as documents, the teacher's feed;
//! - `scores.rs`: precision, recall and F1 against the key, exact and overlap;
//! - `report.rs`: the class table (and its CSV) and one student against the key;
//! - `heat.rs`: how many students tagged each stretch of an article;
//! - `agreement.rs`: agreement among students (Krippendorff's alpha, pairwise F1);
//! - `link.rs`: an exercise in a link's fragment;
//! - `saved.rs`: what the browser keeps of the classroom between visits;
//! - `file.rs`: the two file shapes.

pub mod agreement;
pub mod class;
pub mod class_db;
pub mod exercise;
pub mod file;
pub mod heat;
pub mod link;
pub mod report;
pub mod saved;
pub mod scores;
pub mod submission;

#[cfg(test)]
#[path = "../tests/classroom_exercise.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/fuzz_classroom.rs"]
pub(crate) mod fuzz;
