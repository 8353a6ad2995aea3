//! One registry entry in the Entities view: its name, kind, aliases and mentions by article. Expanded,
//! it also has the fields to edit it, merging and deleting, each mention in its context, and the places
//! that look like it (given by the caller).

use super::merge::MergeControl;
use super::Target;
use crate::domain::features::entities::{ArticleMentions, Excerpt};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{EntityId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::ui::bridge::{use_dispatch, Dispatch};
use crate::web::clock;
use std::rc::Rc;
use yew::prelude::*;

/// An entry and its mentions, as the view shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryData {
    /// The entry.
    pub entity: Rc<Entity>,
    /// Its mentions grouped by article and spelling.
    pub articles: Vec<ArticleMentions>,
    /// Each mention with its context, articles in list order and each in text order.
    pub mentions: Vec<(Rc<Annotation>, Excerpt)>,
}

/// What [`entry_card`] shows.
pub struct EntryCardProps<'a> {
    /// The entry.
    pub data: &'a EntryData,
    /// Whether it is open (fields, each mention, proposals).
    pub expanded: bool,
    /// The places proposed for it (only used when expanded).
    pub proposals: Html,
    /// Every other entry, by name, for merging.
    pub others: Rc<[(EntityId, String)]>,
    /// Opens or closes an entry.
    pub on_toggle: Callback<EntityId>,
    /// Shows a mention in its article.
    pub on_open: Callback<Target>,
}

/// A click that shows `mention` (whose line starts at `line`) in its article.
fn open(on_open: &Callback<Target>, mention: &Annotation, line: usize) -> Callback<MouseEvent> {
    let target = Target {
        article: mention.article.clone(),
        annotation: Some(mention.id.clone()),
        line,
    };
    on_open.reform(move |_: MouseEvent| target.clone())
}

/// The text of an input or select that fired `change`.
pub(super) fn value_of(e: &Event) -> String {
    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
    el.value()
}

/// Aliases typed as one line, separated by commas: trimmed, without empties, repeats or the name.
fn parse_aliases(line: &str, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for alias in line.split(',').map(str::trim) {
        if !alias.is_empty() && alias != name.trim() && !out.iter().any(|a| a == alias) {
            out.push(alias.to_owned());
        }
    }
    out
}

/// A change event that replaces the entry with `change(entry, value)`, if that differs.
fn edit(
    entity: &Rc<Entity>,
    dispatch: &Dispatch,
    change: fn(&mut Entity, String),
) -> Callback<Event> {
    let (entity, dispatch) = (Rc::clone(entity), dispatch.clone());
    Callback::from(move |e: Event| {
        let mut changed = Entity::clone(&entity);
        change(&mut changed, value_of(&e));
        if changed != *entity {
            changed.updated = clock::now();
            dispatch.emit(SessionAction::Edit(Action::EditEntity(changed)));
        }
    })
}

/// What [`EntryEditor`] edits.
#[derive(Properties, PartialEq)]
pub struct EntryEditorProps {
    /// The entry.
    pub entity: Rc<Entity>,
}

/// The name, kind and aliases of an open entry, committed on change. A component of its own, so that
/// it is redrawn only when the entry changes: a redraw sets each field back to the entry's value, and
/// must not take away what the person is typing when something else on the page changes (the places
/// that look like the entry arriving from the web worker, say).
#[function_component]
pub fn EntryEditor(props: &EntryEditorProps) -> Html {
    let dispatch = use_dispatch();
    let entity = &props.entity;
    let on_name = edit(entity, &dispatch, |e, v| e.name = v.trim().to_owned());
    let on_kind = edit(entity, &dispatch, |e, v| {
        if let Some(kind) = EntityKind::from_name(&v) {
            e.kind = kind;
        }
    });
    let on_aliases = edit(entity, &dispatch, |e, v| {
        e.aliases = parse_aliases(&v, &e.name);
    });
    let kinds = EntityKind::ALL.iter().map(|k| {
        html! { <option value={k.name()} selected={*k == entity.kind}>{k.title()}</option> }
    });
    html! {
        <>
            <label>{"Name"}
                <input data-testid="entity-name" value={entity.name.clone()} onchange={on_name} />
            </label>
            <label>{"Kind"}
                <select data-testid="entity-kind" onchange={on_kind}>{for kinds}</select>
            </label>
            <label class="aliases">{"Aliases"}
                <input data-testid="entity-aliases" value={entity.aliases.join(", ")}
                    placeholder="Other names, separated by commas" onchange={on_aliases} />
            </label>
        </>
    }
}

