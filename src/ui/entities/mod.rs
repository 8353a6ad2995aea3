//! The parts of the Entities view ([`super::entities_view`]): an entry's card, the places proposed for
//! it, and the proposed new entries (the grouping of mentions they show is
//! [`crate::domain::features::entities`]).

pub mod entry;
mod merge;
pub mod new_entries;
pub mod proposals;

use crate::domain::model::names::{AnnotationId, ArticleId};

/// Where a click in the Entities view should take the person: an annotation in its article, and the
/// code point where its line starts (for scrolling).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The article to open.
    pub article: ArticleId,
    /// The annotation to select, if the place is one.
    pub annotation: Option<AnnotationId>,
    /// The start of the annotation's line.
    pub line: usize,
}
