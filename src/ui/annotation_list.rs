//! The side panel's list of the open article's annotations, grouped by label, in text order.
//!
//! Each group shows its first [`PAGE`] items and a button for more, so a document with thousands of
//! annotations keeps a short list; items compare by pointer, so an edit redraws only the items it changed.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, LabelName};
use crate::domain::rendering::markup::{attribution_symbol, check_symbol, claim_status};
use crate::domain::rendering::spoken::label_and_attributes;
use crate::domain::state::session::SessionAction;
use crate::ui::bridge::{use_dispatch, Ptr};
use crate::web::schedule::after_next_paint;
use crate::web::scroll::scroll_to_line;
use std::rc::Rc;
use yew::prelude::*;

/// How many items a group shows at first, and how many more each "Show more" adds.
const PAGE: usize = 50;

/// Props of [`AnnotationList`].
#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    /// The open article.
    pub article: Ptr<Article>,
    /// Its annotations in text order.
    pub annotations: Ptr<[Rc<Annotation>]>,
    /// How many of them are claims, quotes and entities, in [`LabelName::ALL`] order.
    pub counts: [usize; 3],
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
}

/// Props of [`Item`].
#[derive(Properties, PartialEq)]
struct ItemProps {
    article: Ptr<Article>,
    annotation: Ptr<Annotation>,
    selected: bool,
}

/// One annotation in the list: its kind, its text (clamped to three lines by CSS) and a note mark; a
/// screen reader hears its label and attributes, then its text (`Claim, disputed: Bessent argued…`).
#[function_component]
fn Item(props: &ItemProps) -> Html {
    let a = &props.annotation;
    let dispatch = use_dispatch();
    let onclick = {
        let id = a.id.clone();
        let article = &props.article;
        let line = article
            .paragraphs
            .get(article.paragraph_at(a.span.start()))
            .map_or(0, |p| p.start);
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(SessionAction::Select(Some(id.clone())));
            scroll_to_line(line);
        })
    };
    let label = a.label.name();
    let text = props.article.slice(a.span.start(), a.span.end());
    // A claim's check and attribution, as on its highlight: symbols, with the words as a tooltip.
    let status = claim_status(a);
    let symbols = format!(
        "{}{}",
        check_symbol(a.attrs.check),
        a.attrs.attribution.map_or("", attribution_symbol)
    );
    html! {
        <li data-annotation={a.id.as_str().to_owned()}>
            <button class={classes!("item", label.name(), props.selected.then_some("selected"))}
                {onclick} aria-pressed={props.selected.to_string()}>
                // Its name is its label and attributes in words, then its text as shown (the symbols
                // repeat the words).
                <span class="visually-hidden">{format!("{}: ", label_and_attributes(a))}</span>
                if let Some(kind) = a.label.kind() {
                    <span class="kind" aria-hidden="true">{kind.title()}</span>
                }
                <span class="exact">{text}</span>
                if !status.is_empty() {
                    <span class="claim-status" data-check={a.attrs.check.name()} title={status}
                        aria-hidden="true">{symbols}</span>
                }
                if !a.note.is_empty() {
                    <span class="has-note" title={a.note.clone()} aria-hidden="true">{"✎"}</span>
                }
            </button>
        </li>
    }
}

/// The annotation list.
#[function_component]
pub fn AnnotationList(props: &AnnotationListProps) -> Html {
    let shown = use_state(|| PAGE);
    // A newly opened article's items come one frame after its text, so that the text paints first.
    let listed = use_state(|| None::<ArticleId>);
    {
        let listed = listed.clone();
        use_effect_with(props.article.id.clone(), move |id| {
            let id = id.clone();
            after_next_paint(move || listed.set(Some(id)));
        });
    }
    let ready = listed.as_ref() == Some(&props.article.id);
    let limit = if ready { *shown } else { 0 };
    let groups = LabelName::ALL.iter().zip(props.counts).map(|(&label, total)| {
        // Stops after the shown items: a long document is not scanned to the end on every edit.
        let items = props.annotations.iter().filter(|a| a.label.name() == label).take(limit).map(|a| html! {
            <Item key={a.id.as_str()} article={props.article.clone()} annotation={Ptr::from(Rc::clone(a))}
                selected={props.selected.as_ref() == Some(&a.id)} />
        });
        let hidden = total.saturating_sub(*shown);
        let more = (hidden > 0).then(|| {
            let shown = shown.clone();
            let onclick = Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE * 10));
            html! { <button class="link more" {onclick}>{format!("Show more ({hidden} not shown)")}</button> }
        });
        html! {
            <section class="group" data-label={label.name()}>
                <h3><span class={classes!("swatch", label.name())} aria-hidden="true"></span>
                    {format!("{} ({total})", label.plural())}</h3>
                if total == 0 {
                    <p class="empty">{format!("No {} yet.", label.plural().to_ascii_lowercase())}</p>
                } else {
                    <ul>{for items}</ul>
                    {for more}
                }
            </section>
        }
    });
    // `data-listed` names the article once its items are in, for whoever waits on them (the tests).
    let listed = ready.then(|| props.article.id.as_str().to_owned());
    html! { <div class="annotation-groups" data-listed={listed}>{for groups}</div> }
}
