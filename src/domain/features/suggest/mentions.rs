//! Entity mentions: every whole-word occurrence of a registry entry's name or alias ("Keller's" holds
//! "Keller", "Kellerman" does not), and capitalised names that recur, with their likely kind.

use super::names::People;
use super::text::{at, part, Doc};
use super::{Suggestion, SuggestionKind};
use crate::domain::model::names::Label;
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use std::rc::Rc;

/// A word's letters and digits; anything else ends a word.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every whole-word occurrence of `name` in `chars`, as spans.
pub(super) fn whole_words(chars: &[char], name: &[char]) -> Vec<Span> {
    let n = name.len();
    let (Some(&first), Some(&last)) = (name.first(), name.last()) else {
        return Vec::new();
    };
    if n > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - n)
        .filter(|&i| part(chars, i, i + n) == name)
        .filter(|&i| i == 0 || !word_char(at(chars, i - 1)) || !word_char(first))
        .filter(|&i| i + n >= chars.len() || !word_char(at(chars, i + n)) || !word_char(last))
        .filter_map(|i| Span::new(i, i + n).ok())
        .collect()
}

/// The mentions of `doc`: the registry's first (the longest name where two overlap), then recurring
/// names where no registry mention is.
pub(super) fn suggest(doc: &Doc, people: &People, registry: &[Rc<Entity>]) -> Vec<Suggestion> {
    let mut found: Vec<Suggestion> = Vec::new();
    for entity in registry {
        for name in entity.names() {
            let name: Vec<char> = name.trim().chars().collect();
            for span in whole_words(&doc.chars, &name) {
                found.push(Suggestion {
                    kind: SuggestionKind::Mention,
                    span,
                    label: Label::Entity(entity.kind),
                    reason: format!("a name of the registry's “{}”", entity.name),
                    speaker: None,
                    entity: Some(entity.id.clone()),
                });
            }
        }
    }
    for run in &people.runs {
        let count = people.runs.iter().filter(|r| r.text == run.text).count();
        let last = run.text.split_whitespace().last().unwrap_or_default();
        let head = run.text.contains(' ') && people.runs.iter().any(|r| r.text == last);
        if (count < 2 && !head) || run.text.chars().count() < 2 {
            continue;
        }
        let why = if count > 1 {
            format!("a capitalised name that recurs ({count} times)")
        } else {
            format!("a capitalised name, “{last}” again later")
        };
        found.push(Suggestion {
            kind: SuggestionKind::Mention,
            span: run.span,
            label: Label::Entity(run.kind),
            reason: why,
            speaker: None,
            entity: None,
        });
    }
    // Registry first, then longer first, then earlier.
    found.sort_by_key(|s| {
        (
            s.entity.is_none(),
            s.span.start(),
            usize::MAX - s.span.len(),
        )
    });
    let mut kept: Vec<Suggestion> = Vec::new();
    for s in found {
        if !kept.iter().any(|k| k.span.overlaps(s.span)) {
            kept.push(s);
        }
    }
    kept
}
