//! HTML pages read by the browser's `DOMParser` and laid out by `PageText` (`web::html_text`): the
//! cases the hand-written HTML reader had, now parsed as a browser parses a page, through
//! `own_text::read_file` as the "Add article" dialog calls it, and hostile markup.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use news_annotator::domain::features::own_text::{read_file, Extracted, MAX_ARTICLE_BYTES};
use news_annotator::web::html_text::extract;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The text of `source`.
fn text(source: &str) -> String {
    extract(source).unwrap().text
}

/// The title of `source`.
fn title(source: &str) -> Option<String> {
    extract(source).unwrap().title
}

/// A news page with the usual clutter around the article.
const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kyiv council approves budget &ndash; City   News</title>
  <style>body { font: 16px/1.4 serif } .ad > p { display: none }</style>
  <script>window.dataLayer = []; if (a < b && c > d) { track("</div><p>x</p>"); }</script>
</head>
<body>
  <header class="site">
    <nav><ul><li><a href="/">Home</a></li><li><a href="/politics" title="a > b">Politics</a></li></ul></nav>
  </header>
  <article>
    <h1>Kyiv council approves
        2024 budget</h1>
    <p class="byline">By <a href="/a/olena">Olena Petrenko</a> &middot; 12&nbsp;March 2024</p>
    <figure><img src="hall.jpg" alt="City hall"><figcaption>The city hall.</figcaption></figure>
    <p>The council voted 78 to 12 on <b>Tue</b>sday. &ldquo;It&rsquo;s a fair budget,&rdquo; the mayor said.</p>
    <p>Spending on schools rises by 15&#37; &mdash; the largest rise<br>since 2019.</p>
    <script type="application/ld+json">{"@type": "NewsArticle"}</script>
    <!-- ad slot: <p>Buy now</p> -->
    <noscript><img src="pixel.gif"> Enable JavaScript</noscript>
    <ul>
      <li>Schools: 4.1 bn</li>
      <li>Transport: 2.7&#x202F;bn</li>
    </ul>
    <svg viewBox="0 0 10 10"><title>Share icon</title><text>Share</text></svg>
  </article>
  <footer><p>&copy; 2024 City News</p></footer>
</body>
</html>
"#;

#[wasm_bindgen_test]
fn a_news_page_gives_its_visible_text_and_title() {
    let got = extract(NEWS_PAGE).unwrap();
    assert_eq!(
        got.title.as_deref(),
        Some("Kyiv council approves budget – City News")
    );
    assert_eq!(
        got.text,
        "Home\n\
         Politics\n\
         Kyiv council approves 2024 budget\n\
         By Olena Petrenko · 12 March 2024\n\
         The city hall.\n\
         The council voted 78 to 12 on Tuesday. “It’s a fair budget,” the mayor said.\n\
         Spending on schools rises by 15% — the largest rise\n\
         since 2019.\n\
         Schools: 4.1 bn\n\
         Transport: 2.7\u{202F}bn\n\
         © 2024 City News"
    );
}

#[wasm_bindgen_test]
fn the_title_is_the_title_element_else_the_first_non_empty_h1() {
    assert_eq!(
        title("<title> A  <b> </title><h1>B</h1>").as_deref(),
        Some("A <b>")
    );
    assert_eq!(
        title("<h1> </h1><h1>First <i>real</i></h1><h1>C</h1>").as_deref(),
        Some("First real")
    );
    assert_eq!(title("<svg><title>icon</title></svg><p>x</p>"), None);
    assert_eq!(title("<title></title><p>x</p>"), None);
}

#[wasm_bindgen_test]
fn hidden_content_is_dropped() {
    let page = "<head><meta name=x><link rel=y>head text?</head>\
        <p>a<script>var s = '<p>no</p>';</script>b<style>p{}</style>c\
        <noscript>n</noscript><template><p>t</p></template><svg><g><text>s</text></g></svg>d<!-- c -->e</p>";
    // Text in `head` that is not whitespace ends it and starts the body.
    assert_eq!(text(page), "head text?\nabcde");
    assert_eq!(text("<head><title>T</title><p>body</p>"), "body");
    // A `title` in the body is still the title, not text.
    assert_eq!(text("<p>a</p><title>T</title><p>b</p>"), "a\nb");
}

