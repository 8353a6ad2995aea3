//! Scoring the suggestions against a labelled set (`na-convert suggest --score GOLD.jsonl`): precision
//! and recall per kind, exact and by overlap, and the bars the engine is held to.

use super::{suggest, Suggestion, SuggestionKind};
use crate::domain::model::names::{EntityId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::Deserialize;
use std::rc::Rc;

/// Quotes of at least this many words are held to the bar.
pub const BAR_WORDS: usize = 5;

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    text: String,
    #[serde(default)]
    registry: Vec<Entry>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    claims: Vec<GoldClaim>,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    speaker: Option<(usize, usize)>,
}

#[derive(Deserialize)]
struct GoldClaim {
    start: usize,
    end: usize,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<(usize, usize)>,
}

#[derive(Deserialize)]
struct GoldMention {
    start: usize,
    end: usize,
}

/// Matched and total counts for one kind, exact and by overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Suggestions made.
    pub suggested: usize,
    /// Gold spans.
    pub gold: usize,
    /// Suggestions with exactly a gold span.
    pub exact: usize,
    /// Gold spans matched once each by an overlapping suggestion.
    pub overlap: usize,
}

/// `part / whole`, or 1 when there is nothing to count.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The scores of a labelled set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// How many paragraphs were read.
    pub paragraphs: usize,
    /// Quotes, claims, mentions.
    pub kinds: [Counts; 3],
    /// Suggested quotes of at least [`BAR_WORDS`] words, and how many overlap a gold quote.
    pub long_suggested: (usize, usize),
    /// Gold quotes of at least [`BAR_WORDS`] words, and how many a suggestion overlaps.
    pub long_gold: (usize, usize),
    /// Of the long gold quotes found whose speaker is named: how many, and how many got it right.
    pub speakers: (usize, usize),
    /// Registry mentions in the gold, and how many were suggested exactly.
    pub registry: (usize, usize),
    /// Registry mentions suggested that are no gold mention.
    pub registry_false: usize,
}

fn words(chars: &[char], span: (usize, usize)) -> usize {
    chars
        .get(span.0..span.1.min(chars.len()))
        .unwrap_or_default()
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// One-to-one matching by overlap: for each suggestion, the index of the gold span it matched.
fn match_overlap(suggested: &[(usize, usize)], gold: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut taken = vec![false; gold.len()];
    let free = |taken: &[bool], i: usize| !taken.get(i).copied().unwrap_or(true);
    suggested
        .iter()
        .map(|&s| {
            let exact = gold
                .iter()
                .enumerate()
                .position(|(i, &g)| free(&taken, i) && g == s);
            let any = || {
                gold.iter()
                    .enumerate()
                    .position(|(i, &g)| free(&taken, i) && overlaps(s, g))
            };
            let found = exact.or_else(any);
            if let Some(slot) = found.and_then(|i| taken.get_mut(i)) {
                *slot = true;
            }
            found
        })
        .collect()
}

fn count(suggested: &[(usize, usize)], gold: &[(usize, usize)]) -> Counts {
    Counts {
        suggested: suggested.len(),
        gold: gold.len(),
        exact: suggested.iter().filter(|s| gold.contains(s)).count(),
        overlap: match_overlap(suggested, gold).iter().flatten().count(),
    }
}

fn add(total: &mut Counts, one: Counts) {
    total.suggested += one.suggested;
    total.gold += one.gold;
    total.exact += one.exact;
    total.overlap += one.overlap;
}

fn pair(s: Span) -> (usize, usize) {
    (s.start(), s.end())
}

fn spans(list: &[Suggestion], kind: SuggestionKind) -> Vec<&Suggestion> {
    list.iter().filter(|s| s.kind == kind).collect()
}

/// Runs [`suggest`] on every paragraph of the JSONL `gold` and scores it; `Err` names the line that
/// could not be read.
pub fn score(gold: &str) -> Result<Score, String> {
    let mut score = Score::default();
    for (n, line) in gold.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let p: Paragraph =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        score_one(&mut score, &p).map_err(|e| format!("line {} ({}): {e}", n + 1, p.id))?;
        score.paragraphs += 1;
    }
    Ok(score)
}

fn registry(p: &Paragraph) -> Result<Vec<Rc<Entity>>, String> {
    p.registry
        .iter()
        .enumerate()
        .map(|(i, e)| {
            // The British spelling too: labelled sets are written on both sides of the Atlantic.
            let name = if e.kind == "organisation" {
                "organization"
            } else {
                &e.kind
            };
            let kind = EntityKind::from_name(name)
                .ok_or_else(|| format!("registry[{i}]: \"{}\" is not an entity kind", e.kind))?;
            let id = EntityId::from(format!("gold-{i}").as_str());
            let mut entity = Entity::new(id, &e.name, kind, Timestamp(0));
            entity.aliases = e.aliases.clone();
            Ok(Rc::new(entity))
        })
        .collect()
}

