//! Reading a W3C target's selectors: the first `TextPositionSelector` and `TextQuoteSelector`.

use super::{at, is_a};
use crate::domain::files::formats::fields::Offset;
use crate::domain::files::formats::w3c::Selector;
use crate::domain::files::formats::{error, FormatError};

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

/// The offset at `path`, which a position selector must have.
fn offset(value: Option<Offset>, path: &str) -> Result<usize, FormatError> {
    match value {
        Some(Offset(n)) => Ok(n),
        None => error(
            path,
            "missing: give the offset in characters, counted from 0",
        ),
    }
}

/// Reads the selector `s` at `path` into `found`; the first of each type counts, other types are
/// ignored.
pub(super) fn selector<'v>(
    s: &'v Selector,
    path: &str,
    found: &mut Selected<'v>,
) -> Result<(), FormatError> {
    let kind = s.kind.as_ref();
    if is_a(kind, "TextPositionSelector") && found.0.is_none() {
        let start = offset(s.start, &at(path, "start"))?;
        let end = offset(s.end, &at(path, "end"))?;
        found.0 = Some((start, end, at(path, "end")));
    } else if is_a(kind, "TextQuoteSelector") && found.1.is_none() {
        let exact = match s.exact.as_deref() {
            None => return error(at(path, "exact"), "missing"),
            Some("") => {
                return error(
                    at(path, "exact"),
                    "must not be empty: it is the text marked",
                )
            }
            Some(exact) => exact,
        };
        found.1 = Some(Quote {
            exact,
            prefix: s.prefix.as_deref().unwrap_or_default(),
            suffix: s.suffix.as_deref().unwrap_or_default(),
        });
    }
    Ok(())
}
