//! One quote group of the "Compare outlets" view: its versions one per article, each but the base
//! showing its word differences from the base, struck through (words of the base it lacks) and
//! underlined (words the base lacks), with hidden words for screen readers.

use super::open_at;
use crate::domain::features::outlets::diff::{diff, Change};
use crate::domain::features::outlets::passages::Passage;
use crate::domain::features::outlets::Comparison;
use crate::domain::model::span::Span;
use crate::ui::bridge::Ptr;
use crate::ui::entities::Target;
use yew::prelude::*;

/// What [`QuoteGroupCard`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct QuoteGroupProps {
    /// The comparison the group belongs to.
    pub comparison: Ptr<Comparison>,
    /// Which of its quote groups.
    pub index: usize,
    /// Leaves the view to show a version in its article.
    pub on_open: Callback<Target>,
}

/// The code points `span` of `text`.
fn slice(text: &str, span: Option<Span>) -> &str {
    let Some(span) = span else { return "" };
    let byte = |at: usize| text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
    let from = byte(span.start());
    let to = from
        + text.get(from..).map_or(0, |rest| {
            rest.char_indices()
                .nth(span.len())
                .map_or(rest.len(), |(b, _)| b)
        });
    text.get(from..to).unwrap_or_default()
}

/// `version` against `base`, word by word: kept words plain, the base's words it lacks in `<del>`,
/// its own words the base lacks in `<ins>`; and whether it has exactly the base's words.
fn marked(base: &str, version: &str) -> (Html, bool) {
    let runs = diff(base, version);
    let same = runs.iter().all(|r| r.change == Change::Same);
    let pieces = runs.into_iter().enumerate().map(|(i, run)| {
        let gap = if i == 0 { "" } else { " " };
        match run.change {
            Change::Same => html! { <>{gap}{slice(version, run.other)}</> },
            Change::Removed => html! {
                <>{gap}<del><span class="visually-hidden">{"[base has: "}</span>
                    {slice(base, run.base)}<span class="visually-hidden">{"]"}</span></del></>
            },
            Change::Added => html! {
                <>{gap}<ins><span class="visually-hidden">{"[only here: "}</span>
                    {slice(version, run.other)}<span class="visually-hidden">{"]"}</span></ins></>
            },
        }
    });
    (html! { <>{for pieces}</> }, same)
}

/// One version: its article, whether it is the base (a radio to make it so), and its text, which
/// opens it in its article.
fn version(
    props: &QuoteGroupProps,
    passage: &Passage,
    at: usize,
    base: &str,
    chosen: &UseStateHandle<usize>,
) -> Html {
    let comparison = &props.comparison;
    let title = comparison.title(&passage.article);
    let is_base = at == **chosen;
    let onclick = comparison
        .articles
        .iter()
        .find(|a| a.id == passage.article)
        .map(|article| {
            open_at(
                &props.on_open,
                article,
                passage.span,
                passage.tagged.as_ref(),
            )
        });
    let (text, same) = if is_base {
        (html! { <>{&passage.text}</> }, true)
    } else {
        marked(base, &passage.text)
    };
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |_: Event| chosen.set(at))
    };
    let note = if !is_base && same {
        "same words as the base"
    } else {
        ""
    };
    html! {
        <li class={classes!("version", is_base.then_some("base"))} data-testid="quote-version"
            data-article={passage.article.as_str().to_owned()} data-base={is_base.to_string()}>
            <div class="version-head">
                <span class="title">{title}</span>
                if passage.tagged.is_some() { <span class="tagged">{"tagged"}</span> }
                <label class="pick-base">
                    <input type="radio" name={format!("quote-base-{}", props.index)} checked={is_base}
                        data-testid="quote-base" {onchange} />
                    {" base"}
                </label>
                if !note.is_empty() { <span class="meta">{note}</span> }
            </div>
            <button class="link version-text" data-testid="quote-open" {onclick}
                title={format!("Show it in “{title}”")}>
                {text}
            </button>
        </li>
    }
}

/// The versions of one quote group.
#[function_component]
pub fn QuoteGroupCard(props: &QuoteGroupProps) -> Html {
    let chosen = use_state(|| 0usize);
    let Some(group) = props.comparison.quotes.get(props.index) else {
        return Html::default();
    };
    let base = group
        .versions
        .get(*chosen)
        .or_else(|| group.versions.first())
        .map_or("", |p| p.text.as_str());
    let articles: Vec<&str> = group.versions.iter().map(|p| p.article.as_str()).collect();
    let versions = group
        .versions
        .iter()
        .enumerate()
        .map(|(at, passage)| version(props, passage, at, base, &chosen));
    html! {
        <li class="quote-group" data-testid="quote-group" data-articles={articles.join(" ")}>
            <p class="meta">{format!("In {} articles", group.versions.len())}</p>
            <ol class="versions">{for versions}</ol>
        </li>
    }
}
