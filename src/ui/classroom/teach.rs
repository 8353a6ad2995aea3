//! A teacher's exercise and its class: hand it out, load the submissions, and compare.

use super::heat_map::HeatMap;
use super::live::live_words;
use super::review::StudentReview;
use super::share::Share;
use super::tables::{agreement_tables, class_table};
use crate::domain::features::classroom::exercise::slug;
use crate::domain::features::classroom::report::class_csv;
use crate::domain::state::session::{ClassroomAction, Notice, SessionAction, Teaching};
use crate::ui::bridge::use_dispatch;
use crate::ui::classroom_view::picker;
use crate::ui::sign_in::SignIn;
use crate::web::download;
use std::rc::Rc;
use yew::prelude::*;

/// What [`Teach`] shows.
#[derive(Properties, PartialEq, Clone)]
pub struct TeachProps {
    /// The exercise and the class.
    pub teaching: Rc<Teaching>,
    /// Reads picked files.
    pub on_files: Callback<Vec<web_sys::File>>,
}

/// The teacher's page for one exercise.
#[function_component]
pub fn Teach(props: &TeachProps) -> Html {
    let t = &props.teaching;
    let dispatch = use_dispatch();
    let (ex, class) = (&t.exercise, &t.class);
    let classroom = |a: fn() -> ClassroomAction| {
        dispatch.reform(move |_: MouseEvent| SessionAction::Classroom(a()))
    };
    let csv = {
        let (teaching, dispatch) = (Rc::clone(t), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!(
                "{}-class-table.csv",
                slug(&teaching.exercise.title, "exercise")
            );
            let text = class_csv(&teaching.exercise, &teaching.class);
            if let Err(e) = download::download_text(&name, "text/csv;charset=utf-8", &text) {
                dispatch.emit(SessionAction::Notify(Notice::Error(e)));
            }
        })
    };
    let labels: Vec<&str> = ex.labels.iter().map(|l| l.plural()).collect();
    let key = ex.key.as_ref().map_or_else(
        || "no answer key".to_owned(),
        |k| format!("an answer key of {} spans", k.len()),
    );
    let problems = class
        .problems
        .iter()
        .map(|p| html! { <li><strong>{&p.file}</strong>{": "}{&p.message}</li> });
    let notes = class.students.iter().flat_map(|s| {
        s.notes
            .iter()
            .map(move |n| html! { <li><strong>{&s.name}</strong>{": "}{n}</li> })
    });
    let names = class.students.iter().map(|s| html! { <li data-file={s.file.clone()}>{&s.name}{format!(" · {} spans", s.marks.len())}</li> });
    html! { <>
        <section class="card" data-testid="teaching" data-exercise={ex.id.clone()}>
            <h2>{"Exercise: "}{&ex.title}</h2>
            <p>{format!("{} · {} article(s): {} · {key}", labels.join(", "), ex.articles.len(),
                ex.articles.iter().map(|a| a.title.as_str()).collect::<Vec<_>>().join(" · "))}</p>
            if !ex.instructions.is_empty() { <p class="instructions">{&ex.instructions}</p> }
            <Share exercise={Rc::clone(ex)} />
            <p><button class="link" data-testid="new-exercise" onclick={classroom(|| ClassroomAction::StopTeaching)}>{"Close this exercise (make or open another)"}</button></p>
        </section>
        <section class="card" data-testid="class">
            <h2>{format!("Submissions ({})", class.students.len())}</h2>
            <p>{"Load the students' submission files (pick many at once, or drop them anywhere on the page). They are compared here and never merged into your own annotations."}</p>
            if let Some(db) = &ex.class_db {
                <p data-testid="follow-status" role="status">{format!(
                    "Submissions arrive from the class database “{}” as the students work: {}.",
                    db.db, live_words(&t.follow, "following; the last new work read"))}</p>
                if !t.follow.is_through() {
                    <SignIn server={db.server.clone()} testid="class" />
                }
            }
            <div class="controls">
                <label class="button">{"Load submissions…"}{picker(&props.on_files, true, "load-submissions")}</label>
                if !class.students.is_empty() || !class.problems.is_empty() {
                    <button class="link" data-testid="clear-class" onclick={classroom(|| ClassroomAction::ClearClass)}>{"Start the class again"}</button>
                }
            </div>
            <ul class="students plain" data-testid="students">{for names}</ul>
            if !class.problems.is_empty() {
                <div class="notice error" role="alert"><span>{format!("{} file(s) were left out:", class.problems.len())}</span></div>
                <ul data-testid="class-problems">{for problems}</ul>
            }
            <ul class="notes" data-testid="class-notes">{for notes}</ul>
        </section>
        if !class.students.is_empty() {
            <section class="card">
                <h2>{"Scores against the key"}</h2>
                {class_table(ex, class)}
                if ex.key.is_some() { <button data-testid="download-class-csv" onclick={csv}>{"Download the class table (CSV)"}</button> }
            </section>
            <section class="card">
                <h2>{"Agreement among students"}</h2>
                {agreement_tables(ex, class)}
            </section>
            <HeatMap teaching={Rc::clone(t)} />
            <StudentReview teaching={Rc::clone(t)} />
        }
    </> }
}
