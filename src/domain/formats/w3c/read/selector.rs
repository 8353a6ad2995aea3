//! Reading a W3C target's selectors: the first `TextPositionSelector` and `TextQuoteSelector`.

use super::{at, is_a};
use crate::domain::formats::values::{offset, shown, string};
use crate::domain::formats::{error, FormatError};
use crate::domain::json::Value;

/// A `TextQuoteSelector`'s three texts.
pub(super) struct Quote<'v> {
    /// The text marked.
    pub exact: &'v str,
    /// The text before it (may be empty).
    pub prefix: &'v str,
    /// The text after it (may be empty).
    pub suffix: &'v str,
}

/// A start and end with the path of the end, and a quote, from the selectors read so far.
pub(super) type Selected<'v> = (Option<(usize, usize, String)>, Option<Quote<'v>>);

/// Reads the selector at `path` into `found`; the first of each type counts, other types are ignored.
pub(super) fn selector<'v>(
    s: &'v Value,
    path: &str,
    found: &mut Selected<'v>,
) -> Result<(), FormatError> {
    if !matches!(s, Value::Object(_)) {
        return error(path, format!("must be a selector object, not {}", shown(s)));
    }
    if is_a(s, "TextPositionSelector") && found.0.is_none() {
        let start = offset(s.get("start"), &at(path, "start"))?;
        let end = offset(s.get("end"), &at(path, "end"))?;
        found.0 = Some((start, end, at(path, "end")));
    } else if is_a(s, "TextQuoteSelector") && found.1.is_none() {
        let exact = string(s.get("exact"), &at(path, "exact"))?;
        if exact.is_empty() {
            return error(
                at(path, "exact"),
                "must not be empty: it is the text marked",
            );
        }
        let optional = |key: &str| match s.get(key) {
            None | Some(Value::Null) => Ok(""),
            some => string(some, &at(path, key)),
        };
        found.1 = Some(Quote {
            exact,
            prefix: optional("prefix")?,
            suffix: optional("suffix")?,
        });
    }
    Ok(())
}
