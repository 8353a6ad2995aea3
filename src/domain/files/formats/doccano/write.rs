//! Writing doccano JSONL: one [`Line`] per article, entity and relation ids counted through the
//! file, and what doccano cannot hold counted among the dropped.

use super::{Entity, Line, Relation};
use crate::domain::files::formats::fields::{Id, Offset};
use crate::domain::files::formats::links::{self, ClaimAttr};
use crate::domain::files::formats::{tags, Body, Doc};
use crate::domain::files::json::to_compact;
use std::collections::HashMap;

/// Writes one line per article; the claim attributes and registry references it cannot hold are
/// counted in two dropped lines.
pub fn export(docs: &[Doc]) -> Body {
    let mut writer = Writer::default();
    let mut out = String::new();
    for (index, doc) in docs.iter().enumerate() {
        out.push_str(&to_compact(&writer.line(index + 1, doc)));
        out.push('\n');
    }
    let mut body = Body::text(out);
    let Writer {
        mut dropped,
        claims,
        mentions,
        ..
    } = writer;
    if claims > 0 {
        dropped.push(format!(
            "doccano has no place for claim attributes: the attribution and check status of \
             {claims} claim(s) are left out"
        ));
    }
    if mentions > 0 {
        dropped.push(format!(
            "doccano has no place for registry references: the registry entries of {mentions} \
             entity mention(s) are left out"
        ));
    }
    body.dropped = dropped;
    body
}

/// What the export has counted so far.
#[derive(Default)]
struct Writer {
    /// The last entity id given.
    entity: u64,
    /// The last relation id given.
    relation: u64,
    /// How many claims had an attribute left out.
    claims: usize,
    /// How many mentions had a registry entry left out.
    mentions: usize,
    /// What the format could not hold.
    dropped: Vec<String>,
}

impl Writer {
    /// The line `id` for `doc`.
    fn line(&mut self, id: usize, doc: &Doc) -> Line {
        let mut number: HashMap<&str, u64> = HashMap::new();
        let mut entities = Vec::with_capacity(doc.annotations.len());
        for a in &doc.annotations {
            self.entity += 1;
            number.insert(a.id.as_str(), self.entity);
            self.claims += usize::from(ClaimAttr::ALL.iter().any(|attr| attr.of(a).is_some()));
            self.mentions += usize::from(links::entry(doc, a).is_some());
            entities.push(Entity {
                id: Some(Id::Number(self.entity)),
                label: tags::tag(a.label).to_owned(),
                start_offset: Offset(a.span.start()),
                end_offset: Offset(a.span.end()),
            });
        }
        let mut relations = Vec::new();
        for l in links::links(doc, &mut self.dropped) {
            let ends = (number.get(l.from.id.as_str()), number.get(l.to.id.as_str()));
            if let (Some(&from), Some(&to)) = ends {
                self.relation += 1;
                relations.push(Relation {
                    id: Some(Id::Number(self.relation)),
                    from_id: Id::Number(from),
                    to_id: Id::Number(to),
                    kind: l.kind.name().to_owned(),
                });
            }
        }
        Line {
            id,
            text: doc.article.text.clone(),
            entities: Some(entities),
            label: None,
            labels: None,
            relations: Some(relations),
            article: Some(doc.article.id.as_str().to_owned()),
            title: doc.article.title.clone(),
        }
    }
}
