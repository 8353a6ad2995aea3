//! The Entities view: every registry entry (by name) with its mentions per article and spelling; an
//! open entry can be renamed, re-kinded, given aliases, merged or deleted, and lists the places in any
//! article that look like it, to accept or reject. Above the entries, groups of unlinked mentions that
//! look alike are proposed as new entries.
//!
//! The proposals scan the articles' text, so the web worker makes them once per workspace revision,
//! and those for an entry only while it is open; until it answers, the view says so.

use super::bridge::{use_dispatch, Ptr, SessionView};
use super::entities::entry::{entry_card, EntryCardProps, EntryData};
use super::entities::new_entries::{NewEntryCard, Proposed};
use super::entities::proposals::{proposals, CandidateRow, ProposalsProps};
use super::entities::Target;
use crate::domain::features::candidates::{Candidate, NewEntry};
use crate::domain::features::entities::{by_article, excerpt};
use crate::domain::model::names::EntityId;
use crate::domain::offload::{Answer, Carried, Job};
use crate::domain::state::workspace::Workspace;
use crate::ui::offloaded::{use_job, waiting};
use std::rc::Rc;
use yew::prelude::*;

/// What [`EntitiesView`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct EntitiesViewProps {
    /// The page's session, read once per workspace revision, so the view follows edits.
    pub session: SessionView,
    /// Leaves this view to show a mention in its article.
    pub on_open: Callback<Target>,
}

/// Every entry sorted by name (ignoring case), with its mentions.
fn entries(ws: &Workspace) -> Vec<EntryData> {
    let mentions = ws.mentions();
    let mut entries: Vec<EntryData> = ws
        .entities()
        .map(|entity| {
            let list = mentions.get(&entity.id).map_or(&[][..], Vec::as_slice);
            EntryData {
                entity: Rc::clone(entity),
                articles: by_article(ws, list),
                mentions: list
                    .iter()
                    .filter_map(|m| Some((Rc::clone(m), excerpt(ws.article(&m.article)?, m.span))))
                    .collect(),
            }
        })
        .collect();
    entries.sort_by_cached_key(|e| (e.entity.name.to_lowercase(), e.entity.id.clone()));
    entries
}

/// The proposed new entries, each mention with its context.
fn proposed(ws: &Workspace, found: &[NewEntry]) -> Vec<Rc<Proposed>> {
    found
        .iter()
        .map(|entry| {
            let rows = entry
                .mentions
                .iter()
                .filter_map(|m| Some((Rc::clone(m), excerpt(ws.article(&m.article)?, m.span))))
                .collect();
            Rc::new(Proposed {
                entry: entry.clone(),
                rows,
            })
        })
        .collect()
}

/// The places that look like an entry, with their context.
fn candidate_rows(ws: &Workspace, found: &[Candidate]) -> Vec<CandidateRow> {
    found
        .iter()
        .cloned()
        .filter_map(|candidate| {
            let excerpt = excerpt(ws.article(&candidate.article)?, candidate.span);
            Some(CandidateRow { candidate, excerpt })
        })
        .collect()
}

/// The Entities view.
#[function_component]
pub fn EntitiesView(props: &EntitiesViewProps) -> Html {
    let expanded = use_state(|| None::<EntityId>);
    let dispatch = use_dispatch();
    let revision = props.session.revision();
    let carried = {
        let session = props.session.clone();
        move || session.read().map(|s| Carried::of(&s.workspace))
    };
    let found_entries = use_job(
        revision,
        false,
        {
            let carried = carried.clone();
            move |_| carried().map(|workspace| Job::NewEntries { workspace })
        },
        |answer| match answer {
            Answer::NewEntries(found) => Some(found),
            _ => None,
        },
    );
    // The last answer stays while the next is made (after an accept, say); it is shown only under its
    // own entry.
    let found_candidates = use_job(
        ((*expanded).clone(), revision),
        false,
        move |(id, _)| {
            let entity = id.clone()?;
            carried().map(|workspace| Job::Candidates { workspace, entity })
        },
        |answer| match answer {
            Answer::Candidates(entity, found) => Some((entity, found)),
            _ => None,
        },
    );
    let overview = use_memo(
        (revision, found_entries.clone().map(Ptr::from)),
        |(_, found)| {
            let session = props.session.read()?;
            let proposed = match found.as_deref() {
                Some(Ok(found)) => proposed(&session.workspace, found),
                _ => Vec::new(),
            };
            Some((entries(&session.workspace), proposed))
        },
    );
    let candidates = use_memo(
        (
            (*expanded).clone(),
            revision,
            found_candidates.clone().map(Ptr::from),
        ),
        |(open, _, found)| {
            let session = props.session.read()?;
            match found.as_deref()? {
                Ok((entity, found)) if Some(entity) == open.as_ref() => {
                    Some(candidate_rows(&session.workspace, found))
                }
                Ok(_) => None,
                Err(_) => Some(Vec::new()),
            }
        },
    );
    let Some((entries, proposed)) = overview.as_ref() else {
        return Html::default();
    };
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |id: EntityId| {
            let open = expanded.as_ref() != Some(&id);
            expanded.set(open.then_some(id));
        })
    };
    let cards = entries.iter().map(|data| {
        let open = expanded.as_ref() == Some(&data.entity.id);
        let others: Rc<[(EntityId, String)]> = if open {
            entries
                .iter()
                .filter(|e| e.entity.id != data.entity.id)
                .map(|e| (e.entity.id.clone(), e.entity.name.clone()))
                .collect()
        } else {
            Rc::from(Vec::new())
        };
        let rows = candidates.as_ref().as_deref().filter(|_| open);
        let proposals = rows.map_or_else(Html::default, |rows| {
            let props = ProposalsProps {
                entity: &data.entity,
                rows,
                on_open: props.on_open.clone(),
            };
            proposals(&props, &dispatch)
        });
        let card = EntryCardProps {
            data,
            expanded: open,
            proposals,
            others,
            on_toggle: on_toggle.clone(),
            on_open: props.on_open.clone(),
        };
        entry_card(&card, &dispatch)
    });
    let proposed_cards = proposed.iter().map(|p| {
        html! { <NewEntryCard key={p.key()} proposed={Rc::clone(p)} /> }
    });
    html! {
        <section class="entities-view" data-testid="entities-view" aria-label="Entity registry">
            <p class="hint">{"The registry: one entry per person, organisation or place, whatever the \
                spelling in each article. Open an entry to edit it and to see the places that look like it."}</p>
            if found_entries.is_none() {
                {waiting("proposals-loading", "Looking for alike mentions")}
            }
            if !proposed.is_empty() {
                <section class="new-entries" data-testid="new-entries">
                    <h2>{format!("Proposed new entries ({})", proposed.len())}</h2>
                    <p class="meta">{"Entity mentions linked to no entry that look alike. Untick any that \
                        is someone else, then create the entry."}</p>
                    <ul>{for proposed_cards}</ul>
                </section>
            }
            <section class="registry" data-testid="registry">
                <h2>{format!("Entries ({})", entries.len())}</h2>
                if entries.is_empty() {
                    <p class="empty">{"No entries yet. Tag people, organisations and places in the articles \
                        (P, O, L); mentions that look alike are proposed above as new entries."}</p>
                } else {
                    <ul>{for cards}</ul>
                }
            </section>
        </section>
    }
}
