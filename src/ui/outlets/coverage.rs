//! The tables of the "Compare outlets" view: registry entries × articles and claims × articles, each
//! cell a ✓ (a button that shows the place in its article) or a "—" where the article leaves it out,
//! with the words for screen readers.

use super::{open_at, shortened};
use crate::domain::features::outlets::Comparison;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::ui::entities::Target;
use std::rc::Rc;
use yew::prelude::*;

/// The most code points of a claim shown as its row's name.
const CLAIM: usize = 120;

/// The most code points of an article title in a column head.
const TITLE: usize = 40;

/// The head row: the rows' kind, then each article (its title shortened, in full on hover).
fn head(comparison: &Comparison, what: &str) -> Html {
    let columns = comparison.articles.iter().map(|a| {
        html! {
            <th scope="col" title={a.title.clone()} data-article={a.id.as_str().to_owned()}>
                {shortened(&a.title, TITLE)}
            </th>
        }
    });
    html! { <thead><tr><th scope="col">{what}</th>{for columns}</tr></thead> }
}

/// One cell: a ✓ button showing `first` in `article` (with how many places, if more than one), or
/// "—" where the article leaves the row out; `yes` says the ✓ in words.
fn cell(
    on_open: &Callback<Target>,
    article: &Article,
    first: Option<&Annotation>,
    count: usize,
    yes: &'static str,
) -> Html {
    let id = article.id.as_str().to_owned();
    match first {
        Some(a) => {
            let onclick = open_at(on_open, article, a.span, Some(&a.id));
            let times = if count > 1 {
                format!(" ×{count}")
            } else {
                String::new()
            };
            html! {
                <td data-article={id} data-covers="true">
                    <button class="link" {onclick} title={format!("Show it in “{}”", article.title)}>
                        <span aria-hidden="true">{"✓"}</span>
                        <span class="visually-hidden">{yes}</span>{times}
                    </button>
                </td>
            }
        }
        None => html! {
            <td data-article={id} data-covers="false" class="leaves-out">
                <span aria-hidden="true">{"—"}</span><span class="visually-hidden">{"leaves out"}</span>
            </td>
        },
    }
}

/// The registry entries × articles table, or a hint when the registry is empty.
pub fn entity_table(comparison: &Comparison, on_open: &Callback<Target>) -> Html {
    if comparison.entities.is_empty() {
        return html! {
            <p class="empty">{"No registry entries yet. Link entity mentions to entries (in an \
                annotation's details or the Entities view) to see which articles name whom."}</p>
        };
    }
    let rows = comparison.entities.iter().map(|row| {
        let cells = comparison
            .articles
            .iter()
            .zip(&row.mentions)
            .map(|(article, list)| {
                cell(
                    on_open,
                    article,
                    list.first().map(Rc::as_ref),
                    list.len(),
                    "mentions",
                )
            });
        html! {
            <tr data-testid="coverage-entity" data-entity={row.entity.id.as_str().to_owned()}>
                <th scope="row">{&row.entity.name}</th>{for cells}
            </tr>
        }
    });
    html! {
        <table class="coverage" data-testid="coverage-entities">
            <caption>{"Registry entries: ✓ where an article mentions the entry, — where it leaves it out"}</caption>
            {head(comparison, "Entry")}
            <tbody>{for rows}</tbody>
        </table>
    }
}

/// The claims × articles table (alike claims of several articles on one row), or a hint when no
/// claim is tagged.
pub fn claim_table(comparison: &Comparison, on_open: &Callback<Target>) -> Html {
    if comparison.claims.is_empty() {
        return html! {
            <p class="empty">{"No claims tagged yet. Tag claims (C) in the articles: alike claims of \
                several articles share a row."}</p>
        };
    }
    let rows = comparison.claims.iter().map(|row| {
        let cells = comparison.articles.iter().zip(&row.claims).map(|(article, claim)| {
            cell(on_open, article, claim.as_deref(), 1, "makes it")
        });
        html! {
            <tr data-testid="coverage-claim" data-count={row.count().to_string()}>
                <th scope="row" title={row.text.clone()}>{shortened(&row.text, CLAIM)}</th>{for cells}
            </tr>
        }
    });
    html! {
        <table class="coverage" data-testid="coverage-claims">
            <caption>{"Claims: ✓ where an article makes the claim, — where it leaves it out"}</caption>
            {head(comparison, "Claim")}
            <tbody>{for rows}</tbody>
        </table>
    }
}
