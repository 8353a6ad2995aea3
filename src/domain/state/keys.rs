//! Keyboard shortcuts: which key does what, on the whole page and in the focused article. The view
//! listens for key presses and hands each key's name and modifiers here; what comes back is what it
//! does.

use crate::domain::model::names::{EntityKind, Label};
use crate::domain::rendering::caret::Motion;

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Tag the selected text.
    Tag(Label),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Drop the selection and close the detail panel.
    Escape,
    /// Open the find-and-tag panel (Ctrl+F).
    Find,
    /// Work through the suggestions: N next, Shift+N previous, Y accept, X reject.
    Suggestion(SuggestionKey),
}

/// What a suggestion key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionKey {
    /// The next suggestion (N).
    Next,
    /// The previous suggestion (Shift+N).
    Previous,
    /// Accept the current one (Y).
    Accept,
    /// Reject the current one (X).
    Reject,
}

/// The suggestion keys with their names, for the bar's buttons and the help.
pub const SUGGESTION_KEYS: [(SuggestionKey, &str); 4] = [
    (SuggestionKey::Accept, "Y"),
    (SuggestionKey::Reject, "X"),
    (SuggestionKey::Next, "N"),
    (SuggestionKey::Previous, "Shift+N"),
];

/// The labels in toolbar order, with their key and the name on their button.
pub const TAG_KEYS: [(Label, char, &str); 6] = [
    (Label::Claim, 'c', "Claim"),
    (Label::Quote, 'q', "Quote"),
    (Label::Entity(EntityKind::Person), 'p', "Person"),
    (Label::Entity(EntityKind::Organization), 'o', "Organization"),
    (Label::Entity(EntityKind::Place), 'l', "Place"),
    (Label::Entity(EntityKind::Other), 'e', "Other entity"),
];

/// The value that names a label in the toolbar's `data-tag` and the label menu: `claim`, …, `other`.
pub fn tag_value(name: &str) -> String {
    name.split(' ').next().unwrap_or(name).to_ascii_lowercase()
}

/// The shortcut for a key press; `ctrl` also stands for the Mac's Command key.
pub fn shortcut(key: &str, ctrl: bool, shift: bool, alt: bool) -> Option<Shortcut> {
    if alt {
        return None;
    }
    let lower = key.to_ascii_lowercase();
    if ctrl {
        return match (lower.as_str(), shift) {
            ("z", false) => Some(Shortcut::Undo),
            ("z", true) | ("y", false) => Some(Shortcut::Redo),
            ("f", false) => Some(Shortcut::Find),
            _ => None,
        };
    }
    if key == "Escape" {
        return Some(Shortcut::Escape);
    }
    let mut chars = lower.chars();
    let (Some(ch), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let suggestion = match (ch, shift) {
        ('n', false) => Some(SuggestionKey::Next),
        ('n', true) => Some(SuggestionKey::Previous),
        ('y', false) => Some(SuggestionKey::Accept),
        ('x', false) => Some(SuggestionKey::Reject),
        _ => None,
    };
    if let Some(key) = suggestion {
        return Some(Shortcut::Suggestion(key));
    }
    TAG_KEYS
        .iter()
        .find(|(_, k, _)| *k == ch)
        .map(|(label, _, _)| Shortcut::Tag(*label))
}

/// What a key does while the article has the keyboard focus (see [`article_key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleKey {
    /// Moves the caret; with `extend` (Shift) the selection follows it.
    Move {
        /// Where to.
        motion: Motion,
        /// Whether Shift is held.
        extend: bool,
    },
    /// Selects the next annotation in text order (`]` or Alt+↓).
    NextAnnotation,
    /// Selects the previous annotation in text order (`[` or Alt+↑).
    PrevAnnotation,
    /// Opens the selected annotation (or the one at the caret) in the detail panel (Enter).
    Open,
    /// Deletes the selected annotation (Delete or Backspace).
    Delete,
}

/// The article key for a key press: ←/→ by character, Ctrl+←/→ by word, Home/End to the line's
/// ends, Ctrl+Home/End to the text's, ↑/↓ by paragraph, each with Shift to select; `]`/`[` (or
/// Alt+↓/↑) to the next or previous annotation, Enter to open it, Delete or Backspace to delete it.
/// `ctrl` also stands for the Mac's Command key. Alt+←/→ stays the browser's (back and forward).
pub fn article_key(key: &str, ctrl: bool, shift: bool, alt: bool) -> Option<ArticleKey> {
    let motion = match (key, ctrl) {
        ("ArrowLeft", false) => Some(Motion::PrevChar),
        ("ArrowRight", false) => Some(Motion::NextChar),
        ("ArrowLeft", true) => Some(Motion::PrevWord),
        ("ArrowRight", true) => Some(Motion::NextWord),
        ("Home", false) => Some(Motion::LineStart),
        ("End", false) => Some(Motion::LineEnd),
        ("Home", true) => Some(Motion::TextStart),
        ("End", true) => Some(Motion::TextEnd),
        ("ArrowUp", _) if !alt => Some(Motion::PrevParagraph),
        ("ArrowDown", _) if !alt => Some(Motion::NextParagraph),
        _ => None,
    };
    if let Some(motion) = motion {
        return (!alt).then_some(ArticleKey::Move {
            motion,
            extend: shift,
        });
    }
    // `[` and `]` may need AltGr (Ctrl+Alt) on some keyboards, so only a plain Ctrl rules them out.
    let plain = !ctrl && !alt && !shift;
    match key {
        "]" if !ctrl || alt => Some(ArticleKey::NextAnnotation),
        "[" if !ctrl || alt => Some(ArticleKey::PrevAnnotation),
        "ArrowDown" if alt && !ctrl && !shift => Some(ArticleKey::NextAnnotation),
        "ArrowUp" if alt && !ctrl && !shift => Some(ArticleKey::PrevAnnotation),
        "Enter" if plain => Some(ArticleKey::Open),
        "Delete" | "Backspace" if plain => Some(ArticleKey::Delete),
        _ => None,
    }
}

#[cfg(test)]
#[path = "../tests/keys.rs"]
mod tests;
