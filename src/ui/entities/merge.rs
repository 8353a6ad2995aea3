//! Merging one registry entry into another: pick the entry that stays, then press Merge.

use super::entry::value_of;
use crate::domain::model::names::EntityId;
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::ui::bridge::use_dispatch;
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// What [`MergeControl`] shows.
#[derive(Properties, PartialEq)]
pub struct MergeProps {
    /// The entry that would go.
    pub id: EntityId,
    /// The entries it could go into.
    pub others: Rc<[(EntityId, String)]>,
}

/// Merging an entry into another: pick the one that stays, then press Merge.
#[function_component]
pub fn MergeControl(props: &MergeProps) -> Html {
    let target = use_state(|| None::<EntityId>);
    let dispatch = use_dispatch();
    let onchange = {
        let (target, others) = (target.clone(), Rc::clone(&props.others));
        Callback::from(move |e: Event| {
            let value = value_of(&e);
            target.set(
                others
                    .iter()
                    .find(|(id, _)| id.as_str() == value)
                    .map(|(id, _)| id.clone()),
            );
        })
    };
    let onclick = {
        let (target, from) = (target.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(into) = (*target).clone() {
                target.set(None);
                dispatch.emit(SessionAction::Edit(Action::MergeEntities {
                    into,
                    from: from.clone(),
                    at: clock::now(),
                }));
            }
        })
    };
    let options = props.others.iter().map(|(id, name)| {
        html! {
            <option value={id.as_str().to_owned()} selected={target.as_ref() == Some(id)}>{name}</option>
        }
    });
    html! {
        <span class="merge">
            <label>{"Merge into "}
                <select data-testid="merge-target" {onchange}>
                    <option value="" selected={target.is_none()}>{"choose an entry…"}</option>
                    {for options}
                </select>
            </label>
            <button data-testid="merge" {onclick} disabled={target.is_none()}
                title="Move this entry's mentions and names to the chosen entry, and delete this one">
                {"Merge"}
            </button>
        </span>
    }
}
