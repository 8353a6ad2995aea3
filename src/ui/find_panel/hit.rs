//! One hit of the find panel: its context, whether it is tagged, and "Tag this".

use super::CONTEXT;
use crate::domain::model::names::Label;
use crate::domain::state::keys::TAG_KEYS;
use crate::domain::state::session::{label_word, tagged_as, Hit, Session, SessionAction};
use crate::ui::bridge::Dispatch;
use crate::web::schedule::after_next_paint;
use crate::web::scroll::scroll_to_line;
use yew::prelude::*;

/// One hit: its context (clicking it opens the article there), the labels it has, and "Tag this".
pub(super) fn hit_item(
    session: &Session,
    hit: &Hit,
    with_title: bool,
    label: Label,
    tag_one: Callback<MouseEvent>,
    dispatch: &Dispatch,
) -> Html {
    let ws = &session.workspace;
    let Some(article) = ws.article(&hit.article) else {
        return Html::default();
    };
    let (start, end) = (hit.span.start(), hit.span.end());
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(article.char_len);
    let before = format!(
        "{}{}",
        if from > 0 { "…" } else { "" },
        article.slice(from, start)
    );
    let after = format!(
        "{}{}",
        article.slice(end, to),
        if to < article.char_len { "…" } else { "" }
    );
    let labels: Vec<Label> = TAG_KEYS.iter().map(|(l, _, _)| *l).collect();
    let tagged = tagged_as(ws, hit, &labels);
    let has_label = tagged.contains(&label);
    let tagged_text = tagged
        .iter()
        .map(|l| label_word(*l))
        .collect::<Vec<_>>()
        .join(", ");
    let go = {
        let (dispatch, id) = (dispatch.clone(), hit.article.clone());
        let open = id != session.current;
        let line = article
            .paragraphs
            .get(article.paragraph_at(start))
            .map_or(0, |p| p.start);
        Callback::from(move |_: MouseEvent| {
            if open {
                dispatch.emit(SessionAction::Open(id.clone()));
            }
            after_next_paint(move || scroll_to_line(line));
        })
    };
    html! {
        <li data-testid="find-hit" data-hit-article={hit.article.as_str().to_owned()} data-s={start.to_string()}
            class={classes!(has_label.then_some("done"))}>
            <button class="link hit" onclick={go} title="Show it in the article">
                if with_title { <span class="hit-article">{&article.title}</span> }
                <span class="context">{before}<mark>{article.slice(start, end)}</mark>{after}</span>
            </button>
            if tagged.is_empty() {
                <span class="tagged none" data-testid="hit-tagged">{"not tagged"}</span>
            } else {
                <span class="tagged" data-testid="hit-tagged">{format!("tagged: {tagged_text}")}</span>
            }
            <button data-testid="tag-hit" onclick={tag_one} disabled={has_label}>{"Tag this"}</button>
        </li>
    }
}
