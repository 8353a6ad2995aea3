//! Syncing with a CouchDB database, as the session sees it: the settings, the status always shown, and
//! a pass's answer merged in like another tab's work (one undo step), conflicts told in words.

use super::tabs::updated_words;
use super::{Notice, Session};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::stored;
use crate::domain::replication::pull::Conflict;
use crate::domain::replication::syncing::{Replicated, Syncing};
use crate::domain::state::sync::merge;
use crate::domain::state::workspace::Snapshot;
use std::rc::Rc;

/// What the undo list calls a merge of the server's changes.
pub const SUMMARY: &str = "changes from the database";

/// Where syncing stands, shown at all times while it is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SyncStatus {
    /// Not syncing.
    #[default]
    Off,
    /// A pass is under way, sending this many records changed here since the last pass (0: none,
    /// or not known before the first pass).
    Syncing(usize),
    /// The last pass left nothing waiting.
    Synced,
    /// The server could not be reached; this many revisions wait.
    Offline(usize),
    /// The server refused, in words.
    Error(String),
}

impl SyncStatus {
    /// The words for the header.
    pub fn words(&self) -> String {
        match self {
            SyncStatus::Off => "Sync off".into(),
            SyncStatus::Syncing(0) => "Syncing…".into(),
            SyncStatus::Syncing(1) => "Syncing 1 change…".into(),
            SyncStatus::Syncing(n) => format!("Syncing {n} changes…"),
            SyncStatus::Synced => "Synced".into(),
            SyncStatus::Offline(0) => "Offline".into(),
            SyncStatus::Offline(n) => format!("Offline, {n} waiting"),
            SyncStatus::Error(why) => format!("Sync error: {why}"),
        }
    }
}

impl Session {
    /// Starts syncing with `db` on `server` (this browser named `client`): the replica is kept when it
    /// is the same database, else a new one starts. A name or address that cannot be used is an error
    /// notice, and nothing changes.
    pub(super) fn start_sync(&mut self, server: &str, db: &str, client: &str) {
        let same = self.syncing.as_ref().filter(|s| s.is_at(server, db));
        let next = match same {
            Some(s) => Ok(Syncing {
                on: true,
                ..Syncing::clone(s)
            }),
            None => Syncing::new(server, db, client),
        };
        match next {
            Ok(syncing) => {
                self.syncing = Some(Rc::new(syncing));
                self.sync_status = SyncStatus::Syncing(0);
                self.sync_seen = None;
                self.sync_revision += 1;
            }
            Err(why) => self.notice = Some(Notice::Error(format!("Sync was not started: {why}."))),
        }
    }

    /// Stops syncing; the replica is kept, so starting again resumes from its checkpoint.
    pub(super) fn stop_sync(&mut self) {
        self.sync_seen = None;
        if let Some(s) = &self.syncing {
            self.syncing = Some(Rc::new(Syncing {
                on: false,
                ..Syncing::clone(s)
            }));
            self.sync_revision += 1;
        }
        self.sync_status = SyncStatus::Off;
        self.sync_base = None;
    }

    /// A pass was sent with the workspace as `base`: the status counts the records changed here since
    /// the last pass; a pass with none to send leaves the status as it was (no flicker every few
    /// seconds, nothing for a screen reader to repeat).
    pub(super) fn sync_started(&mut self, base: Rc<Snapshot>) {
        let changes = self
            .sync_seen
            .as_ref()
            .map_or(0, |seen| base.changes_from(seen));
        self.sync_base = Some(base);
        if changes > 0 && self.syncing_on() {
            self.sync_status = SyncStatus::Syncing(changes);
        }
    }

