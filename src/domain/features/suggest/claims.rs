//! Attributed claims in reported speech: "X said (that) …", "…, X said.", "according to X, …", each with
//! its source when the text names it.

use super::names::People;
use super::quotes::QUOTE_WORDS;
use super::speakers::{subject_before, Speaker};
use super::text::Doc;
use super::{Suggestion, SuggestionKind};
use crate::domain::model::names::Label;
use crate::domain::model::span::Span;

/// Verbs that introduce reported speech.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "says", "say", "told", "tells", "stated", "claimed", "argued", "insisted", "warned",
    "suggested", "indicated", "noted", "added", "stressed", "acknowledged", "reported",
    "emphasized", "emphasised", "underscored", "announced", "confirmed", "believes", "believe",
    "estimated", "predicted", "maintained", "contended", "alleged", "asserted",
];

/// Words after "said" that start a clause without "that".
#[rustfmt::skip]
const CLAUSE_START: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "the", "any", "a", "there",
];

/// Days that may stand between "said" and its clause ("said Tuesday he would").
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday",
];

/// A claim needs at least this many words.
const CLAIM_WORDS: usize = 4;

/// The claims of `doc`, at most one per sentence.
pub(super) fn suggest(doc: &Doc, people: &People) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for &(a, b) in &doc.sentences {
        let found = according_to(doc, people, a, b)
            .or_else(|| verb_that(doc, people, a, b))
            .or_else(|| trailing(doc, people, a, b));
        let Some((first, last, speaker, how)) = found else {
            continue;
        };
        let Some(span) = clause_span(doc, first, last) else {
            continue;
        };
        out.push(Suggestion {
            kind: SuggestionKind::Claim,
            span,
            label: Label::Claim,
            reason: format!("reported speech, {how}{}", speaker.why),
            speaker: speaker.span,
            entity: None,
        });
    }
    out
}

type Found = (usize, usize, Speaker, &'static str);

fn word(doc: &Doc, t: usize) -> String {
    doc.tokens.get(t).map(|t| t.lower()).unwrap_or_default()
}

fn outside(doc: &Doc, t: usize) -> bool {
    doc.quoted_at(doc.tok(t).start).is_none()
}

/// "According to X, …" and "…, according to X."
fn according_to(doc: &Doc, people: &People, a: usize, b: usize) -> Option<Found> {
    let t = (a..b.saturating_sub(1))
        .find(|&t| word(doc, t) == "according" && word(doc, t + 1) == "to" && outside(doc, t))?;
    let speaker = subject_before(doc, people, a, t);
    if t == a {
        let comma = (t..b).find(|&k| doc.tok(k).text == "," && outside(doc, k))?;
        Some((comma + 1, b, speaker, "“according to …”"))
    } else {
        Some((a, t, speaker, "“… according to”"))
    }
}

/// "X said (on Tuesday) that …", "X told Reuters that …", "X said Tuesday he …".
fn verb_that(doc: &Doc, people: &People, a: usize, b: usize) -> Option<Found> {
    for v in a..b {
        if !REPORTING.contains(&word(doc, v).as_str()) || !outside(doc, v) {
            continue;
        }
        let speaker = subject_before(doc, people, a, v);
        if speaker.why.is_empty() {
            continue;
        }
        let that = (v + 1..b.min(v + 9))
            .take_while(|&k| doc.tok(k).is_word() || doc.tok(k).text == ",")
            .find(|&k| word(doc, k) == "that");
        if let Some(that) = that {
            return Some((that + 1, b, speaker, "a speech verb then “that”"));
        }
        let mut k = v + 1;
        while DAYS.contains(&word(doc, k).as_str()) || word(doc, k) == "on" {
            k += 1;
        }
        if matches!(word(doc, v).as_str(), "said" | "says")
            && CLAUSE_START.contains(&word(doc, k).as_str())
        {
            return Some((k, b, speaker, "a speech verb then a clause"));
        }
    }
    None
}

/// "…, the senior official said." at a sentence's end.
fn trailing(doc: &Doc, people: &People, a: usize, b: usize) -> Option<Found> {
    let mut last = b;
    while last > a && !doc.tok(last - 1).is_word() {
        last -= 1;
    }
    let v = (a..last)
        .rev()
        .take(6)
        .find(|&v| REPORTING.contains(&word(doc, v).as_str()))?;
    let comma = (a..v).rev().take(7).find(|&k| doc.tok(k).text == ",")?;
    if (comma + 1..v).any(|k| !doc.tok(k).is_word()) || !outside(doc, comma) {
        return None;
    }
    if doc.quoted_at(doc.tok(a).start).is_some() {
        return None;
    }
    let speaker = subject_before(doc, people, comma + 1, v);
    Some((a, comma, speaker, "then “…, X said”"))
}

/// The span of tokens `[first, last)` without the final full stop, if it holds a claim: enough words,
/// and not mostly one direct quote (that is the quote's suggestion).
fn clause_span(doc: &Doc, first: usize, last: usize) -> Option<Span> {
    let mut last = last;
    while last > first
        && matches!(
            doc.tok(last - 1).text.as_str(),
            "." | "," | ";" | ":" | "—" | "–"
        )
    {
        last -= 1;
    }
    let mut first = first;
    // A dateline ("MUNICH, Germany:") is no part of the claim.
    let head = &doc.tok(first.min(doc.tokens.len() - 1));
    if head.text.chars().count() > 2 && head.text.chars().all(|c| !c.is_lowercase()) {
        if let Some(colon) =
            (first..last.min(first + 6)).find(|&k| matches!(doc.tok(k).text.as_str(), ":" | "—"))
        {
            first = colon + 1;
        }
    }
    while first < last && matches!(doc.tok(first).text.as_str(), "," | ":" | "—" | "–") {
        first += 1;
    }
    let words = (first..last).filter(|&t| doc.tok(t).is_word()).count();
    if words < CLAIM_WORDS {
        return None;
    }
    let start = doc.tok(first).start;
    let end = doc.tok(last - 1).end;
    let quoted: usize = doc
        .quoted
        .iter()
        .filter(|q| q.words >= QUOTE_WORDS)
        .map(|q| q.end.min(end).saturating_sub(q.start.max(start)))
        .sum();
    if quoted * 10 >= (end - start) * 8 {
        return None;
    }
    Span::new(start, end).ok()
}
