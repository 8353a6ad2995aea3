//! The vocabulary of changes: the actions a person (or an import) asks the workspace for, and why one
//! can be refused.

use super::annotation::{Annotation, AnnotationId, Label};
use super::span::Span;
use super::time::Timestamp;
use std::fmt;

/// A change a person (or an import) asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Adds a new annotation; its id, article and times are already filled in.
    Annotate(Annotation),
    /// Gives an annotation another label.
    Relabel {
        /// Which annotation.
        id: AnnotationId,
        /// The new label.
        label: Label,
        /// When.
        at: Timestamp,
    },
    /// Replaces an annotation's note.
    SetNote {
        /// Which annotation.
        id: AnnotationId,
        /// The whole new note.
        note: String,
        /// When.
        at: Timestamp,
    },
    /// Deletes an annotation.
    Remove {
        /// Which annotation.
        id: AnnotationId,
    },
    /// Puts checked annotations from a file in one undoable step; `replace` first removes all others.
    Import {
        /// The annotations to write, already validated against the articles.
        annotations: Vec<Annotation>,
        /// Whether the current annotations go first.
        replace: bool,
    },
    /// Reverts the last change.
    Undo,
    /// Re-applies the last undone change.
    Redo,
}

/// Why an action was refused. The workspace is unchanged when `apply` returns one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// No article has this id.
    UnknownArticle(String),
    /// No annotation has this id.
    UnknownAnnotation(String),
    /// An annotation with this id exists already.
    DuplicateId(String),
    /// An article with this id exists already.
    DuplicateArticle(String),
    /// The span does not fit the article.
    OutOfBounds {
        /// The article.
        article: String,
        /// The span asked for.
        span: Span,
        /// The article's length in code points.
        len: usize,
    },
    /// There is nothing to undo.
    NothingToUndo,
    /// There is nothing to redo.
    NothingToRedo,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::UnknownArticle(id) => write!(f, "there is no article \"{id}\""),
            ActionError::UnknownAnnotation(id) => write!(f, "there is no annotation \"{id}\""),
            ActionError::DuplicateId(id) => write!(f, "an annotation \"{id}\" exists already"),
            ActionError::DuplicateArticle(id) => write!(f, "an article \"{id}\" exists already"),
            ActionError::OutOfBounds { article, span, len } => write!(
                f,
                "span {span} is past the end of article \"{article}\" ({len} characters)"
            ),
            ActionError::NothingToUndo => f.write_str("nothing to undo"),
            ActionError::NothingToRedo => f.write_str("nothing to redo"),
        }
    }
}
