//! What the view asks the session to do.

use super::Pending;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::offload::{FileContent, FileRead};
use crate::domain::replication::syncing::Replicated;
use crate::domain::state::saving::ImportRefusal;
use crate::domain::state::session::Notice;
use crate::domain::state::workspace::Action;
use crate::domain::state::workspace::Snapshot;
use std::rc::Rc;

/// What the view asks the session to do.
#[derive(Debug)]
pub enum SessionAction {
    /// Shows another article.
    Open(ArticleId),
    /// Opens one annotation in the detail panel (or closes it).
    Select(Option<AnnotationId>),
    /// A click on the open article's text at this code point (`None`: on no highlight), at this time
    /// (the time of the link it makes while [`Session::linking`](super::Session::linking)).
    ClickAt(Option<usize>, Timestamp),
    /// The person selected text (or cleared the selection).
    SelectText(Option<Pending>),
    /// Tags the pending selection.
    Tag {
        /// The label to give.
        label: Label,
        /// The new annotation's id.
        id: AnnotationId,
        /// Now.
        at: Timestamp,
    },
    /// Changes the workspace. Deleting an annotation that others link to says which links went with it.
    Edit(Action),
    /// Waits for a click on the source of this quote or claim (see [`Session::linking`](super::Session::linking)).
    StartLink(AnnotationId),
    /// Stops waiting for a source.
    CancelLink,
    /// Links a quote or claim to its source, or unlinks it (`None`). A claim that gets a source and
    /// has no attribution yet also becomes attributed (a second undo step).
    Link {
        /// The quote or claim.
        id: AnnotationId,
        /// Its source.
        source: Option<AnnotationId>,
        /// Now.
        at: Timestamp,
    },
    /// The Escape key: stops waiting for a source if it was; otherwise drops the text selection and
    /// closes the detail panel.
    Escape,
    /// Opens or closes the find-and-tag panel.
    ShowFind(bool),
    /// Adds the annotations of a find-and-tag (see [`tag_hits`](super::tag_hits)) as one undo step.
    TagAll(Vec<Annotation>),
    /// A file was loaded or dropped: it waits in line for the web worker, which tells an exercise or a
    /// submission from a file to import (see [`Session::reading`](super::Session::reading)).
    ReadFile {
        /// The file's name, for messages and for telling `.ann` files apart.
        file_name: String,
        /// Its content: the bytes, or (a file the person picked or dropped) the browser's copy.
        content: FileContent,
        /// Now: the time given to annotations from formats that carry none.
        at: Timestamp,
    },
    /// The web worker read the first file waiting (see [`Session::reading`](super::Session::reading)).
    Read {
        /// The file's name: an answer for a file no longer first in line is ignored.
        file_name: String,
        /// What it is and gave.
        read: FileRead,
    },
    /// Stops reading the files waiting: nothing changes, and the worker's answers, if they come, are
    /// ignored.
    CancelRead,
    /// Adds an article (with annotations, which may be none) and opens it.
    AddArticle {
        /// The new article; its id must be free.
        article: Article,
        /// Its annotations, added as one undoable import.
        annotations: Vec<Annotation>,
    },
    /// Carries out the offered import.
    ConfirmImport {
        /// Replace all annotations instead of merging.
        replace: bool,
    },
    /// Closes the import dialog without changing anything.
    CancelImport,
    /// Starts syncing with database `db` on `server` (see
    /// [`Syncing::new`](crate::domain::replication::syncing::Syncing::new)).
    StartSync {
        /// The server, a path on this site.
        server: String,
        /// The database.
        db: String,
        /// This browser's name for its checkpoint (made once, kept with the settings).
        client: String,
    },
    /// Stops syncing; the replica stays for the next start.
    StopSync,
    /// A replication pass was sent with this workspace.
    SyncStarted(Rc<Snapshot>),
    /// A replication pass's answer.
    Synced(Box<Replicated>),
    /// A replication pass failed.
    SyncFailed {
        /// The server could not be reached.
        offline: bool,
        /// How many revisions wait to go to the server.
        waiting: usize,
        /// What happened.
        reason: String,
    },
    /// Who is signed in to the server now (empty: nobody).
    SignedIn(String),
    /// Shows, finds, steps through or rejects suggestions.
    Suggestions(super::SuggestionAction),
    /// Accepts the current suggestion (`kind` `None`) or every shown one of `kind` as ordinary
    /// annotations, one undo step; their ids are `id` with a number after it.
    AcceptSuggestions {
        /// Which suggestions.
        kind: Option<crate::domain::features::suggest::SuggestionKind>,
        /// The first part of the new annotations' ids.
        id: AnnotationId,
        /// When.
        at: Timestamp,
    },
    /// Storage refused the import in the dialog: says why, and offers a part of it when one fits.
    RefuseImport(ImportRefusal),
    /// Narrows the import in the dialog to the first `count` texts the file brings (see
    /// [`ImportPlan::keep_first_articles`](crate::domain::files::import::ImportPlan::keep_first_articles)).
    KeepFirstTexts(usize),
    /// Maps the foreign label `name` to `to` (`None`: leaves it out) for this and later imports; the
    /// file in the import dialog is read again with it.
    MapLabel {
        /// The label as the file writes it.
        name: String,
        /// What it becomes.
        to: Option<Label>,
    },
    /// Reads the file in the import dialog again with this field of its Label Studio tasks as their
    /// text (for this file only).
    PickTextField(String),
    /// Shows a message.
    Notify(Notice),
    /// Hides the message.
    Dismiss,
    /// Reports the result of the last save.
    Saved(Result<(), String>),
    /// An exercise, a name or a submission (see [`ClassroomAction`](super::ClassroomAction)).
    Classroom(super::ClassroomAction),
    /// Another tab saved `theirs`: merge it into the workspace (see [`crate::domain::state::sync`]).
    FromOtherTab {
        /// The last state both tabs had.
        base: Rc<Snapshot>,
        /// What the other tab saved.
        theirs: Rc<Snapshot>,
    },
}
