//! The smaller parts a session holds beside the workspace: a selection waiting for its label, a
//! notice, an import waiting in its dialog, the files being read, saved data that could not be read.

use crate::domain::files::import::ImportPlan;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::offload::FileContent;
use std::rc::Rc;

/// A text selection that is waiting for a label, and where its toolbar goes on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pending {
    /// The selected span, already trimmed and snapped to whole characters.
    pub span: Span,
    /// Viewport x of the selection's left edge, for placing the toolbar.
    pub x: f64,
    /// Viewport y just below the selection.
    pub y: f64,
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Something was refused or failed; nothing was changed.
    Error(String),
    /// Something worked.
    Info(String),
}

/// A parsed file waiting for the person to choose merge or replace.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The file's name, for the dialog.
    pub file_name: String,
    /// What importing it would do.
    pub plan: ImportPlan,
    /// The file, kept to be read again when a label is mapped otherwise.
    pub content: FileContent,
    /// When it was loaded.
    pub at: Timestamp,
    /// The Label Studio text field it was read with, if the person chose one.
    pub text_field: Option<String>,
}

/// A file being read: the web worker reads it ([`Session::next_job`] is the job the view sends), and
/// [`SessionAction::Read`] brings the answer.
#[derive(Debug, PartialEq)]
pub struct Reading {
    /// The file's name.
    pub file_name: String,
    /// Its content: the bytes, or the browser's copy, which the worker reads.
    pub content: FileContent,
    /// When it was read: the time given to annotations from formats that carry none.
    pub at: Timestamp,
    /// Whether it was loaded as a submission for the class (rather than as any file).
    pub for_class: bool,
    /// The Label Studio text field to read it with, once the person chose one in the import dialog.
    pub text_field: Option<String>,
}

/// Saved data that could not be read, kept aside so that it is never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageProblem {
    /// What went wrong, in words.
    pub message: String,
    /// The unreadable text itself, offered as a download.
    pub raw: Rc<str>,
    /// The key it was copied to; `None` if even that failed, in which case saving stays paused so the
    /// original is not overwritten.
    pub kept_under: Option<String>,
}
