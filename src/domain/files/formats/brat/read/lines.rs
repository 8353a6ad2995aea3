//! Reading one `.ann` file: its text-bound annotations and their comments.

use super::extras::{self, Extra, File};
use crate::domain::files::formats::brat::{is_break, ID_COMMENT, NOTE_COMMENT};
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::{error, generated_id, Format, FormatError, Incoming};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::anchoring::CONTEXT_CHARS;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::model::time::Timestamp;
use std::collections::{HashMap, HashSet};

/// One `T` line, read.
struct TextBound {
    line: usize,
    label: Label,
    start: usize,
    end: usize,
    /// The text the line says it marks, or else the text its offsets select.
    exact: String,
    /// Whether its fragments were joined over text that is not a line break.
    bridged: bool,
    note: Vec<String>,
    id: Option<String>,
}

/// Reads the `.ann` text `ann` (file `name`) for `article`; offsets count code points of `source`
/// (the `.txt`, or the article itself), called `what` in errors. Adds records, entries and warnings
/// to `out`: the `T` lines with their comments, then what the `R`, `A`, `M`, `N` and `*` lines say of
/// them (see `extras.rs`).
pub(super) fn read_lines(
    name: &str,
    ann: &str,
    article: &Article,
    source: &Article,
    what: &str,
    (labels, now): (&LabelMap, Timestamp),
    out: &mut Incoming,
) -> Result<(), FormatError> {
    let mut spans: Vec<TextBound> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut comments: Vec<(usize, &str, &str, &str)> = Vec::new();
    let mut extras: Vec<Extra<'_>> = Vec::new();
    let mut other_ids: HashSet<&str> = HashSet::new();
    for (index, line) in split_lines(ann).enumerate() {
        let n = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{name} line {n}");
        let Some((id, rest)) = line.split_once('\t') else {
            return error(
                at(),
                "a brat line starts with an id and a tab, such as \"T1<tab>Person 0 13<tab>Angela \
                 Merkel\"",
            );
        };
        match id.chars().next() {
            Some('T') => {
                if let Some(first) = by_id.get(id).and_then(|&i| spans.get(i)) {
                    return error(
                        at(),
                        format!("{id} is used twice (first on line {})", first.line),
                    );
                }
                let label = |kind: &str| out.labels.count(kind, labels);
                let Some(t) =
                    text_bound(rest, n, source, what, label).or_else(|m| error(at(), m))?
                else {
                    // A type left out: what refers to it is skipped as for an event.
                    other_ids.insert(id);
                    continue;
                };
                if t.bridged {
                    out.warnings.push(format!(
                        "{}: {id}'s fragments were joined into one span, with the text between them",
                        at()
                    ));
                }
                by_id.insert(id, spans.len());
                spans.push(t);
            }
            Some('#') => {
                let (data, tail) = rest.split_once('\t').unwrap_or((rest, ""));
                let mut words = data.split_whitespace();
                match (words.next(), words.next(), words.next()) {
                    (Some(kind), Some(target), None) => comments.push((n, kind, target, tail)),
                    _ => {
                        return error(
                            at(),
                            format!(
                                "\"{data}\" should be a comment type and the id it is for, such \
                                 as \"AnnotatorNotes T1\""
                            ),
                        )
                    }
                }
            }
            Some(letter @ ('R' | 'E' | 'A' | 'M' | 'N' | '*')) => {
                extras.push(Extra {
                    line: n,
                    letter,
                    rest,
                });
                other_ids.insert(id);
            }
            _ => {
                return error(
                    at(),
                    format!(
                        "\"{id}\" is not a brat annotation id: ids start with T (text), R, E, A, \
                         M, N, * or # (a note)"
                    ),
                )
            }
        }
    }
    for (n, kind, target, tail) in comments {
        let Some(t) = by_id.get(target).and_then(|&i| spans.get_mut(i)) else {
            if other_ids.contains(&target) {
                continue;
            }
            return error(
                format!("{name} line {n}"),
                format!("the comment is for {target}, which this file does not have"),
            );
        };
        match kind {
            NOTE_COMMENT => t.note.push(tail.to_owned()),
            ID_COMMENT if !tail.is_empty() => t.id = Some(tail.to_owned()),
            ID_COMMENT => {}
            other => out.warnings.push(format!(
                "{name} line {n}: the {other} comment on {target} was skipped; this app reads \
                 {NOTE_COMMENT} as the note"
            )),
        }
    }
    let base = out.records.len();
    for t in spans {
        out.records.push((
            format!("{name} line {}", t.line),
            record(t, article, source, now),
        ));
    }
    let file = File {
        name,
        article: &article.id,
        by_id: &by_id,
        other_ids: &other_ids,
        base,
        now,
    };
    extras::apply(&file, &extras, out)
}

