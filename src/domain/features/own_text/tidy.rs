//! The last step of Markdown and HTML extraction: tidy lines.

/// `text` with each line's trailing whitespace removed, no more than one empty line in a row, and no
/// empty lines (nor trailing whitespace) at its start and end. Line ends become `\n`; the first line
/// keeps its indentation.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}
