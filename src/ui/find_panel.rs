//! Find and tag: search the open article or all of them, see every hit in its context and whether it
//! is tagged, jump to one, and tag one or all of them (one undo step) with a label and, for entities,
//! a registry entry.

use super::bridge::{use_dispatch, Dispatch, SessionView};
use crate::domain::features::find::FindOptions;
use crate::domain::model::names::{ArticleId, EntityId, Label};
use crate::domain::state::keys::TAG_KEYS;
use crate::domain::state::session::{find_hits, label_word, tag_hits, Hit, SessionAction};
use crate::web::clock;
use crate::web::schedule::after_next_paint;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod hit;
use hit::hit_item;

/// How many hits the list shows at first, and how many more each "Show more" adds.
const PAGE: usize = 100;
/// Characters of context shown on each side of a hit.
const CONTEXT: usize = 30;
/// The label chosen when the panel opens: Person, since names are what one tags by search most.
const DEFAULT_LABEL: usize = 2;

/// Props of [`FindPanel`].
#[derive(Properties, PartialEq)]
pub struct FindPanelProps {
    /// The page's session, read when rendering and at click time; it follows the workspace, so the
    /// tagged marks and counts follow edits.
    pub session: SessionView,
    /// The open article (the scope "this article").
    pub current: ArticleId,
}

/// What to look for, and where.
#[derive(Clone, PartialEq, Default)]
struct Query {
    text: String,
    all: bool,
    options: FindOptions,
}

/// Focuses the panel's query field (Ctrl+F while the panel is open), once it is on the page.
pub fn focus_query() {
    after_next_paint(|| {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=find-query]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(field) = field {
            let _ = field.focus();
            field.select();
        }
    });
}

/// Tags `hits` with the chosen label and entry, reading the workspace now (at click time).
fn tag(
    session: &SessionView,
    dispatch: &Dispatch,
    hits: &[Hit],
    label: Label,
    entity: Option<&EntityId>,
) {
    let made = session.read().map(|s| {
        tag_hits(
            &s.workspace,
            hits,
            label,
            entity,
            clock::new_id,
            clock::now(),
        )
    });
    if let Some(annotations) = made {
        dispatch.emit(SessionAction::TagAll(annotations));
    }
}

