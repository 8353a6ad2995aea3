//! The logic of `na-convert`, the command-line converter, on files held in memory: its arguments,
//! the articles it reads against, and its commands (`convert`, `validate`, `merge`, `class`, `suggest`,
//! and `first-screen`, which the build runs).
//!
//! The binary (`src/bin/convert.rs`) only reads the files, calls one function here and writes what
//! it returns, so everything the tool decides is tested natively. Inputs are read with the app's own
//! import ([`plan_import`]): any format [`crate::domain::files::formats::detect::read`] recognises, checked and
//! re-anchored exactly as when a file is loaded in the browser. Outputs are the app's own exports
//! ([`formats::export`]), so they are byte for byte what the export menu writes. Offsets are whatever
//! each format states ([`Format::offsets`]); inside, as everywhere in the domain, Unicode code points.

use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::labels::LabelUse;
use crate::domain::files::formats::{self, ExportOptions, Format, ImportOptions, Scope};
use crate::domain::files::import::{plan_import, ImportPlan};
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use crate::domain::rendering::first_screen;
use crate::domain::state::session::Session;
use crate::domain::state::workspace::Workspace;
use std::collections::HashMap;

mod args;
mod class;
mod suggest;
pub use args::{parse_args, Command, USAGE};
pub use class::class;
pub use suggest::{score_file, suggest, Target};

/// A file as the command line named it, with its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path as given, used in messages and to name outputs.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// A file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Where: a bare file name for `convert` (to put in `--out DIR`), the `--out` path for `merge`.
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// What a command found and what it would write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Lines for the person, in order.
    pub lines: Vec<String>,
    /// The files to write; empty when any input failed.
    pub outputs: Vec<Output>,
    /// How many inputs could not be read.
    pub failed: usize,
}

impl Report {
    /// The exit status: 0 when every input was read, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        u8::from(self.failed > 0)
    }

    fn fail(&mut self, name: &str, path: &str, message: &str) {
        self.failed += 1;
        self.lines.push(if path.is_empty() {
            format!("error {name}: {message}")
        } else {
            format!("error {name}: {path}: {message}")
        });
    }

    /// Lines indented under the last one, at most [`LISTED`] of them, then how many more there are.
    fn list(&mut self, what: &str, items: &[String]) {
        for item in items.iter().take(LISTED) {
            self.lines.push(format!("  {what}: {item}"));
        }
        if items.len() > LISTED {
            let more = items.len() - LISTED;
            self.lines.push(format!("  … and {more} more {what}"));
        }
    }

    /// Closes a `convert` or `merge`: with a failure, drops the outputs and says nothing was written.
    fn finish(mut self, inputs: usize) -> Report {
        if self.failed > 0 {
            self.outputs.clear();
            self.lines.push(format!(
                "nothing written: {} of {inputs} inputs could not be read",
                self.failed
            ));
        }
        self
    }
}

/// The HTML of the first visit's screen (`first-screen`): a session on the bundled articles, as the app
/// starts with empty storage, written by [`first_screen::screen_into`].
pub fn first_screen() -> Result<String, String> {
    let articles = bundled_articles().map_err(|e| format!("bundled articles: {e}"))?;
    let session = Session::new(Workspace::new(articles));
    let mut html = String::new();
    first_screen::screen_into(&mut html, &session);
    Ok(html)
}

/// How many warnings, lost annotations or dropped spans are listed per input before "… and N more".
const LISTED: usize = 5;

/// The last part of a path, after any `/` or `\`.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The bundled articles, then one per `<id>.txt` in `extra` (id and title from the file name); the
/// `error FILE: …` lines when a file is not UTF-8, has no name, or repeats an id.
pub fn articles(extra: &[Input]) -> Result<Vec<Article>, Vec<String>> {
    let mut list = bundled_articles().map_err(|e| vec![format!("error bundled articles: {e}")])?;
    let mut errors = Vec::new();
    for file in extra {
        let base = base_name(&file.name);
        let id = base.strip_suffix(".txt").unwrap_or(base);
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            errors.push(format!(
                "error {}: the article is not UTF-8 text; save it as UTF-8",
                file.name
            ));
            continue;
        };
        if id.is_empty() {
            errors.push(format!("error {}: an article file needs a name", file.name));
        } else if list.iter().any(|a| a.id.as_str() == id) {
            errors.push(format!(
                "error {}: there is already an article \"{id}\" (the bundled articles are {}); \
                 rename the file",
                file.name,
                bundled_ids()
            ));
        } else {
            list.push(Article::new(id, id, text.to_owned()));
        }
    }
    if errors.is_empty() {
        Ok(list)
    } else {
        Err(errors)
    }
}

