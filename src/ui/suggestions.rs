//! Suggestions in the page: the open article's suggestions found by the web worker whenever the article
//! or the registry changes, the bar that works through them (also by keys: N, Shift+N, Y, X), and
//! their quiet layer in the text (`web::highlights`: dashed, never filled; the current one stronger).

use crate::domain::features::suggest::{key, Suggestion, SuggestionKind};
use crate::domain::model::names::ArticleId;
use crate::domain::model::registry::Entity;
use crate::domain::offload::{Answer, Job};
use crate::domain::state::keys::{SuggestionKey, SUGGESTION_KEYS};
use crate::domain::state::session::{label_word, Session, SessionAction, SuggestionAction};
use crate::ui::bridge::Dispatch;
use crate::ui::hooks::suggestion_action;
use crate::ui::painter::is_filled;
use crate::web::schedule::{after_next_paint, when_idle_after_next_paint};
use crate::web::selection::boundary_to_offset;
use crate::web::{clock, highlights, offload};
use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the worker is asked for: the open article, and a fingerprint of the registry's names.
pub type Request = Option<(ArticleId, u64)>;

/// The request for the session's open article while suggestions are allowed.
pub fn request(session: &Session) -> Request {
    if !session.suggestions_allowed() {
        return None;
    }
    let mut hasher = DefaultHasher::new();
    for entity in session.workspace.entities() {
        (&entity.name, &entity.aliases, entity.kind).hash(&mut hasher);
    }
    Some((session.current.clone(), hasher.finish()))
}

/// Asks the worker for the suggestions of each request and hands them to the session; never before
/// the page is idle after a paint, so that the first visit paints first.
#[hook]
pub fn use_suggestions(cell: Rc<RefCell<Session>>, request: Request, dispatch: Dispatch) {
    let pending = use_mut_ref(|| (None::<(ArticleId, u64)>, None::<offload::Ticket>));
    use_effect_with(request, move |request| {
        *pending.borrow_mut() = (request.clone(), None);
        if request.is_some() {
            ask_when_painted(
                cell.clone(),
                pending.clone(),
                request.clone(),
                dispatch.clone(),
            );
        }
    });
}

/// Sends the request once the page is idle and the article's every line is painted (so that the
/// worker's work never competes with the painting), unless another request came meanwhile.
fn ask_when_painted(
    cell: Rc<RefCell<Session>>,
    pending: Pending,
    asked: Request,
    dispatch: Dispatch,
) {
    when_idle_after_next_paint(move || {
        if pending.borrow().0 != asked {
            return;
        }
        let Some((article, _)) = asked.clone() else {
            return;
        };
        if !is_filled(&article) {
            return ask_when_painted(cell, pending, asked, dispatch);
        }
        let ticket = send(&cell, &article, dispatch);
        pending.borrow_mut().1 = ticket;
    });
}

/// The request under way and its ticket.
type Pending = Rc<RefCell<(Request, Option<offload::Ticket>)>>;

/// Sends the job for `article`'s suggestions; the ticket, unless the worker could not start.
fn send(
    cell: &Rc<RefCell<Session>>,
    article: &ArticleId,
    dispatch: Dispatch,
) -> Option<offload::Ticket> {
    let job = cell.try_borrow().ok().and_then(|s| {
        let registry: Vec<Rc<Entity>> = s.workspace.entities().cloned().collect();
        let article = s.workspace.article(article).cloned()?;
        Some(Job::Suggest { article, registry })
    })?;
    offload::run(job, move |answer| {
        if let Answer::Suggested(article, found) = answer {
            let found = SuggestionAction::Found(article, found);
            dispatch.emit(SessionAction::Suggestions(found));
        }
    })
    .ok()
}

/// What the layer in the text marks: the open article, every shown suggestion's span, and the current one's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerMarks {
    article: ArticleId,
    spans: Vec<(usize, usize)>,
    current: Option<(usize, usize)>,
}

/// What the layer marks for `session`.
pub fn layer_marks(session: &Session) -> LayerMarks {
    let spans = |s: &Suggestion| (s.span.start(), s.span.end());
    let shown = session.shown_suggestions();
    LayerMarks {
        article: session.current.clone(),
        spans: shown.iter().map(|s| spans(s)).collect(),
        current: session.current_among(&shown).map(spans),
    }
}

/// Marks the shown suggestions in the text once the article's lines are painted, the current one
/// apart.
#[hook]
pub fn use_suggestion_layer(marks: LayerMarks, cell: Rc<RefCell<Session>>) {
    use_effect_with(marks, move |marks| {
        let marks = marks.clone();
        after_next_paint(move || {
            let container = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector("[data-testid=article-text]")
                    .ok()
                    .flatten()
            });
            let article = cell
                .try_borrow()
                .ok()
                .and_then(|s| s.workspace.article(&marks.article).cloned());
            let (Some(container), Some(article)) = (container, article) else {
                return;
            };
            let current: Vec<(usize, usize)> = marks.current.into_iter().collect();
            highlights::mark("na-suggestion", &container, &article, &marks.spans);
            highlights::mark("na-suggestion-current", &container, &article, &current);
        });
    });
}

/// The words for a kind, in the plural, for "Accept all …".
fn plural(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Quote => "quotes",
        SuggestionKind::Claim => "claims",
        SuggestionKind::Mention => "mentions",
    }
}

