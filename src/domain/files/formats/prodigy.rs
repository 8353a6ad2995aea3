//! Prodigy JSONL export: one compact line per article with its tokens and token-aligned spans.
//!
//! ```text
//! {"text": "...", "meta": {"article": "fixture", "title": "..."},
//!  "tokens": [{"text": "Kyiv", "start": 3, "end": 7, "id": 1, "ws": true}, ...],
//!  "spans": [{"start": 3, "end": 7, "token_start": 1, "token_end": 1, "label": "LOC"}, ...]}
//! ```
//! (on one line in the file). Tokens are [`super::tokens::tokenize`]'s; `ws` says whether whitespace
//! follows the token. Spans are every annotation, overlapping ones too (Prodigy's `spans` allow it),
//! labelled with [`super::tags::tag`]. No `_input_hash` or `_task_hash`: Prodigy adds them on import.
//!
//! Offsets are Unicode code points, end exclusive (Python's `str` indices, as Prodigy counts);
//! `token_start` and `token_end` are token indices, `token_end` inclusive. Prodigy needs spans on token
//! boundaries, so a span whose ends fall inside tokens is widened to whole tokens (its `start` and `end`
//! are then the widened ones) and [`Body::dropped`] says so; a span of only whitespace covers no token
//! and is left out, also listed there.

use super::conll::{describe, on_tokens, widened, widened_line};
use super::spacy::Meta;
use super::tags::tag;
use super::tokens::{is_space, tokenize, Token};
use super::{Body, Doc};
use crate::domain::files::json::to_compact;
use serde::{Deserialize, Serialize};

/// One line: an article's text, which article it is, its tokens and its spans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The article's text.
    pub text: String,
    /// Which article it is.
    pub meta: Meta,
    /// Its tokens.
    pub tokens: Vec<Word>,
    /// Its spans, on token boundaries.
    pub spans: Vec<Labelled>,
}

/// A token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word {
    /// Its text.
    pub text: String,
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its index, from 0.
    pub id: usize,
    /// Whether whitespace follows it.
    pub ws: bool,
}

/// A span on token boundaries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The index of its first token.
    pub token_start: usize,
    /// The index of its last token (inclusive).
    pub token_end: usize,
    /// Its tag.
    pub label: String,
}

/// Writes one JSONL line per article.
pub fn export(docs: &[Doc]) -> Body {
    let mut out = String::new();
    let mut dropped = Vec::new();
    for doc in docs {
        let text = &doc.article.text;
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(text);
        let line = Line {
            text: text.clone(),
            meta: Meta::of(doc),
            tokens: words(&chars, &tokens),
            spans: spans(doc, &tokens, &mut dropped),
        };
        out.push_str(&to_compact(&line));
        out.push('\n');
    }
    Body {
        dropped,
        ..Body::text(out)
    }
}

/// The `tokens` of a text of `chars`.
fn words(chars: &[char], tokens: &[Token]) -> Vec<Word> {
    tokens
        .iter()
        .enumerate()
        .map(|(id, t)| Word {
            text: chars
                .get(t.start..t.end)
                .unwrap_or_default()
                .iter()
                .collect(),
            start: t.start,
            end: t.end,
            id,
            ws: chars.get(t.end).copied().is_some_and(is_space),
        })
        .collect()
}

/// The spans of `doc` widened to whole `tokens`; a widened span, or one of only whitespace (left
/// out), adds a line to `dropped`.
fn spans(doc: &Doc, tokens: &[Token], dropped: &mut Vec<String>) -> Vec<Labelled> {
    let mut out = Vec::new();
    for a in &doc.annotations {
        let aligned = on_tokens(tokens, a.span.start(), a.span.end())
            .and_then(|range| Some((widened(tokens, &range)?, range)));
        let Some(((start, end), range)) = aligned else {
            dropped.push(format!(
                "{} is only whitespace: no token to mark",
                describe(doc, a)
            ));
            continue;
        };
        if (start, end) != (a.span.start(), a.span.end()) {
            dropped.push(widened_line(doc, a, start, end));
        }
        out.push(Labelled {
            start,
            end,
            token_start: range.start,
            token_end: range.end.saturating_sub(1),
            label: tag(a.label).to_owned(),
        });
    }
    out
}

#[cfg(test)]
#[path = "../../tests/formats/prodigy.rs"]
mod tests;
