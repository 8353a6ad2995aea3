//! The list of articles with their claim, quote and entity counts. The person's own articles are marked
//! "yours" and can be renamed and deleted; the list starts with the button that adds one.

use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::state::session::{Notice, SessionAction};
use crate::domain::state::workspace::Action;
use crate::ui::bridge::{use_dispatch, Dispatch};
use std::rc::Rc;
use yew::prelude::*;

/// What [`article_list`] shows.
pub struct ArticleListProps {
    /// Each article with its counts in [`LabelName::ALL`] order.
    pub articles: Vec<(Rc<Article>, [usize; 3])>,
    /// The article on screen.
    pub current: ArticleId,
    /// Opens the "Add article" dialog.
    pub on_add: Callback<()>,
}

/// The article list.
pub fn article_list(props: &ArticleListProps, dispatch: &Dispatch) -> Html {
    let items = props.articles.iter().map(|(article, counts)| {
        let id = article.id.clone();
        let onclick = dispatch.reform(move |_: MouseEvent| SessionAction::Open(id.clone()));
        let current = article.id == props.current;
        let total: usize = counts.iter().sum();
        // A screen reader hears the counts in words; the boxes' numbers alone would say nothing.
        let spoken: Vec<String> = LabelName::ALL.iter().zip(counts)
            .map(|(label, n)| format!("{} {n}", label.plural().to_ascii_lowercase()))
            .collect();
        let spoken = format!(", {}", spoken.join(", "));
        let counts = LabelName::ALL.iter().zip(counts).map(|(label, n)| {
            html! {
                <span class={classes!("count", label.name())} data-count={label.name()} aria-hidden="true"
                    title={format!("{n} {}", label.plural().to_ascii_lowercase())}>{n}</span>
            }
        });
        html! {
            <li key={article.id.as_str()} class={classes!(article.is_own().then_some("own"))}>
                <button data-article={article.id.as_str().to_owned()} {onclick}
                    class={classes!(current.then_some("current"))}
                    aria-current={current.then_some("page")}>
                    <span class="title">{&article.title}</span>
                    <span class="counts">
                        <span class="visually-hidden">{spoken}</span>
                        {for counts}
                        if article.is_own() {
                            <span class="yours" data-testid="yours" title="An article you added">{"yours"}</span>
                        }
                    </span>
                </button>
                if article.is_own() {
                    <OwnTools id={article.id.clone()} title={article.title.clone()}
                        annotations={total} />
                }
            </li>
        }
    });
    let on_add = props.on_add.reform(|_: MouseEvent| ());
    html! {
        <nav class="articles" data-testid="article-list" aria-label="Articles">
            <h2>{"Articles"}</h2>
            <button class="add-article" data-testid="add-article-open" onclick={on_add}
                title="Paste an article or load a .txt, .md or .html file">{"Add article…"}</button>
            <ul>{for items}</ul>
            <p class="legend" aria-hidden="true">
                <span class="count claim">{"claims"}</span>
                <span class="count quote">{"quotes"}</span>
                <span class="count entity">{"entities"}</span>
            </p>
        </nav>
    }
}

/// What [`OwnTools`] shows.
#[derive(Properties, PartialEq)]
struct OwnToolsProps {
    /// The article.
    id: ArticleId,
    /// Its title.
    title: String,
    /// How many annotations it has.
    annotations: usize,
}

/// Rename (an inline field: Enter or leaving it renames, Escape keeps the title) and Delete for one of
/// the person's own articles.
#[function_component]
fn OwnTools(props: &OwnToolsProps) -> Html {
    let renaming = use_state(|| false);
    let field = use_node_ref();
    let dispatch = use_dispatch();
    {
        // Focus the field when it appears.
        let field = field.clone();
        use_effect_with(*renaming, move |renaming| {
            if let Some(input) = field
                .cast::<web_sys::HtmlInputElement>()
                .filter(|_| *renaming)
            {
                let _ = input.focus();
                input.select();
            }
        });
    }
    if *renaming {
        let commit = {
            let (renaming, dispatch, id, title) = (
                renaming.clone(),
                dispatch.clone(),
                props.id.clone(),
                props.title.clone(),
            );
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let value = input.value();
                renaming.set(false);
                if value.trim() != title {
                    dispatch.emit(SessionAction::Edit(Action::RenameArticle {
                        id: id.clone(),
                        title: value,
                    }));
                }
            })
        };
        let onblur = {
            let renaming = renaming.clone();
            Callback::from(move |_: FocusEvent| renaming.set(false))
        };
        let onkeydown = {
            let renaming = renaming.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    e.prevent_default();
                    renaming.set(false);
                }
            })
        };
        // `change` comes before `blur`, so leaving a changed field renames it first.
        return html! {
            <div class="own-tools">
                <input ref={field} data-testid="rename-field" value={props.title.clone()}
                    aria-label="New title" onchange={commit} {onblur} {onkeydown} />
            </div>
        };
    }
    let on_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(true))
    };
    let on_delete = {
        // Deleting the open article shows the first one (the session does that after any edit).
        let (dispatch, id, title, n) = (
            dispatch.clone(),
            props.id.clone(),
            props.title.clone(),
            props.annotations,
        );
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(SessionAction::Edit(Action::RemoveArticle {
                id: id.clone(),
            }));
            let with = match n {
                0 => String::new(),
                1 => " and its 1 annotation".to_owned(),
                n => format!(" and its {n} annotations"),
            };
            dispatch.emit(SessionAction::Notify(Notice::Info(format!(
                "Deleted “{title}”{with}. Undo brings it back."
            ))));
        })
    };
    html! {
        <div class="own-tools">
            <button class="link" data-testid="rename-article" onclick={on_rename}
                title="Give this article another title">{"Rename"}</button>
            <button class="link danger" data-testid="delete-article" onclick={on_delete}
                title="Delete this article and its annotations (Undo brings them back)">{"Delete"}</button>
        </div>
    }
}