#[wasm_bindgen_test]
fn a_script_never_reaches_the_text() {
    assert_eq!(text("a<SCRIPT type=x>alert(1)</script >b"), "ab");
    assert_eq!(text("a<script>if (x</scripts) {}</script>b"), "ab");
    assert_eq!(text("a<script>never closed <p>b</p>"), "a");
    // HTML ignores `/>` on a `script` (the hand-written reader did not): the rest of the page is its
    // content, as in any browser.
    assert_eq!(text("a<script src=x.js />b"), "a");
    // Escaped markup is text, as the browser shows it.
    assert_eq!(text("&lt;script&gt;"), "<script>");
}

#[wasm_bindgen_test]
fn blocks_end_lines_and_inline_elements_do_not() {
    assert_eq!(
        text("<div>one<p>two</p>three</div><section><h2>four</h2></section><span>fi</span><em>ve</em>"),
        "one\ntwo\nthree\nfour\nfive"
    );
    assert_eq!(
        text("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"),
        "a b\n1 2"
    );
    assert_eq!(text("x<hr>y<blockquote>z</blockquote>"), "x\ny\nz");
}

#[wasm_bindgen_test]
fn whitespace_collapses_outside_pre() {
    assert_eq!(
        text("  <p>  a \t\n  b&nbsp;&nbsp;c\u{A0}d  </p>  "),
        "a b c d"
    );
    assert_eq!(
        text("<pre>\n  let x = 1;\n\n    y  z\n</pre><p>after</p>"),
        "  let x = 1;\n\n    y  z\nafter"
    );
}

#[wasm_bindgen_test]
fn br_ends_a_line_and_no_more_than_one_empty_line_stays() {
    assert_eq!(text("a<br>b<br/><br>c"), "a\nb\n\nc");
    assert_eq!(text("a<br><br><br><br><p></p><div></div>b"), "a\n\nb");
    assert_eq!(text("<p>a<br></p><p>b</p>"), "a\nb");
}

#[wasm_bindgen_test]
fn character_references_are_decoded() {
    assert_eq!(
        text("&amp; &lt; &gt; &quot; &apos; &#39; x&nbsp;y &mdash; &ndash; &hellip; &lsquo;&rsquo; &ldquo;&rdquo; &laquo;&raquo; &copy; &eacute;&Eacute;"),
        "& < > \" ' ' x y — – … ‘’ “” «» © éÉ"
    );
    assert_eq!(text("&#233;&#xE9;&#XE9;&#1050;&#x1F642;&#150;"), "éééК🙂–");
    assert_eq!(
        text("&#0; &#xD800; &#x110000; &#99999999999;"),
        "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}"
    );
    assert_eq!(text("&#233 missing semicolon"), "é missing semicolon");
    // Every named reference of HTML, not only the common ones the hand-written table had.
    assert_eq!(text("&frac12; &rarr; &Ccedil;"), "½ → Ç");
}

#[wasm_bindgen_test]
fn unknown_and_partial_references_are_read_as_html_reads_them() {
    // HTML decodes the references it knows without `;` where they were in use before HTML5
    // (`&eacute`, and `&amp` at the start of `&ampere;`); the hand-written reader kept those as written.
    assert_eq!(
        text("&foo; AT&T &#; &#x; & alone &ampere; &eacute"),
        "&foo; AT&T &#; &#x; & alone &ere; é"
    );
    assert_eq!(text("Tom &amp Jerry &copy 2024"), "Tom & Jerry © 2024");
}

