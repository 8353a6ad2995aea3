//! What an annotation says beyond its label: where it comes from (a link to another annotation), how a
//! claim is presented and whether it was checked, and which registry entity a mention refers to.

use crate::domain::model::names::{AnnotationId, EntityId, Label};
use serde::{Deserialize, Serialize};

/// How a claim is presented in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Attribution {
    /// The article says who makes the claim.
    Attributed,
    /// The claim is reported as someone's, but nobody is named ("officials say").
    Unattributed,
    /// The outlet states it in its own voice.
    OutletOwn,
}

impl Attribution {
    /// Every value, in menu order.
    pub const ALL: [Attribution; 3] = [
        Attribution::Attributed,
        Attribution::Unattributed,
        Attribution::OutletOwn,
    ];

    /// The name used in files: `attributed`, `unattributed`, `outlet`.
    pub fn name(self) -> &'static str {
        match self {
            Attribution::Attributed => "attributed",
            Attribution::Unattributed => "unattributed",
            Attribution::OutletOwn => "outlet",
        }
    }

    /// The value for a file name, if it is one.
    pub fn from_name(name: &str) -> Option<Attribution> {
        Attribution::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Attribution::Attributed => "Attributed",
            Attribution::Unattributed => "Unattributed",
            Attribution::OutletOwn => "Outlet's own statement",
        }
    }
}

/// Whether a claim was checked, and what the check found.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum CheckStatus {
    /// Not checked yet.
    #[default]
    Unchecked,
    /// Evidence supports it.
    Supported,
    /// Sources disagree about it.
    Disputed,
    /// Evidence shows it is false.
    False,
}

impl CheckStatus {
    /// Every value, in menu order.
    pub const ALL: [CheckStatus; 4] = [
        CheckStatus::Unchecked,
        CheckStatus::Supported,
        CheckStatus::Disputed,
        CheckStatus::False,
    ];

    /// The name used in files: `unchecked`, `supported`, `disputed`, `false`.
    pub fn name(self) -> &'static str {
        match self {
            CheckStatus::Unchecked => "unchecked",
            CheckStatus::Supported => "supported",
            CheckStatus::Disputed => "disputed",
            CheckStatus::False => "false",
        }
    }

    /// The value for a file name, if it is one.
    pub fn from_name(name: &str) -> Option<CheckStatus> {
        CheckStatus::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            CheckStatus::Unchecked => "Unchecked",
            CheckStatus::Supported => "Supported",
            CheckStatus::Disputed => "Disputed",
            CheckStatus::False => "False",
        }
    }
}

/// What a link from one annotation to its source means; it follows from the two labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkKind {
    /// A quote and the entity who said it.
    SaidBy,
    /// A claim and the entity it comes from.
    Source,
    /// A claim and the quote it is taken from.
    FromQuote,
}

impl LinkKind {
    /// Every kind.
    pub const ALL: [LinkKind; 3] = [LinkKind::SaidBy, LinkKind::Source, LinkKind::FromQuote];

    /// The link an annotation labelled `from` may have to one labelled `to`: a quote to an entity, a
    /// claim to an entity or a quote; nothing else.
    pub fn between(from: Label, to: Label) -> Option<LinkKind> {
        match (from, to) {
            (Label::Quote, Label::Entity(_)) => Some(LinkKind::SaidBy),
            (Label::Claim, Label::Entity(_)) => Some(LinkKind::Source),
            (Label::Claim, Label::Quote) => Some(LinkKind::FromQuote),
            _ => None,
        }
    }

    /// What an annotation labelled `from` may have as its source, as a sentence for messages.
    pub fn rule(from: Label) -> &'static str {
        match from {
            Label::Quote => "a quote's source must be an entity",
            Label::Claim => "a claim's source must be an entity or a quote",
            Label::Entity(_) => "an entity has no source",
        }
    }

    /// The name used in files: `said_by`, `source`, `from_quote`.
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::SaidBy => "said_by",
            LinkKind::Source => "source",
            LinkKind::FromQuote => "from_quote",
        }
    }

    /// The kind for a file name, if it is one.
    pub fn from_name(name: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The words shown to people between the two annotations: "said by", "source", "from quote".
    pub fn title(self) -> &'static str {
        match self {
            LinkKind::SaidBy => "said by",
            LinkKind::Source => "source",
            LinkKind::FromQuote => "from quote",
        }
    }
}

/// The attributes of one annotation. Only those that fit its label are ever set (see [`Attributes::fit`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributes {
    /// Quotes: the entity who said it. Claims: the entity or quote it comes from. Always an annotation of
    /// the same article.
    pub source: Option<AnnotationId>,
    /// Claims: how the article presents it.
    pub attribution: Option<Attribution>,
    /// Claims: whether it was checked.
    pub check: CheckStatus,
    /// Entities: the registry entry this mention refers to.
    pub entity: Option<EntityId>,
}

impl Attributes {
    /// The check status as files write it: its name, or nothing when unchecked (the default).
    pub fn check_name(&self) -> Option<&'static str> {
        (self.check != CheckStatus::Unchecked).then(|| self.check.name())
    }

    /// Clears what an annotation labelled `label` cannot have: an entity has no source, only claims
    /// have an attribution and a check, only entities a registry entry. Returns whether anything changed.
    pub fn fit(&mut self, label: Label) -> bool {
        let before = self.clone();
        if matches!(label, Label::Entity(_)) {
            self.source = None;
        }
        if label != Label::Claim {
            self.attribution = None;
            self.check = CheckStatus::Unchecked;
        }
        if !matches!(label, Label::Entity(_)) {
            self.entity = None;
        }
        *self != before
    }
}

#[cfg(test)]
#[path = "../tests/attributes.rs"]
mod tests;
