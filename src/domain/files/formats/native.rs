//! The app's own export file: a versioned JSON envelope around articles, registry entries and
//! annotation records.
//!
//! ```json
//! { "format": "news-annotator", "version": 2, "exported": "2026-11-24T10:00:00.000Z",
//!   "offsets": "unicode-code-points, end-exclusive",
//!   "articles": [ { "id": "kyiv-post", "title": "…", "sha256": "…", "length": 4016 },
//!                 { "id": "own-1", "title": "…", "sha256": "…", "length": 12, "own": true,
//!                   "added": "2025-02-15T08:01:00.000Z", "text": "Привет, мир!" } ],
//!   "entities": [ { "id": "ent-1", "name": "Scott Bessent", "kind": "person", "aliases": ["Besant"],
//!                   "rejected": [], "created": "…", "updated": "…" } ],
//!   "annotations": [ { "id": "…", "article": "kyiv-post", "label": "entity", "kind": "person",
//!                      "note": "", "start": 0, "end": 8, "exact": "…", "prefix": "", "suffix": "…",
//!                      "created": "…", "updated": "…", "entity": "ent-1" } ] }
//! ```
//!
//! Every exported article is listed (length in code points, SHA-256 of its UTF-8 text) so a reader can
//! tell whether its copy of the text is the one the offsets count in; the person's own articles carry
//! their text (`"own": true`, `added`, `text`), so that another browser can add them. `entities` holds
//! the registry entries that the exported annotations refer to (an entry nothing exported refers to is
//! left out, also when everything is exported). Annotations come with articles in list order, each
//! article's in text order, with their attributes (`source`, `attribution`, `check`, `entity`) when set.
//!
//! Version 1 had no `entities`, no own articles and no attributes; it is still read.
//! `schema/news-annotator-v2.schema.json` (and `-v1` for version 1) is the formal definition;
//! `tests/fixtures/native-export-v2.json` is an example checked by a golden test, and
//! `tests/fixtures/native-export.json` a version 1 file that must keep loading.

use crate::domain::files::formats::{docs, error, Doc, FormatError, Incoming, Scope};
use crate::domain::files::json::{self, to_pretty, Envelope, Peeked};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::files::records::EntityRecord;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use std::collections::BTreeMap;
use std::rc::Rc;

mod file;
pub use file::{ArticleRecord, ArticleRecordV1, ExportFile, ExportFileV1};

/// The value of the `format` field.
pub const FORMAT: &str = "news-annotator";

/// The newest `version` this app writes and reads; it reads version 1 too.
pub const VERSION: u32 = 2;

/// The value of the `offsets` field: the unit every offset in the file counts in.
pub const OFFSETS: &str = "unicode-code-points, end-exclusive";

/// The export file of the workspace as pretty-printed JSON (two-space indent, trailing newline).
pub fn export_json(ws: &Workspace, now: Timestamp) -> String {
    export_docs(&docs(ws, &Scope::everything()), now)
}

/// The export file of these articles and annotations, pretty-printed as [`export_json`], with the
/// registry entries the docs list, each once, by id.
pub fn export_docs(docs: &[Doc], now: Timestamp) -> String {
    let entities: BTreeMap<&str, EntityRecord> = docs
        .iter()
        .flat_map(|d| d.entities.iter())
        .map(|e| (e.id.as_str(), EntityRecord::from_entity(e)))
        .collect();
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        exported: now,
        offsets: OFFSETS.into(),
        articles: docs.iter().map(|d| ArticleRecord::of(&d.article)).collect(),
        entities: entities.into_values().collect(),
        annotations: docs
            .iter()
            .flat_map(|d| {
                d.annotations
                    .iter()
                    .map(|a| AnnotationRecord::from_annotation(a, &d.article))
            })
            .collect(),
    };
    to_pretty(&file)
}

/// Reads an export file (version 1 or 2) into records, registry entries and the own articles it
/// brings, with notes on its article list.
///
/// Refuses files of another format or a newer version before their fields are read, so the person
/// hears "not a News Annotator file" rather than a list of missing fields. An own article whose text
/// does not match its `length` and `sha256`, or differs from the text of our article with its id, is
/// refused with its path: an article's text never changes.
pub fn read(text: &str, articles: &[Rc<Article>]) -> Result<Incoming, FormatError> {
    let file = read_file(text)?;
    if !(1..=VERSION).contains(&file.version) {
        return error(
            "version",
            format!(
                "version {} is not one this app reads (it reads 1 to {VERSION})",
                file.version
            ),
        );
    }
    if file.offsets != OFFSETS {
        return error(
            "offsets",
            format!(
                "offsets counted as \"{}\" cannot be read; this app reads \"{OFFSETS}\"",
                file.offsets
            ),
        );
    }
    let own = own_articles(&file.articles, articles)?;
    let warnings = article_warnings(&file.articles, articles);
    let records = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, rec)| (format!("annotations[{i}]"), rec))
        .collect();
    let entities = file
        .entities
        .into_iter()
        .enumerate()
        .map(|(i, rec)| (format!("entities[{i}]"), rec))
        .collect();
    Ok(Incoming {
        texts: Default::default(),
        labels: Default::default(),
        records,
        entities,
        articles: own,
        warnings,
        ..Incoming::default()
    })
}

