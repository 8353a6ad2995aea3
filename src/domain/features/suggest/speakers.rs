//! Who said it: the speech verb next to a quote ("…,” Zelensky said", "Hughes added, “…”"), its subject,
//! and a pronoun ("he said") or a title ("the Ukrainian president remarked") resolved to the nearest
//! fitting person named before it.

use super::names::{NameRun, People};
use super::text::Doc;
use crate::domain::model::names::EntityKind;
use crate::domain::model::span::Span;

/// Verbs that report speech.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stressed", "emphasized", "emphasised",
    "insisted", "remarked", "wrote", "writes", "noted", "argued", "stated", "declared", "explained",
    "warned", "claimed", "underscored", "acknowledged", "tweeted", "posted", "announced", "replied",
    "responded", "urged", "asked", "called", "described", "characterized", "characterised",
    "continued", "recalled", "admitted", "conceded", "suggested", "indicated", "reported",
    "commented", "concluded", "cautioned", "promised", "vowed", "pledged", "confirmed", "denied",
    "countered", "complained", "observed", "mentioned", "saying", "adding", "stating", "noting",
    "arguing", "insisting", "telling", "stressing", "warning", "writing", "calling", "describing",
    "explaining", "asking", "declaring", "emphasizing", "emphasising", "reiterated", "according",
];

/// Words between a subject and its verb ("Zelensky also said", "Trump has publicly stated").
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "also", "has", "had", "have", "then", "later", "again", "publicly", "repeatedly", "previously",
    "reportedly", "once", "further", "would", "will", "recently", "earlier", "already", "just",
    "quickly", "explicitly", "finally", "flatly", "simply", "not",
];

/// Words that end no noun phrase.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "but", "and", "or", "which", "that", "who", "whom", "to", "of", "in", "on", "at", "by", "for",
    "with", "as", "when", "while", "because", "if", "than", "then", "so",
];

/// Pronouns that refer to a person.
const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// Whether `word` (in lower case) reports speech.
pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// A speaker found for a quote or a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Speaker {
    /// The span of the speaker's name, when named.
    pub span: Option<Span>,
    /// Why, for the reason: `, then “Zelensky said”`; empty when nothing was found.
    pub why: String,
    /// Whether it was found right after the quote ("…,” Zelensky said).
    pub direct: bool,
}

/// How many sentences back a pronoun may look for its person.
const PRONOUN_REACH: usize = 3;

/// The speaker of the quote `doc.quoted[index]`; `previous` is the speaker of the quote before it.
pub(super) fn speaker_of_quote(
    doc: &Doc,
    people: &People,
    index: usize,
    previous: Option<&(usize, Speaker)>,
) -> Speaker {
    let Some(q) = doc.quoted.get(index) else {
        return Speaker::default();
    };
    let open = doc.token_at(q.open);
    let close = q.close.map_or(doc.token_at(q.end), |c| doc.token_at(c) + 1);
    let sentence = doc.sentence_of(open.min(doc.tokens.len().saturating_sub(1)));
    let (a, b) = doc.sentences.get(sentence).copied().unwrap_or((0, 0));
    let next_open = doc
        .quoted
        .get(index + 1)
        .map_or(b, |n| doc.token_at(n.open).min(b));
    let prev_close = index
        .checked_sub(1)
        .and_then(|p| doc.quoted.get(p))
        .map_or(a, |p| p.close.map_or(a, |c| doc.token_at(c) + 1).max(a));
    if let Some(mut found) = after_quote(doc, people, close, next_open) {
        found.direct = !found.why.is_empty();
        return found;
    }
    let _ = prev_close;
    if let Some(found) = before_quote(doc, people, a, open, a) {
        return found;
    }
    let spoken = (a..b)
        .any(|t| doc.quoted_at(doc.tok(t).start).is_none() && is_speech_verb(&doc.tok(t).lower()));
    match previous {
        Some((p, speaker)) if !spoken => {
            let p_open = doc.quoted.get(*p).map_or(0, |q| q.open);
            let p_sentence = doc.sentence_of(doc.token_at(p_open));
            if p_sentence + 1 >= sentence && !speaker.why.is_empty() {
                let mut inherited = speaker.clone();
                inherited.why = ", continuing the quote before".into();
                inherited.direct = false;
                return inherited;
            }
            Speaker::default()
        }
        _ => Speaker::default(),
    }
}

