//! The HTML of an article's lines: each line a `p.para` whose annotated stretches are `span.seg` pieces,
//! cut at every annotation boundary, and whose other text is bare text, which keeps the page small. Built as one string so a whole article reaches the page in a single `innerHTML` write, and a
//! changed line in another; every piece of text and every attribute is escaped here.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::{Article, Paragraph};
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{Label, LabelName};
use crate::domain::model::span::Span;
use crate::domain::rendering::segments::segments;
use crate::domain::rendering::spoken::label_and_attributes_into;
use std::fmt::Write;
use std::rc::Rc;

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
/// A NUL, which the HTML parser drops, becomes U+FFFD: one code point for one, so the page's text keeps
/// the article's offsets.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'', '\0']) {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let mut chars = tail.chars();
        out.push_str(match chars.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            Some('\0') => "\u{FFFD}",
            _ => "&#39;",
        });
        rest = chars.as_str();
    }
    out.push_str(rest);
}

/// Appends the pieces of one line (the inside of its `p.para`).
///
/// `annotations` are those touching the line; the pieces they cover are `span.seg.hl`, with one class per label
/// present (`claim`, `quote`, `entity`), `<label>-deep` where two of a label overlap, `data-s` with the
/// piece's first code point (which annotations cover it is the workspace's to answer, so the page stays
/// small however deep the overlaps), and `data-mark` with the letters of the annotations that start
/// there, a claim's letter followed by its check and attribution symbols ([`mark_into`]), with
/// `role="mark"` and an `aria-description` that says their labels and attributes in words; the piece
/// where a checked or attributed claim starts also has `data-check`, `data-attribution` and a `title`
/// in words. (The view outlines the selected annotation by toggling a class, so selecting never rewrites a
/// line.)
pub fn line_into(
    out: &mut String,
    article: &Article,
    line: &Paragraph,
    annotations: &[Rc<Annotation>],
) {
    let text = article
        .text
        .get(line.byte_start..line.byte_end)
        .unwrap_or_default();
    let spans: Vec<Span> = annotations.iter().map(|a| a.span).collect();
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let (mut at, mut byte) = (line.start, chars.next().unwrap_or(0));
    for seg in segments(line.start, line.end, &spans) {
        let from = byte;
        while at < seg.end {
            byte = chars.next().unwrap_or(text.len());
            at += 1;
        }
        let piece = text.get(from..byte).unwrap_or_default();
        let covering: Vec<&Rc<Annotation>> = seg
            .covering
            .iter()
            .filter_map(|&i| annotations.get(i))
            .collect();
        if covering.is_empty() {
            escape_into(out, piece);
            continue;
        }
        out.push_str("<span class=\"seg hl");
        for label in LabelName::ALL {
            let depth = covering.iter().filter(|a| a.label.name() == label).count();
            if depth > 0 {
                let _ = write!(out, " {}", label.name());
            }
            if depth > 1 {
                let _ = write!(out, " {}-deep", label.name());
            }
        }
        let _ = write!(out, "\" data-s=\"{}\"", seg.start);
        let starting: Vec<&Rc<Annotation>> = covering
            .iter()
            .copied()
            .filter(|a| a.span.start() == seg.start)
            .collect();
        if !starting.is_empty() {
            out.push_str(" data-mark=\"");
            for a in &starting {
                mark_into(out, a);
            }
            out.push('"');
            description_into(out, &starting);
        }
        if let Some(claim) = starting.iter().find(|a| has_status(a)) {
            claim_cue_into(out, claim);
        }
        out.push('>');
        escape_into(out, piece);
        out.push_str("</span>");
    }
}

/// The symbol of a claim's check status on its highlight and in the lists, so that colour is never
/// the only cue: `✓` supported, `?` disputed, `✗` false, nothing while unchecked.
pub fn check_symbol(check: CheckStatus) -> &'static str {
    match check {
        CheckStatus::Unchecked => "",
        CheckStatus::Supported => "✓",
        CheckStatus::Disputed => "?",
        CheckStatus::False => "✗",
    }
}

/// The letter of a claim's attribution after its mark: `a` attributed, `u` unattributed, `o` the
/// outlet's own statement.
pub fn attribution_symbol(attribution: Attribution) -> &'static str {
    match attribution {
        Attribution::Attributed => "a",
        Attribution::Unattributed => "u",
        Attribution::OutletOwn => "o",
    }
}

/// Appends the mark drawn where `a` starts: its label's letter and, for a claim, the symbols of its
/// check status and attribution (`C✗o`: a false claim stated by the outlet itself).
pub fn mark_into(out: &mut String, a: &Annotation) {
    out.push(a.label.mark());
    if a.label == Label::Claim {
        out.push_str(check_symbol(a.attrs.check));
        out.push_str(a.attrs.attribution.map_or("", attribution_symbol));
    }
}

/// A claim's check status and attribution in words, such as `Disputed · Unattributed`; empty for an
/// unchecked claim with no attribution, and for other labels.
pub fn claim_status(a: &Annotation) -> String {
    if a.label != Label::Claim {
        return String::new();
    }
    let check = (a.attrs.check != CheckStatus::Unchecked).then(|| a.attrs.check.title());
    let attribution = a.attrs.attribution.map(Attribution::title);
    let words: Vec<&str> = check.into_iter().chain(attribution).collect();
    words.join(" · ")
}

/// Whether `a` is a claim with a check status or an attribution (what [`claim_status`] tells, without
/// building the words).
fn has_status(a: &Annotation) -> bool {
    a.label == Label::Claim
        && (a.attrs.check != CheckStatus::Unchecked || a.attrs.attribution.is_some())
}

/// Appends the attributes that show a claim's status on the piece where it starts.
fn claim_cue_into(out: &mut String, claim: &Annotation) {
    if claim.attrs.check != CheckStatus::Unchecked {
        let _ = write!(out, " data-check=\"{}\"", claim.attrs.check.name());
    }
    if let Some(attribution) = claim.attrs.attribution {
        let _ = write!(out, " data-attribution=\"{}\"", attribution.name());
    }
    out.push_str(" title=\"Claim: ");
    escape_into(out, &claim_status(claim));
    out.push('"');
}

/// Appends the screen reader's view of the piece where `starting` begin: `role="mark"` and an
/// `aria-description` with each one's label and attributes (`Claim, disputed; Person`). The text itself
/// is the piece's content, read as it stands.
fn description_into(out: &mut String, starting: &[&Rc<Annotation>]) {
    let mut words = String::new();
    for (i, a) in starting.iter().enumerate() {
        if i > 0 {
            words.push_str("; ");
        }
        label_and_attributes_into(&mut words, a);
    }
    out.push_str(" role=\"mark\" aria-description=\"");
    escape_into(out, &words);
    out.push('"');
}

/// Appends a whole line, `p.para` included. The first line carries `elementtiming="article"`, so the
/// browser's Element Timing reports when the article's text first painted (the benchmark's first visit);
/// only the first, since the browser then watches every paint of the marked lines' text, which slowed
/// redrawing a line of 500 highlights.
pub fn paragraph_into(
    out: &mut String,
    article: &Article,
    line: &Paragraph,
    annotations: &[Rc<Annotation>],
) {
    let timing = if line.start == 0 {
        " elementtiming=\"article\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<p class=\"para\"{timing} data-start=\"{}\" data-end=\"{}\">",
        line.start, line.end
    );
    line_into(out, article, line, annotations);
    out.push_str("</p>");
}

#[cfg(test)]
#[path = "../tests/markup.rs"]
mod tests;