/// The file in the shape of the version it says (version 1's when it says 1, else today's), after its
/// envelope was checked.
pub fn read_file(text: &str) -> Result<ExportFile, FormatError> {
    let envelope = match json::peek(text)? {
        Peeked::Object(envelope) => envelope,
        Peeked::Other(kind) => return not_ours(format!("it holds {kind}, not an object")),
    };
    check_envelope(&envelope)?;
    if envelope.version() == Some(1) {
        Ok(json::from_str::<ExportFileV1>(text)?.into())
    } else {
        Ok(json::from_str::<ExportFile>(text)?)
    }
}

fn not_ours<T>(why: String) -> Result<T, FormatError> {
    error("", format!("this is not a News Annotator file: {why}"))
}

fn check_envelope(envelope: &Envelope) -> Result<(), FormatError> {
    match (&envelope.format, envelope.format()) {
        (None, _) => return not_ours("it has no \"format\" field".into()),
        (_, Some(FORMAT)) => {}
        (Some(other), _) => {
            return not_ours(format!("its \"format\" is {other}, not \"{FORMAT}\""))
        }
    }
    match envelope.version() {
        Some(v) if v > u64::from(VERSION) => error(
            "",
            format!(
                "this file was written by a newer version ({v}); this app reads version {VERSION}"
            ),
        ),
        _ => Ok(()),
    }
}

/// The own articles the file brings, checked: `added` and `text` present, the text matching `length`
/// and `sha256`, and not another text under an id we have. Only own articles may carry a text.
pub(crate) fn own_articles(
    listed: &[ArticleRecord],
    ours: &[Rc<Article>],
) -> Result<Vec<Article>, FormatError> {
    let mut out = Vec::new();
    for (i, rec) in listed.iter().enumerate() {
        let at = |field: &str| format!("articles[{i}].{field}");
        if !rec.own {
            if rec.text.is_some() || rec.added.is_some() {
                let field = if rec.text.is_some() { "text" } else { "added" };
                return error(
                    at(field),
                    "only own articles (\"own\": true) carry this field",
                );
            }
            continue;
        }
        let (Some(text), Some(added)) = (&rec.text, &rec.added) else {
            let field = if rec.text.is_none() { "text" } else { "added" };
            return error(
                format!("articles[{i}]"),
                format!("missing field `{field}`: an own article carries its text and the time it was added"),
            );
        };
        if rec.id.is_empty() {
            return error(at("id"), "an article id must not be empty");
        }
        if rec.title.trim().is_empty() {
            return error(at("title"), "an own article needs a title");
        }
        let article = Article::own(&rec.id, &rec.title, text.clone(), *added);
        if article.char_len != rec.length {
            let message = format!(
                "{} does not match the text, which has {} characters",
                rec.length, article.char_len
            );
            return error(at("length"), message);
        }
        if article.sha256() != rec.sha256 {
            return error(at("sha256"), "it is not the SHA-256 of the text");
        }
        if let Some(have) = ours.iter().find(|a| a.id == article.id) {
            if have.text != article.text {
                return error(
                    at("text"),
                    format!(
                        "the text of \"{}\" (“{}”) differs from the article \"{}\" here; an \
                         article's text never changes, so this file cannot be loaded",
                        rec.id, rec.title, rec.id
                    ),
                );
            }
            continue;
        }
        out.push(article);
    }
    Ok(out)
}

/// Lines about listed articles (not own ones, which the file brings) whose text differs from ours or
/// that this app does not have.
fn article_warnings(listed: &[ArticleRecord], ours: &[Rc<Article>]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, listed) in listed.iter().enumerate().filter(|(_, a)| !a.own) {
        match ours.iter().find(|a| a.id.as_str() == listed.id) {
            None => out.push(format!(
                "articles[{i}]: this app has no article \"{}\"",
                listed.id
            )),
            Some(ours) if ours.sha256() != listed.sha256 => out.push(format!(
                "articles[{i}]: the text of \"{}\" differs from the one the file was made on; \
                 its annotations were checked against their text",
                listed.id
            )),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "../../tests/native_format.rs"]
mod tests;

#[cfg(test)]
#[path = "../../tests/native_v2.rs"]
mod v2_tests;

#[cfg(test)]
#[path = "../../tests/native_sample.rs"]
pub(crate) mod sample;
