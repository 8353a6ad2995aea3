//! The saved state's shapes as serde types: schema 3 ([`StoredV4`]), and schemas 1 and 2, which
//! `migrate.rs` brings to it. Strings borrow from the saved text when they can, and are written
//! straight from the workspace, so that saving copies no text twice.

use crate::domain::files::json::to_compact;
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::graves::Graves;
use crate::domain::state::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Text that borrows from the saved state when it has no escapes, or from the workspace when saving.
pub(super) type Text<'a> = Cow<'a, str>;

/// A whole saved state in schema 4: schema 3's, with the deleted records (older schemas are migrated
/// to it). Read, its annotations are a list of [`Record`]s; written, they are made one at a time from
/// the workspace ([`Annotations`]).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredV4<'a, A = Vec<Record<'a>>> {
    /// 4 (3 when read from a schema 3 state, which has no `deleted`).
    pub schema: u32,
    /// The person's own articles.
    #[serde(borrow)]
    pub articles: Vec<StoredArticle<'a>>,
    /// The registry entries.
    #[serde(borrow)]
    pub entities: Vec<StoredEntity<'a>>,
    /// The annotations.
    #[serde(bound(deserialize = "A: Deserialize<'de>"))]
    pub annotations: A,
    /// From schema 4: the deleted records and when they were deleted; left out when there are none.
    #[serde(default, skip_serializing_if = "StoredGraves::is_empty")]
    pub deleted: StoredGraves<'a>,
}

/// The deleted records (see [`crate::domain::state::graves`]): each kind's ids with the time of the
/// delete in milliseconds, `{"annotations":{"a1":1739606400000}}`; a kind with none is left out.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredGraves<'a> {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<Text<'a>, i64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entities: BTreeMap<Text<'a>, i64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub articles: BTreeMap<Text<'a>, i64>,
}

impl StoredGraves<'_> {
    fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.entities.is_empty() && self.articles.is_empty()
    }

    /// The graves as the workspace keeps them.
    pub(super) fn graves(&self) -> Graves {
        fn read<K: for<'k> From<&'k str> + Ord>(
            stored: &BTreeMap<Text<'_>, i64>,
        ) -> BTreeMap<K, Timestamp> {
            // Inserted one by one: collecting would sort, and bring a sort into the page for this.
            let mut graves = BTreeMap::new();
            for (id, at) in stored {
                graves.insert(K::from(id), Timestamp(*at));
            }
            graves
        }
        Graves {
            annotations: read(&self.annotations),
            entities: read(&self.entities),
            articles: read(&self.articles),
        }
    }
}

/// The workspace's graves, to be written.
fn stored_graves(graves: &Graves) -> StoredGraves<'_> {
    fn write<'a>(
        graves: impl Iterator<Item = (&'a str, &'a Timestamp)>,
    ) -> BTreeMap<Text<'a>, i64> {
        let mut stored = BTreeMap::new();
        for (id, at) in graves {
            stored.insert(Text::Borrowed(id), at.0);
        }
        stored
    }
    StoredGraves {
        annotations: write(graves.annotations.iter().map(|(id, at)| (id.as_str(), at))),
        entities: write(graves.entities.iter().map(|(id, at)| (id.as_str(), at))),
        articles: write(graves.articles.iter().map(|(id, at)| (id.as_str(), at))),
    }
}

/// Every annotation of the workspace as a [`Record`], article by article in list order, each made
/// as it is written.
pub(super) struct Annotations<'a>(Vec<(&'a Article, Rc<[Rc<Annotation>]>)>);

impl Serialize for Annotations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let records = self.0.iter();
        serializer.collect_seq(
            records.flat_map(|(article, list)| list.iter().map(|a| record(a, article))),
        )
    }
}

/// One own article: `{"id", "title", "added": ms, "text"}`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredArticle<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub title: Text<'a>,
    pub added: i64,
    #[serde(borrow)]
    pub text: Text<'a>,
}

/// One registry entry, times in milliseconds; empty `aliases` and `rejected` are left out.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredEntity<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(borrow)]
    pub kind: Text<'a>,
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Text<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<StoredPlace<'a>>,
    pub created: i64,
    pub updated: i64,
}

/// A rejected place: `{"article", "start", "end"}`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredPlace<'a> {
    #[serde(borrow)]
    pub article: Text<'a>,
    pub start: usize,
    pub end: usize,
}

/// One annotation: schema 2's record (no context, times in milliseconds) and, from schema 3, the
/// attributes. A missing kind, an empty note and unset attributes are left out.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Record<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub article: Text<'a>,
    #[serde(borrow)]
    pub label: Text<'a>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text<'a>>,
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub note: Text<'a>,
    pub start: usize,
    pub end: usize,
    #[serde(borrow)]
    pub exact: Text<'a>,
    pub created: i64,
    pub updated: i64,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub check: Option<Text<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Text<'a>>,
}

/// A schema 2 state: annotations only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredV2<'a> {
    /// Always 2.
    #[allow(dead_code)]
    pub schema: u32,
    /// The annotations.
    #[serde(borrow)]
    pub annotations: Vec<RecordV2<'a>>,
}

