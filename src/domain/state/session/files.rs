//! Files in the session: a read file handed to the web worker and what it gave (an exercise, a
//! submission, an import plan), the import carried out, an article added.

use super::{ClassroomAction, Notice, PendingImport, Reading, Session, SessionAction};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::import::ImportPlan;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::model::time::Timestamp;
use crate::domain::offload::{FileContent, FileRead, Job};
use crate::domain::state::workspace::Action;
use std::rc::Rc;

impl Session {
    /// Puts a read file in line for the web worker (the view sends [`Session::next_job`]).
    pub(super) fn read_file(
        &mut self,
        file_name: String,
        content: FileContent,
        at: Timestamp,
        for_class: bool,
    ) {
        self.notice = None;
        self.reading.push_back(Rc::new(Reading {
            file_name,
            content,
            at,
            for_class,
            text_field: None,
        }));
    }

    /// The `blob:` addresses that the browser keeps for the worker: of the files waiting, and of the
    /// file in the import dialog (read again if a label is mapped otherwise).
    pub fn kept_files(&self) -> Vec<String> {
        let waiting = self.reading.iter().map(|r| &r.content);
        waiting
            .chain(self.import.as_ref().map(|i| &i.content))
            .flat_map(FileContent::kept_urls)
            .map(str::to_owned)
            .collect()
    }

    /// Maps the foreign label `name` to `to` from now on, and reads the file in the import dialog
    /// again with it, before any other file waiting.
    pub(super) fn map_label(&mut self, name: String, to: Option<Label>) {
        self.labels.0.insert(name, to);
        self.labels_revision += 1;
        let field = self.import.as_ref().and_then(|i| i.text_field.clone());
        self.read_again(field);
    }

    /// Reads the file in the import dialog again with `field` as its Label Studio tasks' text.
    pub(super) fn pick_text_field(&mut self, field: String) {
        self.read_again(Some(field));
    }

    /// Puts the file in the import dialog first in line to be read again, with `text_field`.
    fn read_again(&mut self, text_field: Option<String>) {
        self.import_refused = None;
        if let Some(import) = &self.import {
            self.reading.push_front(Rc::new(Reading {
                file_name: import.file_name.clone(),
                content: import.content.clone(),
                at: import.at,
                for_class: false,
                text_field,
            }));
        }
    }

    /// Whether the file in the import dialog is being read again (its plan is out of date).
    pub fn rereading(&self) -> bool {
        let front = self.reading.front().map(|r| &r.file_name);
        self.import
            .as_ref()
            .is_some_and(|i| front == Some(&i.file_name))
    }

    /// The first file waiting and the job that reads it.
    pub fn next_job(&self) -> Option<(Rc<Reading>, Job)> {
        let reading = self.reading.front()?;
        let teaching = self.teaching.as_ref().map(|t| &*t.exercise);
        let job = match teaching {
            Some(exercise) if reading.for_class => Job::ReadSubmission {
                exercise: Exercise::clone(exercise),
                file_name: reading.file_name.clone(),
                content: reading.content.clone(),
            },
            _ => Job::read_file(
                &self.workspace,
                teaching,
                reading.file_name.clone(),
                reading.content.clone(),
                ImportOptions {
                    labels: self.labels.clone(),
                    text_field: reading.text_field.clone(),
                },
                reading.at,
            ),
        };
        Some((Rc::clone(reading), job))
    }

    /// Takes what the worker read from the first file waiting. An answer for another file (one
    /// cancelled) changes nothing.
    pub(super) fn file_read(&mut self, file_name: String, read: FileRead) {
        if self
            .reading
            .front()
            .is_none_or(|r| r.file_name != file_name)
        {
            return;
        }
        let Some(reading) = self.reading.pop_front() else {
            return;
        };
        match read {
            FileRead::Import(plan) => self.planned(&reading, plan),
            FileRead::Exercise(Ok(exercise)) => self.open_exercise(*exercise),
            FileRead::Exercise(Err(e)) => {
                self.notice = Some(Notice::Error(format!("{file_name} was not opened: {e}")));
            }
            FileRead::Student(student) => self.admit(&file_name, student.map(|s| *s)),
            FileRead::Submission => self.not_teaching(&file_name),
        }
    }

    /// Offers the planned import of the file `reading`, or says why it cannot be imported.
    fn planned(&mut self, reading: &Reading, plan: Result<Box<ImportPlan>, String>) {
        match plan {
            Ok(plan) => {
                self.import_refused = None;
                self.import = Some(Rc::new(PendingImport {
                    file_name: reading.file_name.clone(),
                    plan: *plan,
                    content: reading.content.clone(),
                    at: reading.at,
                    text_field: reading.text_field.clone(),
                }))
            }
            Err(e) => {
                let name = &reading.file_name;
                self.notice = Some(Notice::Error(format!("{name} was not loaded: {e}")));
            }
        }
    }

    /// Opens an exercise: the teacher's copy (with its key) opens the class, the students' copy the
    /// exercise.
    fn open_exercise(&mut self, exercise: Exercise) {
        if exercise.key.is_some() {
            self.notice = Some(Notice::Info(format!(
                "Opened the teacher's copy of “{}”: load the students' submissions in Classroom.",
                exercise.title
            )));
            self.classroom(ClassroomAction::Teach(exercise));
        } else {
            self.classroom(ClassroomAction::Enrol(exercise));
        }
    }

    /// Carries out the offered import, merged or replacing.
    pub(super) fn confirm_import(&mut self, replace: bool) {
        self.import_refused = None;
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

    /// Closes the import dialog without changing anything.
    pub(super) fn close_import(&mut self) {
        self.import = None;
        self.import_refused = None;
    }

    /// Narrows the import in the dialog to the first `count` texts the file brings.
    pub(super) fn keep_first_texts(&mut self, count: usize) {
        if let Some(import) = &mut self.import {
            Rc::make_mut(import).plan.keep_first_articles(count);
            self.import_refused = None;
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
