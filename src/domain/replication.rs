//! Replicating the workspace with a CouchDB database as a peer, through CouchDB's replication protocol
//! (issue 17). Pure: it makes the requests' bodies and reads the answers; `web` sends them.
//!
//! - `docs.rs`: the workspace as documents, one per own article, registry entry and annotation, in
//!   the saved state's shapes.
//! - `revs.rs`: revisions, made from the parent and the body so that replicas agree.
//! - `replica.rs`: what this browser knows of each document, and local edits made revisions.
//! - `push.rs`: `_revs_diff`, then `_bulk_docs` with `new_edits: false`.
//! - `pull.rs`: the changes feed with `style=all_docs`, `_bulk_get` with `revs=true`, and conflicts
//!   resolved by the rules (a change beats a deletion it did not see, the later change wins).
//! - `apply.rs`: the documents pulled, as the saved state the page merges like another tab's.
//! - `syncing.rs`: what a browser keeps to sync (no password), and what a pass brings back.
//!
//! The web worker runs a pass (`web/offload/replicate.rs`); the session takes its answer
//! (`state/session/replication.rs`).

pub mod apply;
pub mod docs;
pub mod pull;
pub mod push;
pub mod replica;
pub mod revs;
pub mod syncing;

#[cfg(test)]
#[path = "tests/replication.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/replication_peers.rs"]
mod peers;