/// The lines of `text` as Python's `str.splitlines` gives them, as brat reads an `.ann` file: split at
/// every [`is_break`], a CR LF pair ending one line.
pub(super) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let now = rest?;
        let Some(at) = now.find(is_break) else {
            rest = None;
            return Some(now).filter(|l| !l.is_empty());
        };
        let (line, tail) = now.split_at(at);
        let mut after = tail.chars();
        let first = after.next();
        let tail = after.as_str();
        rest = Some(match (first, tail.strip_prefix('\n')) {
            (Some('\r'), Some(past)) => past,
            _ => tail,
        });
        Some(line)
    })
}

/// Reads `Type start end[;start end…]<tab>text`, the part of line `n` after the id; `None` when
/// `label` leaves the type out.
fn text_bound(
    rest: &str,
    n: usize,
    source: &Article,
    what: &str,
    label: impl FnOnce(&str) -> Option<Label>,
) -> Result<Option<TextBound>, String> {
    let (data, words) = match rest.split_once('\t') {
        Some((data, words)) => (data, Some(words)),
        None => (rest, None),
    };
    let Some((kind, offsets)) = data.split_once(' ') else {
        return Err(format!(
            "\"{data}\" should be a type and offsets, such as \"Person 0 13\""
        ));
    };
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let mut numbers = fragment.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) =
            (numbers.next(), numbers.next(), numbers.next())
        else {
            return Err(format!(
                "\"{fragment}\" should be a start and an end offset, such as \"0 13\""
            ));
        };
        if start > end {
            return Err(format!("the fragment \"{fragment}\" ends before it starts"));
        }
        if end > source.char_len {
            return Err(format!(
                "the offset {end} is past the end of {what} ({} characters)",
                source.char_len
            ));
        }
        fragments.push((start, end));
    }
    let start = fragments.iter().map(|f| f.0).min().unwrap_or_default();
    let end = fragments.iter().map(|f| f.1).max().unwrap_or_default();
    if start == end {
        return Err(format!("\"{offsets}\" selects no text"));
    }
    let joined: Vec<&str> = fragments.iter().map(|&(s, e)| source.slice(s, e)).collect();
    let joined = joined.join(" ");
    let bridged = fragments.len() > 1 && {
        let mut sorted = fragments.clone();
        sorted.sort_unstable();
        sorted
            .windows(2)
            .any(|w| matches!(w, [(_, a), (b, _)] if !source.slice(*a, *b).chars().all(is_break)))
    };
    let exact = match words {
        Some(words) if words != joined => words.to_owned(),
        _ => source.slice(start, end).to_owned(),
    };
    let Some(label) = label(kind) else {
        return Ok(None);
    };
    Ok(Some(TextBound {
        line: n,
        label,
        start,
        end,
        exact,
        bridged,
        note: Vec::new(),
        id: None,
    }))
}

/// The record of a read `T` line; the annotated text and context come from `source`.
fn record(t: TextBound, article: &Article, source: &Article, now: Timestamp) -> AnnotationRecord {
    AnnotationRecord {
        id: t
            .id
            .unwrap_or_else(|| generated_id(Format::Brat, &article.id, t.start, t.end, t.label)),
        article: article.id.as_str().to_owned(),
        label: t.label.name().name().to_owned(),
        kind: t.label.kind().map(|k| k.name().to_owned()),
        note: t.note.join("\n"),
        start: t.start,
        end: t.end,
        exact: t.exact,
        prefix: source
            .slice(t.start.saturating_sub(CONTEXT_CHARS), t.start)
            .to_owned(),
        suffix: source
            .slice(t.end, t.end.saturating_add(CONTEXT_CHARS))
            .to_owned(),
        created: now,
        updated: now,
        ..AnnotationRecord::default()
    }
}
