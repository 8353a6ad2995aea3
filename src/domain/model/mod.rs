//! The model: articles, spans, annotations and their attributes, the entity registry, and the offsets and times they count in.

pub mod anchoring;
pub mod annotation;
pub mod article;
pub mod attributes;
pub mod names;
pub mod registry;
pub mod span;
pub mod text;
pub mod time;