/// `…,” Zelensky said` or `…,” said Zelensky` or `…,” Kseniiia Orynchak, founder of …, said`.
fn after_quote(doc: &Doc, people: &People, from: usize, to: usize) -> Option<Speaker> {
    let first = (from..to).find(|&t| doc.tok(t).is_word())?;
    if (from..first).any(|t| matches!(doc.tok(t).text.as_str(), "." | "?" | "!")) {
        return None;
    }
    let word = doc.tok(first).lower();
    if is_speech_verb(&word) {
        let verb = &doc.tok(first).text;
        return Some(subject_after(doc, people, first + 1, to, verb));
    }
    let verb = (first + 1..to.min(first + 8)).find(|&t| is_speech_verb(&doc.tok(t).lower()));
    if let Some(verb) = verb {
        let gap = (first..verb).all(|t| doc.tok(t).is_word() || possessive_mark(doc, t));
        if gap {
            return Some(subject_before(doc, people, first, verb));
        }
    }
    let name = people.runs.iter().find(|r| r.first == first)?;
    let later = (first..to.min(first + 30)).find(|&t| is_speech_verb(&doc.tok(t).lower()))?;
    Some(named(name, ", then ", &doc.tok(later).text))
}

fn possessive_mark(doc: &Doc, t: usize) -> bool {
    matches!(doc.tok(t).text.as_str(), "’" | "'")
}

/// `Hughes added, “…”` or `he said: “…”`: the last speech verb before the quote with a subject.
fn before_quote(doc: &Doc, people: &People, from: usize, open: usize, a: usize) -> Option<Speaker> {
    let verbs: Vec<usize> = (from..open)
        .filter(|&t| doc.quoted_at(doc.tok(t).start).is_none())
        .filter(|&t| is_speech_verb(&doc.tok(t).lower()))
        .collect();
    for &v in verbs.iter().rev() {
        let found = subject_before(doc, people, a, v);
        if found.span.is_some() || !found.why.is_empty() {
            return Some(found);
        }
    }
    let &v = verbs.last()?;
    Some(sentence_subject(doc, people, a, v))
}

/// The subject of the verb at token `verb`, in tokens `[a, verb)`.
pub(super) fn subject_before(doc: &Doc, people: &People, a: usize, verb: usize) -> Speaker {
    let verb_text = doc.tok(verb).text.as_str();
    if verb_text.eq_ignore_ascii_case("according") {
        return subject_after(doc, people, verb + 2, doc.tokens.len(), "according to");
    }
    let mut end = verb;
    while end > a && BETWEEN.contains(&doc.tok(end - 1).lower().as_str()) {
        end -= 1;
    }
    if end == a {
        return Speaker::default();
    }
    let last = &doc.tok(end - 1);
    if let Some(run) = people.ending_before(end) {
        return named(run, ", then ", verb_text);
    }
    let lower = last.lower();
    if PERSON_PRONOUNS.contains(&lower.as_str()) || lower == "it" {
        return pronoun(doc, people, end - 1, verb_text);
    }
    if !last.is_word() {
        return Speaker::default();
    }
    // "Zelensky's office said": the name and the noun after it.
    let owner = end >= a + 2 && doc.tok(end - 2).text.ends_with(['s', '’']) && {
        let t = &doc.tok(end - 2).text;
        t.ends_with("’s") || t.ends_with("'s")
    };
    if let Some(run) = people.ending_before(end - 1).filter(|_| owner) {
        if let Ok(span) = Span::new(run.span.start(), last.end) {
            let said = format!(
                ", then “{} {verb_text}”",
                doc.slice(span.start(), span.end())
            );
            return Speaker {
                span: Some(span),
                why: said,
                direct: false,
            };
        }
    }
    described(doc, people, a.max(end.saturating_sub(4)), end, verb_text)
}

