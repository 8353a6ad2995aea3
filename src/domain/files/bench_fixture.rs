//! The benchmark's generated fixtures (`bench/`): one long article and its annotations, read by the
//! `bench` build of the app. Not part of the shipped app.

use crate::domain::files::json;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::Deserialize;

/// A fixture file; fields the harness adds for itself are ignored.
#[derive(Deserialize)]
struct FixtureFile {
    article: FixtureArticle,
    annotations: Vec<FixtureAnnotation>,
}

#[derive(Deserialize)]
struct FixtureArticle {
    id: String,
    title: String,
    text: String,
}

#[derive(Deserialize)]
struct FixtureAnnotation {
    id: String,
    start: usize,
    end: usize,
    label: String,
    kind: Option<String>,
}

/// Reads a fixture: `{"article": {id, title, text}, "annotations": [{id, start, end, label, kind}]}`,
/// offsets in code points.
pub fn parse_fixture(json: &str) -> Result<(Article, Vec<Annotation>), String> {
    let file: FixtureFile = json::from_str(json).map_err(|e| format!("fixture: {e}"))?;
    let article = Article::new(&file.article.id, &file.article.title, file.article.text);
    let id = ArticleId::from(file.article.id.as_str());
    let annotations = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let at = |e: String| format!("fixture annotations[{i}]: {e}");
            Ok(Annotation {
                id: AnnotationId::from(a.id.as_str()),
                article: id.clone(),
                span: Span::within(a.start, a.end, article.char_len)
                    .map_err(|e| at(e.to_string()))?,
                label: Label::from_names(&a.label, a.kind.as_deref()).map_err(at)?,
                note: String::new(),
                attrs: Default::default(),
                created: Timestamp(0),
                updated: Timestamp(0),
            })
        })
        .collect::<Result<_, String>>()?;
    Ok((article, annotations))
}

#[cfg(test)]
#[path = "../tests/bench_fixture.rs"]
mod tests;
