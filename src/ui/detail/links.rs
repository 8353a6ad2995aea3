//! The links of the selected annotation: a quote's speaker or a claim's source (shown, unlinked, picked
//! in the text or chosen from a menu), what links to it, and the banner while a source is being picked.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::LinkKind;
use crate::domain::model::names::{AnnotationId, Label};
use crate::domain::state::session::{excerpt, label_word, link_targets, Session, SessionAction};
use crate::domain::state::workspace::Workspace;
use crate::ui::bridge::Dispatch;
use crate::ui::who_said_what::{link_words, shown_name};
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// How many of the nearest possible sources the menu offers.
const MENU_TARGETS: usize = 60;
/// How much of a target's text its menu entry shows, in characters.
const MENU_TEXT: usize = 50;

/// The fixed banner while a quote or claim waits for its source to be clicked; an empty node otherwise.
pub fn linking_banner(session: &Session, dispatch: &Dispatch) -> Html {
    let Some(a) = session
        .linking
        .as_ref()
        .and_then(|id| session.workspace.annotation(id))
    else {
        return Html::default();
    };
    let what = if a.label == Label::Quote {
        "Pick the speaker: click an entity in the text"
    } else {
        "Pick the source: click an entity or a quote in the text"
    };
    let cancel = dispatch.reform(|_: MouseEvent| SessionAction::CancelLink);
    html! {
        <div class="linking-banner" role="status" data-testid="linking-banner">
            <span>{what}{" — Esc cancels"}</span>
            <button data-testid="cancel-link" onclick={cancel}>{"Cancel"}</button>
        </div>
    }
}

/// Sends [`SessionAction::Link`] for `id`: the value of an option, `""` for none.
fn link_to(dispatch: &Dispatch, id: &AnnotationId, value: &str) {
    let source = (!value.is_empty()).then(|| AnnotationId::from(value));
    dispatch.emit(SessionAction::Link {
        id: id.clone(),
        source,
        at: clock::now(),
    });
}

/// The "Said by" row of a quote, or the "Source" row of a claim.
pub fn source_row(session: &Session, a: &Rc<Annotation>, dispatch: &Dispatch) -> Html {
    let ws = &session.workspace;
    let source = ws.source_of(a).cloned();
    let heading = if a.label == Label::Quote {
        "Said by"
    } else {
        "Source"
    };
    let current = match &source {
        Some(src) => {
            let words = match LinkKind::between(a.label, src.label) {
                Some(LinkKind::SaidBy) => "said by",
                Some(LinkKind::FromQuote) => "from the quote",
                _ => "from",
            };
            let src_id = src.id.clone();
            let open =
                dispatch.reform(move |_: MouseEvent| SessionAction::Select(Some(src_id.clone())));
            let unlink = {
                let (dispatch, id) = (dispatch.clone(), a.id.clone());
                Callback::from(move |_: MouseEvent| link_to(&dispatch, &id, ""))
            };
            html! {
                <p class="source" data-testid="source">
                    <span>{format!("{words} ")}</span>
                    <button class="link" data-testid="source-open" onclick={open}
                        title="Open the source">{shown_name(ws, src)}</button>
                    <button data-testid="unlink" onclick={unlink}>{"Unlink"}</button>
                </p>
            }
        }
        None => html! { <p class="source none" data-testid="source">{"No source yet."}</p> },
    };
    let picking = session.linking.as_ref() == Some(&a.id);
    let pick = {
        let id = a.id.clone();
        dispatch.reform(move |_: MouseEvent| {
            if picking {
                SessionAction::CancelLink
            } else {
                SessionAction::StartLink(id.clone())
            }
        })
    };
    let mut targets = link_targets(ws, a, MENU_TARGETS);
    if let Some(src) = source
        .as_ref()
        .filter(|s| !targets.iter().any(|t| t.id == s.id))
    {
        targets.insert(0, Rc::clone(src));
    }
    let article = ws.article(&a.article);
    let options = targets.iter().map(|t| {
        let text = article.map_or("", |art| art.slice(t.span.start(), t.span.end()));
        let chosen = source.as_ref().is_some_and(|s| s.id == t.id);
        html! {
            <option value={t.id.as_str().to_owned()} selected={chosen}>
                {format!("{} · {}", label_word(t.label), excerpt(text, MENU_TEXT))}
            </option>
        }
    });
    let onchange = {
        let (dispatch, id) = (dispatch.clone(), a.id.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            link_to(&dispatch, &id, &select.value());
        })
    };
    let none = if a.label == Label::Quote {
        "— no speaker —"
    } else {
        "— no source —"
    };
    html! {
        <div class="links" data-testid="source-row">
            <h4>{heading}</h4>
            {current}
            <div class="link-tools">
                <button data-testid="pick-source" onclick={pick} aria-pressed={picking.to_string()}
                    title="Then click the source in the article's text">
                    {if picking { "Click it in the text… (Esc)" } else { "Pick in text" }}
                </button>
                <select data-testid="source-select" {onchange}
                    aria-label={format!("{heading}: choose from this article, nearest first")}>
                    <option value="" selected={source.is_none()}>{none}</option>
                    {for options}
                </select>
            </div>
        </div>
    }
}

/// "Linked from": the quotes and claims that name `a` as their source; an empty node if none do.
pub fn linked_from(
    ws: &Workspace,
    a: &Rc<Annotation>,
    article: &Article,
    dispatch: &Dispatch,
) -> Html {
    let from = ws.links_to(&a.id);
    if from.is_empty() {
        return Html::default();
    }
    let items = from.iter().map(|f| {
        let f_id = f.id.clone();
        let onclick =
            dispatch.reform(move |_: MouseEvent| SessionAction::Select(Some(f_id.clone())));
        html! {
            <li data-from={f.id.as_str().to_owned()}>
                <button class="link" {onclick}>{link_words(article, f, a.label)}</button>
            </li>
        }
    });
    html! {
        <div class="links linked-from" data-testid="linked-from">
            <h4>{"Linked from"}</h4>
            <ul>{for items}</ul>
        </div>
    }
}
