//! The worker's replication pass with a CouchDB database (CouchDB's replication protocol, the pure
//! part in [`crate::domain::replication`]): record the workspace's edits as revisions, push what the
//! server lacks, pull its changes since the checkpoint, push the conflicts' resolutions, and keep the
//! checkpoint in a `_local` document. Also signing in and out through `_session`.

use crate::domain::model::time::Timestamp;
use crate::domain::offload::{Answer, Carried};
use crate::domain::replication::apply;
use crate::domain::replication::docs::{self, Bodies};
use crate::domain::replication::pull::{bulk_get_request, BulkGet, Changes};
use crate::domain::replication::push::{
    bulk_docs_request, lacking, revs_diff_request, taken, RevsDiff, Written,
};
use crate::domain::replication::replica::Replica;
use crate::domain::replication::syncing::{Replicated, Syncing};
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// How many changes one read of the feed takes.
const BATCH: usize = 200;

/// Why a pass stopped: the server could not be reached, or it refused.
pub(super) struct Failure {
    /// Whether the server could not be reached at all.
    pub offline: bool,
    /// What happened.
    pub reason: String,
}

impl Failure {
    /// The answer, with how many revisions wait.
    pub(super) fn answer(self, waiting: usize) -> Answer {
        Answer::SyncFailed {
            offline: self.offline,
            waiting,
            reason: self.reason,
        }
    }
}

/// One pass; the answer is [`Answer::Replicated`] or [`Answer::SyncFailed`].
pub async fn replicate(workspace: Carried, syncing: Syncing, now: Timestamp) -> Answer {
    let (ws, mut replica) = match (workspace.open(), syncing.replica()) {
        (Ok(ws), Ok(replica)) => (ws, replica),
        (Err(e), _) | (_, Err(e)) => return Answer::Failed(e),
    };
    let mut local = docs::bodies(&ws);
    replica.record_local(&local, now.0);
    let mut deleted = Vec::new();
    let result = pass(
        &syncing.server,
        &syncing.db_url(),
        &mut replica,
        &mut local,
        &mut deleted,
    )
    .await;
    let waiting = replica.waiting();
    match result {
        Ok(mut done) => {
            done.id = syncing.id;
            done.replica = serde_json::to_string(&replica).unwrap_or_default();
            done.waiting = waiting;
            if done.taken > 0 {
                done.theirs = Some(apply::state(&local, &deleted));
            }
            Answer::Replicated(Box::new(done))
        }
        Err(f) => f.answer(waiting),
    }
}

/// Push, pull, push again; `local` gets what was taken, `deleted` the deletions taken.
async fn pass(
    server: &str,
    db: &str,
    replica: &mut Replica,
    local: &mut Bodies,
    deleted: &mut Vec<(String, i64)>,
) -> Result<Replicated, Failure> {
    let user = signed_in(server).await?;
    let owner = user.as_deref();
    let mut done = Replicated {
        user: user.clone(),
        ..Replicated::default()
    };
    push(db, replica, local, owner, &mut done).await?;
    loop {
        let query: Vec<String> = (replica.changes_query(BATCH).into_iter())
            .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(&v)))
            .collect();
        let url = format!("{db}/_changes?{}", query.join("&"));
        let changes: Changes = answer(bare(Request::get(&url))?).await?;
        let wanted = replica.wanted(&changes);
        if !wanted.is_empty() {
            let url = format!("{db}/_bulk_get?revs=true");
            let fetched: BulkGet = answer(post(&url, &bulk_get_request(&wanted))?).await?;
            let pulled = replica.integrate(&fetched, local);
            apply::take(local, &pulled.take);
            done.taken += pulled.take.len();
            done.conflicts.extend(pulled.conflicts);
            done.refused.extend(pulled.refused);
            deleted.extend(pulled.deleted);
        }
        replica.checkpoint(&changes.last_seq);
        if changes.results.len() < BATCH {
            break;
        }
    }
    push(db, replica, local, owner, &mut done).await?;
    save_checkpoint(db, replica).await?;
    Ok(done)
}

/// Who the server says is signed in (CouchDB's `_session`): each document pushed names them.
pub(super) async fn signed_in(server: &str) -> Result<Option<String>, Failure> {
    let session: Value = answer(bare(Request::get(&format!("{server}/_session")))?).await?;
    Ok(session
        .pointer("/userCtx/name")
        .and_then(Value::as_str)
        .map(str::to_owned))
}

