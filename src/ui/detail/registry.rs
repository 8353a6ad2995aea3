//! The registry entry of an entity mention: which entry it is, a menu to link it to one, a new entry
//! made from it, and unlinking.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::EntityId;
use crate::domain::model::registry::Entity;
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::{Action, Workspace};
use crate::ui::bridge::Dispatch;
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// Sends [`Action::SetMentionEntity`] for the mention `id`.
fn set_entry(dispatch: &Dispatch, id: &Rc<Annotation>, entity: Option<EntityId>) {
    dispatch.emit(SessionAction::Edit(Action::SetMentionEntity {
        mentions: vec![id.id.clone()],
        entity,
        at: clock::now(),
    }));
}

/// The registry row of an entity mention.
pub fn registry_row(
    ws: &Workspace,
    a: &Rc<Annotation>,
    article: &Article,
    dispatch: &Dispatch,
) -> Html {
    let entry = a
        .attrs
        .entity
        .as_ref()
        .and_then(|id| ws.entity(id))
        .cloned();
    let mut entries: Vec<&Rc<Entity>> = ws.entities().collect();
    entries.sort_by_cached_key(|e| (e.name.to_lowercase(), e.id.clone()));
    let options = entries.iter().map(|e| {
        let chosen = entry.as_ref().is_some_and(|x| x.id == e.id);
        html! {
            <option value={e.id.as_str().to_owned()} selected={chosen}>
                {format!("{} ({})", e.name, e.kind.title())}
            </option>
        }
    });
    let onchange = {
        let (dispatch, a) = (dispatch.clone(), Rc::clone(a));
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            set_entry(
                &dispatch,
                &a,
                (!value.is_empty()).then(|| EntityId::from(value.as_str())),
            );
        })
    };
    let on_new = {
        let (dispatch, a) = (dispatch.clone(), Rc::clone(a));
        let name = article.slice(a.span.start(), a.span.end()).to_owned();
        let kind = a.label.kind();
        Callback::from(move |_: MouseEvent| {
            let Some(kind) = kind else { return };
            let entity = Entity::new(clock::new_entity_id(), &name, kind, clock::now());
            dispatch.emit(SessionAction::Edit(Action::AddEntity {
                entity,
                mentions: vec![a.id.clone()],
            }));
        })
    };
    let unlink = {
        let (dispatch, a) = (dispatch.clone(), Rc::clone(a));
        Callback::from(move |_: MouseEvent| set_entry(&dispatch, &a, None))
    };
    html! {
        <div class="links registry" data-testid="registry-row">
            <h4>{"Registry"}</h4>
            if let Some(entry) = &entry {
                <p data-testid="registry-entry">{format!("{} · {}", entry.name, entry.kind.title())}</p>
            } else {
                <p data-testid="registry-entry" class="none">{"Not in the registry"}</p>
            }
            <div class="link-tools">
                <select data-testid="registry-select" {onchange} aria-label="Registry entry of this mention">
                    <option value="" selected={entry.is_none()}>{"— link to an entry —"}</option>
                    {for options}
                </select>
                <button data-testid="registry-new" onclick={on_new}
                    title="Add a registry entry named like this mention, and link the mention to it">
                    {"New entry from this mention"}
                </button>
                if entry.is_some() {
                    <button data-testid="registry-unlink" onclick={unlink}>{"Unlink"}</button>
                }
            </div>
        </div>
    }
}
