//! The formats NLP tools read: export to each, detect and read back the ones marked importable.
//!
//! Every exporter gets the same input, a list of [`Doc`]s (an article and the annotations chosen for
//! it, in text order), and returns a [`Body`]. Every importer returns an [`Incoming`]: annotation
//! records in the app's own shape, which [`crate::domain::files::import`] then checks, re-anchors and
//! classifies exactly as for the app's own files. Inside, offsets are Unicode code points, end
//! exclusive; each format converts at its border and [`Format::offsets`] says to what.
//!
//! The JSON formats declare one serde type per record of the file (`doccano::Line`,
//! `label_studio::Task`, `w3c::Annotation`, `spacy::Line`, `prodigy::Line`, …), which both the
//! exporter writes and the importer reads; none refuses unknown keys, as other tools add their own.
//! What they share: [`fields`] (offsets, ids, reading a file or a line with the place of a problem),
//! [`shapes`] (one value or a list, an object or an IRI, a value read only when a string),
//! [`objects`] (records read only from JSON objects) and [`sniff`] (a file's outside, for
//! [`detect`]).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod detect;
pub mod doccano;
pub mod fields;
mod import_options;
mod incoming;
pub mod label_studio;
pub mod labels;
pub mod links;
pub mod native;
pub mod objects;
pub mod prodigy;
pub mod shapes;
pub mod sniff;
pub mod spacy;
pub mod tags;
pub mod texts;
pub mod tokens;
pub mod w3c;
pub mod zip;

pub use import_options::ImportOptions;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use incoming::long_text_tests;
pub use incoming::{error, find_article, generated_id, indexed, FormatError, Incoming};

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Every format the app writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// The app's own JSON (`native`).
    Native,
    /// W3C Web Annotation Data Model, JSON-LD.
    W3c,
    /// doccano JSONL with `entities` and `relations`.
    Doccano,
    /// Label Studio JSON tasks.
    LabelStudio,
    /// brat standoff: a `.txt` and an `.ann` per article, in one zip.
    Brat,
    /// spaCy JSONL: `text` and `spans`.
    SpacyJsonl,
    /// spaCy training tuples: `[text, {"entities": [[start, end, label]]}]`.
    SpacyTuples,
    /// Prodigy JSONL with `tokens` and token-aligned `spans`.
    Prodigy,
    /// CoNLL-2003 style IOB2, one token a line.
    Conll,
    /// CSV, one row per annotation.
    Csv,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 10] = [
        Format::Native,
        Format::W3c,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::SpacyJsonl,
        Format::SpacyTuples,
        Format::Prodigy,
        Format::Conll,
        Format::Csv,
    ];

    /// The short name used on the command line and in the export menu's values.
    pub fn key(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::SpacyJsonl => "spacy",
            Format::SpacyTuples => "spacy-tuples",
            Format::Prodigy => "prodigy",
            Format::Conll => "conll",
            Format::Csv => "csv",
        }
    }

    /// The format with this [`key`](Format::key).
    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Format::Native => "News Annotator JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio JSON",
            Format::Brat => "brat standoff (zip)",
            Format::SpacyJsonl => "spaCy JSONL (text and spans)",
            Format::SpacyTuples => "spaCy training tuples (JSON)",
            Format::Prodigy => "Prodigy JSONL",
            Format::Conll => "CoNLL-2003 IOB2",
            Format::Csv => "CSV spreadsheet",
        }
    }

    /// The end of the file name, after `news-annotations-DATE`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Native => ".json",
            Format::W3c => ".w3c.jsonld",
            Format::Doccano => ".doccano.jsonl",
            Format::LabelStudio => ".label-studio.json",
            Format::Brat => ".brat.zip",
            Format::SpacyJsonl => ".spacy.jsonl",
            Format::SpacyTuples => ".spacy-tuples.json",
            Format::Prodigy => ".prodigy.jsonl",
            Format::Conll => ".conll",
            Format::Csv => ".csv",
        }
    }

    /// The media type of the download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Native | Format::LabelStudio | Format::SpacyTuples => "application/json",
            Format::W3c => "application/ld+json",
            Format::Doccano | Format::SpacyJsonl | Format::Prodigy => "application/x-ndjson",
            Format::Brat => "application/zip",
            Format::Conll => "text/plain;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// Whether files of this format can be imported.
    pub fn imports(self) -> bool {
        matches!(
            self,
            Format::Native | Format::W3c | Format::Doccano | Format::LabelStudio | Format::Brat
        )
    }

    /// The unit the format's offsets count in, in words.
    pub fn offsets(self) -> &'static str {
        match self {
            Format::Conll => "no offsets: one token a line, in text order",
            Format::Prodigy => {
                "Unicode code points, end exclusive; token_start and token_end are token indices, \
                 token_end inclusive"
            }
            _ => "Unicode code points, end exclusive (Python's str indices)",
        }
    }

    /// What the format cannot hold, in plain words; empty when it holds everything.
    pub fn cannot_hold(self) -> &'static str {
        match self {
            Format::Native => "",
            Format::W3c => {
                "the registry entries' aliases and rejected mentions (each mention keeps its \
                 entry's id and name)"
            }
            Format::Brat => {
                "the annotations' creation and change times, line breaks in notes (they become \
                 spaces), and the registry entries' aliases and rejected mentions"
            }
            Format::Doccano => {
                "notes, ids and times, claim attributes and registry references; labels become \
                 tags such as CLAIM and PERSON"
            }
            Format::LabelStudio => {
                "times, and the registry entries' aliases and rejected mentions; labels become \
                 tags such as CLAIM and PERSON"
            }
            Format::SpacyJsonl | Format::SpacyTuples => {
                "notes, ids and times; labels become tags such as CLAIM and PERSON"
            }
            Format::Prodigy => {
                "notes, ids and times; a span that does not start and end on token boundaries \
                 is widened to whole tokens"
            }
            Format::Conll => {
                "offsets, notes, ids and times, and overlapping or nested spans: one layer is kept \
                 (the earlier span wins, then the longer), and the export lists what it dropped"
            }
            Format::Csv => "ids and times",
        }
    }
}