/// Sends the revisions the server lacks, written by `owner`; counts them in `done`, with the server's
/// refusals (which stay waiting).
async fn push(
    db: &str,
    replica: &mut Replica,
    local: &Bodies,
    owner: Option<&str>,
    done: &mut Replicated,
) -> Result<(), Failure> {
    let out = replica.outgoing(local);
    if out.is_empty() {
        return Ok(());
    }
    let diff: RevsDiff =
        answer(post(&format!("{db}/_revs_diff"), &revs_diff_request(&out))?).await?;
    let send = lacking(out.clone(), &diff);
    let mut refused = Vec::new();
    if !send.is_empty() {
        let url = format!("{db}/_bulk_docs");
        let written: Vec<Written> = answer(post(&url, &bulk_docs_request(&send, owner))?).await?;
        let (kept, lines) = taken(out, &written);
        done.sent += send.len().saturating_sub(lines.len());
        refused = lines;
        replica.pushed(&kept);
    } else {
        replica.pushed(&out);
    }
    // The second push of a pass tries the refused ones again: each is told once.
    for line in refused {
        if !done.refused_writes.contains(&line) {
            done.refused_writes.push(line);
        }
    }
    Ok(())
}

/// Keeps the checkpoint on the server too, in `_local/<replication id>` (updated over its revision).
async fn save_checkpoint(db: &str, replica: &Replica) -> Result<(), Failure> {
    let url = format!("{db}/_local/{}", replica.id);
    let old = Request::get(&url).send().await.map_err(unreachable)?;
    let rev = if old.ok() {
        let old: Value = old.json().await.map_err(|e| refused(&e.to_string()))?;
        old.get("_rev").cloned()
    } else {
        None
    };
    let doc = match rev {
        Some(rev) => json!({ "_rev": rev, "last_seq": replica.since }),
        None => json!({ "last_seq": replica.since }),
    };
    let put = Request::put(&url)
        .json(&doc)
        .map_err(|e| refused(&e.to_string()))?;
    let _: Value = answer(put).await?;
    Ok(())
}

/// Signs in to `server` as `name` (an empty name signs out); answers who is signed in.
pub async fn sign_in(server: &str, name: &str, password: &str) -> Answer {
    let url = format!("{}/_session", server.trim_end_matches('/'));
    let (request, who) = if name.is_empty() {
        (bare(Request::delete(&url)), String::new())
    } else {
        let body = json!({ "name": name, "password": password });
        (post(&url, &body), name.to_owned())
    };
    let signed = match request {
        Ok(request) => answer::<Value>(request).await.map(|_| who),
        Err(f) => Err(f),
    };
    signed.map_or_else(|f| f.answer(0), Answer::SignedIn)
}

/// A POST of `body` as JSON.
pub(super) fn post(url: &str, body: &Value) -> Result<Request, Failure> {
    Request::post(url)
        .json(body)
        .map_err(|e| refused(&e.to_string()))
}

/// Sends `request` and reads its JSON answer; a refusal says the status and CouchDB's reason.
pub(super) async fn answer<T: DeserializeOwned>(request: Request) -> Result<T, Failure> {
    let response = request.send().await.map_err(unreachable)?;
    if !response.ok() {
        return Err(refusal(response).await);
    }
    response
        .json()
        .await
        .map_err(|e| refused(&format!("its answer could not be read: {e}")))
}

/// A GET or DELETE of `url`.
pub(super) fn bare(builder: gloo_net::http::RequestBuilder) -> Result<Request, Failure> {
    builder.build().map_err(|e| refused(&e.to_string()))
}

/// The server said no: its status and CouchDB's `reason`.
pub(super) async fn refusal(response: Response) -> Failure {
    let status = response.status();
    let reason = response
        .json::<Value>()
        .await
        .ok()
        .and_then(|v| v.get("reason").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| response.status_text());
    if matches!(status, 502..=504) {
        return Failure {
            offline: true,
            reason: format!("the server is not there ({status}: {reason})"),
        };
    }
    let what = match status {
        401 => format!("sign in first (the server said: {reason})"),
        403 => format!("the server refused this (403: {reason})"),
        404 => format!("no such database on the server (404: {reason})"),
        _ => format!("the server answered {status}: {reason}"),
    };
    refused(&what)
}

pub(super) fn refused(reason: &str) -> Failure {
    Failure {
        offline: false,
        reason: reason.to_owned(),
    }
}

pub(super) fn unreachable(e: gloo_net::Error) -> Failure {
    Failure {
        offline: true,
        reason: format!("the server could not be reached ({e})"),
    }
}
