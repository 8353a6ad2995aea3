//! Entry point of the browser app (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    news_annotator::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("news-annotator is a browser app: run `trunk serve --offline` (see README.md).");
}
