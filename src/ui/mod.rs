//! Yew views. They read the [`Session`](crate::domain::state::session::Session), turn DOM events into
//! session actions, and leave every rule to the domain and every browser call to [`crate::web`].

mod add_article_dialog;
mod annotation_list;
mod app;
mod article_list;
mod article_view;
mod bridge;
mod classroom;
mod classroom_view;
mod detail;
mod entities;
mod entities_view;
mod exercise_banner;
mod export_dialog;
mod find_panel;
mod header;
mod hooks;
mod import_dialog;
mod notices;
mod offloaded;
mod outlets;
mod outlets_view;
mod painter;
mod prerendered;
mod saving;
mod shared;
mod sign_in;
mod suggestions;
mod sync;
mod tag_toolbar;
mod who_said_what;

pub use app::App;
pub use article_view::{ArticleView, ArticleViewProps};
pub use bridge::Ptr;
pub use painter::Painter;

/// Starts the app in the page's `#app` element (or the body).
pub fn start() {
    yew::set_custom_panic_hook(Box::new(crate::web::panic_hook::report));
    #[cfg(feature = "bench")]
    crate::web::bench::prefetch_fixture();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    match document.get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
    // The benchmark build measures a first visit; it keeps no offline copy.
    #[cfg(not(feature = "bench"))]
    crate::web::offline::register_service_worker();
}
