//! Schema 3's shape: the person's own articles with their text, the registry entries and the
//! annotations, each read with path-named errors and written compactly straight from the workspace.

use crate::domain::annotation::Annotation;
use crate::domain::article::{Article, Origin};
use crate::domain::json::{self, FieldReader, Path, ReadError, Value, Writer};
use crate::domain::registry::Entity;
use crate::domain::workspace::Workspace;

/// A whole saved state in schema 3 (older schemas are migrated to it).
#[derive(Debug, Default)]
pub(super) struct State {
    /// The person's own articles.
    pub articles: Vec<StoredArticle>,
    /// The registry entries.
    pub entities: Vec<StoredEntity>,
    /// The annotations.
    pub annotations: Vec<Record>,
}

/// One own article: `{"id", "title", "added": ms, "text"}`.
#[derive(Debug, Default)]
pub(super) struct StoredArticle {
    pub id: String,
    pub title: String,
    pub added: i64,
    pub text: String,
}

/// One registry entry, times in milliseconds; empty `aliases` and `rejected` are left out.
#[derive(Debug, Default)]
pub(super) struct StoredEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub rejected: Vec<StoredPlace>,
    pub created: i64,
    pub updated: i64,
}

/// A rejected place: `{"article", "start", "end"}`.
#[derive(Debug, Default)]
pub(super) struct StoredPlace {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

/// One annotation: schema 2's record (no context, times in milliseconds) and, from schema 3, the
/// attributes, each only when set.
#[derive(Debug, Default)]
pub(super) struct Record {
    pub id: String,
    pub article: String,
    pub label: String,
    pub kind: Option<String>,
    pub note: String,
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub created: i64,
    pub updated: i64,
    pub source: Option<String>,
    pub attribution: Option<String>,
    pub check: Option<String>,
    pub entity: Option<String>,
}

/// The fields of a schema 3 record in the order they are written; schema 2 has the first ten.
const RECORD_FIELDS: [&str; 14] = [
    "id",
    "article",
    "label",
    "kind",
    "note",
    "start",
    "end",
    "exact",
    "created",
    "updated",
    "source",
    "attribution",
    "check",
    "entity",
];

impl Record {
    /// Reads a schema 2 record, which has no attributes.
    pub fn read_v2(value: &mut Value, path: &Path<'_>) -> Result<Record, ReadError> {
        Record::read(value, path, "struct RecordV2", &RECORD_FIELDS[..10])
    }

    /// Reads a schema 3 record.
    pub fn read_v3(value: &mut Value, path: &Path<'_>) -> Result<Record, ReadError> {
        Record::read(value, path, "struct RecordV3", &RECORD_FIELDS)
    }