/// The fields of an open entry: name, kind, aliases, merge and delete.
fn fields(props: &EntryCardProps<'_>, dispatch: &Dispatch) -> Html {
    let entity = &props.data.entity;
    let on_delete = {
        let id = entity.id.clone();
        dispatch.reform(move |_: MouseEvent| {
            SessionAction::Edit(Action::RemoveEntity { id: id.clone() })
        })
    };
    html! {
        <div class="entry-fields">
            <EntryEditor entity={Rc::clone(entity)} />
            <div class="entry-buttons">
                if !props.others.is_empty() {
                    <MergeControl id={entity.id.clone()} others={Rc::clone(&props.others)} />
                }
                <button class="danger" data-testid="entity-delete" onclick={on_delete}
                    title="Delete this entry; its mentions stay in the articles, unlinked">
                    {"Delete entry"}
                </button>
            </div>
        </div>
    }
}

/// The entry's mentions by article: `Title: Besant ×3, Besent ×1`, each spelling opening its first.
fn by_article(props: &EntryCardProps<'_>) -> Html {
    let line_of = |m: &Annotation| {
        props
            .data
            .mentions
            .iter()
            .find(|(a, _)| a.id == m.id)
            .map_or(0, |(_, x)| x.line)
    };
    let articles = props.data.articles.iter().map(|group| {
        let spellings = group.spellings.iter().enumerate().map(|(i, s)| {
            let first = s.mentions.first();
            let onclick = first.map(|m| open(&props.on_open, m, line_of(m)));
            html! {
                <>
                    if i > 0 { {", "} }
                    <button class="link spelling" data-spelling={s.text.clone()}
                        data-annotation={first.map(|m| m.id.as_str().to_owned())} {onclick}
                        title="Show the first of these in the article">
                        {format!("{} ×{}", s.text, s.mentions.len())}
                    </button>
                </>
            }
        });
        html! {
            <li data-article={group.article.as_str().to_owned()}>
                <span class="where">{format!("{}: ", group.title)}</span>
                {for spellings}
            </li>
        }
    });
    html! { <ul class="by-article" data-testid="entity-mentions">{for articles}</ul> }
}

/// Each mention with its context, each opening it in its article.
fn each_mention(props: &EntryCardProps<'_>) -> Html {
    let items = props.data.mentions.iter().map(|(m, x)| {
        html! {
            <li>
                <button class="link mention" data-annotation={m.id.as_str().to_owned()}
                    data-article={m.article.as_str().to_owned()} onclick={open(&props.on_open, m, x.line)}>
                    <span class="where">{format!("{}: ", x.title)}</span>
                    {&x.before}<mark>{&x.text}</mark>{&x.after}
                </button>
            </li>
        }
    });
    html! { <ol class="each-mention" data-testid="each-mention">{for items}</ol> }
}

/// One entry of the registry.
pub fn entry_card(props: &EntryCardProps<'_>, dispatch: &Dispatch) -> Html {
    let entity = &props.data.entity;
    let count = props.data.mentions.len();
    let toggle = {
        let id = entity.id.clone();
        props.on_toggle.reform(move |_: MouseEvent| id.clone())
    };
    html! {
        <li class={classes!("entry", props.expanded.then_some("open"))} key={entity.id.as_str()}
            data-entity={entity.id.as_str().to_owned()} data-testid="entity">
            <div class="entry-head">
                <button class="expand" data-testid="entity-expand" onclick={toggle}
                    aria-expanded={props.expanded.to_string()}
                    title={if props.expanded { "Close" } else { "Edit, see each mention and the places that look like it" }}>
                    <span aria-hidden="true">{if props.expanded { "▾ " } else { "▸ " }}</span>
                    <span class="name" data-testid="entity-title">{&entity.name}</span>
                </button>
                <span class="kind" data-testid="entity-kind-shown">{entity.kind.title()}</span>
                if !entity.aliases.is_empty() {
                    <span class="aliases" data-testid="entity-aliases-shown">
                        {format!("also {}", entity.aliases.join(", "))}
                    </span>
                }
                <span class="mention-count" data-testid="mention-count">
                    {format!("{count} mention{}", if count == 1 { "" } else { "s" })}
                </span>
            </div>
            {by_article(props)}
            if props.expanded {
                {fields(props, dispatch)}
                {each_mention(props)}
                {props.proposals.clone()}
            }
        </li>
    }
}
