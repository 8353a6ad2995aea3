//! The own articles and registry entries a file brings: which are new, and which the workspace has.

use super::{fail, Class, ImportError};
use crate::domain::files::records::EntityRecord;
use crate::domain::model::article::Article;
use crate::domain::model::names::ArticleId;
use crate::domain::model::registry::Entity;
use crate::domain::state::workspace::Workspace;
use std::collections::HashMap;

/// The articles the workspace lacks. One it has with the same text is skipped; one it has with another
/// text is refused, naming it, because an article's text never changes.
pub(super) fn new_articles(
    incoming: Vec<Article>,
    ws: &Workspace,
) -> Result<Vec<Article>, ImportError> {
    let mut out: Vec<Article> = Vec::new();
    // Where each id is in `out`, so that a file of many articles is checked in linear time.
    let mut at: HashMap<ArticleId, usize> = HashMap::new();
    for article in incoming {
        let have = ws
            .article(&article.id)
            .map(|a| &**a)
            .or_else(|| at.get(&article.id).and_then(|&i| out.get(i)));
        match have {
            Some(have) if have.text == article.text => {}
            Some(_) => {
                return fail(
                    "",
                    format!(
                        "the file's article \"{}\" (“{}”) has another text than the article \"{}\" \
                         here; an article's text never changes, so this file cannot be loaded",
                        article.id.as_str(),
                        article.title,
                        article.id.as_str()
                    ),
                )
            }
            None => {
                at.insert(article.id.clone(), out.len());
                out.push(article);
            }
        }
    }
    Ok(out)
}

/// The preview's line for an article the import adds.
pub(super) fn adds_line(article: &Article) -> String {
    format!(
        "adds article “{}” ({}, {} characters)",
        article.title,
        article.id.as_str(),
        article.char_len
    )
}

/// The file's registry entries, checked, each with how it relates to the workspace's entry of its id.
/// A repeated id or a bad field refuses the file, naming the place.
pub(super) fn entities(
    incoming: &[(String, EntityRecord)],
    ws: &Workspace,
) -> Result<Vec<(Entity, Class)>, ImportError> {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::with_capacity(incoming.len());
    for (path, rec) in incoming {
        if let Some(first) = seen.insert(rec.id.as_str(), path) {
            return fail(
                &format!("{path}.id"),
                format!(
                    "the registry id \"{}\" is used twice (first at {first})",
                    rec.id
                ),
            );
        }
        let entity = rec.to_entity(path)?;
        let class = match ws.entity(&entity.id) {
            None => Class::New,
            Some(current)
                if current.name == entity.name
                    && current.kind == entity.kind
                    && current.aliases == entity.aliases
                    && current.rejected == entity.rejected =>
            {
                Class::Present
            }
            Some(current) => Class::Conflict {
                newer: entity.updated > current.updated,
            },
        };
        out.push((entity, class));
    }
    Ok(out)
}
