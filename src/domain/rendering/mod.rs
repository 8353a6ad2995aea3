//! Rendering an article: its flat pieces, their escaped HTML, the keyboard caret, and the first
//! screen written into the page at build time.

pub mod caret;
pub mod first_screen;
pub mod markup;
pub mod segments;
pub mod spoken;
