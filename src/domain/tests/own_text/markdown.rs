//! Tests of Markdown extraction.

use super::*;

/// The text of `source`.
fn text(source: &str) -> String {
    extract(source).text
}

#[test]
fn atx_headings_lose_their_markers_and_the_first_level_one_is_the_title() {
    let got = extract("## Intro ##\n\n# Main title #\n\n# Second\n\nC# is a language\n#hashtag");
    assert_eq!(got.title.as_deref(), Some("Main title"));
    assert_eq!(
        got.text,
        "Intro\n\nMain title\n\nSecond\n\nC# is a language\n#hashtag"
    );
    assert_eq!(extract("## Only level two").title, None);
}

#[test]
fn setext_underlines_are_dropped_and_a_level_one_gives_the_title() {
    let got = extract("Big *news*\n==========\nText.\n\nSmaller\n-------\nMore.");
    assert_eq!(got.title.as_deref(), Some("Big news"));
    assert_eq!(got.text, "Big news\nText.\n\nSmaller\nMore.");
    // Without a paragraph above, `===` is text and `---` a thematic break.
    assert_eq!(text("===\n\n---\n\nafter"), "===\n\nafter");
}

#[test]
fn emphasis_markers_are_removed_but_not_inside_words_or_around_spaces() {
    assert_eq!(
        text("*a* **b** _c_ __d__ ***e*** ~~f~~ **g *h* i**"),
        "a b c d e f g h i"
    );
    assert_eq!(
        text("snake_case_name and 2 * 3 * 4"),
        "snake_case_name and 2 * 3 * 4"
    );
    assert_eq!(text("un*frigging*believable"), "unfriggingbelievable");
    assert_eq!(text("an *unclosed marker"), "an *unclosed marker");
}

#[test]
fn code_spans_keep_their_content_as_written() {
    assert_eq!(text("Run `cargo *test*` now"), "Run cargo *test* now");
    assert_eq!(text("``a ` b`` and ` x `"), "a ` b and x");
    assert_eq!(text("an ` unmatched tick"), "an ` unmatched tick");
}

#[test]
fn links_and_images_give_their_text() {
    assert_eq!(
        text("See [the *report*](https://x.org/a_(b)) and ![a chart](c.png \"T\")."),
        "See the report and a chart."
    );
    assert_eq!(
        text("[ref link][r1], [r1][] and [R1]\n\n[r1]: https://x.org"),
        "ref link, r1 and R1"
    );
    assert_eq!(text("[not a link] and [^1]"), "[not a link] and [^1]");
    assert_eq!(
        text("Mail <ed@x.org> or <https://x.org/a>, 1 < 2"),
        "Mail ed@x.org or https://x.org/a, 1 < 2"
    );
}

#[test]
fn reference_definitions_are_dropped() {
    assert_eq!(
        text(
            "Text [a].\n\n[a]: https://x.org \"Title\"\n  [B]: <https://y.org>\n[^1]: A footnote."
        ),
        "Text a.\n\n[^1]: A footnote."
    );
}

#[test]
fn blockquote_prefixes_are_removed() {
    assert_eq!(
        text("> quoted **line**\n>> nested\n>\n> # Heading"),
        "quoted line\nnested\n\nHeading"
    );
}

#[test]
fn bullets_become_dots_and_numbers_stay() {
    assert_eq!(
        text("- one\n* two\n+ three\n  - nested\n1. first\n2) second"),
        "• one\n• two\n• three\n  • nested\n1. first\n2) second"
    );
}

#[test]
fn fence_lines_go_and_code_lines_stay_exactly() {
    assert_eq!(
        text(
            "Before\n```rust\nlet *x* = [a](b);\n  indented\n```\n~~~\n# not a heading\n~~~\nAfter"
        ),
        "Before\nlet *x* = [a](b);\n  indented\n# not a heading\nAfter"
    );
    // An unclosed fence keeps the rest as code.
    assert_eq!(text("```\n*a*"), "*a*");
    assert_eq!(text("> ```\n> > kept\n> ```\nout"), "> kept\nout");
}

#[test]
fn html_comments_are_dropped_even_across_lines() {
    assert_eq!(
        text("a <!-- hidden --> b\n<!-- alone -->\nc <!-- starts\nstill hidden\nends --> d"),
        // CommonMark: a comment across lines is one piece of inline HTML, so the text around it
        // stays on one line (as a browser shows it), where the old line-by-line reader broke it.
        "a  b\nc  d"
    );
}

#[test]
fn backslash_escapes_and_hard_breaks_are_resolved() {
    assert_eq!(
        text(r"\*not emphasis\* \[x\](y) a\\b \q"),
        r"*not emphasis* [x](y) a\b \q"
    );
    assert_eq!(
        text("line one\\\nline two  \nthree"),
        "line one\nline two\nthree"
    );
}

#[test]
fn thematic_breaks_and_table_markup_are_dropped_and_blank_runs_collapse() {
    assert_eq!(
        text("\n\nA\n\n* * *\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n\n\nB\n\n"),
        // A table (GitHub's extension) is a line per row, cells separated by a space as in an HTML
        // page's text, where the old reader kept the rows as written.
        "A\n\na b\n1 2\n\nB"
    );
}

#[test]
fn crlf_lines_become_lf() {
    assert_eq!(text("# T\r\n\r\n*a*\r\nb\r\n"), "T\n\na\nb");
}

#[test]
fn deep_nesting_and_long_lines_stay_fast_and_safe() {
    let nested = format!("{}x{}", "[".repeat(50_000), "](y)".repeat(50_000));
    let got = text(&nested);
    assert!(got.contains('x'));
    let stars = "*a ".repeat(100_000);
    assert_eq!(text(&stars), stars.trim_end());
    let ticks: String = (1..400).map(|n| "`".repeat(n) + " ").collect();
    assert_eq!(text(&ticks), ticks.trim_end());
}

#[test]
fn nested_items_and_their_lines_are_indented_by_their_markers() {
    assert_eq!(
        text("- one\n  goes on\nlazily\n  1. inner\n     more\n\n     ```\n     code\n     ```\n- - two"),
        "• one\n  goes on\nlazily\n  1. inner\n     more\n\n     code\n• • two"
    );
    // A blank line after a tight list still separates it from what follows, whatever the script.
    assert_eq!(text("- Київ\n\nПара"), "• Київ\n\nПара");
    // CommonMark numbers a list from its first number on; the delimiter stays.
    assert_eq!(text("3) a\n3) b\n-\n- c"), "3) a\n4) b\n•\n• c");
}

#[test]
fn tables_keep_their_cells_text() {
    assert_eq!(
        text("| *Name* | `x` |\n|:--|--:|\n| [Kyiv](k) | 1 |\nafter"),
        "Name x\nKyiv 1\nafter"
    );
}

#[test]
fn raw_html_goes_and_character_references_are_decoded() {
    assert_eq!(
        text(
            "<div class=\"x\">\n<img src=a.png>\n</div>\n\nSaid <b>this</b> &amp; &eacute;&#233;."
        ),
        "Said this & éé."
    );
}

#[test]
fn indented_code_is_kept_exactly() {
    assert_eq!(
        text("Para\n\n    let *x* = 1;\n      y\n\nAfter"),
        "Para\n\nlet *x* = 1;\n  y\n\nAfter"
    );
}
