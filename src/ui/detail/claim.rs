//! A claim's attribution and check status, each a menu.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::ui::bridge::Dispatch;
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// The two menus of a claim: how the article presents it, and what checking it found.
pub fn attributes(a: &Rc<Annotation>, dispatch: &Dispatch) -> Html {
    let on_attribution = {
        let (dispatch, id) = (dispatch.clone(), a.id.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.emit(SessionAction::Edit(Action::SetAttribution {
                id: id.clone(),
                attribution: Attribution::from_name(&select.value()),
                at: clock::now(),
            }));
        })
    };
    let on_check = {
        let (dispatch, id) = (dispatch.clone(), a.id.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(check) = CheckStatus::from_name(&select.value()) {
                dispatch.emit(SessionAction::Edit(Action::SetCheck {
                    id: id.clone(),
                    check,
                    at: clock::now(),
                }));
            }
        })
    };
    let attributions = Attribution::ALL.iter().map(|v| {
        html! {
            <option value={v.name()} selected={a.attrs.attribution == Some(*v)}>{v.title()}</option>
        }
    });
    let checks = CheckStatus::ALL.iter().map(|v| {
        let symbol = crate::domain::rendering::markup::check_symbol(*v);
        let text = if symbol.is_empty() {
            v.title().to_owned()
        } else {
            format!("{symbol} {}", v.title())
        };
        html! { <option value={v.name()} selected={a.attrs.check == *v}>{text}</option> }
    });
    html! {
        <div class="claim-attrs">
            <label>{"Attribution"}
                <select data-testid="attribution-select" onchange={on_attribution}>
                    <option value="" selected={a.attrs.attribution.is_none()}>{"—"}</option>
                    {for attributions}
                </select>
            </label>
            <label>{"Check"}
                <select data-testid="check-select" onchange={on_check}>{for checks}</select>
            </label>
        </div>
    }
}
