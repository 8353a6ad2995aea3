//! The vocabulary of changes: the actions a person (or an import) asks the workspace for, and why one
//! can be refused.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use std::fmt;

/// A change a person (or an import) asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Adds a new annotation; its id, article and times are already filled in.
    Annotate(Annotation),
    /// Adds several new annotations as one step (tagging every occurrence of a search).
    AnnotateAll(Vec<Annotation>),
    /// Gives an annotation another label.
    Relabel {
        /// Which annotation.
        id: AnnotationId,
        /// The new label.
        label: Label,
        /// When.
        at: Timestamp,
    },
    /// Replaces an annotation's note.
    SetNote {
        /// Which annotation.
        id: AnnotationId,
        /// The whole new note.
        note: String,
        /// When.
        at: Timestamp,
    },
    /// Deletes an annotation, and the links of other annotations to it.
    Remove {
        /// Which annotation.
        id: AnnotationId,
    },
    /// Links a quote or claim to its source (an annotation of the same article), or unlinks it.
    SetSource {
        /// The quote or claim.
        id: AnnotationId,
        /// The entity (for a quote or claim) or quote (for a claim); `None` removes the link.
        source: Option<AnnotationId>,
        /// When.
        at: Timestamp,
    },
    /// Sets how a claim is presented.
    SetAttribution {
        /// The claim.
        id: AnnotationId,
        /// The new value; `None` clears it.
        attribution: Option<Attribution>,
        /// When.
        at: Timestamp,
    },
    /// Sets a claim's check status.
    SetCheck {
        /// The claim.
        id: AnnotationId,
        /// The new status.
        check: CheckStatus,
        /// When.
        at: Timestamp,
    },
    /// Adds a registry entry and links these entity mentions to it (taking them from any other entry,
    /// which is how an entry is split).
    AddEntity {
        /// The new entry; its id must be free.
        entity: Entity,
        /// Entity mentions to link to it.
        mentions: Vec<AnnotationId>,
    },
    /// Replaces a registry entry's name, kind and aliases with these.
    EditEntity(Entity),
    /// Deletes a registry entry; its mentions stay, unlinked.
    RemoveEntity {
        /// Which entry.
        id: EntityId,
    },
    /// Moves every mention of `from` to `into`, keeps `from`'s names as aliases, and deletes `from`.
    MergeEntities {
        /// The entry that stays.
        into: EntityId,
        /// The entry that goes.
        from: EntityId,
        /// When.
        at: Timestamp,
    },
    /// Links entity mentions to a registry entry (accepting candidates), or unlinks them.
    SetMentionEntity {
        /// Entity mentions.
        mentions: Vec<AnnotationId>,
        /// The entry; `None` unlinks.
        entity: Option<EntityId>,
        /// When.
        at: Timestamp,
    },
    /// Records that a place in the text is not this entity, so it is not proposed again.
    RejectCandidate {
        /// The entry.
        entity: EntityId,
        /// Where the place is.
        article: ArticleId,
        /// The place.
        span: Span,
        /// When.
        at: Timestamp,
    },
    /// Adds the person's own article after the others; its id must be free.
    AddArticle(Article),
    /// Gives the person's own article another title.
    RenameArticle {
        /// Which article.
        id: ArticleId,
        /// The new title.
        title: String,
    },
    /// Deletes the person's own article with its annotations.
    RemoveArticle {
        /// Which article.
        id: ArticleId,
    },
    /// Puts checked records from a file in one undoable step; `replace` first removes all other
    /// annotations and registry entries.
    Import {
        /// Articles the file brings that the workspace lacks (the person's own, with their text).
        articles: Vec<Article>,
        /// Registry entries to add or overwrite.
        entities: Vec<Entity>,
        /// The annotations to write, already validated against the articles.
        annotations: Vec<Annotation>,
        /// Whether the current annotations and entries go first.
        replace: bool,
    },
    /// Reverts the last change.
    Undo,
    /// Re-applies the last undone change.
    Redo,
}

/// Why an action was refused. The workspace is unchanged when `apply` returns one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// No article has this id.
    UnknownArticle(String),
    /// No annotation has this id.
    UnknownAnnotation(String),
    /// An annotation with this id exists already.
    DuplicateId(String),
    /// An article with this id exists already.
    DuplicateArticle(String),
    /// The article came with the app, so it cannot be renamed or deleted.
    BundledArticle(String),
    /// A title or name is empty.
    EmptyName,
    /// No registry entry has this id.
    UnknownEntity(String),
    /// A registry entry with this id exists already.
    DuplicateEntity(String),
    /// Only entity mentions can be linked to a registry entry.
    NotAMention(String),
    /// A link that cannot be made, and why.
    BadLink {
        /// The annotation the link would start from.
        id: String,
        /// Why it cannot.
        reason: String,
    },
    /// The span does not fit the article.
    OutOfBounds {
        /// The article.
        article: String,
        /// The span asked for.
        span: Span,
        /// The article's length in code points.
        len: usize,
    },
    /// There is nothing to undo.
    NothingToUndo,
    /// There is nothing to redo.
    NothingToRedo,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::UnknownArticle(id) => write!(f, "there is no article \"{id}\""),
            ActionError::UnknownAnnotation(id) => write!(f, "there is no annotation \"{id}\""),
            ActionError::DuplicateId(id) => write!(f, "an annotation \"{id}\" exists already"),
            ActionError::DuplicateArticle(id) => write!(f, "an article \"{id}\" exists already"),
            ActionError::BundledArticle(id) => {
                write!(
                    f,
                    "article \"{id}\" came with the app and cannot be changed"
                )
            }
            ActionError::EmptyName => f.write_str("a name must not be empty"),
            ActionError::UnknownEntity(id) => write!(f, "there is no registry entry \"{id}\""),
            ActionError::DuplicateEntity(id) => {
                write!(f, "a registry entry \"{id}\" exists already")
            }
            ActionError::NotAMention(id) => write!(
                f,
                "annotation \"{id}\" is not an entity, so it cannot be linked to the registry"
            ),
            ActionError::BadLink { id, reason } => {
                write!(f, "annotation \"{id}\" cannot be linked: {reason}")
            }
            ActionError::OutOfBounds { article, span, len } => write!(
                f,
                "span {span} is past the end of article \"{article}\" ({len} characters)"
            ),
            ActionError::NothingToUndo => f.write_str("nothing to undo"),
            ActionError::NothingToRedo => f.write_str("nothing to redo"),
        }
    }
}
