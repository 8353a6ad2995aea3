//! Tests of `PageText`: the layout of a walked page. (Pages parsed by the browser and walked by
//! `web::html_text` are tested in `tests/browser_html_text.rs`.)

use super::*;

/// What a walk hands over: an element's start, its end, or a text.
#[derive(Clone)]
enum Step {
    Open(&'static str),
    Close(&'static str),
    Text(&'static str),
}
use Step::*;

/// The page text of `steps`, with the page's `title`.
fn laid_out(title: Option<&str>, steps: &[Step]) -> Extracted {
    let mut page = PageText::default();
    for step in steps {
        match step {
            Open(name) => page.open(name),
            Close(name) => page.close(name),
            Text(text) => page.text(text),
        }
    }
    page.finish(title)
}

/// The text of `steps`.
fn text(steps: &[Step]) -> String {
    laid_out(None, steps).text
}

/// `<name>text</name>`.
fn element(name: &'static str, text: &'static str) -> [Step; 3] {
    [Open(name), Text(text), Close(name)]
}

#[test]
fn blocks_end_lines_and_inline_elements_do_not() {
    let mut steps = vec![Open("div"), Text("one")];
    steps.extend(element("p", "two"));
    steps.extend([Text("three"), Close("div"), Open("section")]);
    steps.extend(element("h2", "four"));
    steps.extend([Close("section")]);
    steps.extend(element("span", "fi"));
    steps.extend(element("em", "ve"));
    assert_eq!(text(&steps), "one\ntwo\nthree\nfour\nfive");
}

#[test]
fn table_cells_are_separated_by_a_space_and_rows_end_lines() {
    let mut steps = vec![Open("table"), Open("tbody"), Open("tr")];
    steps.extend(element("th", "a"));
    steps.extend(element("th", "b"));
    steps.extend([Close("tr"), Open("tr")]);
    steps.extend(element("td", "1"));
    steps.extend(element("td", "2"));
    steps.extend([Close("tr"), Close("tbody"), Close("table")]);
    assert_eq!(text(&steps), "a b\n1 2");
}

#[test]
fn whitespace_collapses_outside_pre_and_stays_inside() {
    let mut steps = vec![
        Text("  "),
        Open("p"),
        Text("  a \t\n  b\u{A0}\u{A0}c\u{A0}d  "),
    ];
    steps.extend([Close("p"), Text("  ")]);
    assert_eq!(text(&steps), "a b c d");
    let mut steps = element("pre", "  let x = 1;\n\n    y  z\n").to_vec();
    steps.extend(element("p", "after"));
    assert_eq!(text(&steps), "  let x = 1;\n\n    y  z\nafter");
}

#[test]
fn br_ends_a_line_and_no_more_than_one_empty_line_stays() {
    let br = || [Open("br"), Close("br")];
    let mut steps = vec![Text("a")];
    steps.extend(br());
    steps.push(Text("b"));
    steps.extend(br());
    steps.extend(br());
    steps.push(Text("c"));
    assert_eq!(text(&steps), "a\nb\n\nc");
    let mut steps = vec![Text("a")];
    for _ in 0..4 {
        steps.extend(br());
    }
    steps.extend([Open("p"), Close("p"), Open("div"), Close("div"), Text("b")]);
    assert_eq!(text(&steps), "a\n\nb");
    let mut steps = vec![Open("p"), Text("a")];
    steps.extend(br());
    steps.push(Close("p"));
    steps.extend(element("p", "b"));
    assert_eq!(text(&steps), "a\nb");
}

#[test]
fn the_title_is_the_pages_title_else_the_first_non_empty_h1() {
    let mut steps = element("h1", " ").to_vec();
    steps.extend([Open("h1"), Text("First "), Open("i"), Text("real")]);
    steps.extend([Close("i"), Close("h1")]);
    steps.extend(element("h1", "C"));
    assert_eq!(laid_out(None, &steps).title.as_deref(), Some("First real"));
    assert_eq!(
        laid_out(Some("  "), &steps).title.as_deref(),
        Some("First real")
    );
    assert_eq!(
        laid_out(Some(" A \n <b> "), &steps).title.as_deref(),
        Some("A <b>")
    );
    assert_eq!(laid_out(None, &element("p", "x")).title, None);
}

#[test]
fn hidden_elements_are_skipped_and_others_walked() {
    for hidden in [
        "script", "style", "noscript", "template", "title", "svg", "iframe",
    ] {
        assert!(PageText::skips(hidden), "{hidden}");
    }
    for shown in ["p", "div", "b", "a", "pre", "table", "h1", "br"] {
        assert!(!PageText::skips(shown), "{shown}");
    }
}

#[test]
fn text_before_any_block_starts_the_page_without_an_empty_line() {
    let mut steps = vec![Open("p"), Close("p"), Open("br"), Close("br")];
    steps.extend(element("div", "a"));
    assert_eq!(text(&steps), "a");
}