/// The suggestion bar: the current suggestion, its reason, and what to do with it.
pub fn suggestion_bar(session: &Session, dispatch: &Dispatch) -> Html {
    let card = |body: Html| {
        let close = dispatch
            .reform(|_: MouseEvent| SessionAction::Suggestions(SuggestionAction::Open(false)));
        html! {
            <section class="suggestions" data-testid="suggestions" aria-label="Suggestions">
                {body}
                <button class="link" data-testid="suggestions-close" onclick={close}>{"Close"}</button>
            </section>
        }
    };
    if !session.suggestions_allowed() && session.suggesting.choices.on {
        return card(html! {
            <p data-testid="suggestions-none">{"This exercise asks you to find everything yourself: no suggestions."}</p>
        });
    }
    let toggle =
        dispatch.reform(|_: MouseEvent| SessionAction::Suggestions(SuggestionAction::Toggle));
    if !session.suggesting.choices.on {
        return card(html! {
            <button class="link" data-testid="suggestions-toggle" onclick={toggle}>{"Show suggestions"}</button>
        });
    }
    let shown = session.shown_suggestions();
    let Some(current) = session.current_among(&shown) else {
        return card(html! { <>
            <p class="meta" data-testid="suggestions-none">{"No suggestions left in this article."}</p>
            <button class="link" data-testid="suggestions-toggle" onclick={toggle}>{"Hide suggestions"}</button>
        </> });
    };
    let at = shown.iter().position(|s| *s == current).unwrap_or(0) + 1;
    let text = session
        .workspace
        .article(&session.current)
        .map(|a| a.slice(current.span.start(), current.span.end()).to_owned())
        .unwrap_or_default();
    let button = |k: SuggestionKey, name: &str, keys: &str, id: &str| {
        let onclick = dispatch.reform(move |_: MouseEvent| suggestion_action(k));
        html! { <button data-testid={id.to_owned()} {onclick} aria-keyshortcuts={keys.to_owned()}>{format!("{name} ({keys})")}</button> }
    };
    let keys = |k: SuggestionKey| {
        SUGGESTION_KEYS
            .iter()
            .find(|(x, _)| *x == k)
            .map_or("", |(_, n)| *n)
    };
    let all = [SuggestionKind::Quote, SuggestionKind::Claim, SuggestionKind::Mention]
        .into_iter()
        .filter(|k| shown.iter().any(|s| s.kind == *k))
        .map(|kind| {
            let onclick = dispatch.reform(move |_: MouseEvent| SessionAction::AcceptSuggestions {
                kind: Some(kind),
                id: clock::new_id(),
                at: clock::now(),
            });
            let n = shown.iter().filter(|s| s.kind == kind).count();
            html! { <button class="link" data-testid={format!("accept-all-{}", plural(kind))} {onclick}>{format!("Accept all {n} {}", plural(kind))}</button> }
        });
    card(html! { <>
            <p data-testid="suggestion-current" data-key={key(current)} role="status">
                <strong>{format!("Suggestion {at} of {}: {}", shown.len(), label_word(current.label))}</strong>
                {" “"}{text}{"”"}
            </p>
            <p class="meta" data-testid="suggestion-reason">{&current.reason}</p>
            <div class="controls">
                {button(SuggestionKey::Accept, "Accept", keys(SuggestionKey::Accept), "suggestion-accept")}
                {button(SuggestionKey::Reject, "Reject", keys(SuggestionKey::Reject), "suggestion-reject")}
                {button(SuggestionKey::Previous, "Previous", keys(SuggestionKey::Previous), "suggestion-previous")}
                {button(SuggestionKey::Next, "Next", keys(SuggestionKey::Next), "suggestion-next")}
            </div>
            <div class="controls">{for all}
                <button class="link" data-testid="suggestions-toggle" onclick={toggle}>{"Hide suggestions"}</button>
            </div>
    </> })
}

/// Shows the reason of the suggestion under the mouse as the article's tooltip (the layer in the text
/// is no element, so the pointer's text position is looked up), and nothing over other text.
#[hook]
pub fn use_suggestion_hover(cell: Rc<RefCell<Session>>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let on = document.clone();
                gloo_events::EventListener::new(&on, "mousemove", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() else {
                        return;
                    };
                    let Ok(session) = cell.try_borrow() else {
                        return;
                    };
                    hover(&document, &session, event);
                })
            });
        move || drop(listener)
    });
}

/// Sets or clears the article's tooltip for the pointer of `event`.
fn hover(document: &web_sys::Document, session: &Session, event: &web_sys::MouseEvent) {
    let Some(container) = document
        .query_selector("article[data-testid=article-text]")
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(article) = session.workspace.article(&session.current) else {
        return;
    };
    #[allow(clippy::cast_possible_truncation)]
    let (x, y) = (event.client_x() as f32, event.client_y() as f32);
    let at = document.caret_position_from_point(x, y).and_then(|p| {
        let node = p.offset_node()?;
        boundary_to_offset(&container, &node, p.offset(), article.char_len)
    });
    let reason = at.and_then(|at| {
        (session.shown_suggestions().into_iter())
            .find(|s| s.span.start() <= at && at < s.span.end())
            .map(|s| {
                format!(
                    "Suggested {}: {}",
                    label_word(s.label).to_lowercase(),
                    s.reason
                )
            })
    });
    let _ = match reason {
        Some(text) => container.set_attribute("title", &text),
        None => container.remove_attribute("title"),
    };
}
