//! Keyboard shortcuts: which key does what.

use crate::domain::annotation::{EntityKind, Label};

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
}

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
    TAG_KEYS
        .iter()
        .find(|(_, k, _)| *k == ch)
        .map(|(label, _, _)| Shortcut::Tag(*label))
}
