//! Handing an exercise out: the students' file, a link when it is short enough, and the teacher's copy.

use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::features::classroom::link::MAX_LINK;
use crate::domain::state::session::{Notice, SessionAction};
use crate::ui::bridge::use_dispatch;
use crate::web::{download, exercise_link};
use std::rc::Rc;
use yew::prelude::*;

/// What [`Share`] needs.
#[derive(Properties, PartialEq, Clone)]
pub struct ShareProps {
    /// The exercise.
    pub exercise: Rc<Exercise>,
}

/// The link, or why there is none.
#[derive(Clone, PartialEq)]
enum Link {
    Ready(String),
    TooLong(usize),
    Failed(String),
}

/// The buttons that hand an exercise out.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let link = use_state(|| None::<Link>);
    let dispatch = use_dispatch();
    let save = |with_key: bool| {
        let (exercise, dispatch) = (Rc::clone(&props.exercise), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let name = exercise.file_name(with_key);
            if let Err(e) =
                download::download_text(&name, "application/json", &exercise.to_json(with_key))
            {
                dispatch.emit(SessionAction::Notify(Notice::Error(e)));
            }
        })
    };
    let make_link = {
        let (exercise, link) = (Rc::clone(&props.exercise), link.clone());
        Callback::from(move |_: MouseEvent| {
            let (json, link) = (exercise.to_compact_json(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                link.set(Some(match exercise_link::make(&json).await {
                    Ok(url) if url.chars().count() > MAX_LINK => Link::TooLong(url.chars().count()),
                    Ok(url) => Link::Ready(url),
                    Err(e) => Link::Failed(e),
                }));
            });
        })
    };
    let shown = match (*link).clone() {
        None => html! {},
        Some(Link::Ready(url)) => html! {
            <label class="field">{format!("Link for the students ({} characters; it holds the exercise, not the key)", url.chars().count())}
                <input readonly=true data-testid="exercise-link" value={url}
                    onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select())} />
            </label>
        },
        Some(Link::TooLong(n)) => html! {
            <p class="problem" data-testid="exercise-link-too-long">{format!(
                "The link would be {n} characters; links are kept under {MAX_LINK}, which mail and chat tools pass whole. Hand out the students' file instead.")}</p>
        },
        Some(Link::Failed(why)) => {
            html! { <p class="problem">{format!("No link could be made: {why}.")}</p> }
        }
    };
    html! {
        <div class="share">
            <button data-testid="save-students-file" onclick={save(false)} title="The exercise without the answer key, for the students">{"Students' file"}</button>
            <button data-testid="make-link" onclick={make_link} title="The exercise in a link, for small exercises">{"Students' link"}</button>
            if props.exercise.key.is_some() {
                <button data-testid="save-teacher-file" onclick={save(true)} title="The exercise with the answer key: keep it to compare the submissions">{"Teacher's copy"}</button>
            }
            {shown}
        </div>
    }
}
