//! Changes saved by another tab of the app, merged into this session.

use super::{Notice, Session};
use crate::domain::state::sync::merge;
use crate::domain::state::workspace::Snapshot;

/// The undo step of a merge.
pub const SUMMARY: &str = "changes from another tab";

impl Session {
    /// Merges `theirs` (another tab's saved state) with this workspace from `base`, as one undoable
    /// change. The open article and the selection stay if they still exist; a notice says what came.
    pub(super) fn merge_other_tab(&mut self, base: &Snapshot, theirs: &Snapshot) {
        let ours = Snapshot::of(&self.workspace);
        let merged = merge(base, &ours, theirs);
        let changed = self.workspace.adopt(&merged.state, SUMMARY);
        if changed == 0 {
            return;
        }
        self.settle();
        let text = updated_words(changed, "saved in another tab", &[], &merged.cut);
        self.notice = Some(Notice::Info(text));
    }
}

/// What a merge from elsewhere (`from`) did, in words: how many changes (Undo takes them back), the
/// sentences in `more`, and what no longer fit.
pub(super) fn updated_words(changed: usize, from: &str, more: &[String], cut: &[String]) -> String {
    let mut text = format!(
        "Updated with {changed} change{} {from} (Undo takes {} back).",
        if changed == 1 { "" } else { "s" },
        if changed == 1 { "it" } else { "them" },
    );
    for sentence in more {
        text.push(' ');
        text.push_str(sentence);
    }
    if !cut.is_empty() {
        text.push_str(&format!(" What no longer fit: {}.", cut.join("; ")));
    }
    text
}

#[cfg(test)]
#[path = "../../tests/session_tabs.rs"]
mod tests;
