//! What this browser keeps to sync (where, whether, and its replica; never a password), and what one
//! replication pass brings back.

use super::pull::Conflict;
use super::replica::Replica;
use serde::{Deserialize, Serialize};

/// The server the settings offer first: CouchDB behind the site's own address, which is all the page's
/// security policy lets it reach.
pub const DEFAULT_SERVER: &str = "/couchdb";

/// Where this browser syncs and what it has of that database. A serde type: it is kept in
/// localStorage (`news-annotator/sync`), with no credentials (CouchDB's session cookie signs in).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Syncing {
    /// The CouchDB server: a path on this site, such as `/couchdb`.
    pub server: String,
    /// The database's name.
    pub db: String,
    /// Whether sync runs.
    pub on: bool,
    /// Names this browser's replication of the database (its checkpoint is `_local/<id>`).
    pub id: String,
    /// What this browser has of the database: a [`Replica`] as JSON, which only the worker reads
    /// (so the page carries no replication code); empty before the first pass.
    pub replica: String,
}

impl Syncing {
    /// Syncing with database `db` on `server`, as the replication named `client` (a new id each time
    /// a database is set up, so that each browser's checkpoint on the server is its own); refused with
    /// a reason when the address or the name cannot be used.
    pub fn new(server: &str, db: &str, client: &str) -> Result<Syncing, String> {
        let (server, db) = check_place(server, db)?;
        Ok(Syncing {
            server,
            db,
            on: true,
            id: client.to_owned(),
            replica: String::new(),
        })
    }

    /// The database's address: `server/db`.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.server, self.db)
    }

    /// The replica (a new one before the first pass); an error if its JSON was damaged.
    pub fn replica(&self) -> Result<Replica, String> {
        if self.replica.is_empty() {
            return Ok(Replica::new(&self.id));
        }
        serde_json::from_str(&self.replica)
            .map_err(|e| format!("the replica could not be read: {e}"))
    }

    /// Whether this names the same database on the same server as `server` and `db`.
    pub fn is_at(&self, server: &str, db: &str) -> bool {
        self.server == server.trim().trim_end_matches('/') && self.db == db.trim()
    }
}

/// The server and database names, trimmed, when this page can use them: the server a path on this
/// site, the database a name CouchDB takes; else why not.
pub fn check_place(server: &str, db: &str) -> Result<(String, String), String> {
    let server = server.trim().trim_end_matches('/');
    let db = db.trim();
    if !server.starts_with('/') || server.starts_with("//") {
        return Err(format!(
            "the server must be a path on this site, such as {DEFAULT_SERVER} (\"{server}\" is \
             not): the page may only reach its own address"
        ));
    }
    check_db_name(db)?;
    Ok((server.to_owned(), db.to_owned()))
}

/// CouchDB's rule for a database name: a lowercase letter first, then lowercase letters, digits and
/// `_ $ ( ) + - /`.
fn check_db_name(db: &str) -> Result<(), String> {
    let mut chars = db.chars();
    let first = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
    if first && rest {
        Ok(())
    } else {
        Err(format!(
            "\"{db}\" cannot name a CouchDB database: start with a lowercase letter, then use \
             lowercase letters, digits and _ $ ( ) + - /"
        ))
    }
}

/// What one replication pass did: the replica after it, the workspace's state with the server's
/// changes taken (when there were any), the conflicts it resolved and the documents it left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replicated {
    /// The replication's id (see [`Syncing::id`]).
    pub id: String,
    /// The replica after the pass, as JSON (see [`Syncing::replica`]).
    pub replica: String,
    /// How many revisions still wait to go to the server.
    pub waiting: usize,
    /// The saved state with the server's changes taken (see [`super::apply`]), when there were any.
    pub theirs: Option<String>,
    /// Documents changed here and on the server, and which side was kept.
    pub conflicts: Vec<Conflict>,
    /// Documents on the server that are no record of ours, one line each.
    pub refused: Vec<String>,
    /// How many revisions went to the server.
    pub sent: usize,
    /// The changes the server refused (a class database lets a student write only their own
    /// documents), one line each; they stay waiting.
    pub refused_writes: Vec<String>,
    /// Who the server says is signed in (`None`: nobody).
    pub user: Option<String>,
    /// How many documents came from it.
    pub taken: usize,
}
