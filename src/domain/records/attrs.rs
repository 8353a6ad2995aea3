//! An annotation's attributes as a file names them, and their checks against its label.

use super::AnnotationRecord;
use crate::domain::annotation::{AnnotationId, Label};
use crate::domain::attributes::{Attributes, Attribution, CheckStatus};
use crate::domain::registry::EntityId;

/// An annotation's attributes as read from a file, not yet checked.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttrFields<'a> {
    /// The id of its source annotation.
    pub source: Option<&'a str>,
    /// How a claim is presented.
    pub attribution: Option<&'a str>,
    /// A claim's check status.
    pub check: Option<&'a str>,
    /// The id of its registry entry.
    pub entity: Option<&'a str>,
}

impl<'a> AttrFields<'a> {
    /// The attributes of a record.
    pub fn of(rec: &'a AnnotationRecord) -> AttrFields<'a> {
        AttrFields {
            source: rec.source.as_deref(),
            attribution: rec.attribution.as_deref(),
            check: rec.check.as_deref(),
            entity: rec.entity.as_deref(),
        }
    }

    /// The checked attributes of an annotation labelled `label`; an error names the field. Whether the
    /// source and the registry entry exist is for the workspace to check.
    pub(super) fn read(self, label: Label) -> Result<Attributes, (&'static str, String)> {
        let mut attrs = Attributes::default();
        if let Some(source) = self.source {
            if source.is_empty() {
                return Err(("source", "a source id must not be empty".into()));
            }
            if label.kind().is_some() {
                return Err(("source", "an entity has no source".into()));
            }
            attrs.source = Some(AnnotationId::from(source));
        }
        let only_claims = |field| Err((field, "only claims have this attribute".into()));
        if let Some(name) = self.attribution {
            if label != Label::Claim {
                return only_claims("attribution");
            }
            attrs.attribution = Some(Attribution::from_name(name).ok_or_else(|| {
                let message =
                    format!("\"{name}\" is not an attribution (attributed, unattributed, outlet)");
                ("attribution", message)
            })?);
        }
        if let Some(name) = self.check {
            let check = CheckStatus::from_name(name).ok_or_else(|| {
                let message = format!(
                    "\"{name}\" is not a check status (unchecked, supported, disputed, false)"
                );
                ("check", message)
            })?;
            if label != Label::Claim && check != CheckStatus::Unchecked {
                return only_claims("check");
            }
            attrs.check = check;
        }
        if let Some(entity) = self.entity {
            if label.kind().is_none() {
                return Err(("entity", "only entities refer to a registry entry".into()));
            }
            if entity.is_empty() {
                return Err(("entity", "a registry id must not be empty".into()));
            }
            attrs.entity = Some(EntityId::from(entity));
        }
        Ok(attrs)
    }
}
