//! The worker's side: a `gloo-worker` worker that runs each job it receives and answers with its
//! number. Registered by `src/bin/worker.rs`; the page spawns it in `web/offload.rs`.

use crate::domain::offload::{run, Answer, Job};
use gloo_worker::{HandlerId, Worker, WorkerScope};

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
        scope.respond(who, (id, run(job)));
    }
}

/// Runs this wasm as the worker: call once from the worker binary's `main`.
pub fn register() {
    use gloo_worker::Registrable;
    Offloader::registrar().register();
}
