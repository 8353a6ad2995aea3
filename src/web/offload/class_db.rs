//! The worker's side of a class on a database (the pure part in
//! [`crate::domain::features::classroom::class_db`]): a student's submission written as their own
//! document, and the teacher's read of the class's changes feed.

use super::replicate::{answer, bare, refusal, refused, signed_in, unreachable, Failure};
use crate::domain::features::classroom::class_db::{read_feed, ClassDatabase, Feed, SubmissionDoc};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::features::classroom::file::SubmissionFile;
use crate::domain::offload::Answer;
use gloo_net::http::Request;
use serde_json::Value;

/// Writes the submission `file` (JSON) as the signed-in user's document, over its last revision;
/// answers [`Answer::HandedIn`] or [`Answer::SyncFailed`] (the submission then waits).
pub async fn hand_in(class_db: ClassDatabase, file: String) -> Answer {
    let file: SubmissionFile = match serde_json::from_str(&file) {
        Ok(file) => file,
        Err(e) => return Answer::Failed(format!("the submission could not be read (a bug): {e}")),
    };
    match write(&class_db, file).await {
        Ok(user) => Answer::HandedIn(user),
        Err(f) => f.answer(1),
    }
}

/// Writes the submission as the signed-in user's (named after them when the student typed no
/// name); who that is.
async fn write(class_db: &ClassDatabase, mut file: SubmissionFile) -> Result<String, Failure> {
    let Some(user) = signed_in(&class_db.server).await? else {
        return Err(refused(
            "sign in first: the class database takes work from signed-in students only",
        ));
    };
    if file.student.trim().is_empty() {
        file.student = user.clone();
    }
    let mut doc = SubmissionDoc::new(&user, file);
    let url = format!(
        "{}/{}",
        class_db.db_url(),
        js_sys::encode_uri_component(&doc.id)
    );
    let old = Request::get(&url).send().await.map_err(unreachable)?;
    doc.rev = match old.status() {
        404 => None,
        _ if old.ok() => {
            let old: Value = old.json().await.map_err(|e| refused(&e.to_string()))?;
            old.get("_rev").and_then(Value::as_str).map(str::to_owned)
        }
        _ => return Err(refusal(old).await),
    };
    let put = Request::put(&url)
        .json(&doc)
        .map_err(|e| refused(&e.to_string()))?;
    let _: Value = answer(put).await?;
    Ok(user)
}

/// Reads the class database's changes since `since`: the exercise's submissions, each read as its
/// file would be; answers [`Answer::ClassFollowed`] or [`Answer::SyncFailed`].
pub async fn follow(class_db: ClassDatabase, exercise: Exercise, since: String) -> Answer {
    let url = format!(
        "{}/_changes?include_docs=true&since={}",
        class_db.db_url(),
        js_sys::encode_uri_component(&since)
    );
    let read = match bare(Request::get(&url)) {
        Ok(request) => answer::<Feed>(request).await,
        Err(f) => Err(f),
    };
    match read {
        Ok(feed) => Answer::ClassFollowed(Box::new(read_feed(&exercise, feed, &since))),
        Err(f) => f.answer(0),
    }
}
