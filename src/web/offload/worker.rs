//! The worker's side: a `gloo-worker` worker that runs each job it receives and answers with its
//! number. Registered by `src/bin/worker.rs`; the page spawns it in `web/offload.rs`.

use super::{class_db, replicate};
use crate::domain::offload::{run, Answer, FileContent, Job};
use gloo_worker::{HandlerId, Worker, WorkerScope};
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The web worker that does the page's long, pure work ([`crate::domain::offload`]).
pub struct Offloader;

impl Worker for Offloader {
    type Message = ();
    type Input = (u32, Job);
    type Output = (u32, Answer);

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Offloader
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, (id, job): (u32, Job), who: HandlerId) {
        let mut job = match networked(job) {
            Ok(work) => {
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    scope.respond(who, (id, work.await));
                });
                return;
            }
            Err(job) => *job,
        };
        let kept = job.content_mut().is_some_and(|c| !c.kept_urls().is_empty());
        if !kept {
            return scope.respond(who, (id, run(job)));
        }
        // Files the page kept as the browser's copies: read their bytes here, then do the job.
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = match fetch_kept(&mut job).await {
                Ok(()) => run(job),
                Err(why) => Answer::Failed(why),
            };
            scope.respond(who, (id, answer));
        });
    }
}

/// A job that needs the network (replication, signing in, a class database), as the future that does it; any other job
/// back.
fn networked(job: Job) -> Result<Pin<Box<dyn Future<Output = Answer>>>, Box<Job>> {
    match job {
        Job::Replicate {
            workspace,
            syncing,
            now,
        } => Ok(Box::pin(replicate::replicate(workspace, *syncing, now))),
        Job::SignIn {
            server,
            name,
            password,
        } => Ok(Box::pin(async move {
            replicate::sign_in(&server, &name, &password).await
        })),
        Job::HandIn { class_db, file } => Ok(Box::pin(class_db::hand_in(class_db, file))),
        Job::FollowClass {
            class_db,
            exercise,
            since,
        } => Ok(Box::pin(class_db::follow(class_db, *exercise, since))),
        job => Err(Box::new(job)),
    }
}

/// Replaces each browser's copy the job's file names by its bytes.
async fn fetch_kept(job: &mut Job) -> Result<(), String> {
    let Some(content) = job.content_mut() else {
        return Ok(());
    };
    for kept in content.kept_mut() {
        let FileContent::Kept { url, .. } = kept else {
            continue;
        };
        *kept = FileContent::Bytes(fetch_bytes(url).await?);
    }
    Ok(())
}

/// The bytes at a `blob:` address the page made for a file.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("the file could not be read ({e:?})");
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(failed)?
        .unchecked_into();
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs this wasm as the worker: call once from the worker binary's `main`.
pub fn register() {
    use gloo_worker::Registrable;
    Offloader::registrar().register();
}
