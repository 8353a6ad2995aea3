//! The classroom (issue 6): comparing annotators. For now, the scores of one annotator's spans against
//! a key (`classroom/scores.rs`); exercises, submissions and agreement come next.

pub mod agreement;
pub mod scores;