/// What to export: some or all articles, some or all labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// Only this article; `None` for all of them.
    pub article: Option<ArticleId>,
    /// The label families to include.
    pub labels: Vec<LabelName>,
}

impl Scope {
    /// Every article and every label.
    pub fn everything() -> Scope {
        Scope {
            article: None,
            labels: LabelName::ALL.to_vec(),
        }
    }
}

/// One article and the annotations chosen for it, in text order (outer spans first), with the
/// registry entries they refer to.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations within the scope.
    pub annotations: Vec<Rc<Annotation>>,
    /// The registry entries its annotations refer to, in the order of their first mention.
    pub entities: Vec<Rc<Entity>>,
}

/// The articles and annotations of `ws` that `scope` names, articles in list order, each with the
/// registry entries its chosen annotations refer to.
pub fn docs(ws: &Workspace, scope: &Scope) -> Vec<Doc> {
    ws.articles()
        .iter()
        .filter(|a| scope.article.as_ref().is_none_or(|id| *id == a.id))
        .map(|article| {
            let annotations: Vec<Rc<Annotation>> = ws
                .in_article(&article.id)
                .iter()
                .filter(|a| scope.labels.contains(&a.label.name()))
                .cloned()
                .collect();
            let mut seen = std::collections::HashSet::new();
            let entities = annotations
                .iter()
                .filter_map(|a| a.attrs.entity.as_ref())
                .filter(|id| seen.insert(*id))
                .filter_map(|id| ws.entity(id).cloned())
                .collect();
            Doc {
                article: article.clone(),
                annotations,
                entities,
            }
        })
        .collect()
}

/// What an exporter wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The file's bytes.
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
    /// The first lines a person sees before saving (for a zip, of the first file inside).
    pub preview: String,
    /// One line per annotation the format could not hold and left out.
    pub dropped: Vec<String>,
}

/// How many lines of a file the export preview shows.
pub const PREVIEW_LINES: usize = 12;

impl Body {
    /// A text file, previewed by its first lines.
    pub fn text(text: String) -> Body {
        Body {
            preview: preview_of(&text),
            bytes: text.into_bytes(),
            dropped: Vec::new(),
        }
    }
}

/// The first [`PREVIEW_LINES`] lines of `text`. A line longer than 400 code points shows its first
/// and last 200 with `…` between, so a JSON line that starts with a whole article still shows its spans.
pub fn preview_of(text: &str) -> String {
    const KEEP: usize = 200;
    let mut out = String::new();
    for line in text.lines().take(PREVIEW_LINES) {
        let len = line.chars().count();
        if len <= 2 * KEEP {
            out.push_str(line);
        } else {
            out.extend(line.chars().take(KEEP));
            out.push_str(" … ");
            out.extend(line.chars().skip(len - KEEP));
        }
        out.push('\n');
    }
    out
}

/// How to write a file beyond its format; the default writes every format as it always was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExportOptions {
    /// brat only: write each `.txt` with LF line ends (every CR LF and lone CR an LF) and count the
    /// offsets in that text, since brat's server reads `.txt` files with universal newlines. Off:
    /// the exact text, whose offsets shift by one per CR LF before them in real brat.
    #[serde(default)]
    pub lf_line_ends: bool,
}

/// Writes `docs` in `format`; `now` dates the file where the format has a place for it.
pub fn export(format: Format, docs: &[Doc], now: Timestamp) -> Body {
    export_with(format, docs, now, ExportOptions::default())
}

/// [`export`] with `options`; a format ignores the options that are not its own.
pub fn export_with(format: Format, docs: &[Doc], now: Timestamp, options: ExportOptions) -> Body {
    match format {
        Format::Native => Body::text(crate::domain::files::formats::native::export_docs(
            docs, now,
        )),
        Format::W3c => w3c::export(docs, now),
        Format::Doccano => doccano::export(docs),
        Format::LabelStudio => label_studio::export(docs),
        Format::Brat => brat::export_with(docs, options.lf_line_ends),
        Format::SpacyJsonl => spacy::export_jsonl(docs),
        Format::SpacyTuples => spacy::export_tuples(docs),
        Format::Prodigy => prodigy::export(docs),
        Format::Conll => conll::export(docs),
        Format::Csv => csv::export(docs),
    }
}

/// The suggested download name, dated in UTC: `news-annotations-2026-11-24.doccano.jsonl`.
pub fn file_name(format: Format, now: Timestamp) -> String {
    let stamp = now.to_string();
    let date = stamp.split('T').next().unwrap_or_default();
    format!("news-annotations-{date}{}", format.extension())
}

#[cfg(test)]
#[path = "../../tests/formats/core.rs"]
mod tests;
