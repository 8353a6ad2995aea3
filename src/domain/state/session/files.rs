//! Files in the session: a read file planned for import, the import carried out, an article added.

use super::{Notice, PendingImport, Reading, Session, SessionAction};
use crate::domain::files::import::ImportPlan;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;
use std::rc::Rc;

impl Session {
    /// Opens a read file in the classroom, or starts reading it for import (the view hands it to the
    /// web worker, which plans the import).
    pub(super) fn read_file(&mut self, file_name: String, bytes: Vec<u8>, at: Timestamp) {
        if self.classroom_file(&file_name, &bytes) {
            return;
        }
        self.notice = None;
        self.reading = Some(Rc::new(Reading {
            file_name,
            bytes,
            at,
        }));
    }

    /// Offers the planned import of the file being read, or says why it cannot be imported. An answer
    /// for another file (one cancelled or replaced) changes nothing.
    pub(super) fn planned(&mut self, file_name: String, plan: Result<Box<ImportPlan>, String>) {
        if self
            .reading
            .as_ref()
            .is_none_or(|r| r.file_name != file_name)
        {
            return;
        }
        self.reading = None;
        match plan {
            Ok(plan) => {
                self.import = Some(Rc::new(PendingImport {
                    file_name,
                    plan: *plan,
                }))
            }
            Err(e) => {
                self.notice = Some(Notice::Error(format!("{file_name} was not loaded: {e}")));
            }
        }
    }

    /// Carries out the offered import, merged or replacing.
    pub(super) fn confirm_import(&mut self, replace: bool) {
        let Some(import) = self.import.take() else {
            return;
        };
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

    /// Adds an article with its annotations (one undoable import) and opens it.
    pub(super) fn add_article(&mut self, article: Article, annotations: Vec<Annotation>) {
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
}
