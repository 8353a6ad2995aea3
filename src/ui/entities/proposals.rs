//! The places that look like an open entry ([`candidates_for`](crate::domain::features::candidates::candidates_for)),
//! each with why, where and its context, to accept (link or tag it) or reject (never propose it again).

use super::Target;
use crate::domain::features::candidates::Candidate;
use crate::domain::features::entities::Excerpt;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::Attributes;
use crate::domain::model::names::Label;
use crate::domain::model::registry::Entity;
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::ui::bridge::Dispatch;
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// A proposed place and its context.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateRow {
    /// The place.
    pub candidate: Candidate,
    /// Its context.
    pub excerpt: Excerpt,
}

/// What [`proposals`] shows.
pub struct ProposalsProps<'a> {
    /// The open entry.
    pub entity: &'a Rc<Entity>,
    /// The places that look like it, strongest first.
    pub rows: &'a [CandidateRow],
    /// Shows a tagged place in its article.
    pub on_open: Callback<Target>,
}

/// The actions that accept `candidates` for `entity`: one that links the tagged ones, one that tags
/// the untagged ones as mentions of it (each only when there are some).
pub fn accept(entity: &Entity, candidates: &[&Candidate]) -> Vec<Action> {
    let at = clock::now();
    let mentions: Vec<_> = candidates
        .iter()
        .filter_map(|c| c.mention.clone())
        .collect();
    let tagged: Vec<Annotation> = candidates
        .iter()
        .filter(|c| c.mention.is_none())
        .map(|c| Annotation {
            id: clock::new_id(),
            article: c.article.clone(),
            span: c.span,
            label: Label::Entity(entity.kind),
            note: String::new(),
            attrs: Attributes {
                entity: Some(entity.id.clone()),
                ..Attributes::default()
            },
            created: at,
            updated: at,
        })
        .collect();
    let mut actions = Vec::new();
    if !mentions.is_empty() {
        actions.push(Action::SetMentionEntity {
            mentions,
            entity: Some(entity.id.clone()),
            at,
        });
    }
    if !tagged.is_empty() {
        actions.push(Action::AnnotateAll(tagged));
    }
    actions
}

/// A click that accepts `rows`.
fn on_accept(
    entity: &Rc<Entity>,
    rows: Vec<Candidate>,
    dispatch: &Dispatch,
) -> Callback<MouseEvent> {
    let (entity, dispatch) = (Rc::clone(entity), dispatch.clone());
    Callback::from(move |_: MouseEvent| {
        let refs: Vec<&Candidate> = rows.iter().collect();
        for action in accept(&entity, &refs) {
            dispatch.emit(SessionAction::Edit(action));
        }
    })
}

/// One proposed place.
fn row(props: &ProposalsProps<'_>, dispatch: &Dispatch, row: &CandidateRow) -> Html {
    let c = &row.candidate;
    let x = &row.excerpt;
    let on_reject = {
        let (entity, article, span) = (c.entity.clone(), c.article.clone(), c.span);
        dispatch.reform(move |_: MouseEvent| {
            SessionAction::Edit(Action::RejectCandidate {
                entity: entity.clone(),
                article: article.clone(),
                span,
                at: clock::now(),
            })
        })
    };
    let context = html! { <>{&x.before}<mark>{&x.text}</mark>{&x.after}</> };
    let place = match &c.mention {
        Some(id) => {
            let target = Target {
                article: c.article.clone(),
                annotation: Some(id.clone()),
                line: x.line,
            };
            let onclick = props.on_open.reform(move |_: MouseEvent| target.clone());
            html! {
                <button class="link place" {onclick} title="Show it in the article">
                    <span class="where">{format!("{}: ", x.title)}</span>{context}
                </button>
            }
        }
        None => {
            html! { <span class="place"><span class="where">{format!("{}: ", x.title)}</span>{context}</span> }
        }
    };
    let (state, state_text) = match c.mention {
        Some(_) => ("mention", "tagged, not linked yet"),
        None => ("text", "untagged text"),
    };
    html! {
        <li class="candidate" data-testid="candidate" key={format!("{}:{}", c.article.as_str(), c.span)}
            data-article={c.article.as_str().to_owned()} data-start={c.span.start().to_string()}
            data-end={c.span.end().to_string()} data-state={state}
            data-mention={c.mention.as_ref().map(|m| m.as_str().to_owned())}>
            <span class="why" title={format!("like “{}”", c.like)}>{c.likeness.describe()}</span>
            <span class="state">{state_text}</span>
            {place}
            <span class="candidate-buttons">
                <button data-testid="candidate-accept" onclick={on_accept(props.entity, vec![c.clone()], dispatch)}
                    title={if c.mention.is_some() { "Link this mention to the entry" } else { "Tag this text as a mention of the entry" }}>
                    {"Accept"}
                </button>
                <button data-testid="candidate-reject" onclick={on_reject}
                    title="It is not this entry: do not propose it again">
                    {"Reject"}
                </button>
            </span>
        </li>
    }
}

/// The places that look like the open entry.
pub fn proposals(props: &ProposalsProps<'_>, dispatch: &Dispatch) -> Html {
    let all: Vec<Candidate> = props.rows.iter().map(|r| r.candidate.clone()).collect();
    let n = all.len();
    html! {
        <section class="proposals" data-testid="proposals">
            <header>
                <h3>{format!("Places that look like “{}” ({n})", props.entity.name)}</h3>
                if n > 1 {
                    <button data-testid="accept-all" onclick={on_accept(props.entity, all, dispatch)}
                        title="Accept every place listed here">
                        {"Accept all"}
                    </button>
                }
            </header>
            if n == 0 {
                <p class="empty">{"Nothing else in the articles looks like this entry."}</p>
            } else {
                <ul>{for props.rows.iter().map(|r| row(props, dispatch, r))}</ul>
            }
        </section>
    }
}
