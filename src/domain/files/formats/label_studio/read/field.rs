//! Which field of a task's `data` holds its text (the rule is in the parent module's doc): the
//! person's choice, the results' `to_name`, `text`, or the one field that holds every span's text.

use crate::domain::files::formats::label_studio::{Task, TaskResult};
use crate::domain::files::formats::shapes::{Loose, OneOrMany};
use crate::domain::files::formats::Incoming;
use crate::domain::model::article::Article;
use crate::domain::model::text::Utf16Index;

/// Keys the reader gives a meaning of their own (the app's article id, the title), never guessed to
/// be the text.
const NOT_TEXT: [&str; 2] = ["article", "title"];

/// The text fields of a file's tasks, found task by task, and what the person should hear of them.
#[derive(Debug, Default)]
pub(super) struct TextFields {
    /// The field the person chose, if any.
    chosen: Option<String>,
    /// The fields that fit in tasks where several did, in the order first met.
    candidates: Vec<String>,
    /// The tasks where several fields fit and none was chosen: how many, and the first one's place.
    guessed: (usize, String),
    /// The tasks where the chosen field is not a string that fits: how many, and the first's place.
    unfit: (usize, String),
}

impl TextFields {
    /// Finding each task's text field, with the person's `chosen` field if any.
    pub(super) fn new(chosen: Option<&str>) -> TextFields {
        TextFields {
            chosen: chosen.map(str::to_owned),
            ..TextFields::default()
        }
    }

    /// The key and text of the task at `place`'s text field, or, when none fits, why.
    pub(super) fn pick<'t>(
        &mut self,
        task: &'t Task,
        place: &str,
    ) -> Result<(&'t str, &'t str), String> {
        let data = &task.data;
        let spans = Spans::of(task);
        let named = to_name(task).or_else(|| data.string("text").map(|text| ("text", text)));
        let fits: Vec<(&str, &str)> = match named {
            Some(_) => Vec::new(),
            None => data
                .strings()
                .filter(|(key, _)| !NOT_TEXT.contains(key))
                .filter(|(_, text)| spans.fit(text))
                .collect(),
        };
        if fits.len() > 1 {
            for (key, _) in &fits {
                if !self.candidates.iter().any(|c| c == key) {
                    self.candidates.push((*key).to_owned());
                }
            }
        }
        if let Some(chosen) = self.chosen.as_deref() {
            match data.strings().find(|(key, _)| *key == chosen) {
                Some(field) if spans.fit(field.1) => return Ok(field),
                _ => count(&mut self.unfit, place),
            }
        }
        if let Some(field) = named {
            return Ok(field);
        }
        match fits.as_slice() {
            [] => Err(no_field(task)),
            [one] => Ok(*one),
            several => {
                if self.chosen.is_none() {
                    count(&mut self.guessed, place);
                }
                let first = self
                    .candidates
                    .iter()
                    .find_map(|c| several.iter().find(|(key, _)| key == c));
                Ok(*first.unwrap_or(&several[0]))
            }
        }
    }

    /// Hands the candidates to `incoming` when several fields fit somewhere, and adds a line for the
    /// tasks read from a field the reader picked, and one for those the chosen field did not fit.
    pub(super) fn finish(self, incoming: &mut Incoming) {
        let quoted = |fields: &[String]| {
            let quoted: Vec<String> = fields.iter().map(|f| format!("\"{f}\"")).collect();
            quoted.join(", ")
        };
        let (guessed, first) = &self.guessed;
        if *guessed > 0 {
            incoming.warnings.push(format!(
                "{first}: {guessed} task(s) have several fields that hold the text of their spans \
                 ({}); read from \"{}\", the first in the file (choose another as the text field)",
                quoted(&self.candidates),
                self.candidates.first().map_or("", String::as_str),
            ));
        }
        let (unfit, first) = &self.unfit;
        if let (Some(chosen), true) = (&self.chosen, *unfit > 0) {
            incoming.warnings.push(format!(
                "{first}: the chosen text field \"{chosen}\" is not a text that holds the spans of \
                 {unfit} task(s); they were read from their own text field"
            ));
        }
        incoming.text_fields = self.candidates;
    }
}

/// Adds one to `tally`, keeping the first `place`.
fn count(tally: &mut (usize, String), place: &str) {
    if tally.0 == 0 {
        tally.1 = place.to_owned();
    }
    tally.0 += 1;
}

/// The first key that a result's `to_name` names and that is a string in the task's data, with
/// that string.
fn to_name(task: &Task) -> Option<(&str, &str)> {
    results(task)
        .filter_map(|r| r.to_name.as_deref())
        .find_map(|key| Some((key, task.data.string(key)?)))
}

/// Every result of the task's annotations and predictions.
fn results(task: &Task) -> impl Iterator<Item = &TaskResult> {
    let groups = [&task.annotations, &task.predictions];
    groups
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|group| &group.result)
}

/// Why no field of `task`'s data is its text: the keys it has.
fn no_field(task: &Task) -> String {
    let keys: Vec<String> = task.data.keys().map(|k| format!("\"{k}\"")).collect();
    if keys.is_empty() {
        return "its data has no text field (it has no keys)".to_owned();
    }
    let has = keys.join(", ");
    if task.data.strings().next().is_none() {
        format!("no field of its data is a text (its keys: {has})")
    } else {
        format!("no field of its data holds the text of its spans (its keys: {has})")
    }
}

/// The spans of a task's results that say their own text: `(start, end, text)`.
struct Spans<'t>(Vec<(usize, usize, &'t str)>);

impl<'t> Spans<'t> {
    /// The task's spans with whole-number offsets and a non-empty text.
    fn of(task: &'t Task) -> Spans<'t> {
        let whole = |v: &Option<Loose>| match v {
            Some(Loose::Whole(n)) => usize::try_from(*n).ok(),
            _ => None,
        };
        let spans = results(task)
            .filter_map(|r| r.value.as_ref())
            .filter_map(|v| match &v.text {
                Some(OneOrMany::One(text)) if !text.is_empty() => {
                    Some((whole(&v.start)?, whole(&v.end)?, text.as_str()))
                }
                _ => None,
            })
            .collect();
        Spans(spans)
    }

    /// Whether `text` holds every span's text at its offsets, counted in code points or (as some
    /// Label Studio versions wrote them) in UTF-16 code units. Any text fits a task of no spans.
    fn fit(&self, text: &str) -> bool {
        if self.0.is_empty() {
            return true;
        }
        let copy = Article::new("", "", text.to_owned());
        let len = copy.char_len;
        let utf16 = std::cell::OnceCell::new();
        self.0.iter().all(|&(start, end, exact)| {
            if end <= len && copy.slice(start, end) == exact {
                return true;
            }
            let index = utf16.get_or_init(|| Utf16Index::new(text));
            let (s, e) = (index.to_char(text, start), index.to_char(text, end));
            copy.slice(s, e) == exact
        })
    }
}
