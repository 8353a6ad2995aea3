//! An exercise: the articles a class annotates, the labels it uses, the teacher's instructions and,
//! in the teacher's copy only, an answer key.
//!
//! ```json
//! { "format": "news-annotator-exercise", "version": 1, "id": "ex-m3k2…", "title": "Who said what",
//!   "instructions": "Mark every claim…", "labels": ["claim", "quote"],
//!   "created": "2026-11-25T10:00:00.000Z", "offsets": "unicode-code-points, end-exclusive",
//!   "articles": [ { "id": "kyiv-post", "title": "…", "sha256": "…", "length": 4016 } ],
//!   "class_database": { "server": "/couchdb", "db": "class-7a" },
//!   "key": [ { "id": "…", "article": "kyiv-post", "label": "claim", … } ] }
//! ```
//!
//! Articles are listed as the app's export file lists them: a bundled article by id, hash and length,
//! an own article with its text. `key` holds annotation records (the export file's shape) and is
//! absent from the students' copy. `class_database`, when present, is where the students hand in as
//! they work (see `class_db.rs`). The id is made once, when the exercise is created, so the students'
//! copy, the teacher's copy and every submission name the same exercise.

use super::class_db::ClassDatabase;
use super::file::ExerciseFile;
use super::scores::Mark;
use crate::domain::files::formats::native::{ArticleRecord, OFFSETS};
use crate::domain::files::formats::FormatError;
use crate::domain::files::json::{self, to_compact, to_pretty};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use read::check_envelope;
use std::rc::Rc;

mod read;

/// The value of an exercise file's `format` field.
pub const FORMAT: &str = "news-annotator-exercise";

/// The `version` this app writes and reads.
pub const VERSION: u32 = 1;

/// An exercise, its articles resolved to this app's texts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Exercise {
    /// Made once, when the teacher creates it.
    pub id: String,
    /// What the class sees as its name.
    pub title: String,
    /// What to do, in the teacher's words; may be empty.
    pub instructions: String,
    /// The labels to use, in the app's order.
    pub labels: Vec<LabelName>,
    /// When it was created.
    pub created: Timestamp,
    /// The articles, in the teacher's order.
    pub articles: Vec<Rc<Article>>,
    /// The answer key, in the teacher's copy.
    pub key: Option<Vec<Annotation>>,
    /// Where the class hands in as it works, if anywhere.
    pub class_db: Option<ClassDatabase>,
    /// Whether the students see suggestions while they work.
    pub suggestions: bool,
}

/// What the teacher filled in to create an exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The title.
    pub title: String,
    /// The instructions.
    pub instructions: String,
    /// The labels to use.
    pub labels: Vec<LabelName>,
    /// The articles, by id.
    pub articles: Vec<ArticleId>,
    /// Whether the teacher's own annotations on those articles (with those labels) are the key.
    pub with_key: bool,
    /// The server of the class database (a path on this site).
    pub class_server: String,
    /// The class database's name; empty when the class hands in files only.
    pub class_db: String,
    /// Whether the students see suggestions.
    pub suggestions: bool,
}

impl Exercise {
    /// Creates an exercise from the teacher's draft, the key taken from the workspace; says what is
    /// missing when the draft is not complete.
    pub fn create(
        draft: &Draft,
        ws: &Workspace,
        id: String,
        created: Timestamp,
    ) -> Result<Exercise, String> {
        let title = draft.title.trim();
        if title.is_empty() {
            return Err("Give the exercise a title.".into());
        }
        let labels: Vec<LabelName> = LabelName::ALL
            .into_iter()
            .filter(|l| draft.labels.contains(l))
            .collect();
        if labels.is_empty() {
            return Err("Pick at least one label.".into());
        }
        let articles: Vec<Rc<Article>> = ws
            .articles()
            .iter()
            .filter(|a| draft.articles.contains(&a.id))
            .cloned()
            .collect();
        if articles.is_empty() {
            return Err("Pick at least one article.".into());
        }
        let class_db = match draft.class_db.trim() {
            "" => None,
            db => Some(
                ClassDatabase::new(&draft.class_server, db)
                    .map_err(|why| format!("The class database cannot be used: {why}."))?,
            ),
        };
        let key = draft.with_key.then(|| {
            articles
                .iter()
                .flat_map(|a| {
                    ws.in_article(&a.id)
                        .iter()
                        .map(|x| (**x).clone())
                        .collect::<Vec<_>>()
                })
                .filter(|a| labels.contains(&a.label.name()))
                .collect()
        });
        Ok(Exercise {
            id,
            title: title.to_owned(),
            instructions: draft.instructions.trim().to_owned(),
            labels,
            created,
            articles,
            key,
            class_db,
            suggestions: draft.suggestions,
        })
    }

