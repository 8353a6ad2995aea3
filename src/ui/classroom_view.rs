//! The Classroom view: a teacher makes an exercise, or compares the submissions loaded for one.

use super::bridge::SessionView;
use super::classroom::make::MakeExercise;
use super::classroom::teach::Teach;
use crate::web::files::files_of;
use yew::prelude::*;

/// What [`ClassroomView`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct ClassroomViewProps {
    /// The page's session: its workspace (the articles and the key to pick from) and its classroom
    /// (the exercise and the class).
    pub session: SessionView,
    /// Reads picked files as "Load file" does (a teacher's copy opens its class).
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Reads picked files into the teacher's class, whatever they hold.
    pub on_submissions: Callback<Vec<web_sys::File>>,
}

/// A file picker that hands the picked files to `on_files`.
pub fn picker(
    on_files: &Callback<Vec<web_sys::File>>,
    multiple: bool,
    test_id: &'static str,
) -> Html {
    let on_files = on_files.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_files.emit(files_of(input.files()));
        input.set_value("");
    });
    html! {
        <input type="file" accept=".json,application/json" {multiple} data-testid={test_id}
            class="visually-hidden" {onchange} />
    }
}

/// The Classroom view.
#[function_component]
pub fn ClassroomView(props: &ClassroomViewProps) -> Html {
    let teaching = props.session.read().and_then(|s| s.teaching.clone());
    html! {
        <section class="classroom" data-testid="classroom" aria-label="Classroom">
            if let Some(teaching) = teaching {
                <Teach {teaching} on_files={props.on_submissions.clone()} />
            } else {
                <MakeExercise session={props.session.workspace_only()} />
                <section class="card">
                    <h2>{"Compare a class"}</h2>
                    <p>{"Open the teacher's copy of an exercise (the file with the answer key), then load the students' submissions."}</p>
                    <label class="button">{"Open teacher's copy…"}{picker(&props.on_files, false, "open-teacher-copy")}</label>
                </section>
            }
        </section>
    }
}
