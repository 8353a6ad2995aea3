//! Reading Label Studio JSON tasks back (see the parent module for the shape and the rules).

use super::{Task, TaskResult, REGISTRY};
use crate::domain::files::formats::fields::read_file;
use crate::domain::files::formats::labels::{LabelMap, LabelTally};
use crate::domain::files::formats::objects::Object;
use crate::domain::files::formats::shapes::OneOrMany;
use crate::domain::files::formats::texts::FileText;
use crate::domain::files::formats::{indexed, FormatError, ImportOptions, Incoming};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::text::{char_len, Utf16Index};
use crate::domain::model::time::Timestamp;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

mod extras;
mod field;
mod region;
use region::{labelled, note_text, region_id, value_of};

/// Reads a Label Studio JSON file: a list of tasks (or one task), each task's text from the field
/// the parent module's rule finds, `options.text_field` when several fit.
pub fn read(
    text: &str,
    articles: &[Rc<Article>],
    options: &ImportOptions,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tasks: OneOrMany<Object<Task>> = read_file(text)?;
    let mut incoming = Incoming::default();
    let tasks = tasks.each("");
    let text_fields = tasks.iter().map(|(_, Object(task))| task);
    let mut file = FileReader {
        articles,
        labels: &options.labels,
        now,
        region_ids: HashSet::new(),
        text_fields: field::TextFields::new(text_fields, options.text_field.as_deref()),
    };
    for (index, (path, Object(task))) in tasks.into_iter().enumerate() {
        read_task(index, task, &path, &mut file, &mut incoming)?;
    }
    file.text_fields.finish(&mut incoming);
    Ok(incoming)
}

/// What every task of a file is read against, and the region ids its tasks have used so far.
struct FileReader<'a> {
    articles: &'a [Rc<Article>],
    labels: &'a LabelMap,
    now: Timestamp,
    /// Label Studio keeps a region id unique only within its task (a converted brat corpus has `T1`
    /// in every task): an id an earlier task took is not the annotation's id here.
    region_ids: HashSet<String>,
    /// Each task's text field, and the fields that fit where several did.
    text_fields: field::TextFields,
}

/// `path.key`, or `key` at the top.
fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads the task at `path`, the file's task number `index` from 0, into `incoming`.
fn read_task(
    index: usize,
    task: &Task,
    path: &str,
    file: &mut FileReader<'_>,
    incoming: &mut Incoming,
) -> Result<(), FormatError> {
    let (articles, labels, now) = (file.articles, file.labels, file.now);
    let place = if path.is_empty() { "the task" } else { path };
    let text = match file.text_fields.pick(index, task, place) {
        Ok((_, text)) => text,
        Err(why) => {
            incoming.warnings.push(format!("{place}: {why}; skipped"));
            return Ok(());
        }
    };
    let data = FileText {
        id: task.data.string("article"),
        text,
        title: task.data.string("title"),
    };
    let Some(article) = incoming.article_for(articles, data, now, place) else {
        return Ok(());
    };
    let article = &*article;
    // The predictions, when a task has them and no annotations.
    let no_annotations = task.annotations.as_ref().is_none_or(Vec::is_empty);
    let (source, groups) = match &task.predictions {
        Some(predictions) if no_annotations => ("predictions", predictions.as_slice()),
        _ => (
            "annotations",
            task.annotations.as_deref().unwrap_or_default(),
        ),
    };
    let mut reader = TaskReader {
        article,
        copy: indexed(article, text),
        utf16: OnceCell::new(),
        len: char_len(text),
        now,
        labels,
        tally: LabelTally::default(),
        regions: Vec::new(),
        notes: Vec::new(),
        extras: Vec::new(),
        converted: 0,
    };
    let source_path = at(path, source);
    for (j, group) in groups.iter().enumerate() {
        for (k, result) in group.result.iter().enumerate() {
            let path = format!("{source_path}[{j}].result[{k}]");
            reader.result(result, &path, &mut incoming.warnings)?;
        }
    }
    reader.finish(place, incoming, &mut file.region_ids);
    Ok(())
}

/// One labelled span read from a task, before notes are attached.
struct Region {
    path: String,
    id: Option<String>,
    found: AnnotationRecord,
    /// The span's own `text` when it differs from what the offsets select in the task's text.
    exact: Option<String>,
}

/// What the read of one task has found so far.
struct TaskReader<'a> {
    article: &'a Article,
    /// The file's copy of the text, indexed so that each span is cut from it in time independent
    /// of its offset.
    copy: Cow<'a, Article>,
    /// The copy's UTF-16 index, built on first use.
    utf16: OnceCell<Utf16Index>,
    /// The copy's length in code points.
    len: usize,
    now: Timestamp,
    /// The person's label map, and the labels met in this task.
    labels: &'a LabelMap,
    tally: LabelTally,
    regions: Vec<Region>,
    /// Each note's path, region id and text.
    notes: Vec<(String, String, String)>,
    extras: Vec<extras::Extra>,
    /// How many spans had offsets in UTF-16 code units.
    converted: usize,
}

