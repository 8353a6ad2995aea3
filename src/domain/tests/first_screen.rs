//! Tests of `first_screen`: the first visit's screen, written into the page at build time.

use super::*;
use crate::domain::files::batch::first_screen;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::ann;
use crate::domain::model::names::Label;
use crate::domain::rendering::segments::by_paragraph;
use crate::domain::state::workspace::Workspace;

fn screen_of(articles: Vec<Article>) -> String {
    let session = Session::new(Workspace::new(articles));
    let mut out = String::new();
    screen_into(&mut out, &session);
    out
}

/// The lines of `article` as the painter writes them: `paragraph_into`, 32 lines to a chunk.
fn painted(article: &Article, annotations: &[Rc<Annotation>]) -> String {
    let per_line = by_paragraph(article, annotations);
    let mut out = String::new();
    for (i, (line, on_line)) in article.paragraphs.iter().zip(&per_line).enumerate() {
        if i % LINES_PER_CHUNK == 0 {
            if i > 0 {
                out.push_str("</div>");
            }
            out.push_str("<div class=\"chunk\">");
        }
        paragraph_into(&mut out, article, line, on_line);
    }
    if !article.paragraphs.is_empty() {
        out.push_str("</div>");
    }
    out
}

#[test]
fn the_first_visit_shows_the_first_bundled_article_as_the_painter_draws_it() {
    let html = first_screen().unwrap();
    let first = bundled_articles().unwrap().into_iter().next().unwrap();
    let lines = painted(&first, &[]);
    assert!(first.paragraphs.len() > 1, "the first article has lines");
    let opening = format!(
        "data-article=\"{}\" data-sha256=\"{}\" data-lines=\"{}\">",
        first.id.as_str(),
        first.sha256(),
        first.paragraphs.len()
    );
    let expected = format!("{opening}{lines}</article>");
    assert!(
        html.contains(&expected),
        "the article holds exactly its lines"
    );
    assert_eq!(
        html.matches("<p class=\"para\"").count(),
        first.paragraphs.len()
    );
    assert_eq!(html.matches("<article ").count(), 1);
    let mut title = String::new();
    escape_into(&mut title, &first.title);
    assert!(html.contains(&format!("<h2 class=\"article-title\">{title}</h2>")));
    assert!(html.contains(&format!("<p class=\"hint\">{ARTICLE_HINT}</p>")));
}

#[test]
fn the_screen_is_marked_busy_and_its_controls_are_inert() {
    let html = first_screen().unwrap();
    assert!(html.starts_with("<div class=\"app\" data-prerendered=\"\" aria-busy=\"true\">"));
    assert!(html.ends_with("</main></div>"));
    for part in [
        "<div class=\"actions\" role=\"toolbar\" aria-label=\"Edit and files\" inert=\"\">",
        "<nav class=\"articles\" aria-label=\"Articles\" inert=\"\">",
        "<aside class=\"side\" aria-label=\"Annotations of this article\" inert=\"\">",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // The live screen owns the test ids and element ids; no script and no inline style (the CSP).
    for absent in ["data-testid", " id=", "<script", "style=", "tabindex=\"0\""] {
        assert!(!html.contains(absent), "{absent}");
    }
}

#[test]
fn every_bundled_article_is_listed_and_the_first_is_current() {
    let html = first_screen().unwrap();
    let articles = bundled_articles().unwrap();
    for article in &articles {
        let mut title = String::new();
        escape_into(&mut title, &article.title);
        assert!(
            html.contains(&format!("<span class=\"title\">{title}</span>")),
            "{title}"
        );
    }
    assert_eq!(html.matches("<li>").count(), articles.len());
    assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
    let current = html.find("aria-current").unwrap();
    let first = html.find("<span class=\"title\">").unwrap();
    assert!(
        current < first,
        "the first listed article is the current one"
    );
    assert!(html.contains(
        "<span class=\"visually-hidden\"> claims 0, quotes 0, entities 0</span>\
         <span class=\"count claim\" aria-hidden=\"true\" title=\"0 claims\">0</span>"
    ));
    assert!(html.contains("Download JSON (0)"));
    assert!(html.contains("<p class=\"empty\">No claims yet.</p>"));
}

#[test]
fn titles_and_text_are_escaped() {
    let article = Article::new(
        "x&y",
        "<b>\"Tom\" & 'Jerry'</b>",
        "a <script>alert(1)</script>\n\"b\" & 'c'".into(),
    );
    let html = screen_of(vec![article]);
    for raw in ["<b>", "<script>", "\"Tom\"", "'c'"] {
        assert!(!html.contains(raw), "{raw} is escaped");
    }
    assert!(html.contains("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"));
    assert!(html.contains("a &lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assert!(html.contains("data-article=\"x&amp;y\""));
}

#[test]
fn long_articles_come_in_chunks_and_annotated_lines_as_the_painter_writes_them() {
    let text: Vec<String> = (0..70).map(|i| format!("Line {i} says so.")).collect();
    let article = Article::new("long", "Long", text.join("\n"));
    let claim = Rc::new(ann("c1", "long", 2, 9, Label::Claim));
    let mut out = String::new();
    lines_into(&mut out, &article, std::slice::from_ref(&claim));
    assert_eq!(out, painted(&article, &[claim]));
    assert_eq!(out.matches("<div class=\"chunk\">").count(), 3);
    assert!(out.contains("<span class=\"seg hl claim\""));
}
