//! `na-convert suggest`: the suggestion engine on bundled articles or text files, written as the app's
//! native JSON (every suggestion accepted, so speakers are `source` links), and `--score`, which
//! measures the engine on a labelled JSONL set.

use super::{base_name, Input, Output, Report};
use crate::domain::features::suggest::{accepted, score::score, suggest as suggestions};
use crate::domain::files::formats::texts::text_id;
use crate::domain::files::formats::{self, Format, Scope};
use crate::domain::model::article::Article;
use crate::domain::model::names::AnnotationId;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

/// What `suggest` runs on: a bundled (or `--articles`) article by id, or a text file of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An article id among the articles.
    Article(String),
    /// A `.txt` file, read as an own article (id from its text, title from its name).
    Text(Input),
}

/// `suggest`: one line per target (`ok NAME: N quotes, M claims, K mentions`), and the native JSON
/// of every suggestion accepted, named `out` (the binary prints it when `out` is `-`).
pub fn suggest(targets: &[Target], articles: &[Article], out: &str, now: Timestamp) -> Report {
    let mut report = Report::default();
    let mut all = articles.to_vec();
    let mut chosen = Vec::new();
    for target in targets {
        match target {
            Target::Article(id) => match articles.iter().find(|a| a.id.as_str() == id) {
                Some(a) => chosen.push((id.clone(), a.id.clone())),
                None => report.fail(id, "", "is neither an article id nor a readable file"),
            },
            Target::Text(file) => match std::str::from_utf8(&file.bytes) {
                Ok(text) if !text.trim().is_empty() => {
                    let id = text_id(text);
                    if !all.iter().any(|a| a.id.as_str() == id) {
                        let base = base_name(&file.name);
                        let title = base.strip_suffix(".txt").unwrap_or(base);
                        all.push(Article::own(&id, title, text.to_owned(), now));
                    }
                    chosen.push((file.name.clone(), id.as_str().into()));
                }
                Ok(_) => report.fail(&file.name, "", "the text is empty"),
                Err(_) => report.fail(&file.name, "", "the text is not UTF-8; save it as UTF-8"),
            },
        }
    }
    if report.failed > 0 {
        return report.finish(targets.len());
    }
    let mut ws = Workspace::new(all);
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        AnnotationId::from(format!("suggested-{n}").as_str())
    };
    for (name, id) in &chosen {
        let Some(article) = ws.articles().iter().find(|a| a.id == *id).cloned() else {
            continue;
        };
        let found = suggestions(&article.text, &ws.entities().cloned().collect::<Vec<_>>());
        let count = |k: &str| found.iter().filter(|s| s.kind.name() == k).count();
        let existing = ws.in_article(id);
        let made = accepted(id, &article.text, &found, &existing, &mut new_id, now);
        report.lines.push(format!(
            "ok {name}: {} quotes, {} claims, {} mentions ({} annotations)",
            count("quote"),
            count("claim"),
            count("mention"),
            made.len()
        ));
        if let Err(e) = ws.apply(Action::AnnotateAll(made)) {
            report.fail(name, "", &e.to_string());
        }
    }
    let ids: Vec<_> = chosen.iter().map(|(_, id)| id.clone()).collect();
    let docs: Vec<formats::Doc> = formats::docs(&ws, &Scope::everything())
        .into_iter()
        .filter(|d| ids.contains(&d.article.id))
        .collect();
    let body = formats::export(Format::Native, &docs, now);
    report.outputs.push(Output {
        name: out.to_owned(),
        bytes: body.bytes,
    });
    report.finish(targets.len())
}

/// `suggest --score GOLD.jsonl`: the scores' lines, or the line that could not be read.
pub fn score_file(gold: &Input) -> Report {
    let mut report = Report::default();
    let text = match std::str::from_utf8(&gold.bytes) {
        Ok(text) => text,
        Err(_) => {
            report.fail(&gold.name, "", "it is not UTF-8 text");
            return report;
        }
    };
    match score(text) {
        Ok(score) => report.lines = score.lines(),
        Err(message) => report.fail(&gold.name, "", &message),
    }
    report
}

#[cfg(test)]
#[path = "../../tests/batch_suggest.rs"]
mod tests;
