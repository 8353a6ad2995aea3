//! The student's bar while they work on an exercise: its title and instructions, the labels it asks
//! for, their name, and saving the submission.

use crate::domain::features::classroom::submission::{submission_file_name, submission_json};
use crate::domain::state::session::{ClassroomAction, Enrolment, Notice, SessionAction};
use crate::ui::bridge::{Dispatch, SessionView};
use crate::ui::classroom::live::live_words;
use crate::ui::sign_in::SignIn;
use crate::web::{clock, download};
use std::rc::Rc;
use yew::prelude::*;

/// What [`exercise_banner`] shows.
pub struct ExerciseBannerProps {
    /// The exercise and the name.
    pub enrolment: Rc<Enrolment>,
    /// The page's session, read when the submission is saved.
    pub session: SessionView,
}

/// The exercise bar under the top bar.
pub fn exercise_banner(props: &ExerciseBannerProps, dispatch: &Dispatch) -> Html {
    let e = &props.enrolment;
    let ex = &e.exercise;
    let classroom = |action: ClassroomAction| SessionAction::Classroom(action);
    let oninput = dispatch.reform(move |ev: InputEvent| {
        let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
        classroom(ClassroomAction::SetStudent(input.value()))
    });
    let leave = dispatch.reform(move |_: MouseEvent| classroom(ClassroomAction::Leave));
    let save = {
        let (view, dispatch, enrolment) = (props.session.clone(), dispatch.clone(), Rc::clone(e));
        Callback::from(move |_: MouseEvent| {
            let Some(session) = view.read() else {
                return;
            };
            let now = clock::now();
            let json = submission_json(
                &enrolment.exercise,
                &enrolment.student,
                &session.workspace,
                now,
            );
            let name = submission_file_name(&enrolment.student, &enrolment.exercise);
            let notice = match download::download_text(&name, "application/json", &json) {
                Ok(()) => Notice::Info(format!(
                    "Saved your submission as {name}. Hand this file to your teacher."
                )),
                Err(e) => Notice::Error(e),
            };
            dispatch.emit(SessionAction::Notify(notice));
        })
    };
    let labels: Vec<&str> = ex.labels.iter().map(|l| l.plural()).collect();
    let articles: Vec<&str> = ex.articles.iter().map(|a| a.title.as_str()).collect();
    let unnamed = e.student.trim().is_empty();
    html! {
        <section class="exercise-banner" data-testid="exercise-banner" aria-label="Exercise">
            <div class="exercise-head">
                <h2>{"Exercise: "}{&ex.title}</h2>
                <label>{"Your name "}
                    <input data-testid="student-name" value={e.student.clone()} {oninput}
                        placeholder="First and last name" autocomplete="name" />
                </label>
                <button data-testid="save-submission" onclick={save} disabled={unnamed}
                    title={if unnamed { "Type your name first: the file is named after you" } else { "Download your annotations for this exercise, to hand in" }}>
                    {"Save submission"}
                </button>
                <button class="link" data-testid="leave-exercise" onclick={leave}
                    title="Stop working on this exercise; your annotations stay">{"Leave"}</button>
            </div>
            if !ex.instructions.is_empty() {
                <p class="instructions" data-testid="instructions">{&ex.instructions}</p>
            }
            <p class="asks">{format!("Tag: {}. Articles: {}.", labels.join(", "), articles.join(" · "))}</p>
            if let Some(db) = &ex.class_db {
                <div class="hand-in">
                    <p data-testid="hand-in-status" role="status">{format!(
                        "Your work goes to the class database “{}” as you annotate: {}.",
                        db.db, live_words(&e.hand_in, "handed in"))}</p>
                    if !e.hand_in.is_through() {
                        <SignIn server={db.server.clone()} testid="class" />
                    }
                </div>
            }
        </section>
    }
}
