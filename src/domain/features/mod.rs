//! Features built on the model: find, registry proposals, comparing outlets, the classroom, own articles, spoken descriptions, suggestions.

pub mod candidates;
pub mod classroom;
pub mod entities;
pub mod find;
pub mod outlets;
pub mod own_text;
pub mod similarity;
pub mod suggest;