impl TaskReader<'_> {
    /// Reads the result at `path` by its kind; one of a kind not read adds a warning.
    fn result(
        &mut self,
        result: &TaskResult,
        path: &str,
        warnings: &mut Vec<String>,
    ) -> Result<(), FormatError> {
        match result.kind.as_str() {
            "labels" => self.labelled(result, path)?,
            "textarea" if result.from_name.as_deref() == Some(REGISTRY) => {
                self.extras.push(extras::reference(result, path)?);
            }
            "textarea" => {
                let value = value_of(result, path)?;
                let note = note_text(value, &format!("{path}.value.text"))?;
                match region_id(&result.id) {
                    Some(id) => self.notes.push((path.to_owned(), id, note)),
                    None => warnings.push(format!(
                        "{path}: a text answer that belongs to no span; ignored"
                    )),
                }
            }
            "choices" => self.extras.extend(extras::choices(result, path, warnings)?),
            "relation" => self
                .extras
                .extend(extras::relation(result, path, warnings)?),
            other => warnings.push(format!(
                "{path}: a \"{}\" result is not read; ignored",
                other.chars().take(40).collect::<String>()
            )),
        }
        Ok(())
    }

    /// Reads a `labels` result at `path`: one region per label.
    fn labelled(&mut self, result: &TaskResult, path: &str) -> Result<(), FormatError> {
        let id = region_id(&result.id);
        let value = value_of(result, path)?;
        let (found, exact, converted) = labelled(value, &format!("{path}.value"), self)?;
        self.converted += usize::from(converted);
        for (n, found) in found.into_iter().enumerate() {
            // A second label on the same region gets an id of its own.
            self.regions.push(Region {
                path: path.to_owned(),
                id: id.clone().filter(|_| n == 0),
                found,
                exact: exact.clone(),
            });
        }
        Ok(())
    }

    /// Joins the notes to their regions and adds the task's records, then what the other results
    /// say about them, to `incoming`. A region's id becomes its annotation's unless an earlier task
    /// of the file (`taken`) used it; then the annotation keeps its generated id.
    fn finish(mut self, place: &str, incoming: &mut Incoming, taken: &mut HashSet<String>) {
        incoming.labels.merge(std::mem::take(&mut self.tally));
        self.attach_notes(&mut incoming.warnings);
        if self.converted > 0 {
            incoming.warnings.push(format!(
                "{place}: {} span(s) had offsets counted in UTF-16 code units (as some Label \
                 Studio versions write them); converted to characters",
                self.converted
            ));
        }
        // Each region id's record, for the choices, registry entries and relations.
        let base = incoming.records.len();
        let mut records: HashMap<String, usize> = HashMap::new();
        for (i, region) in self.regions.iter().enumerate() {
            if let Some(id) = &region.id {
                records.entry(id.clone()).or_insert(base + i);
            }
        }
        let mut used = Vec::new();
        for region in self.regions {
            let mut found = region.found;
            if let Some(id) = region.id.filter(|id| !taken.contains(id)) {
                used.push(id.clone());
                found.id = id;
            }
            let mut record = found.with_context(&self.copy);
            if let Some(exact) = region.exact {
                record.exact = exact;
            }
            incoming.records.push((region.path, record));
        }
        taken.extend(used);
        extras::apply(self.extras, &records, incoming, self.now);
    }

    /// Gives each note to the first region with its id, joined by line breaks; a note for no region
    /// adds a warning.
    fn attach_notes(&mut self, warnings: &mut Vec<String>) {
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (i, region) in self.regions.iter().enumerate() {
            if let Some(id) = region.id.as_deref() {
                by_id.entry(id).or_insert(i);
            }
        }
        let mut joined: Vec<Option<String>> = vec![None; self.regions.len()];
        for (path, id, note) in std::mem::take(&mut self.notes) {
            match by_id.get(id.as_str()).and_then(|&i| joined.get_mut(i)) {
                Some(Some(text)) => {
                    text.push('\n');
                    text.push_str(&note);
                }
                Some(slot) => *slot = Some(note),
                None => warnings.push(format!(
                    "{path}: a note for \"{}\", which is no labelled span here; ignored",
                    id.chars().take(40).collect::<String>()
                )),
            }
        }
        for (region, note) in self.regions.iter_mut().zip(joined) {
            if let Some(note) = note {
                region.found.note = note;
            }
        }
    }
}
