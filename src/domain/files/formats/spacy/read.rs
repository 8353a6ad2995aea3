//! Reading spaCy and Prodigy JSONL back: one object a line with its `text` and labelled spans in code
//! points, end exclusive, under `spans` (a list, or `doc.spans`' keyed lists such as `{"sc": [...]}`)
//! and `ents`. `meta.article` and `meta.title` (which both tools keep) name the article; a text the app
//! does not have becomes an own article. Labels are mapped by a [`LabelMap`]; other keys (Prodigy's
//! `tokens`, `_input_hash`, `answer`) are ignored and blank lines skipped.

use crate::domain::files::formats::fields::{read_line, span, Offset};
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::objects::Object;
use crate::domain::files::formats::shapes::text_or_none;
use crate::domain::files::formats::texts::FileText;
use crate::domain::files::formats::{generated_id, indexed, Format, FormatError, Incoming};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::text::char_len;
use crate::domain::model::time::Timestamp;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

/// One line as read: the text and its spans.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object with \"text\" and \"spans\" or \"ents\"")]
struct Read {
    text: String,
    #[serde(default)]
    spans: Option<Spans>,
    #[serde(default)]
    ents: Option<Vec<Span>>,
    #[serde(default)]
    meta: Option<Meta>,
}

/// `spans` as a list, or as `doc.spans`' lists by key.
#[derive(Deserialize)]
#[serde(untagged, expecting = "a list of spans, or lists of spans by key")]
enum Spans {
    List(Vec<Span>),
    Keyed(BTreeMap<String, Vec<Span>>),
}

/// A labelled span as read.
#[derive(Deserialize)]
#[serde(expecting = "an object with \"start\", \"end\" and \"label\"")]
struct Span {
    start: Offset,
    end: Offset,
    label: String,
}

/// The keys of `meta` that name the article.
#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default, deserialize_with = "text_or_none")]
    article: Option<String>,
    #[serde(default, deserialize_with = "text_or_none")]
    title: Option<String>,
}

/// Reads a spaCy (or, as `format`, Prodigy) JSONL file.
pub fn read(
    format: Format,
    text: &str,
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut incoming = Incoming::default();
    let mut ids = HashSet::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let Object(read): Object<Read> = read_line(line, number)?;
        let meta = read.meta.unwrap_or_default();
        let file = FileText {
            id: meta.article.as_deref(),
            text: &read.text,
            title: meta.title.as_deref(),
        };
        let place = format!("line {number}");
        let Some(article) = incoming.article_for(articles, file, now, &place) else {
            continue;
        };
        let source = indexed(&article, &read.text);
        let len = char_len(&read.text);
        let listed = match read.spans {
            None => Vec::new(),
            Some(Spans::List(list)) => vec![("spans".to_owned(), list)],
            Some(Spans::Keyed(keyed)) => keyed
                .into_iter()
                .map(|(key, list)| (format!("spans.{key}"), list))
                .collect(),
        };
        let all = listed
            .into_iter()
            .chain(read.ents.map(|e| ("ents".to_owned(), e)));
        for (key, list) in all {
            for (i, s) in list.into_iter().enumerate() {
                let path = format!("line {number}: {key}[{i}]");
                let span = span(s.start.0, s.end.0, len, &format!("{path}.end"))?;
                let Some(label) = incoming.labels.count(&s.label, labels) else {
                    continue;
                };
                let (start, end) = (span.start(), span.end());
                let id = generated_id(format, &article.id, start, end, label);
                // The same span in `ents` and in `spans` is one annotation.
                if !ids.insert(id.clone()) {
                    continue;
                }
                let record = AnnotationRecord {
                    id,
                    article: article.id.as_str().to_owned(),
                    start,
                    end,
                    created: now,
                    updated: now,
                    ..AnnotationRecord::labelled(label)
                };
                incoming.records.push((path, record.with_context(&source)));
            }
        }
    }
    Ok(incoming)
}
