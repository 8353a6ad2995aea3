//! The session: the workspace plus what one person is doing with it right now (the open article, a text
//! selection waiting for a tag, the selected annotation, a file waiting to be imported, messages).
//!
//! Like the workspace it is changed only by [`Session::apply`], which does no I/O: the view turns DOM events
//! into [`SessionAction`]s carrying ids and times, and effects outside persist the result.

use crate::domain::files::formats::labels::LabelMap;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::Attributes;
use crate::domain::model::names::{AnnotationId, ArticleId};
use crate::domain::replication::syncing::Syncing;
use crate::domain::state::saving::ImportRefusal;
use crate::domain::state::workspace::{Action, Snapshot, Workspace};
use std::collections::VecDeque;
use std::rc::Rc;

mod actions;
mod announce;
mod class_live;
mod classroom;
mod files;
mod find_tag;
mod links;
mod parts;
mod replication;
mod suggesting;
mod tabs;
pub use actions::SessionAction;
pub use announce::Announcement;
pub use class_live::Live;
pub use classroom::{ClassroomAction, Enrolment, Teaching};
pub use find_tag::{find_hits, tag_hits, tagged_as, Hit};
pub use links::{describe, excerpt, label_word, link_targets};
pub use parts::{Notice, Pending, PendingImport, Reading, StorageProblem};
pub use replication::SyncStatus;
pub use suggesting::{Suggesting, SuggestionAction, SuggestionChoices};

/// Everything the view shows. Not `Clone`: the view shares one session and changes it in place, so a
/// workspace of thousands of annotations is never copied.
#[derive(Debug)]
pub struct Session {
    /// Articles and annotations.
    pub workspace: Workspace,
    /// The article on screen.
    pub current: ArticleId,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// Every annotation under the last click, innermost first, so overlapped ones can be reached.
    pub here: Vec<AnnotationId>,
    /// A selection waiting for a tag.
    pub pending: Option<Pending>,
    /// The latest message.
    pub notice: Option<Notice>,
    /// The files being read, in the order they came, until the worker's answer for each arrives.
    pub reading: VecDeque<Rc<Reading>>,
    /// A file waiting for merge or replace.
    pub import: Option<Rc<PendingImport>>,
    /// Why storage refused the import in the dialog, until the person chooses again.
    pub import_refused: Option<ImportRefusal>,
    /// Where this browser syncs and its replica (kept in localStorage); `None` until set up.
    pub syncing: Option<Rc<Syncing>>,
    /// Bumped when `syncing` changes, so that it is saved.
    pub sync_revision: u64,
    /// Where syncing stands.
    pub sync_status: SyncStatus,
    /// The workspace a pass under way was sent with: the base its answer is merged from.
    pub sync_base: Option<Rc<Snapshot>>,
    /// The workspace as the last pass left it shared with the server (what the next pass counts its
    /// changes from).
    pub sync_seen: Option<Rc<Snapshot>>,
    /// Who is signed in to the server, as far as this tab knows.
    pub signed_in: Option<String>,
    /// Saved data that could not be read.
    pub storage_problem: Option<StorageProblem>,
    /// Set while the last save failed; cleared by the next successful one.
    pub save_failed: Option<String>,
    /// The quote or claim waiting for its source: the next click on a highlight that may be its
    /// source links the two.
    pub linking: Option<AnnotationId>,
    /// Whether the find-and-tag panel is open.
    pub finding: bool,
    /// The exercise this person works on as a student.
    pub enrolment: Option<Rc<Enrolment>>,
    /// The exercise this person compares submissions for, as a teacher.
    pub teaching: Option<Rc<Teaching>>,
    /// Goes up with every change to `enrolment` or `teaching`, for the views and the save.
    pub classroom_revision: u64,
    /// The person's choices for other tools' labels, used by every import and kept across visits.
    pub labels: LabelMap,
    /// Goes up with every change to `labels`, for the save.
    pub labels_revision: u64,
    /// Suggestions: the person's choices, the open article's, the current one.
    pub suggesting: Suggesting,
    /// Goes up with every change to the suggestion choices, for the save.
    pub suggestions_revision: u64,
    /// What the screen reader's live region said last: what an action changed, or an information notice.
    pub announcement: Option<Announcement>,
}