/// The speaker after a verb at the quote: `said Zelensky`, `said the Ukrainian president`.
fn subject_after(doc: &Doc, people: &People, from: usize, to: usize, verb: &str) -> Speaker {
    let mut t = from;
    let mut stretch = Vec::new();
    while t < to && (doc.tok(t).is_capital() || doc.tok(t).lower() == "the") {
        stretch.push(t);
        t += 1;
    }
    if let Some(run) = people.within(from, t).last() {
        return Speaker {
            span: Some(run.span),
            why: format!(", then “{verb} {}”", run.text),
            direct: false,
        };
    }
    if let Some(word) = doc.tokens.get(from) {
        if PERSON_PRONOUNS.contains(&word.lower().as_str()) {
            return pronoun(doc, people, from, verb);
        }
    }
    let end = (from..to.min(from + 6))
        .find(|&k| !doc.tok(k).is_word())
        .unwrap_or(to.min(from + 6));
    described(doc, people, from, end, verb)
}

/// "the Ukrainian president": the nearest person before with that title; otherwise a speaker
/// described but not named.
fn described(doc: &Doc, people: &People, a: usize, end: usize, verb: &str) -> Speaker {
    let words: Vec<String> = doc
        .toks(a, end)
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.lower())
        .collect();
    let head = words.last().cloned().unwrap_or_default();
    if FUNCTION_WORDS.contains(&head.as_str()) || a >= end {
        return Speaker::default();
    }
    let phrase = words.join(" ");
    let titled = [
        "president",
        "minister",
        "secretary",
        "envoy",
        "chancellor",
        "premier",
    ];
    if titled.contains(&head.as_str()) {
        let wanted: Vec<String> = words
            .iter()
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .cloned()
            .collect();
        let pos = doc.tok(a).start;
        if let Some(run) = people.titled_before(pos, &wanted) {
            return Speaker {
                span: Some(run.span),
                why: format!(", then “{phrase} {verb}” ({}, named before)", run.text),
                direct: false,
            };
        }
    }
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "one" | "another"))
    {
        return Speaker {
            span: None,
            why: format!(", then “{phrase} {verb}” (not named)"),
            direct: false,
        };
    }
    Speaker::default()
}

/// "he said": the nearest fitting person before the pronoun.
fn pronoun(doc: &Doc, people: &People, t: usize, verb: &str) -> Speaker {
    let word = doc.tok(t).lower();
    let sentence = doc.sentence_of(t);
    let floor_sentence = sentence.saturating_sub(PRONOUN_REACH);
    let floor = doc.tok(doc.sentence(floor_sentence).0).start;
    let kind = if word == "it" {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    match people.person_before(doc.tok(t).start, floor, kind) {
        Some(run) => Speaker {
            span: Some(run.span),
            why: format!(", then “{word} {verb}” ({}, named before)", run.text),
            direct: false,
        },
        None => Speaker {
            span: None,
            why: format!(", then “{word} {verb}” (nobody fitting named before)"),
            direct: false,
        },
    }
}

/// The sentence's subject, for a verb with none of its own ("Brian Hughes defended the proposal,
/// arguing that “…”"): the last name before the sentence's first lower-case word that is no role.
fn sentence_subject(doc: &Doc, people: &People, a: usize, verb: usize) -> Speaker {
    let verb_text = doc.tok(verb).text.as_str();
    let mut t = a;
    while t < verb && matches!(doc.tok(t).text.as_str(), "But" | "And" | "So") {
        t += 1;
    }
    if t < verb && PERSON_PRONOUNS.contains(&doc.tok(t).lower().as_str()) {
        return pronoun(doc, people, t, verb_text);
    }
    let roles = [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "official",
        "minister",
        "of",
        "the",
    ];
    let mut end = t;
    while end < verb {
        let w = &doc.tok(end);
        if !(w.is_capital() || roles.contains(&w.lower().as_str()) || !w.is_word()) {
            break;
        }
        end += 1;
    }
    match people.within(t, end).last() {
        Some(run) => named(run, ", then the sentence's subject ", verb_text),
        None => Speaker::default(),
    }
}

fn named(run: &NameRun, how: &str, verb: &str) -> Speaker {
    Speaker {
        span: Some(run.span),
        why: format!("{how}“{} {verb}”", run.text),
        direct: false,
    }
}
