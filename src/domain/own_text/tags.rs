//! Reading HTML markup: tag names, attributes (skipped, quotes respected) and raw text up to an end tag.

/// Whether `s` starts with an ASCII letter (as a tag name must).
pub(super) fn starts_with_letter(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The lowercase tag name at the start of `s`, and what follows it.
pub(super) fn tag_name(s: &str) -> (String, &str) {
    let len = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let (name, tail) = s.split_at_checked(len).unwrap_or((s, ""));
    (name.to_ascii_lowercase(), tail)
}

/// Skips a tag's attributes up to its `>` (not one inside a quoted value): whether the tag ends with
/// `/>`, and what follows it. An unclosed tag takes the rest of the file.
pub(super) fn attributes(tail: &str) -> (bool, &str) {
    let bytes = tail.as_bytes();
    let mut slash = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'>' => return (slash, tail.get(i..).unwrap_or_default()),
            b'/' => slash = true,
            b'=' => {
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    let close = bytes.iter().skip(i + 1).position(|&c| c == q);
                    let Some(close) = close else {
                        return (false, "");
                    };
                    i += close + 2;
                }
                slash = false;
            }
            _ if b.is_ascii_whitespace() => {}
            _ => slash = false,
        }
    }
    (false, "")
}

/// What follows the first `pattern` in `s`; nothing if it is not there.
pub(super) fn past<'a>(s: &'a str, pattern: &str) -> &'a str {
    s.find(pattern)
        .and_then(|at| s.get(at + pattern.len()..))
        .unwrap_or_default()
}

/// The raw content before the end tag `</name` (any case) in `s`, and what follows that tag. Without an
/// end tag, the content is the rest of `s`.
pub(super) fn past_end_tag<'a>(s: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find("</")).map(|at| at + from) {
        let after = s.get(at + 2..).unwrap_or_default();
        let named = after
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let ends = after.get(name.len()..).is_some_and(|r| {
            r.is_empty() || r.starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        });
        if named && ends {
            let content = s.get(..at).unwrap_or_default();
            return (content, past(after, ">"));
        }
        from = at + 2;
    }
    (s, "")
}
