//! The state and its actions: the workspace and its undo history, the session (what one person is doing), the keys, two tabs merging, and saving.

pub mod action;
pub mod graves;
pub mod history;
pub mod keys;
pub mod saving;
pub mod session;
pub mod sync;
pub mod workspace;
