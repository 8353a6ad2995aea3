//! Annotations in words for a screen reader: a highlight's description (its label and attributes; its
//! text is read as it stands), a list item's name and the live region's messages (label, attributes
//! and the first words of the text).

use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{EntityKind, Label};

/// How many code points of an annotation's text a list item's name and an announcement quote.
pub const FIRST_WORDS: usize = 60;

/// The label in words: `Claim`, `Quote`, `Person`, `Organization`, `Place` or `Other entity`.
pub fn label_words(label: Label) -> &'static str {
    match label {
        Label::Entity(EntityKind::Other) => "Other entity",
        Label::Entity(kind) => kind.title(),
        other => other.name().title(),
    }
}

/// Calls `word` with the label's words, then with each attribute in words: a claim's check status and
/// attribution (`disputed`, `unattributed`), `with a source`, `in the registry`, `with a note`.
fn each_word(a: &Annotation, mut word: impl FnMut(&'static str)) {
    word(label_words(a.label));
    let check = match a.attrs.check {
        CheckStatus::Unchecked => None,
        CheckStatus::Supported => Some("supported"),
        CheckStatus::Disputed => Some("disputed"),
        CheckStatus::False => Some("false"),
    };
    let attribution = a.attrs.attribution.map(|at| match at {
        Attribution::Attributed => "attributed",
        Attribution::Unattributed => "unattributed",
        Attribution::OutletOwn => "the outlet's own statement",
    });
    let source = a.attrs.source.as_ref().map(|_| "with a source");
    let entry = a.attrs.entity.as_ref().map(|_| "in the registry");
    let note = (!a.note.is_empty()).then_some("with a note");
    for w in [check, attribution, source, entry, note]
        .into_iter()
        .flatten()
    {
        word(w);
    }
}

/// Appends the label and attributes of `a`, comma separated: `Claim, disputed, unattributed`. Only
/// fixed words, so the result needs no escaping (the markup escapes it all the same).
pub fn label_and_attributes_into(out: &mut String, a: &Annotation) {
    let mut first = true;
    each_word(a, |w| {
        if !first {
            out.push_str(", ");
        }
        out.push_str(w);
        first = false;
    });
}

/// The label and attributes of `a` (see [`label_and_attributes_into`]).
pub fn label_and_attributes(a: &Annotation) -> String {
    let mut out = String::new();
    label_and_attributes_into(&mut out, a);
    out
}

/// `text` with its whitespace runs made single spaces and, if longer than `max` code points, cut to at
/// most `max` (at a word boundary, if there is one in the second half) followed by `…`.
pub fn first_words(text: &str, max: usize) -> String {
    let mut words = text.split_whitespace();
    let mut out = String::new();
    let mut count = 0;
    for word in words.by_ref() {
        let len = word.chars().count() + usize::from(count > 0);
        if count + len > max {
            if count * 2 < max {
                // One long word: cut inside it.
                if count > 0 {
                    out.push(' ');
                    count += 1;
                }
                out.extend(word.chars().take(max.saturating_sub(count + 1)));
            }
            out.push('…');
            return out;
        }
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        count += len;
    }
    out
}

/// `a` in words, its text being `text`: `Claim, disputed: “Bessent argued that…”`.
pub fn spoken(a: &Annotation, text: &str) -> String {
    let mut out = label_and_attributes(a);
    out.push_str(": “");
    out.push_str(&first_words(text, FIRST_WORDS));
    out.push('”');
    out
}

#[cfg(test)]
#[path = "../tests/spoken.rs"]
mod tests;
