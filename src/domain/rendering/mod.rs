//! Rendering an article: its flat pieces, their escaped HTML, and the keyboard caret.

pub mod caret;
pub mod markup;
pub mod segments;
pub mod spoken;