impl Session {
    /// A session on `workspace`, showing its first article.
    pub fn new(workspace: Workspace) -> Session {
        let current = workspace
            .articles()
            .first()
            .map(|a| a.id.clone())
            .unwrap_or_else(|| ArticleId::from(""));
        Session {
            workspace,
            current,
            selected: None,
            here: Vec::new(),
            pending: None,
            notice: None,
            reading: VecDeque::new(),
            import: None,
            import_refused: None,
            syncing: None,
            sync_revision: 0,
            sync_status: SyncStatus::Off,
            sync_base: None,
            sync_seen: None,
            signed_in: None,
            storage_problem: None,
            save_failed: None,
            linking: None,
            finding: false,
            enrolment: None,
            teaching: None,
            classroom_revision: 0,
            labels: LabelMap::default(),
            labels_revision: 0,
            suggesting: Suggesting::default(),
            suggestions_revision: 0,
            announcement: None,
        }
    }

    /// Whether autosave may write: not while unreadable saved data could not be set aside.
    pub fn saving_allowed(&self) -> bool {
        self.storage_problem
            .as_ref()
            .is_none_or(|p| p.kept_under.is_some())
    }

    /// The selected annotation, if it still exists.
    pub fn selected_annotation(&self) -> Option<&Rc<Annotation>> {
        self.workspace.annotation(self.selected.as_ref()?)
    }

    /// Carries out one action, and says what it did in [`Session::announcement`]
    /// (`session/announce.rs`). The only way the view changes the session.
    pub fn apply(&mut self, action: SessionAction) {
        let before = self.before(&action);
        self.run(action);
        self.announce(before);
    }

    /// Carries out one action (for [`Session::apply`], which also announces it).
    fn run(&mut self, action: SessionAction) {
        match action {
            SessionAction::Open(id) => {
                if self.workspace.article(&id).is_some() {
                    self.current = id;
                    self.selected = None;
                    self.here.clear();
                    self.pending = None;
                    self.stop_linking();
                }
            }
            SessionAction::Select(id) => {
                // Choosing among the annotations under the last click keeps that list open.
                if !id.as_ref().is_some_and(|id| self.here.contains(id)) {
                    self.here.clear();
                }
                self.selected = id;
            }
            SessionAction::ClickAt(pos, at) => {
                if let Some(from) = self.linking.clone() {
                    self.pick_source(&from, pos, at);
                    return;
                }
                let mut found =
                    pos.map_or_else(Vec::new, |pos| self.workspace.covering(&self.current, pos));
                found.sort_by_key(|a| (a.span.len(), a.span.start()));
                self.here = found.iter().map(|a| a.id.clone()).collect();
                self.selected = self.here.first().cloned();
                self.pending = None;
            }
            SessionAction::SelectText(pending) => {
                self.pending = pending;
                if pending.is_some() {
                    self.selected = None;
                    self.here.clear();
                }
            }
            SessionAction::Tag { label, id, at } => {
                let Some(pending) = self.pending.take() else {
                    return;
                };
                let annotation = Annotation {
                    id: id.clone(),
                    article: self.current.clone(),
                    span: pending.span,
                    label,
                    note: String::new(),
                    attrs: Attributes::default(),
                    created: at,
                    updated: at,
                };
                if self.edit(Action::Annotate(annotation)) {
                    self.selected = Some(id);
                    self.here.clear();
                }
            }
            SessionAction::Edit(Action::Remove { id }) => self.remove(id),
            SessionAction::Edit(action) => {
                self.edit(action);
            }
            SessionAction::StartLink(id) => self.start_link(id),
            SessionAction::CancelLink => self.stop_linking(),
            SessionAction::Link { id, source, at } => {
                self.link(&id, source, at);
            }
            SessionAction::Escape => {
                if self.linking.is_some() {
                    self.stop_linking();
                } else {
                    self.pending = None;
                    self.here.clear();
                    self.selected = None;
                }
            }
            SessionAction::ShowFind(open) => self.finding = open,
            SessionAction::TagAll(annotations) => self.tag_all(annotations),
            SessionAction::ReadFile {
                file_name,
                content,
                at,
            } => self.read_file(file_name, content, at, false),
            SessionAction::Read { file_name, read } => self.file_read(file_name, read),
            SessionAction::CancelRead => self.reading.clear(),
            SessionAction::ConfirmImport { replace } => self.confirm_import(replace),
            SessionAction::AddArticle {
                article,
                annotations,
            } => self.add_article(article, annotations),
            SessionAction::CancelImport => self.close_import(),
            SessionAction::MapLabel { name, to } => self.map_label(name, to),
            SessionAction::PickTextField(field) => self.pick_text_field(field),
            SessionAction::RefuseImport(refusal) => self.import_refused = Some(refusal),
            SessionAction::StartSync { server, db, client } => {
                self.start_sync(&server, &db, &client)
            }
            SessionAction::StopSync => self.stop_sync(),
            SessionAction::SyncStarted(base) => self.sync_started(base),
            SessionAction::Synced(done) => self.synced(*done),
            SessionAction::SyncFailed {
                offline,
                waiting,
                reason,
            } => self.sync_failed(offline, waiting, reason),
            SessionAction::SignedIn(name) => self.signed_in = Some(name).filter(|n| !n.is_empty()),
            SessionAction::KeepFirstTexts(count) => self.keep_first_texts(count),
            SessionAction::Notify(notice) => self.notice = Some(notice),
            SessionAction::Dismiss => self.notice = None,
            SessionAction::Saved(result) => self.save_failed = result.err(),
            SessionAction::Classroom(action) => self.classroom(action),
            SessionAction::Suggestions(action) => self.suggestion(action),
            SessionAction::AcceptSuggestions { kind, id, at } => {
                self.accept_suggestions(kind, &id, at)
            }
            SessionAction::FromOtherTab { base, theirs } => self.merge_other_tab(&base, &theirs),
        }
    }

