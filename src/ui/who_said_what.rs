//! "Who said what": for the open article, each source (an entity, or a quote a claim comes from) with
//! the quotes and claims linked to it. Mentions linked to the same registry entry count as one source.
//! Every name and item selects its annotation.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::LinkKind;
use crate::domain::model::names::{AnnotationId, EntityId, Label};
use crate::domain::state::session::{excerpt, Session, SessionAction};
use crate::domain::state::workspace::Workspace;
use crate::ui::bridge::Dispatch;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// How much of an annotation's text the lists show, in characters.
const SHOWN: usize = 60;

/// `text` in curly quotes, unless it already starts with a quotation mark.
fn quoted(text: &str) -> String {
    if text.starts_with(['"', '“', '„', '«', '\'', '‘', '‹']) {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

/// How an annotation is named as a source: its text, with its registry entry's name when that differs
/// ("Bessent (Scott Bessent)").
pub fn shown_name(ws: &Workspace, a: &Annotation) -> String {
    let text = ws
        .article(&a.article)
        .map_or("", |art| art.slice(a.span.start(), a.span.end()));
    let text = excerpt(text, SHOWN);
    let entry = a.attrs.entity.as_ref().and_then(|id| ws.entity(id));
    match entry {
        Some(e) if !e.name.eq_ignore_ascii_case(&text) => format!("{text} ({})", e.name),
        _ => text,
    }
}

/// What `from` is to a source labelled `to`, in words: `said “…”` for a quote, `source of claim “…”`
/// for a claim.
pub fn link_words(article: &Article, from: &Annotation, to: Label) -> String {
    let text = quoted(&excerpt(
        article.slice(from.span.start(), from.span.end()),
        SHOWN,
    ));
    match LinkKind::between(from.label, to) {
        Some(LinkKind::SaidBy) => format!("said {text}"),
        _ => format!("source of claim {text}"),
    }
}

/// One source and what links to it.
struct Group {
    /// Its first mention in the text.
    who: Rc<Annotation>,
    /// Its name as shown.
    name: String,
    /// The quotes and claims that link to it (or to another mention of its registry entry).
    from: Vec<(Rc<Annotation>, Label)>,
}

/// The sources of the open article in text order, each with what links to it.
fn groups(session: &Session) -> Vec<Group> {
    let ws = &session.workspace;
    let list = ws.in_article(&session.current);
    let mut from_of: HashMap<&AnnotationId, Vec<Rc<Annotation>>> = HashMap::new();
    for a in list.iter() {
        if let Some(source) = &a.attrs.source {
            from_of.entry(source).or_default().push(Rc::clone(a));
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_entry: HashMap<EntityId, usize> = HashMap::new();
    for s in list.iter() {
        let Some(from) = from_of.remove(&s.id) else {
            continue;
        };
        let known = s
            .attrs
            .entity
            .as_ref()
            .and_then(|e| by_entry.get(e))
            .copied();
        let at = known.unwrap_or_else(|| {
            let name = match s.attrs.entity.as_ref().and_then(|e| ws.entity(e)) {
                Some(e) => e.name.clone(),
                None => shown_name(ws, s),
            };
            groups.push(Group {
                who: Rc::clone(s),
                name,
                from: Vec::new(),
            });
            if let Some(e) = &s.attrs.entity {
                by_entry.insert(e.clone(), groups.len() - 1);
            }
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(at) {
            group.from.extend(from.into_iter().map(|f| (f, s.label)));
        }
    }
    groups
}

/// The "Who said what" section of the side panel.
pub fn who_said_what(session: &Session, dispatch: &Dispatch) -> Html {
    let Some(article) = session.workspace.article(&session.current) else {
        return Html::default();
    };
    let select = |id: &AnnotationId| {
        let id = id.clone();
        dispatch.reform(move |_: MouseEvent| SessionAction::Select(Some(id.clone())))
    };
    let groups = groups(session);
    let items =
        groups.iter().map(|g| {
            let from = g.from.iter().enumerate().map(|(i, (f, to))| html! {<>
            if i > 0 { {" · "} }
            <button class="link" data-from={f.id.as_str().to_owned()} onclick={select(&f.id)}>
                {link_words(article, f, *to)}
            </button>
        </>});
            html! {
                <li data-source={g.who.id.as_str().to_owned()}>
                    <button class="link who" onclick={select(&g.who.id)}>{&g.name}</button>
                    {" — "}
                    {for from}
                </li>
            }
        });
    html! {
        <section class="group who-said-what" data-testid="who-said-what" aria-label="Who said what">
            <h3>{"Who said what"}</h3>
            if groups.is_empty() {
                <p class="empty">{"No links yet: open a quote or claim and pick its source."}</p>
            } else {
                <ul>{for items}</ul>
            }
        </section>
    }
}