fn score_one(score: &mut Score, p: &Paragraph) -> Result<(), String> {
    let chars: Vec<char> = p.text.chars().collect();
    let made = suggest(&p.text, &registry(p)?);
    let quotes = spans(&made, SuggestionKind::Quote);
    let q_spans: Vec<(usize, usize)> = quotes.iter().map(|s| pair(s.span)).collect();
    let g_quotes: Vec<(usize, usize)> = p.quotes.iter().map(|q| (q.start, q.end)).collect();
    add(&mut score.kinds[0], count(&q_spans, &g_quotes));
    let claims: Vec<(usize, usize)> = spans(&made, SuggestionKind::Claim)
        .iter()
        .map(|s| pair(s.span))
        .collect();
    let g_claims: Vec<(usize, usize)> = p.claims.iter().map(|c| (c.start, c.end)).collect();
    add(&mut score.kinds[1], count(&claims, &g_claims));
    let mentions = spans(&made, SuggestionKind::Mention);
    let m_spans: Vec<(usize, usize)> = mentions.iter().map(|s| pair(s.span)).collect();
    let g_mentions: Vec<(usize, usize)> = p.mentions.iter().map(|m| (m.start, m.end)).collect();
    add(&mut score.kinds[2], count(&m_spans, &g_mentions));
    // The bars.
    let matched = match_overlap(&q_spans, &g_quotes);
    for (s, m) in q_spans.iter().zip(&matched) {
        if words(&chars, *s) >= BAR_WORDS {
            score.long_suggested.0 += 1;
            score.long_suggested.1 += usize::from(m.is_some());
        }
    }
    for (g, gold) in p.quotes.iter().enumerate() {
        if words(&chars, (gold.start, gold.end)) < BAR_WORDS {
            continue;
        }
        let found = matched.iter().position(|m| *m == Some(g));
        score.long_gold.0 += 1;
        score.long_gold.1 += usize::from(found.is_some());
        if let (Some(i), Some(want)) = (found, gold.speaker) {
            score.speakers.0 += 1;
            let got = quotes.get(i).and_then(|q| q.speaker).map(pair);
            score.speakers.1 += usize::from(got.is_some_and(|s| overlaps(s, want)));
        }
    }
    let from_registry: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|s| s.entity.is_some())
        .map(|s| pair(s.span))
        .collect();
    score.registry.0 += g_mentions.len();
    score.registry.1 += g_mentions
        .iter()
        .filter(|g| from_registry.contains(g))
        .count();
    score.registry_false += from_registry
        .iter()
        .filter(|s| !g_mentions.contains(s))
        .count();
    Ok(())
}

impl Score {
    /// The report, one line each: per kind, then the bars.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!("paragraphs: {}", self.paragraphs)];
        for (name, c) in ["quotes", "claims", "mentions"].iter().zip(&self.kinds) {
            out.push(format!(
                "{name}: {} suggested, {} gold; exact P {:.2} R {:.2}; overlap P {:.2} R {:.2}",
                c.suggested,
                c.gold,
                ratio(c.exact, c.suggested),
                ratio(c.exact, c.gold),
                ratio(c.overlap, c.suggested),
                ratio(c.overlap, c.gold)
            ));
        }
        let p = ratio(self.long_suggested.1, self.long_suggested.0);
        let r = ratio(self.long_gold.1, self.long_gold.0);
        let s = ratio(self.speakers.1, self.speakers.0);
        let reg = ratio(self.registry.1, self.registry.0);
        let verdict = |ok: bool| if ok { "ok" } else { "BELOW" };
        out.push(format!(
            "bar quotes of {BAR_WORDS}+ words (overlap): P {p:.2} ({}/{}) R {r:.2} ({}/{}); need P >= 0.90, R >= 0.85: {}",
            self.long_suggested.1,
            self.long_suggested.0,
            self.long_gold.1,
            self.long_gold.0,
            verdict(p >= 0.9 && r >= 0.85)
        ));
        out.push(format!(
            "bar speakers of those quotes: {s:.2} ({}/{}); need >= 0.80: {}",
            self.speakers.1,
            self.speakers.0,
            verdict(s >= 0.8)
        ));
        out.push(format!(
            "bar registry mentions: R exact {reg:.2} ({}/{}), {} false positives; need R 1.00 and none: {}",
            self.registry.1,
            self.registry.0,
            self.registry_false,
            verdict(self.registry.1 == self.registry.0 && self.registry_false == 0)
        ));
        out
    }
}

#[cfg(test)]
#[path = "../../tests/suggest_score.rs"]
mod tests;
