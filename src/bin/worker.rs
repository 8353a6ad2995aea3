//! The web worker of the browser app (built by Trunk from index.html's `data-type="worker"` link): it
//! runs the long, pure work away from the page (see `src/domain/offload.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    news_annotator::web::offload::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("na-worker is the browser app's web worker: it runs inside the page built by Trunk (see README.md).");
}
