//! Tests of the keyboard map: which key press does what, on the page and in the focused article.

use super::*;
use crate::domain::model::names::LabelName;
use std::collections::BTreeSet;

/// A key with no modifier.
fn plain(key: &str) -> Option<Shortcut> {
    shortcut(key, false, false, false)
}

/// An article key with no modifier.
fn in_article(key: &str) -> Option<ArticleKey> {
    article_key(key, false, false, false)
}

#[test]
fn each_tag_key_is_its_labels_mark_and_tags_with_that_label_in_either_case() {
    let keys: BTreeSet<char> = TAG_KEYS.iter().map(|(_, key, _)| *key).collect();
    assert_eq!(keys.len(), TAG_KEYS.len(), "no two labels share a key");
    for (label, key, _) in TAG_KEYS {
        assert_eq!(key, label.mark().to_ascii_lowercase(), "{label}");
        assert_eq!(plain(&key.to_string()), Some(Shortcut::Tag(label)));
        // Caps Lock or Shift gives the upper case: the same label.
        let upper = key.to_ascii_uppercase().to_string();
        assert_eq!(
            shortcut(&upper, false, true, false),
            Some(Shortcut::Tag(label))
        );
    }
    // Every label kind has a button: claim, quote and each kind of entity.
    let names: BTreeSet<LabelName> = TAG_KEYS.iter().map(|(l, _, _)| l.name()).collect();
    assert_eq!(names.len(), LabelName::ALL.len());
}

#[test]
fn other_letters_named_keys_and_alt_do_nothing() {
    for key in ["z", "b", "1", " ", "Enter", "Tab", "ArrowLeft", "cc", ""] {
        assert_eq!(plain(key), None, "{key:?}");
    }
    // Alt (or AltGr) with a tag key types a character on some keyboards: never a tag.
    assert_eq!(shortcut("c", false, false, true), None);
    assert_eq!(shortcut("z", true, false, true), None);
}

#[test]
fn y_x_n_and_shift_n_work_through_the_suggestions() {
    use crate::domain::state::keys::SuggestionKey;
    let s = |key: &str, shift: bool| shortcut(key, false, shift, false);
    assert_eq!(
        s("y", false),
        Some(Shortcut::Suggestion(SuggestionKey::Accept))
    );
    assert_eq!(
        s("x", false),
        Some(Shortcut::Suggestion(SuggestionKey::Reject))
    );
    assert_eq!(
        s("n", false),
        Some(Shortcut::Suggestion(SuggestionKey::Next))
    );
    assert_eq!(
        s("N", true),
        Some(Shortcut::Suggestion(SuggestionKey::Previous))
    );
    assert_eq!(
        shortcut("y", true, false, false),
        Some(Shortcut::Redo),
        "Ctrl+Y stays redo"
    );
}

#[test]
fn ctrl_undoes_redoes_and_finds_and_leaves_the_browsers_own_keys_alone() {
    let ctrl = |key: &str, shift: bool| shortcut(key, true, shift, false);
    assert_eq!(ctrl("z", false), Some(Shortcut::Undo));
    assert_eq!(ctrl("Z", true), Some(Shortcut::Redo));
    assert_eq!(ctrl("y", false), Some(Shortcut::Redo));
    assert_eq!(ctrl("f", false), Some(Shortcut::Find));
    // Copy, paste, select all, print and the shifted Find stay the browser's; so does Ctrl+tag key.
    for (key, shift) in [
        ("c", false),
        ("v", false),
        ("a", false),
        ("p", false),
        ("y", true),
        ("f", true),
    ] {
        assert_eq!(ctrl(key, shift), None, "Ctrl+{key} shift {shift}");
    }
}

#[test]
fn escape_is_its_own_shortcut_with_or_without_shift() {
    assert_eq!(plain("Escape"), Some(Shortcut::Escape));
    assert_eq!(
        shortcut("Escape", false, true, false),
        Some(Shortcut::Escape)
    );
    assert_eq!(shortcut("Escape", true, false, false), None);
}

#[test]
fn a_tag_value_is_the_first_word_of_a_label_in_lower_case() {
    let values: Vec<String> = TAG_KEYS
        .iter()
        .map(|(_, _, name)| tag_value(name))
        .collect();
    assert_eq!(
        values,
        ["claim", "quote", "person", "organization", "place", "other"]
    );
}

#[test]
fn arrows_home_and_end_move_the_caret_and_shift_extends_the_selection() {
    let cases = [
        ("ArrowLeft", false, Motion::PrevChar),
        ("ArrowRight", false, Motion::NextChar),
        ("ArrowLeft", true, Motion::PrevWord),
        ("ArrowRight", true, Motion::NextWord),
        ("Home", false, Motion::LineStart),
        ("End", false, Motion::LineEnd),
        ("Home", true, Motion::TextStart),
        ("End", true, Motion::TextEnd),
        ("ArrowUp", false, Motion::PrevParagraph),
        ("ArrowDown", false, Motion::NextParagraph),
        ("ArrowUp", true, Motion::PrevParagraph),
    ];
    for (key, ctrl, motion) in cases {
        for extend in [false, true] {
            assert_eq!(
                article_key(key, ctrl, extend, false),
                Some(ArticleKey::Move { motion, extend }),
                "{key} ctrl {ctrl} shift {extend}"
            );
        }
    }
    // Alt+←/→ is the browser's back and forward.
    assert_eq!(article_key("ArrowLeft", false, false, true), None);
    assert_eq!(article_key("ArrowRight", false, true, true), None);
}

#[test]
fn brackets_and_alt_arrows_step_through_the_annotations() {
    assert_eq!(in_article("]"), Some(ArticleKey::NextAnnotation));
    assert_eq!(in_article("["), Some(ArticleKey::PrevAnnotation));
    // On keyboards where the brackets need AltGr (Ctrl+Alt), or Shift.
    assert_eq!(
        article_key("]", true, false, true),
        Some(ArticleKey::NextAnnotation)
    );
    assert_eq!(
        article_key("[", false, true, false),
        Some(ArticleKey::PrevAnnotation)
    );
    // A plain Ctrl+] is another shortcut of the browser's.
    assert_eq!(article_key("]", true, false, false), None);
    assert_eq!(
        article_key("ArrowDown", false, false, true),
        Some(ArticleKey::NextAnnotation)
    );
    assert_eq!(
        article_key("ArrowUp", false, false, true),
        Some(ArticleKey::PrevAnnotation)
    );
    assert_eq!(article_key("ArrowDown", false, true, true), None);
    assert_eq!(article_key("ArrowUp", true, false, true), None);
}

#[test]
fn enter_opens_and_delete_or_backspace_deletes_only_without_a_modifier() {
    assert_eq!(in_article("Enter"), Some(ArticleKey::Open));
    assert_eq!(in_article("Delete"), Some(ArticleKey::Delete));
    assert_eq!(in_article("Backspace"), Some(ArticleKey::Delete));
    for (ctrl, shift, alt) in [
        (true, false, false),
        (false, true, false),
        (false, false, true),
    ] {
        for key in ["Enter", "Delete", "Backspace"] {
            assert_eq!(article_key(key, ctrl, shift, alt), None, "{key}");
        }
    }
    // Letters are the page's tag keys, not the article's.
    assert_eq!(in_article("c"), None);
}