/// The find-and-tag panel.
#[function_component]
pub fn FindPanel(props: &FindPanelProps) -> Html {
    let query = use_state(Query::default);
    let label_at = use_state(|| DEFAULT_LABEL);
    let entity = use_state(|| None::<EntityId>);
    let shown = use_state(|| PAGE);
    let dispatch = use_dispatch();
    use_effect_with((), |_| focus_query());
    // Texts never change, so the hits change only with the query and the list of articles, not with
    // every edit.
    let article_ids: Vec<ArticleId> = props.session.read().map_or_else(Vec::new, |s| {
        s.workspace
            .articles()
            .iter()
            .map(|a| a.id.clone())
            .collect()
    });
    let hits = use_memo(
        ((*query).clone(), props.current.clone(), article_ids),
        |(q, current, _)| {
            props.session.read().map_or_else(Vec::new, |s| {
                find_hits(
                    &s.workspace,
                    &q.text,
                    q.options,
                    (!q.all).then_some(current),
                )
            })
        },
    );
    let Some(session) = props.session.read() else {
        return Html::default();
    };
    let ws = &session.workspace;
    let label = TAG_KEYS.get(*label_at).map_or(Label::Claim, |(l, _, _)| *l);
    let to_tag = hits
        .iter()
        .filter(|h| !ws.has_span(&h.article, h.span, label))
        .count();
    let articles = {
        let mut ids: Vec<&ArticleId> = hits.iter().map(|h| &h.article).collect();
        ids.dedup();
        ids.len()
    };
    let set_query = |change: fn(&mut Query, &web_sys::HtmlInputElement)| {
        let (query, shown) = (query.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*query).clone();
            change(&mut next, &input);
            query.set(next);
            shown.set(PAGE);
        })
    };
    let oninput = {
        let (query, shown) = (query.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(Query {
                text: input.value(),
                ..(*query).clone()
            });
            shown.set(PAGE);
        })
    };
    let close = dispatch.reform(|_: MouseEvent| SessionAction::ShowFind(false));
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dispatch.emit(SessionAction::ShowFind(false));
            }
        })
    };
    let on_label = {
        let label_at = label_at.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            label_at.set(select.value().parse().unwrap_or(DEFAULT_LABEL));
        })
    };
    let on_entity = {
        let entity = entity.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            entity.set((!value.is_empty()).then(|| EntityId::from(value.as_str())));
        })
    };
    let entry = (*entity).clone().filter(|id| ws.entity(id).is_some());
    let tag_all = {
        let (cell, dispatch, hits) = (props.session.clone(), dispatch.clone(), hits.clone());
        let entry = entry.clone();
        Callback::from(move |_: MouseEvent| tag(&cell, &dispatch, &hits, label, entry.as_ref()))
    };
    let labels = TAG_KEYS.iter().enumerate().map(|(i, (_, _, name))| {
        html! {
            <option value={i.to_string()} selected={i == *label_at}>{*name}</option>
        }
    });
    let entity_menu = label.kind().map(|_| {
        let mut entries: Vec<_> = ws.entities().collect();
        entries.sort_by_cached_key(|e| e.name.to_lowercase());
        let options = entries.iter().map(|e| html! {
            <option value={e.id.as_str().to_owned()} selected={entry.as_ref() == Some(&e.id)}>{&e.name}</option>
        });
        html! {
            <label>{"Registry entry "}
                <select data-testid="find-entity" onchange={on_entity}>
                    <option value="" selected={entry.is_none()}>{"— none —"}</option>
                    {for options}
                </select>
            </label>
        }
    });
    let items = hits.iter().take(*shown).map(|hit| {
        let one = {
            let (cell, dispatch, hit) = (props.session.clone(), dispatch.clone(), hit.clone());
            let entry = entry.clone();
            Callback::from(move |_: MouseEvent| {
                tag(
                    &cell,
                    &dispatch,
                    std::slice::from_ref(&hit),
                    label,
                    entry.as_ref(),
                )
            })
        };
        hit_item(&session, hit, query.all, label, one, &dispatch)
    });
    let more = hits.len().saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE * 10))
    };
    let count = if query.text.trim().is_empty() {
        "Type what to find.".to_owned()
    } else {
        let s = if hits.len() == 1 { "" } else { "s" };
        let k = if articles == 1 { "" } else { "s" };
        format!("{} hit{s} in {articles} article{k}", hits.len())
    };
    let q = &*query;
    html! {
        <section class="find-panel" data-testid="find-panel" aria-label="Find and tag" {onkeydown}>
            <header>
                <h3>{"Find and tag"}</h3>
                <button class="link" data-testid="find-close" onclick={close} aria-label="Close find">{"✕"}</button>
            </header>
            <input type="search" data-testid="find-query" placeholder="Find in the text…"
                aria-label="Find" value={q.text.clone()} {oninput} />
            <div class="find-options">
                <label><input type="radio" name="find-scope" data-testid="find-scope-this" checked={!q.all}
                    onchange={set_query(|q, _| q.all = false)} />{" This article"}</label>
                <label><input type="radio" name="find-scope" data-testid="find-scope-all" checked={q.all}
                    onchange={set_query(|q, _| q.all = true)} />{" All articles"}</label>
                <label><input type="checkbox" data-testid="find-case" checked={q.options.match_case}
                    onchange={set_query(|q, i| q.options.match_case = i.checked())} />{" Match case"}</label>
                <label><input type="checkbox" data-testid="find-word" checked={q.options.whole_word}
                    onchange={set_query(|q, i| q.options.whole_word = i.checked())} />{" Whole word"}</label>
            </div>
            <p class="meta" data-testid="find-count" aria-live="polite">{count}</p>
            <div class="find-tag">
                <label>{"Tag as "}
                    <select data-testid="find-label" onchange={on_label}>{for labels}</select>
                </label>
                {for entity_menu}
                <button class="primary" data-testid="find-tag-all" onclick={tag_all} disabled={to_tag == 0}
                    title="Hits that already have this label are skipped; one undo removes them all">
                    {format!("Tag all {to_tag} as {}", label_word(label))}
                </button>
            </div>
            <ol class="find-hits">{for items}</ol>
            if more > 0 {
                <button class="link more" onclick={show_more}>{format!("Show more ({more} not shown)")}</button>
            }
        </section>
    }
}