fn bundled_ids() -> String {
    bundled_articles()
        .unwrap_or_default()
        .iter()
        .map(|a| a.id.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name `convert` gives the output of `input`: its base name less the extension of the format it
/// is in (the longest of ours that fits, else its last `.ext`), plus `format`'s extension.
pub fn output_name(input: &str, format: Format) -> String {
    let base = base_name(input);
    let ours = Format::ALL
        .iter()
        .map(|f| f.extension())
        .chain([".ann", ".zip", ".jsonl", ".jsonld"])
        .filter(|ext| base.len() > ext.len() && base.ends_with(ext))
        .max_by_key(|ext| ext.len());
    let stem = match ours {
        Some(ext) => base.get(..base.len() - ext.len()).unwrap_or(base),
        None => match base.rfind('.') {
            Some(dot) if dot > 0 => base.get(..dot).unwrap_or(base),
            _ => base,
        },
    };
    format!("{stem}{}", format.extension())
}

/// `(M re-anchored, K not found)`.
fn placement(plan: &ImportPlan) -> String {
    format!(
        "({} re-anchored, {} not found)",
        plan.reanchored.len(),
        plan.not_found.len()
    )
}

/// Lists the plan's warnings and lost annotations under the last line.
fn notes(report: &mut Report, plan: &ImportPlan) {
    let labels: Vec<String> = plan.labels.iter().map(LabelUse::describe).collect();
    report.list("label", &labels);
    report.list("adds", &plan.added_articles);
    report.list("warning", &plan.warnings);
    report.list("not found", &plan.not_found);
}

/// Writes the annotated articles of `ws` in `format` with `options`; also says how many articles.
fn export(
    ws: &Workspace,
    format: Format,
    options: ExportOptions,
    now: Timestamp,
) -> (formats::Body, usize) {
    let docs: Vec<formats::Doc> = formats::docs(ws, &Scope::everything())
        .into_iter()
        .filter(|d| !d.annotations.is_empty())
        .collect();
    (
        formats::export_with(format, &docs, now, options),
        docs.len(),
    )
}

/// `validate`: one line per input, `ok …` or `error …`; nothing to write.
pub fn validate(
    files: &[Input],
    articles: &[Article],
    reading: &ImportOptions,
    now: Timestamp,
) -> Report {
    let ws = Workspace::new(articles.to_vec());
    let mut report = Report::default();
    for file in files {
        match plan_import(&file.name, &file.bytes, &ws, reading, now) {
            Ok(plan) => {
                report.lines.push(format!(
                    "ok {}: {}, {} annotations {}",
                    file.name,
                    plan.format.key(),
                    plan.total,
                    placement(&plan)
                ));
                notes(&mut report, &plan);
            }
            Err(e) => report.fail(&file.name, &e.path, &e.message),
        }
    }
    report
}

/// `convert`: each input on its own into `to` (written with `options`), one output each, named by
/// [`output_name`].
pub fn convert(
    files: &[Input],
    articles: &[Article],
    reading: &ImportOptions,
    to: Format,
    options: ExportOptions,
    now: Timestamp,
) -> Report {
    let base = Workspace::new(articles.to_vec());
    let mut report = Report::default();
    let mut named: HashMap<String, &str> = HashMap::new();
    for file in files {
        let name = output_name(&file.name, to);
        if let Some(first) = named.insert(name.clone(), &file.name) {
            let message = format!(
                "its output {name} would overwrite the one from {first}; convert them with \
                 different --out directories"
            );
            report.fail(&file.name, "", &message);
            continue;
        }
        let plan = match plan_import(&file.name, &file.bytes, &base, reading, now) {
            Ok(plan) => plan,
            Err(e) => {
                report.fail(&file.name, &e.path, &e.message);
                continue;
            }
        };
        let mut ws = base.clone();
        if let Err(e) = ws.apply(plan.action(true)) {
            report.fail(&file.name, "", &e.to_string());
            continue;
        }
        let (body, _) = export(&ws, to, options, now);
        report.lines.push(format!(
            "ok {} -> {name}: {} to {}, {} annotations {}{}",
            file.name,
            plan.format.key(),
            to.key(),
            ws.len(),
            placement(&plan),
            dropped(&body)
        ));
        notes(&mut report, &plan);
        report.list("dropped", &body.dropped);
        report.outputs.push(Output {
            name,
            bytes: body.bytes,
        });
    }
    report.finish(files.len())
}

/// `, D dropped by FORMAT` when the format left some annotations out.
fn dropped(body: &formats::Body) -> String {
    if body.dropped.is_empty() {
        String::new()
    } else {
        format!(", {} left out or changed by the format", body.dropped.len())
    }
}

/// `merge`: every input merged in turn into one workspace (as the app's Merge does), written as `out`
/// in `to` with `options`.
pub fn merge(
    files: &[Input],
    articles: &[Article],
    reading: &ImportOptions,
    to: Format,
    options: ExportOptions,
    out: &str,
    now: Timestamp,
) -> Report {
    let mut ws = Workspace::new(articles.to_vec());
    let mut report = Report::default();
    for file in files {
        let plan = match plan_import(&file.name, &file.bytes, &ws, reading, now) {
            Ok(plan) => plan,
            Err(e) => {
                report.fail(&file.name, &e.path, &e.message);
                continue;
            }
        };
        if let Err(e) = ws.apply(plan.action(false)) {
            report.fail(&file.name, "", &e.to_string());
            continue;
        }
        report.lines.push(format!(
            "merged {}: {}, {} annotations: {} new, {} already there, {} conflicting ({} newer, \
             taken) {}",
            file.name,
            plan.format.key(),
            plan.total,
            plan.new,
            plan.present,
            plan.conflicts,
            plan.newer_conflicts,
            placement(&plan)
        ));
        notes(&mut report, &plan);
    }
    if report.failed == 0 {
        let (body, articles) = export(&ws, to, options, now);
        report.lines.push(format!(
            "wrote {out}: {}, {} annotations on {articles} articles{}",
            to.key(),
            ws.len(),
            dropped(&body)
        ));
        report.list("dropped", &body.dropped);
        report.outputs.push(Output {
            name: out.to_owned(),
            bytes: body.bytes,
        });
    }
    report.finish(files.len())
}

#[cfg(test)]
#[path = "../tests/batch.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/fuzz_batch.rs"]
mod fuzz;