#[wasm_bindgen_test]
fn broken_html_is_read_without_panicking() {
    assert_eq!(text("<p>a<div>b<p>c"), "a\nb\nc");
    assert_eq!(text("1 < 2 and 3<4 and a <= b"), "1 < 2 and 3<4 and a <= b");
    assert_eq!(
        text(r#"<a title="x > y" data-z='>'>link</a> ok"#),
        "link ok"
    );
    assert_eq!(text("text <a href=\"x"), "text");
    assert_eq!(text("a<!-- never closed <p>b</p>"), "a");
    assert_eq!(text("a<!-->b</>c</ x>d<?php echo 1 ?>e"), "abcde");
    assert_eq!(text("</p></div>a</h1>"), "a");
}

#[wasm_bindgen_test]
fn images_give_nothing_and_attributes_are_ignored() {
    assert_eq!(
        text(r#"a<img src="x.png" alt="An image">b <a href="https://x.org" class="c">link</a>"#),
        "ab link"
    );
}

#[wasm_bindgen_test]
fn crlf_becomes_lf_in_pre() {
    assert_eq!(text("<pre>a\r\nb\rc</pre>"), "a\nb\nc");
}

/// Cyrillic, emoji (a flag, a ZWJ family), a combining accent and CJK.
const WORLD: &str = "Київ 🇺🇦 👩‍👩‍👧 cafe\u{301} 東京";

#[wasm_bindgen_test]
fn a_loaded_html_file_is_read_through_the_browser() {
    let page = format!("\u{FEFF}<title>{WORLD}</title><p><b>{WORLD}</b></p>");
    let got = read_file("w.html", page.as_bytes(), extract).unwrap();
    assert_eq!(got.title.as_deref(), Some(WORLD));
    assert_eq!(got.text, WORLD);
    assert_eq!(
        read_file("p.html", b"<title>T</title><script>x()</script>", extract).unwrap_err(),
        "p.html has no text"
    );
    // The limit is on the text: markup around it does not count.
    let page = format!("<p>{}</p>", "a".repeat(MAX_ARTICLE_BYTES));
    assert_eq!(
        read_file("max.html", page.as_bytes(), extract)
            .unwrap()
            .text
            .len(),
        MAX_ARTICLE_BYTES
    );
}

/// Markup pieces that once were hard cases for a hand-written reader.
const PIECES: [&str; 22] = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<svg>",
    "</svg>",
    "<head>",
    "<title>",
    "<br>",
    "<a href=\"",
    "\"",
    "'",
    "&",
    "&#x",
    "]]>",
];

#[wasm_bindgen_test]
fn a_script_in_any_surroundings_never_reaches_the_text() {
    for before in PIECES {
        for after in PIECES {
            let page = format!("{before}<p>x<script>SECRET()</script>y{after}");
            let got = text(&page);
            assert!(!got.contains("SECRET"), "{page:?} gave {got:?}");
            assert!(!got.contains("<script"), "{page:?} gave {got:?}");
        }
    }
}

/// Markup that hurts: nesting thousands deep, unclosed constructs, huge references.
fn hostile(i: usize) -> String {
    match i {
        0 => "<div>".repeat(20_000),
        1 => "<b><i>".repeat(10_000) + &"</i></b>".repeat(10_000),
        2 => "&#99999999999999999999;&#x110000;&#xD800;&#0;&#;&#x;&".repeat(1_000),
        3 => "<!--".repeat(10_000),
        4 => "<script>".repeat(10_000),
        5 => "<".repeat(50_000),
        6 => "\r".repeat(50_000),
        _ => "<pre>".repeat(5_000) + "\u{0}\u{feff}",
    }
}

#[wasm_bindgen_test]
fn hostile_markup_is_read_or_refused_and_keeps_the_text_tidy() {
    for i in 0..8 {
        let page = format!("<p>Kyiv</p>{}<p>said</p>", hostile(i));
        let got: Result<Extracted, String> = read_file("hostile.html", page.as_bytes(), extract);
        let got = got.unwrap();
        assert!(got.text.starts_with("Kyiv"), "case {i}: {:.80?}", got.text);
        assert_eq!(got.text.trim_end(), got.text, "case {i}");
        assert!(!got.text.contains("\n\n\n"), "case {i}");
    }
}
