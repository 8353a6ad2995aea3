//! The "Compare outlets" view (issue 6): one story told by several articles. The quotations that
//! appear in more than one article, each group's versions one per article with their word
//! differences from a base the person picks; and which registry entries and claims each article
//! mentions or leaves out. Computed in the web worker once per workspace revision
//! ([`compare`](crate::domain::features::outlets::compare)); the last comparison stays on screen
//! while the next is made.

use super::bridge::{Ptr, SessionView};
use super::entities::Target;
use super::outlets::coverage::{claim_table, entity_table};
use super::outlets::quotes::QuoteGroupCard;
use crate::domain::features::outlets::grouping::THRESHOLD;
use crate::domain::features::outlets::passages::MIN_WORDS;
use crate::domain::features::outlets::Comparison;
use crate::domain::offload::{Answer, Carried, Job};
use crate::ui::offloaded::{use_job, waiting};
use std::rc::Rc;
use yew::prelude::*;

/// What [`OutletsView`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct OutletsViewProps {
    /// The page's session, read once per workspace revision, so the view follows edits.
    pub session: SessionView,
    /// Leaves this view to show a place in its article.
    pub on_open: Callback<Target>,
}

/// The "Compare outlets" view.
#[function_component]
pub fn OutletsView(props: &OutletsViewProps) -> Html {
    let session = props.session.clone();
    let made = use_job(
        props.session.revision(),
        false,
        move |_| {
            session.read().map(|s| Job::Compare {
                workspace: Carried::of(&s.workspace),
            })
        },
        |answer| match answer {
            Answer::Compared(comparison) => Some(Ptr::from(Rc::new(*comparison))),
            _ => None,
        },
    );
    let comparison = match made.as_deref() {
        None => return comparing(),
        Some(Err(why)) => {
            return html! {
                <section class="outlets-view" data-testid="outlets-view" aria-label="Compare outlets">
                    <p class="notice error" role="alert" data-testid="outlets-failed">
                        {format!("The outlets could not be compared: {why}.")}
                    </p>
                </section>
            }
        }
        Some(Ok(comparison)) => comparison.clone(),
    };
    // A group keeps its chosen base across edits while its first version stays where it is.
    let groups = comparison.quotes.iter().enumerate().map(|(index, group)| {
        let key = group.versions.first().map_or_else(String::new, |p| {
            format!("{}:{}", p.article.as_str(), p.span.start())
        });
        html! {
            <QuoteGroupCard {key} comparison={comparison.clone()} {index}
                on_open={props.on_open.clone()} />
        }
    });
    html! {
        <section class="outlets-view" data-testid="outlets-view" aria-label="Compare outlets">
            <p class="hint">{"One story as the articles tell it: the quotations found in more than one \
                article, and who and what each article covers. Click a version or a ✓ to see it in its \
                article."}</p>
            <section class="quote-groups" data-testid="quote-groups">
                <h2>{format!("Quotes in more than one article ({})", comparison.quotes.len())}</h2>
                <p class="meta">{format!("Tagged quotes and text between quotation marks (at least \
                    {MIN_WORDS} words), grouped when at least {}% of their distinct words are shared \
                    (Dice). Against the base: struck-through words are the base's, missing here; \
                    underlined words are only here.", THRESHOLD / 10)}</p>
                {quote_list(&comparison, groups)}
            </section>
            <section class="coverage-tables" data-testid="coverage">
                <h2>{"Who and what each article covers"}</h2>
                {entity_table(&comparison, &props.on_open)}
                {claim_table(&comparison, &props.on_open)}
            </section>
        </section>
    }
}

/// The list of quote groups, or a hint when there is none.
fn quote_list(comparison: &Comparison, groups: impl Iterator<Item = Html>) -> Html {
    if comparison.quotes.is_empty() {
        return html! {
            <p class="empty">{"No quotation appears in more than one article yet. Tag quotes (Q) in \
                the articles, or add articles that quote the same people."}</p>
        };
    }
    html! { <ol class="quote-list">{for groups}</ol> }
}

/// The view while the worker compares for the first time.
fn comparing() -> Html {
    html! {
        <section class="outlets-view" data-testid="outlets-view" aria-label="Compare outlets" aria-busy="true">
            {waiting("outlets-loading", "Comparing the outlets")}
        </section>
    }
}
