//! Suggestions: quotes, attributed claims and entity mentions an article probably holds, found by rules
//! on its text alone (no network, no model). Each suggestion says why it was made; the person accepts or
//! rejects it, and [`accepted`] turns the chosen ones into ordinary annotations.
//!
//! The rules follow how wire news attributes speech: words in quotation marks of any common typography
//! (“ ” " " « » „ “ ‘ ’), a speech verb next to them ("said Vance", "Zelensky told AP"), reported
//! speech ("X said that …", "according to X"), and names that recur or are in the registry.

use crate::domain::model::names::{EntityId, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

mod accept;
mod claims;
mod mentions;
mod names;
mod quotes;
pub mod score;
mod speakers;
mod text;

pub use accept::accepted;

/// What a suggestion proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SuggestionKind {
    /// Words in quotation marks reported as someone's own.
    Quote,
    /// A statement reported as someone's ("X said that …", "according to X").
    Claim,
    /// A name of a person, organisation, place or other thing.
    Mention,
}

impl SuggestionKind {
    /// The name used in keys and messages: `quote`, `claim`, `mention`.
    pub fn name(self) -> &'static str {
        match self {
            SuggestionKind::Quote => "quote",
            SuggestionKind::Claim => "claim",
            SuggestionKind::Mention => "mention",
        }
    }
}

/// One proposed annotation in one article's text. It travels between the page and the web worker with
/// bincode, so it uses no `skip_serializing_if`, untagged or flattened fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What it proposes.
    pub kind: SuggestionKind,
    /// Where, in code points of the text, end exclusive.
    pub span: Span,
    /// The label it would get: `Label::Quote`, `Label::Claim` or `Label::Entity(kind)`.
    pub label: Label,
    /// Why, in a few words, for a tooltip.
    pub reason: String,
    /// Quotes and claims: the span of the speaker's name in the text, when the rules found one.
    pub speaker: Option<Span>,
    /// Mentions of a registry entry: its id.
    pub entity: Option<EntityId>,
}

/// Every suggestion for one article's `text`, in text order (by start, then end), none overlapping
/// another of the same kind; `registry` gives the entries whose names and aliases are proposed as
/// mentions.
pub fn suggest(text: &str, registry: &[Rc<Entity>]) -> Vec<Suggestion> {
    let doc = text::Doc::new(text);
    let people = names::People::new(&doc, registry);
    let mut all = quotes::suggest(&doc, &people);
    all.extend(claims::suggest(&doc, &people));
    all.extend(mentions::suggest(&doc, &people, registry));
    all.sort_by_key(|s| (s.span.start(), s.span.end(), s.kind));
    all
}

/// A stable key of a suggestion in an article (kind, start, end), such as `quote:120-164`, to remember
/// rejections across reloads.
pub fn key(s: &Suggestion) -> String {
    format!("{}:{}-{}", s.kind.name(), s.span.start(), s.span.end())
}

#[cfg(test)]
#[path = "../tests/suggest.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/suggest_seeds.rs"]
mod seeds;

#[cfg(test)]
#[path = "../tests/suggest_gold.rs"]
mod gold;
