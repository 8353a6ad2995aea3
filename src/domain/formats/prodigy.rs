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
use super::tags::tag;
use super::tokens::{is_space, tokenize};
use super::{Body, Doc};
use crate::domain::json::Writer;

/// Writes one JSONL line per article.
pub fn export(docs: &[Doc]) -> Body {
    let mut out = String::new();
    let mut dropped = Vec::new();
    for doc in docs {
        let text = &doc.article.text;
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(text);
        let mut w = Writer::compact();
        w.begin_object();
        w.field("text", text);
        w.key("meta");
        w.begin_object();
        w.field("article", doc.article.id.as_str());
        w.field("title", &doc.article.title);
        w.end_object();
        w.key("tokens");
        w.begin_array();
        for (id, t) in tokens.iter().enumerate() {
            let word: String = chars
                .get(t.start..t.end)
                .unwrap_or_default()
                .iter()
                .collect();
            w.begin_object();
            w.field("text", &word);
            w.field("start", &t.start);
            w.field("end", &t.end);
            w.field("id", &id);
            w.field("ws", &chars.get(t.end).copied().is_some_and(is_space));
            w.end_object();
        }
        w.end_array();
        w.key("spans");
        w.begin_array();
        for a in &doc.annotations {
            let aligned = on_tokens(&tokens, a.span.start(), a.span.end())
                .and_then(|range| Some((widened(&tokens, &range)?, range)));
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
            w.begin_object();
            w.field("start", &start);
            w.field("end", &end);
            w.field("token_start", &range.start);
            w.field("token_end", &range.end.saturating_sub(1));
            w.field("label", tag(a.label));
            w.end_object();
        }
        w.end_array();
        w.end_object();
        out.push_str(&w.finish());
        out.push('\n');
    }
    Body {
        dropped,
        ..Body::text(out)
    }
}

#[cfg(test)]
#[path = "../tests/formats/prodigy.rs"]
mod tests;
