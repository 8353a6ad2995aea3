//! Files in the session: a read file handed to the web worker and what it gave (an exercise, a
//! submission, an import plan), the import carried out, an article added.

use super::{ClassroomAction, Notice, PendingImport, Reading, Session, SessionAction};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::import::ImportPlan;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
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
        }));
    }

    /// The `blob:` addresses of the files waiting that the browser keeps for the worker.
    pub fn kept_files(&self) -> Vec<String> {
        self.reading
            .iter()
            .filter_map(|r| match &r.content {
                FileContent::Kept { url, .. } => Some(url.clone()),
                FileContent::Bytes(_) => None,
            })
            .collect()
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
                // The default mapping until the import preview lets a person choose.
                &LabelMap::default(),
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
        self.reading.pop_front();
        match read {
            FileRead::Import(plan) => self.planned(file_name, plan),
            FileRead::Exercise(Ok(exercise)) => self.open_exercise(*exercise),
            FileRead::Exercise(Err(e)) => {
                self.notice = Some(Notice::Error(format!("{file_name} was not opened: {e}")));
            }
            FileRead::Student(student) => self.admit(&file_name, student.map(|s| *s)),
            FileRead::Submission => self.not_teaching(&file_name),
        }
    }

    /// Offers the planned import, or says why the file cannot be imported.
    fn planned(&mut self, file_name: String, plan: Result<Box<ImportPlan>, String>) {
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
