//! The benchmark's generated fixtures (`bench/`): one long article and its annotations, read by the
//! `bench` build of the app. Not part of the shipped app.

use super::annotation::{Annotation, AnnotationId, Label};
use super::article::{Article, ArticleId};
use super::json::{self, FieldReader, Path, ReadError, Value};
use super::span::Span;
use super::time::Timestamp;

struct FixtureFile {
    article: FixtureArticle,
    annotations: Vec<FixtureAnnotation>,
}

impl FixtureFile {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<FixtureFile, ReadError> {
        let names = ["article", "annotations"];
        let mut f = FieldReader::lenient(value, path, "struct FixtureFile", &names)?;
        let file = FixtureFile {
            article: f.required("article", FixtureArticle::read),
            annotations: f.required("annotations", |v, p| {
                json::array(v, p, FixtureAnnotation::read)
            }),
        };
        f.finish(file)
    }
}

#[derive(Default)]
struct FixtureArticle {
    id: String,
    title: String,
    text: String,
}

impl FixtureArticle {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<FixtureArticle, ReadError> {
        let names = ["id", "title", "text"];
        let mut f = FieldReader::lenient(value, path, "struct FixtureArticle", &names)?;
        let article = FixtureArticle {
            id: f.required("id", json::string),
            title: f.required("title", json::string),
            text: f.required("text", json::string),
        };
        f.finish(article)
    }
}

struct FixtureAnnotation {
    id: String,
    start: usize,
    end: usize,
    label: String,
    kind: Option<String>,
}

impl FixtureAnnotation {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<FixtureAnnotation, ReadError> {
        let names = ["id", "start", "end", "label", "kind"];
        let mut f = FieldReader::lenient(value, path, "struct FixtureAnnotation", &names)?;
        let annotation = FixtureAnnotation {
            id: f.required("id", json::string),
            start: f.required("start", json::integer),
            end: f.required("end", json::integer),
            label: f.required("label", json::string),
            kind: f.optional("kind", json::string),
        };
        f.finish(annotation)
    }
}

/// Reads a fixture: `{"article": {id, title, text}, "annotations": [{id, start, end, label, kind}]}`,
/// offsets in code points.
pub fn parse_fixture(json: &str) -> Result<(Article, Vec<Annotation>), String> {
    let file = json::read_text(json, FixtureFile::read).map_err(|e| format!("fixture: {e}"))?;
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
#[path = "tests/bench_fixture.rs"]
mod tests;
