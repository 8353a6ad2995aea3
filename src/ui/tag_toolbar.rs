//! The floating toolbar under a fresh selection: one button per label, each with its key.

use crate::domain::state::keys::{tag_value, TAG_KEYS};
use crate::domain::state::session::{Pending, SessionAction};
use crate::ui::bridge::Dispatch;
use crate::web::{clock, selection};
use yew::prelude::*;

/// What [`tag_toolbar`] shows.
pub struct TagToolbarProps {
    /// The selection waiting for a label.
    pub pending: Pending,
}

/// Buttons that tag the selected text.
pub fn tag_toolbar(props: &TagToolbarProps, dispatch: &Dispatch) -> Html {
    let buttons = TAG_KEYS.iter().map(|&(label, key, name)| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            // Before the article changes, as for the keyboard (see `use_shortcuts`).
            selection::clear();
            dispatch.emit(SessionAction::Tag {
                label,
                id: clock::new_id(),
                at: clock::now(),
            });
        });
        html! {
            <button class={classes!("tag", label.name().name())} data-tag={tag_value(name)}
                {onclick} title={format!("Tag as {name} ({})", key.to_ascii_uppercase())}>
                {name}<kbd>{key.to_ascii_uppercase()}</kbd>
            </button>
        }
    });
    // Keep the text selection while a button is pressed.
    let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());
    // Whole pixels, formatted as integers: float formatting would add kilobytes to the bundle.
    let px = |v: f64| v.max(4.0).round() as i64;
    let style = format!(
        "left: {}px; top: {}px;",
        px(props.pending.x),
        px(props.pending.y)
    );
    // Set as the element's `style` property (CSSOM), not as an attribute: the page's CSP
    // (`style-src 'self'`) refuses inline style attributes.
    html! {
        <div class="tag-toolbar" data-testid="tag-toolbar" role="toolbar" aria-label="Tag the selected text" ~style={style} {onmousedown}>
            {for buttons}
        </div>
    }
}