    /// The students' copy (`with_key` false) or the teacher's copy, pretty-printed.
    pub fn to_json(&self, with_key: bool) -> String {
        to_pretty(&self.file(with_key))
    }

    /// The students' copy on one line, for a link.
    pub fn to_compact_json(&self) -> String {
        to_compact(&self.file(false))
    }

    /// The students' copy (`with_key` false) or the teacher's copy as a file record.
    pub fn file(&self, with_key: bool) -> ExerciseFile {
        let article = |id: &ArticleId| self.articles.iter().find(|a| &a.id == id);
        ExerciseFile {
            format: FORMAT.into(),
            version: VERSION,
            id: self.id.clone(),
            title: self.title.clone(),
            instructions: self.instructions.clone(),
            labels: self.labels.iter().map(|l| l.name().to_owned()).collect(),
            created: self.created,
            offsets: OFFSETS.into(),
            articles: self.articles.iter().map(|a| ArticleRecord::of(a)).collect(),
            class_database: self.class_db.clone(),
            suggestions: self.suggestions,
            key: self.key.as_ref().filter(|_| with_key).map(|key| {
                key.iter()
                    .filter_map(|a| {
                        Some(AnnotationRecord::from_annotation(a, article(&a.article)?))
                    })
                    .collect()
            }),
        }
    }

    /// Reads an exercise file, its articles resolved against `have` (this app's articles); an own
    /// article the app lacks comes from the file's text.
    pub fn read(text: &str, have: &[Rc<Article>]) -> Result<Exercise, FormatError> {
        check_envelope(&json::peek(text)?)?;
        let file: ExerciseFile = json::from_str(text)?;
        file.resolve(have)
    }

    /// The exercise of a file record read as part of another file (the saved classroom).
    pub fn from_file(file: ExerciseFile, have: &[Rc<Article>]) -> Result<Exercise, FormatError> {
        file.resolve(have)
    }

    /// Whether the exercise asks for this label.
    pub fn asks_for(&self, label: LabelName) -> bool {
        self.labels.contains(&label)
    }

    /// The article with this id, if it is one of the exercise's.
    pub fn article(&self, id: &str) -> Option<&Rc<Article>> {
        self.articles.iter().find(|a| a.id.as_str() == id)
    }

    /// Each article's id and length in code points: the units agreement is counted over.
    pub fn lengths(&self) -> Vec<(ArticleId, usize)> {
        self.articles
            .iter()
            .map(|a| (a.id.clone(), a.char_len))
            .collect()
    }

    /// The key's spans; none without a key.
    pub fn key_marks(&self) -> Vec<Mark> {
        self.key.iter().flatten().map(Mark::of).collect()
    }

    /// The download name of the students' or the teacher's copy: `who-said-what.exercise.json`,
    /// `who-said-what.teacher.exercise.json`.
    pub fn file_name(&self, with_key: bool) -> String {
        let copy = if with_key { ".teacher" } else { "" };
        format!("{}{copy}.exercise.json", slug(&self.title, "exercise"))
    }
}

/// A file-name part made of `text`: letters and digits kept (lowercased), every other run a `-`, at
/// most 40 characters; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}