    /// Applies a workspace action; a refusal becomes an error notice. Returns whether it was applied.
    fn edit(&mut self, action: Action) -> bool {
        match self.workspace.apply(action) {
            Ok(()) => {
                self.settle();
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| matches!(n, Notice::Error(_)))
                {
                    self.notice = None;
                }
                true
            }
            Err(e) => {
                self.notice = Some(Notice::Error(format!("Not done: {e}.")));
                false
            }
        }
    }

    /// After a change to the workspace: lets go of what is gone (the selection, a pending link) and
    /// shows the first article if the open one went.
    fn settle(&mut self) {
        if self.selected_annotation().is_none() {
            self.selected = None;
        }
        // Waiting for a source ends when the quote or claim is gone or is no longer one.
        if self.linking.as_ref().is_some_and(|id| {
            self.workspace
                .annotation(id)
                .is_none_or(|a| a.label.kind().is_some())
        }) {
            self.linking = None;
        }
        self.here
            .retain(|id| self.workspace.annotation(id).is_some());
        // An undo or a delete can take away the open article: show the first one instead.
        if self.workspace.article(&self.current).is_none() {
            if let Some(first) = self.workspace.articles().first() {
                self.current = first.id.clone();
                self.pending = None;
            }
        }
    }
}

#[cfg(test)]
#[path = "../tests/session.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/session_links.rs"]
mod links_tests;

#[cfg(test)]
#[path = "../tests/session_find.rs"]
mod find_tests;

#[cfg(test)]
#[path = "../tests/session_suggestions.rs"]
mod suggestion_tests;

#[cfg(test)]
#[path = "../tests/session_sync.rs"]
mod sync_tests;

#[cfg(test)]
#[path = "../tests/session_classroom.rs"]
mod classroom_tests;

#[cfg(test)]
#[path = "../tests/session_labels.rs"]
mod labels_tests;
