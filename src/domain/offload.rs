//! The long, pure work that runs in the web worker (`src/bin/worker.rs`), away from the page: each
//! [`Job`] and its [`Answer`] are serde messages, and [`run`] does one. The page keeps only what its
//! first screen needs; everything a job reaches (the formats' readers and writers, the import plan)
//! is built into the worker's wasm instead.
//!
//! A job carries the workspace as a [`Carried`]: the saved state ([`stored::encode`]) and the articles
//! that came with the app (or the benchmark's fixture), which the saved state leaves out. The worker
//! reads the state back against those articles, so both sides see the same workspace without sharing
//! memory.

use crate::domain::features::candidates::{candidates_for, new_entries, Candidate, NewEntry};
use crate::domain::features::classroom::class_db::{ClassDatabase, Followed};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::features::outlets::{compare, Comparison};
use crate::domain::features::own_text::{reduce_markdown, Extracted};
use crate::domain::features::suggest::{suggest, Suggestion};
use crate::domain::files::formats::{self, Body, ExportOptions, Format, ImportOptions, Scope};
use crate::domain::files::stored;
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::names::{ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::replication::syncing::{Replicated, Syncing};
use crate::domain::state::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

mod content;
pub mod read;
pub use content::FileContent;
pub use read::FileRead;

/// Work for the web worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Writes the annotations in `scope` in `format`.
    Export {
        /// The workspace.
        workspace: Carried,
        /// The format to write.
        format: Format,
        /// How to write it (brat's LF line ends).
        #[serde(default)]
        options: ExportOptions,
        /// Which articles and labels.
        scope: Scope,
        /// The export's time (file names and headers).
        now: Timestamp,
    },
    /// Reads a loaded or dropped file: an exercise, a submission for the class, or a file to import
    /// (see [`read::read`]).
    ReadFile {
        /// The workspace.
        workspace: Carried,
        /// The exercise being taught, whose class a submission joins.
        teaching: Option<Exercise>,
        /// The file's name (it tells some formats apart).
        file_name: String,
        /// The file's content.
        content: FileContent,
        /// What foreign labels become, and a Label Studio file's text field.
        options: ImportOptions,
        /// The import's time.
        now: Timestamp,
    },
    /// Reads a file as a submission for the class of `exercise`.
    ReadSubmission {
        /// The exercise being taught.
        exercise: Exercise,
        /// The file's name.
        file_name: String,
        /// The file's content.
        content: FileContent,
    },
    /// Compares the outlets: the quotes found in several articles, and who and what each covers.
    Compare {
        /// The workspace.
        workspace: Carried,
    },
    /// Proposes new registry entries: unlinked mentions that look alike.
    NewEntries {
        /// The workspace.
        workspace: Carried,
    },
    /// Finds the places that look like a registry entry.
    Candidates {
        /// The workspace.
        workspace: Carried,
        /// The entry.
        entity: EntityId,
    },
    /// Finds the suggestions for one article (see `features::suggest`).
    Suggest {
        /// The article.
        article: Rc<Article>,
        /// The registry's entries, whose names and aliases are proposed as mentions.
        registry: Vec<Rc<Entity>>,
    },
    /// Reduces a Markdown file to an article's text.
    ReduceMarkdown {
        /// The file's text.
        source: String,
    },
    /// One replication pass with the CouchDB database `syncing` names (needs the network: the worker
    /// runs it, see `web/offload/replicate.rs`).
    Replicate {
        /// The workspace.
        workspace: Carried,
        /// Where, and the replica.
        syncing: Box<Syncing>,
        /// Now: the time of a deletion made since the last pass.
        now: Timestamp,
    },
    /// Signs in to the CouchDB `server` (its `_session`), which keeps the session in a cookie; the
    /// password goes no further. An empty `name` signs out.
    SignIn {
        /// The server, a path on this site.
        server: String,
        /// The CouchDB user.
        name: String,
        /// Their password.
        password: String,
    },
    /// Writes a student's submission to the class database, as the user signed in there (see
    /// `features::classroom::class_db`).
    HandIn {
        /// The class database.
        class_db: ClassDatabase,
        /// The submission file, as JSON (its records skip empty fields, which the worker's binary
        /// messages cannot carry).
        file: String,
    },
    /// Reads the class database's submissions for `exercise` changed since `since`.
    FollowClass {
        /// The class database.
        class_db: ClassDatabase,
        /// The exercise being taught.
        exercise: Box<Exercise>,
        /// Where the feed's last read ended (`0`: from the start).
        since: String,
    },
}

/// What a [`Job`] gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The written file and what it could not hold.
    Exported(Body),
    /// What a read file is and gave.
    Read(FileRead),
    /// The outlets compared.
    Compared(Box<Comparison>),
    /// The proposed new entries.
    NewEntries(Vec<NewEntry>),
    /// The entry and the places that look like it.
    Candidates(EntityId, Vec<Candidate>),
    /// The article's text from a Markdown file.
    Reduced(Extracted),
    /// An article's suggestions.
    Suggested(ArticleId, Vec<Suggestion>),
    /// The job could not be done: the file the worker was to fetch could not be read, or (a bug, never
    /// the person's input) the workspace it carries could not.
    Failed(String),
    /// What a replication pass did.
    Replicated(Box<Replicated>),
    /// Who is signed in now (empty: signed out).
    SignedIn(String),
    /// The submission is in the class database, written as this user.
    HandedIn(String),
    /// What the class database's feed brought.
    ClassFollowed(Box<Followed>),
    /// The server could not be reached (`offline`) or refused, in words.
    SyncFailed {
        /// Whether the server could not be reached at all.
        offline: bool,
        /// How many revisions wait to go to the server.
        waiting: usize,
        /// What happened.
        reason: String,
    },
}

