//! CouchDB revisions: `N-hash`, where N counts the edits of a document and the hash names this one.
//!
//! A revision made here is the SHA-256 (first 32 hex digits) of its parent revision and its body, so
//! two replicas that make the same change on the same parent make the same revision, and a conflict
//! resolved the same way by two replicas converges instead of branching again.

use crate::domain::model::article::sha256_hex;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One revision of a document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rev {
    /// How many edits lead to it: 1 for a new document.
    pub pos: u64,
    /// What names it among the revisions at `pos`.
    pub hash: String,
}

impl Rev {
    /// Reads `N-hash`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Rev> {
        let (pos, hash) = text.split_once('-')?;
        let pos = pos.parse().ok().filter(|p| *p > 0)?;
        (!hash.is_empty()).then(|| Rev {
            pos,
            hash: hash.to_owned(),
        })
    }

    /// The revision that writes `body` after `parent` (`None`: a new document).
    pub fn after(parent: Option<&Rev>, body: &str) -> Rev {
        let from = parent.map(Rev::to_string).unwrap_or_default();
        let mut hash = sha256_hex(&format!("{from}\n{body}"));
        hash.truncate(32);
        Rev {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash,
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

impl From<Rev> for String {
    fn from(rev: Rev) -> String {
        rev.to_string()
    }
}

impl TryFrom<String> for Rev {
    type Error = String;
    fn try_from(text: String) -> Result<Rev, String> {
        Rev::parse(&text).ok_or_else(|| format!("\"{text}\" is not a revision (N-hash)"))
    }
}

/// A revision and its ancestors, as CouchDB's `_revisions` writes them: the newest `start`, and the
/// hashes from the newest back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    /// The newest revision's position.
    pub start: u64,
    /// The hashes, newest first.
    pub ids: Vec<String>,
}

impl Revisions {
    /// The newest revision; `None` when there is none.
    pub fn rev(&self) -> Option<Rev> {
        let hash = self.ids.first()?;
        (self.start > 0).then(|| Rev {
            pos: self.start,
            hash: hash.clone(),
        })
    }

    /// Whether `rev` is this revision or one of its ancestors here.
    pub fn contains(&self, rev: &Rev) -> bool {
        let Some(back) = self.start.checked_sub(rev.pos) else {
            return false;
        };
        usize::try_from(back)
            .ok()
            .and_then(|i| self.ids.get(i))
            .is_some_and(|hash| *hash == rev.hash)
    }

    /// `rev` on top of these ancestors, keeping at most `keep` hashes.
    pub fn push(&self, rev: &Rev, keep: usize) -> Revisions {
        let mut ids = Vec::with_capacity(keep);
        ids.push(rev.hash.clone());
        ids.extend(self.ids.iter().take(keep.saturating_sub(1)).cloned());
        Revisions {
            start: rev.pos,
            ids,
        }
    }
}
