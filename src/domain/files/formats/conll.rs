//! CoNLL-2003 IOB2 export: one token a line with its tag, a blank line between sentences.
//!
//! ```text
//! -DOCSTART- -X- O O
//!
//! Scott B-CLAIM
//! Bessent I-CLAIM
//! ...
//! . O
//!
//! ```
//!
//! Each article starts with the document line `-DOCSTART- -X- O O` and a blank line (spaCy's
//! `spacy convert -c ner` splits documents at exactly that line; other readers skip any line that starts
//! with `-DOCSTART-`). Then come its tokens ([`super::tokens`]), each line the token and its tag
//! separated by one space: `B-TAG` on a span's first token, `I-TAG` on the others, `O` outside spans,
//! with the tags of [`super::tags::tag`]. A blank line ends each sentence; a sentence never ends inside
//! a span, so every span is within one sentence. Tokens hold no whitespace, so every line has exactly
//! two fields.
//!
//! The format has no offsets: a span is the tokens it covers, so a span whose ends fall inside tokens
//! is widened to whole tokens, and one of only whitespace cannot be written. It holds one layer of
//! tags, so of overlapping or nested spans one is kept: spans are taken by start, a longer span before
//! a shorter one that starts with it, and a span is kept only if it shares no token with a span already
//! kept (the earlier span wins, then the longer). [`Body::dropped`] lists every span left out and every
//! span widened.
//!
//! The helpers the other token and one-layer formats share live here too: [`describe`],
//! [`on_tokens`] and [`one_layer`].

use super::tags::tag;
use super::tokens::{sentences, tokenize, Token};

mod read;
use super::{Body, Doc};
use crate::domain::model::annotation::Annotation;
pub use read::read;
use std::ops::Range;
use std::rc::Rc;

/// The document line before each article, as spaCy's CoNLL converter expects it.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// How many code points of a span's text a message quotes, the `…` included.
const EXCERPT: usize = 20;

/// A span for a message: `fixture: CLAIM "the deal “historic”…" (170–219)`: the article, the tag, the
/// start of its text on one line, and its code point offsets.
pub(super) fn describe(doc: &Doc, a: &Annotation) -> String {
    let text = doc.article.slice(a.span.start(), a.span.end());
    let one_line = |c: char| if c.is_control() { ' ' } else { c };
    let mut excerpt: String = text.chars().map(one_line).collect();
    if text.chars().count() > EXCERPT {
        excerpt = text.chars().take(EXCERPT - 1).map(one_line).collect();
        excerpt.truncate(excerpt.trim_end().len());
        excerpt.push('…');
    }
    format!(
        "{}: {} \"{excerpt}\" ({}–{})",
        doc.article.id.as_str(),
        tag(a.label),
        a.span.start(),
        a.span.end()
    )
}

/// The tokens that a span `start..end` (code points) touches, as a range of token indices; `None` when it
/// touches none (it is only whitespace).
pub(super) fn on_tokens(tokens: &[Token], start: usize, end: usize) -> Option<Range<usize>> {
    let first = tokens.partition_point(|t| t.end <= start);
    let after = tokens.partition_point(|t| t.start < end);
    (first < after).then_some(first..after)
}

/// The code points from the first to the end of the last of `range`'s tokens.
pub(super) fn widened(tokens: &[Token], range: &Range<usize>) -> Option<(usize, usize)> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    Some((first.start, last.end))
}

/// The line that tells of a span widened to `start..end`.
pub(super) fn widened_line(doc: &Doc, a: &Annotation, start: usize, end: usize) -> String {
    format!(
        "widened to whole tokens: {} → ({start}–{end})",
        describe(doc, a)
    )
}

/// A span and its half-open range, in code points or token indices.
pub(super) type Placed<'a> = (&'a Rc<Annotation>, Range<usize>);

/// One layer of `candidates` (each a span and its half-open range in some unit): taken by start, longer
/// first, each kept only if its range overlaps no kept one. Returns the kept ones in that order, and a
/// line for each dropped one naming the kept span it overlaps.
pub(super) fn one_layer<'a>(
    doc: &Doc,
    mut candidates: Vec<Placed<'a>>,
) -> (Vec<Placed<'a>>, Vec<String>) {
    candidates.sort_by_key(|(a, _)| (a.span.start(), std::cmp::Reverse(a.span.end())));
    let mut kept: Vec<Placed> = Vec::new();
    let mut dropped = Vec::new();
    for (a, range) in candidates {
        let blocker = kept
            .iter()
            .find(|(_, k)| k.start < range.end && range.start < k.end);
        match blocker {
            Some((b, _)) => dropped.push(format!(
                "{} overlaps {} ({}–{})",
                describe(doc, a),
                tag(b.label),
                b.span.start(),
                b.span.end()
            )),
            None => kept.push((a, range)),
        }
    }
    (kept, dropped)
}

/// Writes the docs (see the module's shape and rules).
pub fn export(docs: &[Doc]) -> Body {
    let mut out = String::new();
    let mut dropped = Vec::new();
    for doc in docs {
        let text = &doc.article.text;
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(text);
        let mut candidates = Vec::new();
        for a in &doc.annotations {
            match on_tokens(&tokens, a.span.start(), a.span.end()) {
                Some(range) => candidates.push((a, range)),
                None => dropped.push(format!(
                    "{} is only whitespace: no token to tag",
                    describe(doc, a)
                )),
            }
        }
        let (kept, overlapping) = one_layer(doc, candidates);
        for (a, range) in &kept {
            if let Some((start, end)) = widened(&tokens, range) {
                if (start, end) != (a.span.start(), a.span.end()) {
                    dropped.push(widened_line(doc, a, start, end));
                }
            }
        }
        dropped.extend(overlapping);

        let mut tags: Vec<Option<(bool, &str)>> = vec![None; tokens.len()];
        for (a, range) in &kept {
            for i in range.clone() {
                if let Some(t) = tags.get_mut(i) {
                    *t = Some((i == range.start, tag(a.label)));
                }
            }
        }
        // A sentence never ends inside a kept span.
        let mut groups: Vec<Range<usize>> = Vec::new();
        for s in sentences(text, &tokens) {
            let inside = kept
                .iter()
                .any(|(_, r)| r.start < s.start && s.start < r.end);
            match groups.last_mut() {
                Some(last) if inside => last.end = s.end,
                _ => groups.push(s),
            }
        }

        out.push_str(DOCSTART);
        out.push_str("\n\n");
        for group in groups {
            for i in group {
                let (Some(token), Some(t)) = (tokens.get(i), tags.get(i)) else {
                    continue;
                };
                out.extend(chars.get(token.start..token.end).unwrap_or_default());
                match t {
                    Some((true, name)) => {
                        out.push_str(" B-");
                        out.push_str(name);
                    }
                    Some((false, name)) => {
                        out.push_str(" I-");
                        out.push_str(name);
                    }
                    None => out.push_str(" O"),
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }
    Body {
        dropped,
        ..Body::text(out)
    }
}

#[cfg(test)]
#[path = "../../tests/formats/conll.rs"]
mod tests;

#[cfg(test)]
#[path = "../../tests/formats/conll_read.rs"]
mod read_tests;
