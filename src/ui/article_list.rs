//! The list of articles with their claim, quote and entity counts.

use crate::domain::annotation::LabelName;
use crate::domain::article::{Article, ArticleId};
use crate::domain::session::SessionAction;
use std::rc::Rc;
use yew::prelude::*;

/// What [`article_list`] shows.
pub struct ArticleListProps {
    /// Each article with its counts in [`LabelName::ALL`] order.
    pub articles: Vec<(Rc<Article>, [usize; 3])>,
    /// The article on screen.
    pub current: ArticleId,
    /// Sends session actions.
    pub dispatch: Callback<SessionAction>,
}

/// The article list.
pub fn article_list(props: &ArticleListProps) -> Html {
    let items = props.articles.iter().map(|(article, counts)| {
        let id = article.id.clone();
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| SessionAction::Open(id.clone()));
        let current = article.id == props.current;
        let counts = LabelName::ALL.iter().zip(counts).map(|(label, n)| {
            html! {
                <span class={classes!("count", label.name())} data-count={label.name()}
                    title={format!("{n} {}", label.plural().to_ascii_lowercase())}>{n}</span>
            }
        });
        html! {
            <li key={article.id.as_str()}>
                <button data-article={article.id.as_str().to_owned()} {onclick}
                    class={classes!(current.then_some("current"))}
                    aria-current={current.then_some("page")}>
                    <span class="title">{&article.title}</span>
                    <span class="counts">{for counts}</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="articles" data-testid="article-list" aria-label="Articles">
            <h2>{"Articles"}</h2>
            <ul>{for items}</ul>
            <p class="legend" aria-hidden="true">
                <span class="count claim">{"claims"}</span>
                <span class="count quote">{"quotes"}</span>
                <span class="count entity">{"entities"}</span>
            </p>
        </nav>
    }
}
