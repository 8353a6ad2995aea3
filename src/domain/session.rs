//! The session: the workspace plus what one person is doing with it right now (the open article, a text
//! selection waiting for a tag, the selected annotation, a file waiting to be imported, messages).
//!
//! Like the workspace it is changed only by [`Session::apply`], which does no I/O: the view turns DOM events
//! into [`SessionAction`]s carrying ids and times, and effects outside persist the result.

use super::annotation::{Annotation, AnnotationId, Label};
use super::article::{Article, ArticleId};
use super::attributes::Attributes;
use super::import::{plan_import, ImportPlan};
use super::span::Span;
use super::time::Timestamp;
use super::workspace::{Action, Workspace};
use std::rc::Rc;

mod links;
pub use links::{describe, excerpt, link_targets};

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
#[derive(Debug, PartialEq)]
pub struct PendingImport {
    /// The file's name, for the dialog.
    pub file_name: String,
    /// What importing it would do.
    pub plan: ImportPlan,
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
    /// A file waiting for merge or replace.
    pub import: Option<Rc<PendingImport>>,
    /// Saved data that could not be read.
    pub storage_problem: Option<StorageProblem>,
    /// Set while the last save failed; cleared by the next successful one.
    pub save_failed: Option<String>,
    /// The quote or claim waiting for its source: the next click on a highlight that may be its
    /// source links the two.
    pub linking: Option<AnnotationId>,
    /// Whether the find-and-tag panel is open.
    pub finding: bool,
}

/// What the view asks the session to do.
#[derive(Debug)]
pub enum SessionAction {
    /// Shows another article.
    Open(ArticleId),
    /// Opens one annotation in the detail panel (or closes it).
    Select(Option<AnnotationId>),
    /// A click on the open article's text at this code point (`None`: on no highlight), at this time
    /// (the time of the link it makes while [`Session::linking`]).
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
    /// Waits for a click on the source of this quote or claim (see [`Session::linking`]).
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
    /// A file was read: plan its import, or report why it cannot be imported.
    ReadFile {
        /// The file's name, for messages and for telling `.ann` files apart.
        file_name: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Now: the time given to annotations from formats that carry none.
        at: Timestamp,
    },
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
    /// Shows a message.
    Notify(Notice),
    /// Hides the message.
    Dismiss,
    /// Reports the result of the last save.
    Saved(Result<(), String>),
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
            import: None,
            storage_problem: None,
            save_failed: None,
            linking: None,
            finding: false,
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

    /// Carries out one action.
    pub fn apply(&mut self, action: SessionAction) {
        match action {
            SessionAction::Open(id) => {
                if self.workspace.article(&id).is_some() {
                    self.current = id;
                    self.selected = None;
                    self.here.clear();
                    self.pending = None;
                    self.linking = None;
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
            SessionAction::CancelLink => self.linking = None,
            SessionAction::Link { id, source, at } => {
                self.link(&id, source, at);
            }
            SessionAction::Escape => {
                if self.linking.take().is_none() {
                    self.pending = None;
                    self.here.clear();
                    self.selected = None;
                }
            }
            SessionAction::ShowFind(open) => self.finding = open,
            SessionAction::ReadFile {
                file_name,
                bytes,
                at,
            } => match plan_import(&file_name, &bytes, &self.workspace, at) {
                Ok(plan) => {
                    self.notice = None;
                    self.import = Some(Rc::new(PendingImport { file_name, plan }));
                }
                Err(e) => {
                    self.notice = Some(Notice::Error(format!("{file_name} was not loaded: {e}")));
                }
            },
            SessionAction::ConfirmImport { replace } => {
                if let Some(import) = self.import.take() {
                    let action = import.plan.action(replace);
                    let count = match &action {
                        Action::Import { annotations, .. } => annotations.len(),
                        _ => 0,
                    };
                    if self.edit(action) {
                        let how = if replace {
                            "Replaced all annotations with"
                        } else {
                            "Merged"
                        };
                        self.notice = Some(Notice::Info(format!(
                            "{how} {count} from {}.",
                            import.file_name
                        )));
                    }
                }
            }
            SessionAction::AddArticle {
                article,
                annotations,
            } => {
                let id = article.id.clone();
                match self.workspace.add_article(article) {
                    Ok(()) => {
                        if !annotations.is_empty() {
                            self.edit(Action::Import {
                                articles: Vec::new(),
                                entities: Vec::new(),
                                annotations,
                                replace: false,
                            });
                        }
                        self.apply(SessionAction::Open(id));
                    }
                    Err(e) => self.notice = Some(Notice::Error(format!("Not added: {e}."))),
                }
            }
            SessionAction::CancelImport => self.import = None,
            SessionAction::Notify(notice) => self.notice = Some(notice),
            SessionAction::Dismiss => self.notice = None,
            SessionAction::Saved(result) => self.save_failed = result.err(),
        }
    }

    /// Applies a workspace action; a refusal becomes an error notice. Returns whether it was applied.
    fn edit(&mut self, action: Action) -> bool {
        match self.workspace.apply(action) {
            Ok(()) => {
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
}

#[cfg(test)]
#[path = "tests/session.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/session_links.rs"]
mod links_tests;