    fn read(
        value: &mut Value,
        path: &Path<'_>,
        what: &str,
        fields: &[&str],
    ) -> Result<Record, ReadError> {
        let mut f = FieldReader::new(value, path, what, fields)?;
        let record = Record {
            id: f.required("id", json::string),
            article: f.required("article", json::string),
            label: f.required("label", json::string),
            kind: f.optional("kind", json::string),
            note: f.or_default("note", json::string),
            start: f.required("start", json::integer),
            end: f.required("end", json::integer),
            exact: f.required("exact", json::string),
            created: f.required("created", json::integer),
            updated: f.required("updated", json::integer),
            source: f.optional("source", json::string),
            attribution: f.optional("attribution", json::string),
            check: f.optional("check", json::string),
            entity: f.optional("entity", json::string),
        };
        f.finish(record)
    }
}

impl StoredArticle {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<StoredArticle, ReadError> {
        let fields = ["id", "title", "added", "text"];
        let mut f = FieldReader::new(value, path, "struct StoredArticle", &fields)?;
        let article = StoredArticle {
            id: f.required("id", json::string),
            title: f.required("title", json::string),
            added: f.required("added", json::integer),
            text: f.required("text", json::string),
        };
        f.finish(article)
    }
}

impl StoredEntity {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<StoredEntity, ReadError> {
        let fields = [
            "id", "name", "kind", "aliases", "rejected", "created", "updated",
        ];
        let mut f = FieldReader::new(value, path, "struct StoredEntity", &fields)?;
        let entity = StoredEntity {
            id: f.required("id", json::string),
            name: f.required("name", json::string),
            kind: f.required("kind", json::string),
            aliases: f.or_default("aliases", |v, p| json::array(v, p, json::string)),
            rejected: f.or_default("rejected", |v, p| json::array(v, p, StoredPlace::read)),
            created: f.required("created", json::integer),
            updated: f.required("updated", json::integer),
        };
        f.finish(entity)
    }
}

impl StoredPlace {
    fn read(value: &mut Value, path: &Path<'_>) -> Result<StoredPlace, ReadError> {
        let fields = ["article", "start", "end"];
        let mut f = FieldReader::new(value, path, "struct StoredPlace", &fields)?;
        let place = StoredPlace {
            article: f.required("article", json::string),
            start: f.required("start", json::integer),
            end: f.required("end", json::integer),
        };
        f.finish(place)
    }
}

/// Reads a schema 3 state; `schema` was read already.
pub(super) fn read_v3(value: &mut Value) -> Result<State, ReadError> {
    let fields = ["schema", "articles", "entities", "annotations"];
    let mut f = FieldReader::new(value, &Path::Root, "struct StoredV3", &fields)?;
    let state = State {
        articles: f.required("articles", |v, p| json::array(v, p, StoredArticle::read)),
        entities: f.required("entities", |v, p| json::array(v, p, StoredEntity::read)),
        annotations: f.required("annotations", |v, p| json::array(v, p, Record::read_v3)),
    };
    f.finish(state)
}

/// The workspace as a schema 3 state, with `extra` among the own articles as if it had been added.
/// Strings are written straight from the workspace, so saving copies no text twice.
pub(super) fn write(ws: &Workspace, schema: u32, extra: Option<&Article>) -> String {
    let mut w = Writer::compact();
    w.begin_object();
    w.field("schema", &schema);
    w.key("articles");
    w.begin_array();
    let mut own: Vec<&Article> = ws.articles().iter().map(|a| &**a).collect();
    if let Some(extra) = extra {
        // Where the workspace would put it: after the bundled articles and the own ones added before it.
        let at = own.partition_point(|a| a.list_key() <= extra.list_key());
        own.insert(at, extra);
    }
    for article in own {
        if let Origin::Own { added } = article.origin {
            w.begin_object();
            w.field("id", article.id.as_str());
            w.field("title", &article.title);
            w.field("added", &added.0);
            w.field("text", &article.text);
            w.end_object();
        }
    }
    w.end_array();
    w.key("entities");
    w.begin_array();
    for e in ws.entities() {
        write_entity(&mut w, e);
    }
    w.end_array();
    w.key("annotations");
    w.begin_array();
    for article in ws.articles() {
        for a in ws.in_article(&article.id).iter() {
            write_record(&mut w, a, article);
        }
    }
    w.end_array();
    w.end_object();
    w.finish()
}

fn write_entity(w: &mut Writer, e: &Entity) {
    w.begin_object();
    w.field("id", e.id.as_str());
    w.field("name", &e.name);
    w.field("kind", e.kind.name());
    if !e.aliases.is_empty() {
        w.key("aliases");
        w.begin_array();
        for alias in &e.aliases {
            w.string(alias);
        }
        w.end_array();
    }
    if !e.rejected.is_empty() {
        w.key("rejected");
        w.begin_array();
        for (article, span) in &e.rejected {
            w.begin_object();
            w.field("article", article.as_str());
            w.field("start", &span.start());
            w.field("end", &span.end());
            w.end_object();
        }
        w.end_array();
    }
    w.field("created", &e.created.0);
    w.field("updated", &e.updated.0);
    w.end_object();
}

/// One annotation: a missing kind, an empty note and unset attributes are left out.
fn write_record(w: &mut Writer, a: &Annotation, article: &Article) {
    w.begin_object();
    w.field("id", a.id.as_str());
    w.field("article", a.article.as_str());
    w.field("label", a.label.name().name());
    if let Some(kind) = a.label.kind() {
        w.field("kind", kind.name());
    }
    if !a.note.is_empty() {
        w.field("note", &a.note);
    }
    w.field("start", &a.span.start());
    w.field("end", &a.span.end());
    w.field("exact", article.slice(a.span.start(), a.span.end()));
    w.field("created", &a.created.0);
    w.field("updated", &a.updated.0);
    if let Some(source) = &a.attrs.source {
        w.field("source", source.as_str());
    }
    if let Some(attribution) = a.attrs.attribution {
        w.field("attribution", attribution.name());
    }
    if let Some(check) = a.attrs.check_name() {
        w.field("check", check);
    }
    if let Some(entity) = &a.attrs.entity {
        w.field("entity", entity.as_str());
    }
    w.end_object();
}
