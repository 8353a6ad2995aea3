//! Markdown delimiters paired in one pass over a line: brackets and parentheses, backtick runs, and
//! emphasis runs.

/// A piece of a line: a character to keep, or a run of emphasis markers that may vanish.
pub(super) enum Tok {
    /// A character of text.
    Lit(char),
    /// A run of `*`, `_` or `~~`.
    Run {
        /// The marker.
        ch: char,
        /// How many markers are left.
        len: usize,
        /// Whether the run may open emphasis.
        open: bool,
        /// Whether the run may close emphasis.
        close: bool,
    },
}

/// For each `open` in `chars`, the index of its matching `close` (backslash-escaped ones skipped).
pub(super) fn pairs(chars: &[char], open: char, close: char) -> Vec<Option<usize>> {
    let mut matched = vec![None; chars.len()];
    let mut stack = Vec::new();
    let mut escaped = false;
    for (i, &c) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == open {
            stack.push(i);
        } else if c == close {
            if let Some(o) = stack.pop() {
                if let Some(slot) = matched.get_mut(o) {
                    *slot = Some(i);
                }
            }
        }
    }
    matched
}

/// For each backtick run's start, the start of the next run of the same length.
pub(super) fn tick_runs(chars: &[char]) -> Vec<Option<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let len = chars.iter().skip(i).take_while(|&&c| c == '`').count();
        if len > 0 {
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    let mut next = vec![None; chars.len()];
    let mut last_of_len = std::collections::HashMap::new();
    for &(start, len) in runs.iter().rev() {
        if let Some(slot) = next.get_mut(start) {
            *slot = last_of_len.get(&len).copied();
        }
        last_of_len.insert(len, start);
    }
    next
}

/// The text of the pieces: runs of markers that pair up as emphasis vanish, the rest stay. A closing
/// run pairs with the nearest open run of the same marker (one stack per marker, so this is linear).
pub(super) fn resolve(mut toks: Vec<Tok>) -> String {
    let mut openers: [(char, Vec<usize>); 3] =
        [('*', Vec::new()), ('_', Vec::new()), ('~', Vec::new())];
    for idx in 0..toks.len() {
        let Some(&Tok::Run {
            ch,
            len,
            open,
            close,
        }) = toks.get(idx)
        else {
            continue;
        };
        let Some(stack) = openers.iter_mut().find(|(c, _)| *c == ch).map(|(_, s)| s) else {
            continue;
        };
        if let Some(o) = stack.last().copied().filter(|_| close) {
            let mut left = len;
            if let Some(Tok::Run { len: olen, .. }) = toks.get_mut(o) {
                let used = (*olen).min(left);
                *olen -= used;
                left -= used;
                if *olen == 0 {
                    stack.pop();
                }
            }
            if let Some(Tok::Run { len, .. }) = toks.get_mut(idx) {
                *len = left;
            }
            if left > 0 && open {
                stack.push(idx);
            }
        } else if open {
            stack.push(idx);
        }
    }
    let mut text = String::with_capacity(toks.len());
    for tok in toks {
        match tok {
            Tok::Lit(c) => text.push(c),
            Tok::Run { ch, len, .. } => text.extend(std::iter::repeat_n(ch, len)),
        }
    }
    text
}
