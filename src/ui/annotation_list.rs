//! The side panel's list of the open article's annotations, grouped by label, in text order.

use crate::domain::annotation::{Annotation, AnnotationId, LabelName};
use crate::domain::article::Article;
use crate::domain::session::SessionAction;
use crate::web::scroll::scroll_to_line;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`AnnotationList`].
#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    /// The open article.
    pub article: Rc<Article>,
    /// Its annotations in text order.
    pub annotations: Rc<[Rc<Annotation>]>,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// Sends session actions.
    pub dispatch: Callback<SessionAction>,
}

/// The annotation list.
#[function_component]
pub fn AnnotationList(props: &AnnotationListProps) -> Html {
    let groups = LabelName::ALL.iter().map(|&label| {
        let items: Vec<Html> = props
            .annotations
            .iter()
            .filter(|a| a.label.name() == label)
            .map(|a| {
                let id = a.id.clone();
                let line = props.article.paragraph_at(a.span.start());
                let dispatch = props.dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatch.emit(SessionAction::Select(Some(id.clone())));
                    scroll_to_line(line);
                });
                let selected = props.selected.as_ref() == Some(&a.id);
                html! {
                    <li key={a.id.as_str()} data-annotation={a.id.as_str().to_owned()}>
                        <button class={classes!("item", label.name(), selected.then_some("selected"))}
                            {onclick} aria-pressed={selected.to_string()}>
                            if let Some(kind) = a.label.kind() {
                                <span class="kind">{kind.title()}</span>
                            }
                            <span class="exact">{props.article.slice(a.span.start(), a.span.end())}</span>
                            if !a.note.is_empty() {
                                <span class="has-note" title={a.note.clone()}>{"✎"}</span>
                            }
                        </button>
                    </li>
                }
            })
            .collect();
        let count = items.len();
        html! {
            <section class="group" data-label={label.name()}>
                <h3><span class={classes!("swatch", label.name())} aria-hidden="true"></span>
                    {format!("{} ({count})", label.plural())}</h3>
                if items.is_empty() {
                    <p class="empty">{format!("No {} yet.", label.plural().to_lowercase())}</p>
                } else {
                    <ul>{items}</ul>
                }
            </section>
        }
    });
    html! { <div class="annotation-groups">{for groups}</div> }
}
