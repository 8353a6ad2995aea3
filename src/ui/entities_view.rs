//! The Entities view: every registry entry (by name) with its mentions per article and spelling; an
//! open entry can be renamed, re-kinded, given aliases, merged or deleted, and lists the places in any
//! article that look like it, to accept or reject. Above the entries, groups of unlinked mentions that
//! look alike are proposed as new entries.
//!
//! The proposals scan the articles' text, so they are computed once per workspace revision, and those
//! for an entry only while it is open.

use super::bridge::{use_dispatch, SessionView};
use super::entities::entry::{entry_card, EntryCardProps, EntryData};
use super::entities::new_entries::{NewEntryCard, Proposed};
use super::entities::proposals::{proposals, CandidateRow, ProposalsProps};
use super::entities::Target;
use crate::domain::features::candidates::{candidates_for, new_entries};
use crate::domain::features::entities::{by_article, excerpt};
use crate::domain::model::names::EntityId;
use crate::domain::state::workspace::Workspace;
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

/// The registry's entries and the proposed new ones, at one revision.
struct Overview {
    entries: Vec<EntryData>,
    proposed: Vec<Rc<Proposed>>,
}

/// Every entry sorted by name (ignoring case), with its mentions; and the proposed new entries.
fn overview(ws: &Workspace) -> Overview {
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
    let proposed = new_entries(ws)
        .into_iter()
        .map(|entry| {
            let rows = entry
                .mentions
                .iter()
                .filter_map(|m| Some((Rc::clone(m), excerpt(ws.article(&m.article)?, m.span))))
                .collect();
            Rc::new(Proposed { entry, rows })
        })
        .collect();
    Overview { entries, proposed }
}

/// The places that look like entry `id`, with their context.
fn candidate_rows(ws: &Workspace, id: &EntityId) -> Vec<CandidateRow> {
    candidates_for(ws, id)
        .into_iter()
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
    let overview = use_memo(props.session.revision(), |_| {
        props.session.read().map(|s| overview(&s.workspace))
    });
    let candidates = use_memo(
        ((*expanded).clone(), props.session.revision()),
        |(id, _)| {
            let id = id.as_ref()?;
            let session = props.session.read()?;
            Some(candidate_rows(&session.workspace, id))
        },
    );
    let Some(overview) = overview.as_ref() else {
        return Html::default();
    };
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |id: EntityId| {
            let open = expanded.as_ref() != Some(&id);
            expanded.set(open.then_some(id));
        })
    };
    let cards = overview.entries.iter().map(|data| {
        let open = expanded.as_ref() == Some(&data.entity.id);
        let others: Rc<[(EntityId, String)]> = if open {
            overview
                .entries
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
    let proposed = overview.proposed.iter().map(|p| {
        html! { <NewEntryCard key={p.key()} proposed={Rc::clone(p)} /> }
    });
    html! {
        <section class="entities-view" data-testid="entities-view" aria-label="Entity registry">
            <p class="hint">{"The registry: one entry per person, organisation or place, whatever the \
                spelling in each article. Open an entry to edit it and to see the places that look like it."}</p>
            if !overview.proposed.is_empty() {
                <section class="new-entries" data-testid="new-entries">
                    <h2>{format!("Proposed new entries ({})", overview.proposed.len())}</h2>
                    <p class="meta">{"Entity mentions linked to no entry that look alike. Untick any that \
                        is someone else, then create the entry."}</p>
                    <ul>{for proposed}</ul>
                </section>
            }
            <section class="registry" data-testid="registry">
                <h2>{format!("Entries ({})", overview.entries.len())}</h2>
                if overview.entries.is_empty() {
                    <p class="empty">{"No entries yet. Tag people, organisations and places in the articles \
                        (P, O, L); mentions that look alike are proposed above as new entries."}</p>
                } else {
                    <ul>{for cards}</ul>
                }
            </section>
        </section>
    }
}
