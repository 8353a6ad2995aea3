//! Making an exercise: a title, instructions, the articles and labels, and whether the teacher's own
//! annotations on them are the answer key.

use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::replication::syncing::DEFAULT_SERVER;
use crate::domain::state::session::{ClassroomAction, SessionAction};
use crate::ui::bridge::{use_dispatch, SessionView};
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// What [`MakeExercise`] needs.
#[derive(Properties, Clone, PartialEq)]
pub struct MakeExerciseProps {
    /// The page's session (its articles and annotations).
    pub session: SessionView,
}

/// A change to the draft from a field's value.
type Change = Rc<dyn Fn(&mut Draft, String)>;

fn toggle<T: PartialEq + Clone>(list: &[T], item: &T) -> Vec<T> {
    if list.contains(item) {
        list.iter().filter(|x| *x != item).cloned().collect()
    } else {
        list.iter().cloned().chain([item.clone()]).collect()
    }
}

/// The value of the input an event came from.
fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// The form that makes an exercise.
#[function_component]
pub fn MakeExercise(props: &MakeExerciseProps) -> Html {
    let draft = use_state(|| Draft {
        labels: LabelName::ALL.to_vec(),
        with_key: true,
        class_server: DEFAULT_SERVER.to_owned(),
        ..Draft::default()
    });
    let problem = use_state(|| None::<String>);
    let dispatch = use_dispatch();
    let Some(session) = props.session.read() else {
        return html! {};
    };
    let ws = &session.workspace;
    let update = |change: Change| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let text = |read: fn(&InputEvent) -> String, set: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            set(&mut next, read(&e));
            draft.set(next);
        })
    };
    let title = text(input_value, |d, v| d.title = v);
    let instructions = text(
        |e| {
            e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value()
        },
        |d, v| d.instructions = v,
    );
    let class_db = text(input_value, |d, v| d.class_db = v);
    let class_server = text(input_value, |d, v| d.class_server = v);
    let with_key = update(Rc::new(|d, _| d.with_key = !d.with_key));
    let suggestions = update(Rc::new(|d, _| d.suggestions = !d.suggestions));
    let key_count: usize = if draft.with_key {
        draft
            .articles
            .iter()
            .map(|id| {
                ws.in_article(id)
                    .iter()
                    .filter(|a| draft.labels.contains(&a.label.name()))
                    .count()
            })
            .sum()
    } else {
        0
    };
    let articles = ws.articles().iter().map(|a| {
        let id: ArticleId = a.id.clone();
        let onchange = update(Rc::new(move |d, _| d.articles = toggle(&d.articles, &id)));
        html! {
            <li><label><input type="checkbox" data-article={a.id.as_str().to_owned()} checked={draft.articles.contains(&a.id)} {onchange} />
                {" "}{&a.title}{if a.is_own() { " (yours)" } else { "" }}</label></li>
        }
    });
    let labels = LabelName::ALL.iter().map(|&label| {
        let onchange = update(Rc::new(move |d, _| d.labels = toggle(&d.labels, &label)));
        html! {
            <label><input type="checkbox" data-label={label.name()} checked={draft.labels.contains(&label)} {onchange} />
                {" "}{label.plural()}</label>
        }
    });
    let create = {
        let (draft, problem, session, dispatch) = (
            draft.clone(),
            problem.clone(),
            props.session.clone(),
            dispatch.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let made = session.read().ok_or_else(String::new).and_then(|s| {
                let id = format!("ex-{}", clock::new_id().as_str());
                Exercise::create(&draft, &s.workspace, id, clock::now())
            });
            match made {
                Ok(exercise) => {
                    problem.set(None);
                    dispatch.emit(SessionAction::Classroom(ClassroomAction::Teach(exercise)));
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    html! {
        <form class="card make-exercise" data-testid="make-exercise" onsubmit={create}>
            <h2>{"Make an exercise"}</h2>
            <label class="field">{"Title"}<input data-testid="exercise-title" value={draft.title.clone()} oninput={title} /></label>
            <label class="field">{"Instructions for the students"}
                <textarea data-testid="exercise-instructions" rows="3" value={draft.instructions.clone()} oninput={instructions} /></label>
            <fieldset><legend>{"Articles"}</legend><ul class="plain">{for articles}</ul></fieldset>
            <fieldset><legend>{"Labels"}</legend>{for labels}</fieldset>
            <label><input type="checkbox" data-testid="exercise-with-key" checked={draft.with_key} onchange={with_key} />
                {format!(" My annotations on these articles are the answer key ({key_count} now)")}</label>
            <label><input type="checkbox" data-testid="exercise-suggestions" checked={draft.suggestions} onchange={suggestions} />
                {" Students see suggestions (quotes, speakers, claims, names) while they work"}</label>
            <fieldset><legend>{"Hand in live (optional)"}</legend>
                <p class="meta">{"Name a CouchDB database and the students' work arrives in this class as they annotate (they sign in with their own users). Leave it empty to collect files."}</p>
                <label class="field">{"Class database"}<input data-testid="exercise-class-db" value={draft.class_db.clone()} oninput={class_db} placeholder="class-7a" /></label>
                <label class="field">{"on the server"}<input data-testid="exercise-class-server" value={draft.class_server.clone()} oninput={class_server} /></label>
            </fieldset>
            if let Some(why) = &*problem {
                <p class="problem" role="alert" data-testid="exercise-problem">{why}</p>
            }
            <button type="submit" data-testid="create-exercise">{"Create exercise"}</button>
        </form>
    }
}
