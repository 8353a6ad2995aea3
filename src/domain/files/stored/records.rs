//! The saved state's records one at a time: what each adds to the state, each as compact JSON (what
//! replication sends as a document), a record from elsewhere written as ours, and a state made of
//! records (what replication hands the page to merge).

use super::state::{record, stored_article, stored_entity, Record, StoredArticle, StoredEntity};
use super::STORAGE_SCHEMA;
use crate::domain::files::json::to_compact;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::state::workspace::Workspace;

/// How much an own `article` with its `annotations` adds to the state [`encode`](super::encode)
/// writes, in the quota's units (UTF-16 code units): what an import that adds it needs in storage.
pub fn added_units(article: &Article, annotations: &[&Annotation]) -> usize {
    let entry = stored_article(article).map_or(0, |a| to_compact(&a).encode_utf16().count() + 1);
    let records: usize = annotations
        .iter()
        .map(|a| to_compact(&record(a, article)).encode_utf16().count() + 1)
        .sum();
    entry + records
}

/// Each own article, registry entry and annotation of `ws` as [`encode`](super::encode) writes it,
/// one compact JSON object each: `(kind, id, json)` with kind `"article"`, `"entity"` or
/// `"annotation"`. Replication sends them as documents.
pub fn records(ws: &Workspace) -> Vec<(&'static str, String, String)> {
    let articles = ws.articles().iter().filter_map(|a| {
        let stored = stored_article(a)?;
        Some(("article", a.id.as_str().to_owned(), to_compact(&stored)))
    });
    let entities = ws.entities().map(|e| {
        (
            "entity",
            e.id.as_str().to_owned(),
            to_compact(&stored_entity(e)),
        )
    });
    let annotations = ws.articles().iter().flat_map(|article| {
        let list = ws.in_article(&article.id);
        let made: Vec<_> = list
            .iter()
            .map(|a| {
                let json = to_compact(&record(a, article));
                ("annotation", a.id.as_str().to_owned(), json)
            })
            .collect();
        made
    });
    articles.chain(entities).chain(annotations).collect()
}

/// A record of `kind` as [`records`] writes it, from its JSON written by anyone; `None` when `json`
/// is not such a record.
pub fn canonical(kind: &str, json: &str) -> Option<String> {
    match kind {
        "article" => serde_json::from_str::<StoredArticle>(json)
            .ok()
            .map(|r| to_compact(&r)),
        "entity" => serde_json::from_str::<StoredEntity>(json)
            .ok()
            .map(|r| to_compact(&r)),
        "annotation" => serde_json::from_str::<Record>(json)
            .ok()
            .map(|r| to_compact(&r)),
        _ => None,
    }
}

/// The state [`decode`](super::decode) reads, holding these records (`(kind, json)`, as [`records`]
/// gives them) and these deletions (`(kind, id, time in ms)`); records that are not JSON are left
/// out.
pub fn state_of<'a>(
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
    deleted: impl IntoIterator<Item = (&'a str, &'a str, i64)>,
) -> String {
    use serde_json::Value;
    let mut lists: [(&str, Vec<Value>); 3] = [
        ("article", Vec::new()),
        ("entity", Vec::new()),
        ("annotation", Vec::new()),
    ];
    for (kind, json) in records {
        let (Some((_, list)), Ok(value)) = (
            lists.iter_mut().find(|(k, _)| *k == kind),
            serde_json::from_str::<Value>(json),
        ) else {
            continue;
        };
        list.push(value);
    }
    let [(_, articles), (_, entities), (_, annotations)] = lists;
    let mut graves = serde_json::Map::new();
    for (kind, id, at) in deleted {
        let list = graves
            .entry(format!("{kind}s"))
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        if let Value::Object(list) = list {
            list.insert(id.to_owned(), Value::from(at));
        }
    }
    serde_json::json!({
        "schema": STORAGE_SCHEMA,
        "articles": articles,
        "entities": entities,
        "annotations": annotations,
        "deleted": graves,
    })
    .to_string()
}
