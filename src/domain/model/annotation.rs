//! Annotations: a labelled span of an article with a note and its times.

use crate::domain::model::attributes::Attributes;
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One labelled span of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique id.
    pub id: AnnotationId,
    /// The article the span belongs to.
    pub article: ArticleId,
    /// Where, in code points of the article's text.
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// Free text by the annotator; may be empty.
    pub note: String,
    /// Its source, a claim's attribution and check, an entity's registry entry.
    pub attrs: Attributes,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}
