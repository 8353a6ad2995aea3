//! Which field of a task's `data` holds its text (the rule is in the Label Studio module's doc): the
//! person's choice, the results' `to_name`, `text`, or the one field that holds every span's text.

use crate::domain::files::formats::label_studio::{Task, TaskResult};
use crate::domain::files::formats::shapes::{Loose, OneOrMany};
use crate::domain::files::formats::Incoming;
use crate::domain::model::article::Article;
use crate::domain::model::text::Utf16Index;

/// Keys the reader gives a meaning of their own (the app's article id, the title), never guessed to
/// be the text.
const NOT_TEXT: [&str; 2] = ["article", "title"];

/// What the file says of one task's text field, before the person's choice.
#[derive(Debug)]
enum Found {
    /// The field named by a result's `to_name` or `text`, or the one field that fits.
    Settled(String),
    /// Several fields fit, in the task's order.
    Several(Vec<String>),
    /// No field fits.
    None,
}

/// The text fields of a file's tasks, found for all of them first (a task without spans takes the
/// field that settled the others'), and what the person should hear of them.
#[derive(Debug, Default)]
pub(super) struct TextFields {
    /// The field the person chose, if any.
    chosen: Option<String>,
    /// What each task's data and results say, by its index in the file.
    found: Vec<Found>,
    /// The fields that fit in tasks where several did, in the order first met.
    candidates: Vec<String>,
    /// The tasks where several fields fit and none was chosen: how many, and the first one's place.
    guessed: (usize, String),
    /// The tasks where the chosen field is not a string that fits: how many, and the first's place.
    unfit: (usize, String),
}

impl TextFields {
    /// Finds the text field of each of `tasks`, with the person's `chosen` field if any. A task where
    /// several fields fit takes the one among them that settled other tasks' text, if only one did.
    pub(super) fn new<'t>(
        tasks: impl IntoIterator<Item = &'t Task>,
        chosen: Option<&str>,
    ) -> TextFields {
        let mut found: Vec<Found> = tasks.into_iter().map(found).collect();
        let mut settled: Vec<&str> = Vec::new();
        for f in &found {
            if let Found::Settled(key) = f {
                if !settled.contains(&key.as_str()) {
                    settled.push(key);
                }
            }
        }
        let settled: Vec<String> = settled.into_iter().map(str::to_owned).collect();
        let mut candidates: Vec<String> = Vec::new();
        for f in &mut found {
            let Found::Several(keys) = f else { continue };
            let known: Vec<&String> = keys.iter().filter(|k| settled.contains(k)).collect();
            if let [one] = known.as_slice() {
                *f = Found::Settled((*one).clone());
                continue;
            }
            for key in keys.iter() {
                if !candidates.contains(key) {
                    candidates.push(key.clone());
                }
            }
        }
        TextFields {
            chosen: chosen.map(str::to_owned),
            found,
            candidates,
            ..TextFields::default()
        }
    }

    /// The key and text of the text field of the task at `index` (at `place` in the file), or, when
    /// none fits, why.
    pub(super) fn pick<'t>(
        &mut self,
        index: usize,
        task: &'t Task,
        place: &str,
    ) -> Result<(&'t str, &'t str), String> {
        let data = &task.data;
        let field = |key: &str| data.strings().find(|(k, _)| *k == key);
        if let Some(chosen) = self.chosen.as_deref() {
            if let Some(field) = field(chosen).filter(|f| Spans::of(task).fit(f.1)) {
                return Ok(field);
            }
        }
        let found = self.found.get(index);
        let own = match found {
            Some(Found::Settled(key)) => field(key),
            Some(Found::Several(keys)) => {
                let first = self.candidates.iter().find(|c| keys.contains(c));
                first.and_then(|key| field(key))
            }
            Some(Found::None) | None => None,
        };
        let own = own.ok_or_else(|| no_field(task))?;
        if self.chosen.is_some() {
            count(&mut self.unfit, place);
        } else if matches!(found, Some(Found::Several(_))) {
            count(&mut self.guessed, place);
        }
        Ok(own)
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

/// What `task` says of its text field: the key a result's `to_name` names, else `text`, else the
/// string fields (but [`NOT_TEXT`]) that hold every span's text.
fn found(task: &Task) -> Found {
    let data = &task.data;
    let named = results(task)
        .filter_map(|r| r.to_name.as_deref())
        .find(|key| data.string(key).is_some())
        .or_else(|| data.string("text").map(|_| "text"));
    if let Some(key) = named {
        return Found::Settled(key.to_owned());
    }
    let spans = Spans::of(task);
    let mut fits: Vec<String> = data
        .strings()
        .filter(|(key, text)| !NOT_TEXT.contains(key) && spans.fit(text))
        .map(|(key, _)| key.to_owned())
        .collect();
    match fits.len() {
        0 => Found::None,
        1 => Found::Settled(fits.remove(0)),
        _ => Found::Several(fits),
    }
}

/// Adds one to `tally`, keeping the first `place`.
fn count(tally: &mut (usize, String), place: &str) {
    if tally.0 == 0 {
        tally.1 = place.to_owned();
    }
    tally.0 += 1;
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
