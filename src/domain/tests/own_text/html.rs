//! Tests of HTML extraction.

use super::*;

/// The text of `source`.
fn text(source: &str) -> String {
    extract(source).text
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

#[test]
fn a_news_page_gives_its_visible_text_and_title() {
    let got = extract(NEWS_PAGE);
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

#[test]
fn the_title_is_the_title_element_else_the_first_non_empty_h1() {
    assert_eq!(
        extract("<title> A  <b> </title><h1>B</h1>")
            .title
            .as_deref(),
        Some("A <b>")
    );
    assert_eq!(
        extract("<h1> </h1><h1>First <i>real</i></h1><h1>C</h1>")
            .title
            .as_deref(),
        Some("First real")
    );
    assert_eq!(
        extract("<svg><title>icon</title></svg><p>x</p>").title,
        None
    );
    assert_eq!(extract("<title></title><p>x</p>").title, None);
}

#[test]
fn hidden_content_is_dropped() {
    let page = "<head><meta name=x><link rel=y>head text?</head>\
        <p>a<script>var s = '<p>no</p>';</script>b<style>p{}</style>c\
        <noscript>n</noscript><template><p>t</p></template><svg><g><text>s</text></g></svg>d<!-- c -->e</p>";
    // Text in `head` that is not whitespace ends it, as in browsers.
    assert_eq!(text(page), "head text?\nabcde");
    assert_eq!(text("<head><title>T</title><p>body</p>"), "body");
}

#[test]
fn a_script_never_reaches_the_text() {
    assert_eq!(text("a<SCRIPT type=x>alert(1)</script >b"), "ab");
    assert_eq!(text("a<script>if (x</scripts) {}</script>b"), "ab");
    assert_eq!(text("a<script>never closed <p>b</p>"), "a");
    assert_eq!(text("a<script src=x.js />b"), "ab");
    // Escaped markup is text, as the browser shows it.
    assert_eq!(text("&lt;script&gt;"), "<script>");
}

#[test]
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

#[test]
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

#[test]
fn br_ends_a_line_and_no_more_than_one_empty_line_stays() {
    assert_eq!(text("a<br>b<br/><br>c"), "a\nb\n\nc");
    assert_eq!(text("a<br><br><br><br><p></p><div></div>b"), "a\n\nb");
    assert_eq!(text("<p>a<br></p><p>b</p>"), "a\nb");
}

#[test]
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
}

#[test]
fn unknown_and_partial_references_stay_as_written() {
    assert_eq!(
        text("&foo; AT&T &#; &#x; & alone &ampere; &eacute"),
        "&foo; AT&T &#; &#x; & alone &ampere; &eacute"
    );
    assert_eq!(text("Tom &amp Jerry &copy 2024"), "Tom & Jerry © 2024");
}

#[test]
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

#[test]
fn images_give_nothing_and_attributes_are_ignored() {
    assert_eq!(
        text(r#"a<img src="x.png" alt="An image">b <a href="https://x.org" class="c">link</a>"#),
        "ab link"
    );
}

#[test]
fn crlf_becomes_lf_in_pre() {
    assert_eq!(text("<pre>a\r\nb\rc</pre>"), "a\nb\nc");
}
