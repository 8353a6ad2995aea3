//! An annotation's attributes as a file names them, and their checks against its label.

use super::AnnotationRecord;
use crate::domain::model::attributes::{Attributes, Attribution, CheckStatus};
use crate::domain::model::names::{AnnotationId, EntityId, Label};

/// The checked attributes of a record labelled `label`; an error names the field. Whether the source
/// and the registry entry exist is for the workspace to check.
pub(super) fn read(
    rec: &AnnotationRecord,
    label: Label,
) -> Result<Attributes, (&'static str, String)> {
    let mut attrs = Attributes::default();
    if let Some(source) = rec.source.as_deref() {
        if source.is_empty() {
            return Err(("source", "a source id must not be empty".into()));
        }
        if label.kind().is_some() {
            return Err(("source", "an entity has no source".into()));
        }
        attrs.source = Some(AnnotationId::from(source));
    }
    let only_claims = |field| Err((field, "only claims have this attribute".into()));
    if let Some(name) = rec.attribution.as_deref() {
        if label != Label::Claim {
            return only_claims("attribution");
        }
        attrs.attribution = Some(Attribution::from_name(name).ok_or_else(|| {
            let message =
                format!("\"{name}\" is not an attribution (attributed, unattributed, outlet)");
            ("attribution", message)
        })?);
    }
    if let Some(name) = rec.check.as_deref() {
        let check = CheckStatus::from_name(name).ok_or_else(|| {
            let message =
                format!("\"{name}\" is not a check status (unchecked, supported, disputed, false)");
            ("check", message)
        })?;
        if label != Label::Claim && check != CheckStatus::Unchecked {
            return only_claims("check");
        }
        attrs.check = check;
    }
    if let Some(entity) = rec.entity.as_deref() {
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
