//! A proposed new entry ([`new_entries`](crate::domain::features::candidates::new_entries)): unlinked mentions in
//! several places that look alike, with a name and kind to change, a checkbox per mention, and
//! "Create entry".

use crate::domain::features::candidates::NewEntry;
use crate::domain::features::entities::Excerpt;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::ui::bridge::use_dispatch;
use crate::web::clock;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// A proposed entry and each of its mentions in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed {
    /// The proposal.
    pub entry: NewEntry,
    /// Its mentions with their context, in the proposal's order.
    pub rows: Vec<(Rc<Annotation>, Excerpt)>,
}

impl Proposed {
    /// A key that changes when the group's mentions change, so a changed group starts afresh.
    pub fn key(&self) -> String {
        let ids: Vec<&str> = self.entry.mentions.iter().map(|m| m.id.as_str()).collect();
        ids.join(" ")
    }
}

/// What [`NewEntryCard`] shows.
#[derive(Properties, PartialEq)]
pub struct NewEntryProps {
    /// The proposal: the same one, or an equal one computed again after an edit elsewhere (an `Rc`
    /// of an `Eq` value compares by pointer first).
    pub proposed: Rc<Proposed>,
}

/// One proposed entry.
#[function_component]
pub fn NewEntryCard(props: &NewEntryProps) -> Html {
    let entry = &props.proposed.entry;
    let name = use_state(|| entry.name.clone());
    let kind = use_state(|| entry.kind);
    let unchecked = use_state(BTreeSet::<AnnotationId>::new);
    let dispatch = use_dispatch();
    let checked: Vec<AnnotationId> = entry
        .mentions
        .iter()
        .map(|m| m.id.clone())
        .filter(|id| !unchecked.contains(id))
        .collect();
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = EntityKind::from_name(&select.value()) {
                kind.set(k);
            }
        })
    };
    let on_create = {
        let (name, kind, checked) = ((*name).clone(), *kind, checked.clone());
        dispatch.reform(move |_: MouseEvent| {
            SessionAction::Edit(Action::AddEntity {
                entity: Entity::new(clock::new_entity_id(), &name, kind, clock::now()),
                mentions: checked.clone(),
            })
        })
    };
    let kinds = EntityKind::ALL.iter().map(|k| {
        html! { <option value={k.name()} selected={*k == *kind}>{k.title()}</option> }
    });
    let spellings: Vec<String> = entry
        .spellings
        .iter()
        .map(|(text, n)| format!("{text} ×{n}"))
        .collect();
    let rows = props.proposed.rows.iter().map(|(m, x)| {
        let id = m.id.clone();
        let onchange = {
            let unchecked = unchecked.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut set = (*unchecked).clone();
                if input.checked() {
                    set.remove(&id);
                } else {
                    set.insert(id.clone());
                }
                unchecked.set(set);
            })
        };
        html! {
            <li key={m.id.as_str()}>
                <label>
                    <input type="checkbox" data-annotation={m.id.as_str().to_owned()}
                        checked={!unchecked.contains(&m.id)} {onchange} />
                    <span class="context">
                        <span class="where">{format!("{}: ", x.title)}</span>
                        {&x.before}<mark>{&x.text}</mark>{&x.after}
                    </span>
                </label>
            </li>
        }
    });
    let n = checked.len();
    html! {
        <li class="new-entry" data-testid="new-entry" data-name={entry.name.clone()}>
            <div class="new-head">
                <label>{"Name "}
                    <input data-testid="new-entry-name" value={(*name).clone()} oninput={on_name} />
                </label>
                <label>{"Kind "}
                    <select data-testid="new-entry-kind" onchange={on_kind}>{for kinds}</select>
                </label>
            </div>
            <p class="spellings" data-testid="new-entry-spellings">{format!("Spelled {}", spellings.join(", "))}</p>
            <ul class="new-mentions">{for rows}</ul>
            <button class="primary" data-testid="create-entry" onclick={on_create}
                disabled={n == 0 || name.trim().is_empty()}>
                {format!("Create entry with {n} mention{}", if n == 1 { "" } else { "s" })}
            </button>
        </li>
    }
}