/// A workspace on its way to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    /// The articles that came with the app, which the saved state does not hold.
    pub bundled: Vec<Article>,
    /// Everything else, as [`stored::encode`] writes it.
    pub state: String,
}

impl Carried {
    /// `ws`, to carry.
    pub fn of(ws: &Workspace) -> Carried {
        Carried {
            bundled: ws
                .articles()
                .iter()
                .filter(|a| a.origin == Origin::Bundled)
                .map(|a| Article::clone(a))
                .collect(),
            state: stored::encode(ws),
        }
    }

    /// The workspace again; an error only if the state was damaged on the way (a bug).
    pub fn open(self) -> Result<Workspace, String> {
        stored::decode(&self.state, self.bundled)
            .map(|restored| restored.workspace)
            .map_err(|e| format!("the workspace sent to the worker could not be read: {e}"))
    }
}

/// The message for an answer to another kind of job (a bug): the caller shows it as an error.
pub const UNEXPECTED_ANSWER: &str = "the web worker answered another kind of job";

impl Job {
    /// An export of `ws`.
    pub fn export(
        ws: &Workspace,
        format: Format,
        options: ExportOptions,
        scope: Scope,
        now: Timestamp,
    ) -> Job {
        Job::Export {
            workspace: Carried::of(ws),
            format,
            options,
            scope,
            now,
        }
    }

    /// Reading a loaded or dropped file against `ws` and the exercise being taught.
    pub fn read_file(
        ws: &Workspace,
        teaching: Option<&Exercise>,
        file_name: String,
        content: FileContent,
        options: ImportOptions,
        now: Timestamp,
    ) -> Job {
        Job::ReadFile {
            workspace: Carried::of(ws),
            teaching: teaching.cloned(),
            file_name,
            content,
            options,
            now,
        }
    }

    /// The content of the file the job reads, if it reads one: the worker fetches a kept file's bytes
    /// into it before it runs the job.
    pub fn content_mut(&mut self) -> Option<&mut FileContent> {
        match self {
            Job::ReadFile { content, .. } | Job::ReadSubmission { content, .. } => Some(content),
            _ => None,
        }
    }
}

/// The answer to a job whose file the worker did not fetch first (a bug).
const NOT_FETCHED: &str = "the file was not fetched before it was read (a bug)";

/// Does one job.
pub fn run(job: Job) -> Answer {
    match job {
        Job::Export {
            workspace,
            format,
            options,
            scope,
            now,
        } => within(workspace, |ws| {
            let docs = formats::docs(ws, &scope);
            Answer::Exported(formats::export_with(format, &docs, now, options))
        }),
        Job::ReadFile {
            workspace,
            content: content @ FileContent::Files(_),
            options,
            now,
            ..
        } => match content.into_files() {
            Some(files) => within(workspace, |ws| {
                Answer::Read(read::read_files(ws, files, &options, now))
            }),
            None => Answer::Failed(NOT_FETCHED.to_owned()),
        },
        Job::ReadFile {
            workspace,
            teaching,
            file_name,
            content: FileContent::Bytes(bytes),
            options,
            now,
        } => within(workspace, |ws| {
            let file = read::File {
                name: &file_name,
                bytes: &bytes,
                options: &options,
            };
            Answer::Read(read::read(ws, teaching.as_ref(), &file, now))
        }),
        Job::ReadSubmission {
            exercise,
            file_name,
            content: FileContent::Bytes(bytes),
        } => Answer::Read(read::student(&exercise, &file_name, &bytes)),
        Job::ReadFile { .. } | Job::ReadSubmission { .. } => Answer::Failed(NOT_FETCHED.to_owned()),
        Job::Compare { workspace } => {
            within(workspace, |ws| Answer::Compared(Box::new(compare(ws))))
        }
        Job::NewEntries { workspace } => {
            within(workspace, |ws| Answer::NewEntries(new_entries(ws)))
        }
        Job::Candidates { workspace, entity } => within(workspace, |ws| {
            let found = candidates_for(ws, &entity);
            Answer::Candidates(entity, found)
        }),
        Job::ReduceMarkdown { source } => Answer::Reduced(reduce_markdown(&source)),
        Job::Suggest { article, registry } => {
            let found = suggest(&article.text, &registry);
            Answer::Suggested(article.id.clone(), found)
        }
        Job::Replicate { .. }
        | Job::SignIn { .. }
        | Job::HandIn { .. }
        | Job::FollowClass { .. } => Answer::Failed(NETWORK.to_owned()),
    }
}

const NETWORK: &str =
    "the job needs the network, which only the worker's own runner reaches (a bug)";

/// The answer of `work` on the carried workspace, or why the workspace could not be read.
fn within(workspace: Carried, work: impl FnOnce(&Workspace) -> Answer) -> Answer {
    match workspace.open() {
        Ok(ws) => work(&ws),
        Err(e) => Answer::Failed(e),
    }
}

#[cfg(test)]
#[path = "tests/offload.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/offload_files.rs"]
mod files_tests;
