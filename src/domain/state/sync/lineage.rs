//! Which BASE a merge starts from, and the stamp that tells it.
//!
//! The last state this tab read (at start, or another tab's) is a state both tabs had. But when the
//! other tab has since read one of this tab's own writes, that write is a later common state; without
//! it, something the other tab deleted after reading it would look new here and come back. So every
//! write carries a [`Stamp`] under a key of its own: the new state's revision and the revision of the
//! last state its tab read. A stamp whose `seen` is one of this tab's writes since its last read makes
//! that write the base. With no stamp (or one that does not match the state's length) the last read is
//! the base. Since deletes carry graves and annotations and registry entries merge by time, the base
//! now decides only an own article both sides hold (which side renamed it).

use super::Snapshot;
use std::rc::Rc;

/// At most this many of this tab's writes since its last read are kept as possible bases.
const MAX_WRITES: usize = 8;

/// What a tab saves beside the state: `rev`, `seen` and `len`, one a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The revision of the state written (unique across tabs).
    pub rev: String,
    /// The revision of the last state the writing tab had read; empty if unknown.
    pub seen: String,
    /// The length of the state's text in bytes (UTF-8), to tell whether the stamp belongs to it.
    pub len: usize,
}

impl Stamp {
    /// The stamp as it is saved.
    pub fn encode(&self) -> String {
        format!("{}\n{}\n{}", self.rev, self.seen, self.len)
    }

    /// Reads a saved stamp; `None` if it is not one.
    pub fn decode(text: &str) -> Option<Stamp> {
        let mut lines = text.split('\n');
        let (rev, seen, len) = (lines.next()?, lines.next()?, lines.next()?);
        if rev.is_empty() || lines.next().is_some() {
            return None;
        }
        Some(Stamp {
            rev: rev.to_owned(),
            seen: seen.to_owned(),
            len: len.parse().ok()?,
        })
    }

    /// The saved stamp `text`, if there is one and it belongs to the saved `state` text.
    pub fn of_state(text: Option<&str>, state: &str) -> Option<Stamp> {
        Stamp::decode(text?).filter(|s| s.len == state.len())
    }
}

/// What this tab knows of the states it read and wrote.
#[derive(Debug, Default)]
pub struct Lineage {
    /// The last state read, and its revision if it was stamped.
    read: (Option<String>, Rc<Snapshot>),
    /// This tab's writes since then, oldest first.
    writes: Vec<(String, Rc<Snapshot>)>,
    /// The revision of this tab's last write.
    last_write: Option<String>,
    /// What storage holds, as far as this tab knows.
    stored: Option<Rc<Snapshot>>,
}

impl Lineage {
    /// At start: the state read from storage (or the empty workspace when there was none), its stamp,
    /// and whether storage holds exactly that state (not when nothing was saved, or some of it was left
    /// out or moved).
    pub fn start(state: Snapshot, stamp: Option<Stamp>, stored: bool) -> Lineage {
        let state = Rc::new(state);
        Lineage {
            read: (stamp.map(|s| s.rev), Rc::clone(&state)),
            writes: Vec::new(),
            last_write: None,
            stored: stored.then_some(state),
        }
    }

    /// Whether storage holds `state` already, so writing it again would change nothing.
    pub fn is_stored(&self, state: &Snapshot) -> bool {
        self.stored.as_deref().is_some_and(|s| s == state)
    }

    /// The revision of the last state read, for the next write's stamp; empty if unknown.
    pub fn seen(&self) -> &str {
        self.read.0.as_deref().unwrap_or_default()
    }

    /// Records a write of `state` under revision `rev`.
    pub fn wrote(&mut self, rev: String, state: Rc<Snapshot>) {
        self.writes.push((rev.clone(), Rc::clone(&state)));
        if self.writes.len() > MAX_WRITES {
            self.writes.remove(0);
        }
        self.last_write = Some(rev);
        self.stored = Some(state);
    }

    /// Whether the state stamped so was handled already: this tab wrote it, or read it last.
    pub fn knows(&self, stamp: &Stamp) -> bool {
        self.read.0.as_ref() == Some(&stamp.rev)
            || self.last_write.as_ref() == Some(&stamp.rev)
            || self.writes.iter().any(|(rev, _)| *rev == stamp.rev)
    }

    /// The base for merging a state stamped so: the write of this tab it has seen, if that came after
    /// this tab's last read; otherwise the last read.
    pub fn base_for(&self, stamp: Option<&Stamp>) -> Rc<Snapshot> {
        stamp
            .and_then(|s| self.writes.iter().rev().find(|(rev, _)| *rev == s.seen))
            .map_or_else(|| Rc::clone(&self.read.1), |(_, state)| Rc::clone(state))
    }

    /// Records that another tab's state was read (and merged); storage holds it.
    pub fn read(&mut self, stamp: Option<Stamp>, theirs: Rc<Snapshot>) {
        self.read = (stamp.map(|s| s.rev), Rc::clone(&theirs));
        self.writes.clear();
        self.stored = Some(theirs);
    }

    /// Storage no longer holds a state (it was cleared): the next save writes.
    pub fn forget_stored(&mut self) {
        self.stored = None;
    }
}

#[cfg(test)]
#[path = "../../tests/sync_lineage.rs"]
mod tests;
