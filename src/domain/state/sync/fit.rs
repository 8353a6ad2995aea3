//! After a merge: leaving out annotations whose article is gone or too short for them, and cutting the
//! attributes, sources and registry entries that no longer fit, as `Workspace::restore` does.

use super::Snapshot;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::LinkKind;
use std::rc::Rc;

/// Makes `state` consistent; returns one line per annotation left out or changed.
pub(super) fn fit(state: &mut Snapshot) -> Vec<String> {
    let mut lines = Vec::new();
    let articles = &state.articles;
    state.annotations.retain(|id, a| {
        let fits = articles
            .get(&a.article)
            .is_some_and(|article| a.span.end() <= article.char_len);
        if !fits {
            lines.push(format!(
                "annotation \"{}\": its article \"{}\" is gone; it was left out",
                id.as_str(),
                a.article.as_str()
            ));
        }
        fits
    });
    let cut: Vec<Annotation> = state
        .annotations
        .values()
        .filter_map(|a| {
            let mut attrs = a.attrs.clone();
            attrs.fit(a.label);
            let source_fits = attrs.source.as_ref().is_none_or(|s| {
                state.annotations.get(s).is_some_and(|t| {
                    t.id != a.id
                        && t.article == a.article
                        && LinkKind::between(a.label, t.label).is_some()
                })
            });
            if !source_fits {
                attrs.source = None;
            }
            if attrs
                .entity
                .as_ref()
                .is_some_and(|e| !state.entities.contains_key(e))
            {
                attrs.entity = None;
            }
            (attrs != a.attrs).then(|| Annotation {
                attrs,
                ..Annotation::clone(a)
            })
        })
        .collect();
    for a in cut {
        lines.push(format!(
            "annotation \"{}\": a link that no longer fits was cut",
            a.id.as_str()
        ));
        state.annotations.insert(a.id.clone(), Rc::new(a));
    }
    lines
}
