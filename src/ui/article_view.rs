//! The article text: one keyed paragraph per line, and the mouse-up that turns a selection into offsets.

use super::paragraph::Paragraph;
use crate::domain::annotation::{Annotation, AnnotationId};
use crate::domain::article::Article;
use crate::domain::segments::by_paragraph;
use crate::domain::session::{Pending, SessionAction};
use crate::domain::span::Span;
use crate::domain::text::normalize_selection;
use crate::web::selection;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// Its annotations in text order.
    pub annotations: Rc<[Rc<Annotation>]>,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// Sends session actions.
    pub dispatch: Callback<SessionAction>,
}

/// The ids under a click: those of the highlight piece that was clicked.
fn ids_at(target: Option<web_sys::EventTarget>) -> Vec<AnnotationId> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".seg.hl").ok().flatten())
        .and_then(|seg| seg.get_attribute("data-ids"))
        .map(|ids| ids.split_whitespace().map(AnnotationId::from).collect())
        .unwrap_or_default()
}

/// The open article.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let container = use_node_ref();
    let article = &props.article;
    // Line texts are cut once per article, not on every render.
    let lines = use_memo(Rc::clone(article), |article| {
        article
            .paragraphs
            .iter()
            .map(|p| {
                AttrValue::from(
                    article
                        .text
                        .get(p.byte_start..p.byte_end)
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let per_line = by_paragraph(article, &props.annotations);

    let onmouseup = {
        let container = container.clone();
        let article = Rc::clone(article);
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if selection::is_collapsed() {
                dispatch.emit(SessionAction::ClickAt(ids_at(e.target())));
                return;
            }
            let Some(root) = container.cast::<web_sys::Element>() else {
                return;
            };
            let picked = selection::selection_offsets(&root, article.char_len)
                .and_then(|(a, b)| normalize_selection(&article.text, a, b))
                .and_then(|(start, end)| Span::new(start, end).ok());
            let pending = picked.map(|span| {
                let rect = selection::selection_rect();
                Pending {
                    span,
                    x: rect.as_ref().map_or(16.0, |r| r.left()),
                    y: rect.as_ref().map_or(16.0, |r| r.bottom() + 6.0),
                }
            });
            dispatch.emit(SessionAction::SelectText(pending));
        })
    };

    let paragraphs = article.paragraphs.iter().zip(lines.iter()).zip(per_line).map(|((p, text), annotations)| {
        let selected = props
            .selected
            .clone()
            .filter(|id| annotations.iter().any(|a| &a.id == id));
        html! {
            <Paragraph key={p.start} start={p.start} end={p.end} text={text.clone()} {annotations} {selected} />
        }
    });
    html! {
        <section class="reader" aria-label="Article">
            <h2 class="article-title">{&article.title}</h2>
            <p class="hint">{"Select text with the mouse, then press C (claim), Q (quote), P (person), \
                O (organization), L (place) or E (other entity). Click a highlight to edit it."}</p>
            <article ref={container} class="article-text" data-testid="article-text"
                data-article={article.id.as_str().to_owned()} {onmouseup}>
                {for paragraphs}
            </article>
        </section>
    }
}
