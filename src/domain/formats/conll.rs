//! TODO(helper): conll export.

use super::{Body, Doc};

/// Writes the docs.
pub fn export(_docs: &[Doc]) -> Body {
    Body::default()
}