    /// A pass's answer: the replica kept, the server's changes merged in as one undo step.
    pub(super) fn synced(&mut self, done: Replicated) {
        let Some(base) = self.sync_base.take() else {
            return;
        };
        let Some(syncing) = self.syncing.as_ref().filter(|s| s.on && s.id == done.id) else {
            return;
        };
        let waiting = done.waiting;
        // A quiet pass changes no revision: nothing to save then.
        if syncing.replica != done.replica {
            let mut next = Syncing::clone(syncing);
            next.replica = done.replica;
            self.syncing = Some(Rc::new(next));
            self.sync_revision += 1;
        }
        self.signed_in = done.user.clone();
        self.sync_status = match (&done.refused_writes[..], waiting) {
            ([], 0) => SyncStatus::Synced,
            ([], n) => SyncStatus::Offline(n),
            (lines, _) => SyncStatus::Error(format!(
                "the server refused {} change{}: {}",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
                lines.join("; ")
            )),
        };
        // What the server and this browser now share: the pass's base, with the server's changes.
        self.sync_seen = Some(Rc::clone(&base));
        match done.theirs {
            Some(theirs) => self.merge_from_server(&base, &theirs, &done.conflicts),
            None if !done.conflicts.is_empty() => {
                let ours = Snapshot::of(&self.workspace);
                let words: Vec<String> = done
                    .conflicts
                    .iter()
                    .map(|c| self.conflict_words(c, &ours))
                    .collect();
                self.notice = Some(Notice::Info(words.join(" ")));
            }
            None => {}
        }
        if !done.refused.is_empty() {
            self.notice = Some(Notice::Error(format!(
                "Some documents in the database are not this app's and were left there: {}.",
                done.refused.join("; ")
            )));
        }
    }

    /// A pass failed: offline (`waiting` revisions wait) or refused.
    pub(super) fn sync_failed(&mut self, offline: bool, waiting: usize, reason: String) {
        self.sync_base = None;
        if !self.syncing_on() {
            return;
        }
        self.sync_status = if offline {
            SyncStatus::Offline(waiting)
        } else {
            SyncStatus::Error(reason)
        };
    }

    /// Whether syncing is on.
    pub fn syncing_on(&self) -> bool {
        self.syncing.as_ref().is_some_and(|s| s.on)
    }

    /// Merges the state `theirs` (the workspace as the pass saw it, `base`, with the server's changes)
    /// into the workspace, as one undo step, and says what happened.
    fn merge_from_server(&mut self, base: &Snapshot, theirs: &str, conflicts: &[Conflict]) {
        let restored = match stored::decode(theirs, bundled_articles().unwrap_or_default()) {
            Ok(r) => r,
            Err(e) => {
                self.sync_status =
                    SyncStatus::Error(format!("the database's changes could not be read: {e}"));
                return;
            }
        };
        let theirs = Snapshot::of(&restored.workspace);
        self.sync_seen = Some(Rc::new(theirs.clone()));
        let ours = Snapshot::of(&self.workspace);
        let merged = merge(base, &ours, &theirs);
        let words: Vec<String> = conflicts
            .iter()
            .map(|c| self.conflict_words(c, &theirs))
            .collect();
        let changed = self.workspace.adopt(&merged.state, SUMMARY);
        if changed == 0 && words.is_empty() {
            return;
        }
        self.settle();
        let text = updated_words(changed, "from the database", &words, &merged.cut);
        self.notice = Some(Notice::Info(text));
    }

    /// A conflict in words: what was changed in two places and which version stayed.
    fn conflict_words(&self, c: &Conflict, theirs: &Snapshot) -> String {
        let (kind, id) = c.id.split_once(':').unwrap_or(("record", c.id.as_str()));
        let named = theirs
            .annotations
            .iter()
            .find(|(a, _)| a.as_str() == id)
            .and_then(|(_, a)| {
                let article = theirs.articles.get(&a.article)?;
                Some(format!("“{}”", article.slice(a.span.start(), a.span.end())))
            })
            .unwrap_or_else(|| format!("the {kind} {id}"));
        if c.kept_ours {
            format!("{named} was changed here and elsewhere; kept yours.")
        } else {
            format!("{named} was changed here and elsewhere; kept the other version (Undo keeps yours).")
        }
    }
}
