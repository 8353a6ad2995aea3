//! The detail panel of the selected annotation: its label, text and note, to relabel, annotate or delete;
//! its links (`links`), a claim's attribution and check (`claim`), an entity mention's registry entry
//! (`registry`). When several annotations overlap where the person clicked, it lists them all so each
//! can be reached.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::state::keys::{tag_value, TAG_KEYS};
use crate::domain::state::session::{Session, SessionAction};
use crate::domain::state::workspace::Action;
use crate::ui::bridge::Dispatch;
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

mod claim;
mod links;
mod registry;

/// The detail panel of the selected annotation (an empty node when none is), and the banner shown
/// while a quote or claim waits for its source to be clicked.
pub fn detail(session: &Session, dispatch: &Dispatch) -> Html {
    let ws = &session.workspace;
    let banner = links::linking_banner(session, dispatch);
    // Escape in the panel takes the keyboard back to the article, at the annotation, which stays
    // selected; while a source is being picked, it cancels that instead (the page's shortcut).
    let picking = session.linking.is_some();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" && !picking && crate::web::caret::focus("[data-testid=article-text]")
        {
            e.prevent_default();
            e.stop_propagation();
        }
    });
    let panel = session
        .selected_annotation()
        .zip(ws.article(&session.current))
        .map(|(a, article)| {
            let here: Vec<Rc<Annotation>> = session
                .here
                .iter()
                .filter_map(|id| ws.annotation(id).cloned())
                .collect();
            let extra = match a.label {
                Label::Claim => html! {<>
                    {links::source_row(session, a, dispatch)}
                    {claim::attributes(a, dispatch)}
                    {links::linked_from(ws, a, article, dispatch)}
                </>},
                Label::Quote => html! {<>
                    {links::source_row(session, a, dispatch)}
                    {links::linked_from(ws, a, article, dispatch)}
                </>},
                Label::Entity(_) => html! {<>
                    {registry::registry_row(ws, a, article, dispatch)}
                    {links::linked_from(ws, a, article, dispatch)}
                </>},
            };
            panel(a, article, &here, extra, dispatch, onkeydown)
        });
    html! {<>{banner}{panel.unwrap_or_default()}</>}
}

/// The panel itself: `extra` holds the rows that depend on the label; `onkeydown` gets its keys.
fn panel(
    a: &Rc<Annotation>,
    article: &Article,
    here: &[Rc<Annotation>],
    extra: Html,
    dispatch: &Dispatch,
    onkeydown: Callback<KeyboardEvent>,
) -> Html {
    let id = a.id.clone();
    let onchange = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some((label, _, _)) = TAG_KEYS
                .iter()
                .find(|(_, _, name)| tag_value(name) == value)
            {
                dispatch.emit(SessionAction::Edit(Action::Relabel {
                    id: id.clone(),
                    label: *label,
                    at: clock::now(),
                }));
            }
        })
    };
    let oninput = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(SessionAction::Edit(Action::SetNote {
                id: id.clone(),
                note: area.value(),
                at: clock::now(),
            }));
        })
    };
    let on_delete = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(SessionAction::Edit(Action::Remove { id: id.clone() }))
        })
    };
    let on_close = dispatch.reform(|_: MouseEvent| SessionAction::Select(None));
    let options = TAG_KEYS.iter().map(|(label, _, name)| html! {
        <option value={tag_value(name)} selected={*label == a.label}>{label.to_string()}</option>
    });
    let overlapping = (here.len() > 1).then(|| {
        let items = here.iter().map(|other| {
            let other_id = other.id.clone();
            let onclick = dispatch.reform(move |_: MouseEvent| SessionAction::Select(Some(other_id.clone())));
            let current = other.id == a.id;
            html! {
                <li><button class={classes!("item", other.label.name().name(), current.then_some("selected"))}
                    {onclick} aria-pressed={current.to_string()}>
                    {format!("{} · {}", other.label, article.slice(other.span.start(), other.span.end()))}
                </button></li>
            }
        });
        html! {
            <div class="here">
                <p>{format!("{} annotations overlap here:", here.len())}</p>
                <ul>{for items}</ul>
            </div>
        }
    });
    html! {
        <section class="detail" data-testid="detail" aria-label="Selected annotation" {onkeydown}>
            <header>
                <h3>{a.label.to_string()}</h3>
                <button class="link" onclick={on_close} aria-label="Close the detail panel">{"✕"}</button>
            </header>
            {for overlapping}
            <blockquote class={classes!("exact", a.label.name().name())}>{article.slice(a.span.start(), a.span.end())}</blockquote>
            <p class="meta">{format!("Characters {} · added {} · changed {}", a.span, a.created.short(), a.updated.short())}</p>
            <label>{"Label "}
                <select data-testid="label-select" {onchange}>{for options}</select>
            </label>
            {extra}
            <label class="note">{"Note"}
                <textarea data-testid="note" value={a.note.clone()} {oninput}
                    placeholder="Why is this a claim? Who is this? Anything to check…" rows="3" />
            </label>
            <button class="danger" data-testid="delete" onclick={on_delete}>{"Delete annotation"}</button>
        </section>
    }
}