/// A schema 2 annotation: schema 3's without the attributes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordV2<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    article: Text<'a>,
    #[serde(borrow)]
    label: Text<'a>,
    #[serde(default, borrow)]
    kind: Option<Text<'a>>,
    #[serde(default, borrow)]
    note: Text<'a>,
    start: usize,
    end: usize,
    #[serde(borrow)]
    exact: Text<'a>,
    created: i64,
    updated: i64,
}

impl<'a> From<RecordV2<'a>> for Record<'a> {
    fn from(v2: RecordV2<'a>) -> Record<'a> {
        Record {
            id: v2.id,
            article: v2.article,
            label: v2.label,
            kind: v2.kind,
            note: v2.note,
            start: v2.start,
            end: v2.end,
            exact: v2.exact,
            created: v2.created,
            updated: v2.updated,
            ..Record::default()
        }
    }
}

/// A schema 1 state: export records (context, RFC 3339 times), no attributes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredV1 {
    /// Always 1.
    #[allow(dead_code)]
    pub schema: u32,
    /// The annotations.
    pub annotations: Vec<RecordV1>,
}

/// A schema 1 annotation: an export record of its day. Its times stay text, so that one that cannot
/// be read drops only its annotation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordV1 {
    pub id: String,
    pub article: String,
    pub label: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub note: String,
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub prefix: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub suffix: String,
    pub created: String,
    pub updated: String,
}

/// A saved annotation in the export record's shape, for [`check_record`](crate::domain::files::records::check_record).
impl From<Record<'_>> for AnnotationRecord {
    fn from(rec: Record<'_>) -> AnnotationRecord {
        AnnotationRecord {
            id: rec.id.into_owned(),
            article: rec.article.into_owned(),
            label: rec.label.into_owned(),
            kind: rec.kind.map(Cow::into_owned),
            note: rec.note.into_owned(),
            start: rec.start,
            end: rec.end,
            exact: rec.exact.into_owned(),
            prefix: String::new(),
            suffix: String::new(),
            created: Timestamp(rec.created),
            updated: Timestamp(rec.updated),
            source: rec.source.map(Cow::into_owned),
            attribution: rec.attribution.map(Cow::into_owned),
            check: rec.check.map(Cow::into_owned),
            entity: rec.entity.map(Cow::into_owned),
        }
    }
}

/// The workspace as a compact state in `schema`, with `extra` among the own articles as if it had
/// been added.
pub(super) fn encode(ws: &Workspace, schema: u32, extra: Option<&Article>) -> String {
    let lists = ws
        .articles()
        .iter()
        .map(|article| (&**article, ws.in_article(&article.id)))
        .collect();
    let mut own: Vec<&Article> = ws.articles().iter().map(|a| &**a).collect();
    if let Some(extra) = extra {
        // Where the workspace would put it: after the bundled articles and the own ones added before it.
        let at = own.partition_point(|a| a.list_key() <= extra.list_key());
        own.insert(at, extra);
    }
    to_compact(&StoredV4 {
        schema,
        articles: own.into_iter().filter_map(stored_article).collect(),
        entities: ws.entities().map(|e| stored_entity(e)).collect(),
        annotations: Annotations(lists),
        deleted: stored_graves(ws.graves()),
    })
}

pub(super) fn stored_article(article: &Article) -> Option<StoredArticle<'_>> {
    match article.origin {
        Origin::Own { added } => Some(StoredArticle {
            id: article.id.as_str().into(),
            title: article.title.as_str().into(),
            added: added.0,
            text: article.text.as_str().into(),
        }),
        Origin::Bundled => None,
    }
}

pub(super) fn stored_entity(e: &Entity) -> StoredEntity<'_> {
    StoredEntity {
        id: e.id.as_str().into(),
        name: e.name.as_str().into(),
        kind: e.kind.name().into(),
        aliases: e.aliases.iter().map(|a| a.as_str().into()).collect(),
        rejected: e
            .rejected
            .iter()
            .map(|(article, span)| StoredPlace {
                article: article.as_str().into(),
                start: span.start(),
                end: span.end(),
            })
            .collect(),
        created: e.created.0,
        updated: e.updated.0,
    }
}

pub(super) fn record<'a>(a: &'a Annotation, article: &'a Article) -> Record<'a> {
    Record {
        id: a.id.as_str().into(),
        article: a.article.as_str().into(),
        label: a.label.name().name().into(),
        kind: a.label.kind().map(|k| k.name().into()),
        note: a.note.as_str().into(),
        start: a.span.start(),
        end: a.span.end(),
        exact: article.slice(a.span.start(), a.span.end()).into(),
        created: a.created.0,
        updated: a.updated.0,
        source: a.attrs.source.as_ref().map(|s| s.as_str().into()),
        attribution: a.attrs.attribution.map(|x| x.name().into()),
        check: a.attrs.check_name().map(Into::into),
        entity: a.attrs.entity.as_ref().map(|e| e.as_str().into()),
    }
}
