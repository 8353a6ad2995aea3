//! The passages of one article that may be quoted elsewhere: the person's tagged quotes, and the text
//! the article itself puts between quotation marks.

use crate::domain::features::similarity::fold;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Workspace;

/// At most this many passages per article (tagged quotes first, then found ones in text order), so a
/// long own article cannot make the comparison, which looks at every pair, slow.
pub const MAX_PASSAGES: usize = 500;

/// A found passage needs at least this many words; a shorter one ("short-sighted", "very good") is
/// a phrase the article borrows rather than a statement.
pub const MIN_WORDS: usize = 4;

/// One passage of one article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    /// The article it is in.
    pub article: ArticleId,
    /// Where, in code points of the article's text (the quotation marks left out).
    pub span: Span,
    /// Its text.
    pub text: String,
    /// The tagged quote it is, or `None` when it was found between quotation marks.
    pub tagged: Option<AnnotationId>,
}

/// The spans of `text` between quotation marks (“ and ”, or straight `"` and `"`, or one of each)
/// on one line, without the spaces just inside the marks, that hold at least [`MIN_WORDS`] words: in
/// text order, at most [`MAX_PASSAGES`]. A quotation still open at the end of its line is left out.
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // (byte, code point) just after the opening mark of the quotation being read.
    let mut open: Option<(usize, usize)> = None;
    for (count, (byte, c)) in text.char_indices().enumerate() {
        match (c, open) {
            ('\n' | '\r', _) => open = None,
            ('“', _) | ('"', None) => open = Some((byte + c.len_utf8(), count + 1)),
            ('”' | '"', Some((from_byte, from))) => {
                open = None;
                let inner = text.get(from_byte..byte).unwrap_or_default();
                if let Some(span) = trimmed(inner, from) {
                    out.push(span);
                    if out.len() >= MAX_PASSAGES {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The span of `inner` (starting at code point `from`) without its outer whitespace, if it has at
/// least [`MIN_WORDS`] words.
fn trimmed(inner: &str, from: usize) -> Option<Span> {
    if word_count(inner) < MIN_WORDS {
        return None;
    }
    let lead = inner.chars().take_while(|c| c.is_whitespace()).count();
    let kept = inner.trim().chars().count();
    Span::new(from + lead, from + lead + kept).ok()
}

/// The words of `text`: its whitespace-separated pieces that keep something once folded.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| !fold(w).is_empty())
        .count()
}

/// The passages of `article`: its tagged quotes, and the quotations found in its text that no tagged
/// quote overlaps (a tagged quote over the same words is the same passage). In text order, at most
/// [`MAX_PASSAGES`], tagged quotes kept first.
pub fn passages(ws: &Workspace, article: &Article) -> Vec<Passage> {
    let tagged: Vec<(Span, AnnotationId)> = ws
        .in_article(&article.id)
        .iter()
        .filter(|a| a.label == Label::Quote)
        .map(|a| (a.span, a.id.clone()))
        .take(MAX_PASSAGES)
        .collect();
    let room = MAX_PASSAGES.saturating_sub(tagged.len());
    let found: Vec<Span> = quoted_spans(&article.text)
        .into_iter()
        .filter(|span| !tagged.iter().any(|(t, _)| t.overlaps(*span)))
        .take(room)
        .collect();
    let mut found = found.into_iter().peekable();
    // Both lists are in text order: merge them.
    let mut tagged = tagged.into_iter().peekable();
    let mut out = Vec::new();
    loop {
        let next = match (tagged.peek(), found.peek()) {
            (Some((t, _)), Some(f)) if f < t => found.next().map(|f| (f, None)),
            (Some(_), _) => tagged.next().map(|(t, id)| (t, Some(id))),
            (None, _) => found.next().map(|f| (f, None)),
        };
        let Some((span, tagged)) = next else { break };
        out.push(Passage {
            article: article.id.clone(),
            span,
            text: article.slice(span.start(), span.end()).to_owned(),
            tagged,
        });
    }
    out
}

#[cfg(test)]
#[path = "../../tests/outlets_passages.rs"]
mod tests;
