//! The first screen as static HTML, written into the page at build time (`na-convert first-screen`,
//! run by `scripts/post-build.mjs`), so a first visit paints the article before the wasm has loaded.
//!
//! It is what the app shows on a first visit: the top bar, the article list, the first bundled article
//! open with no annotations (its lines exactly as the painter writes them, through
//! [`paragraph_into`]) and the empty side panel, with the same elements and classes as the Yew views,
//! so nothing moves when the app takes over. It carries no test ids and no element ids (the live
//! screen has those), the controls are `inert` (they do nothing yet), and the whole is `aria-busy`.
//! The page's stylesheet hides the app's own root (`#app`) while this screen is its previous sibling;
//! the app moves the article's lines into its own view when they are what it would draw
//! (`data-article`, `data-sha256`, `data-lines`), then removes this screen in the same task.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::LabelName;
use crate::domain::rendering::markup::{escape_into, paragraph_into};
use crate::domain::state::session::Session;
use std::fmt::Write;
use std::rc::Rc;

/// The attribute that marks the prerendered screen's root element.
pub const PRERENDERED: &str = "data-prerendered";

/// Lines per `div.chunk` of an article's text (the chunk carries `content-visibility: auto`).
pub const LINES_PER_CHUNK: usize = 32;

/// The hint above the article text (the article view shows the same words).
pub const ARTICLE_HINT: &str = "Select text with the mouse, or focus the text (Tab) and select \
    with Shift and the arrow keys; then press C (claim), Q (quote), P (person), O (organization), \
    L (place) or E (other entity). Click a highlight to edit it, or press ] and [ to go from one to \
    the next and Enter to edit it.";

/// The top bar's view buttons: caption and title (the header shows the same).
pub const VIEW_BUTTONS: [(&str, &str); 3] = [
    (
        "Entities",
        "The entity registry: one entry per person, organisation or place",
    ),
    (
        "Compare outlets",
        "The quotes found in more than one article, word by word, and who and what each article covers",
    ),
    (
        "Classroom",
        "Make an exercise for a class, and compare the students' submissions",
    ),
];

/// The title of the top bar's Find button.
pub const FIND_TITLE: &str = "Find text in this article or all, and tag what it finds (Ctrl+F)";
/// The title of the top bar's Suggest button.
pub const SUGGEST_TITLE: &str =
    "Quotes, speakers, claims and names the app proposes in this article: accept or reject each (N, Y, X)";
/// The title of the top bar's Download JSON button.
pub const DOWNLOAD_TITLE: &str = "Download every annotation of every article as one JSON file";
/// The title of the top bar's Export button.
pub const EXPORT_TITLE: &str =
    "Export to W3C, doccano, Label Studio, brat, spaCy, Prodigy, CoNLL or CSV";
/// The title of the top bar's Load file button.
pub const LOAD_TITLE: &str =
    "Load News Annotator JSON, W3C JSON-LD, doccano, Label Studio, spaCy, Prodigy, \
    CoNLL or brat (.ann or .zip); or drop the file anywhere on the page";

/// The title of the top bar's Sync button.
pub const SYNC_TITLE: &str = "Share your work through a CouchDB database, and keep working offline";

/// The first screen of `session` (a first visit's: see [`Session::new`]): one `div.app` element.
pub fn screen_into(out: &mut String, session: &Session) {
    let ws = &session.workspace;
    let _ = write!(
        out,
        "<div class=\"app\" {PRERENDERED}=\"\" aria-busy=\"true\">"
    );
    header_into(out, ws.len());
    // Out of the grid's flow (absolutely placed), and inside a landmark.
    out.push_str(
        "<section class=\"notices\"></section><main class=\"layout\">\
         <p class=\"visually-hidden\">Loading the annotator…</p>",
    );
    list_into(out, session);
    if let Some(article) = ws.article(&session.current) {
        reader_into(out, article, &ws.in_article(&session.current));
        side_into(out, ws.counts(&session.current));
    } else {
        out.push_str("<aside class=\"side\" inert=\"\"></aside>");
    }
    out.push_str("</main></div>");
}

/// The top bar, its buttons inert.
fn header_into(out: &mut String, total: usize) {
    out.push_str(
        "<header class=\"topbar\"><h1>News Annotator</h1>\
         <div class=\"actions\" role=\"toolbar\" aria-label=\"Edit and files\" inert=\"\">",
    );
    for (caption, title) in VIEW_BUTTONS {
        let _ = write!(
            out,
            "<button aria-pressed=\"false\" title=\"{title}\">{caption}</button>"
        );
    }
    let _ = write!(
        out,
        "<button disabled=\"\" title=\"Nothing to undo\">↶ Undo</button>\
         <button disabled=\"\" title=\"Nothing to redo\">↷ Redo</button>\
         <button title=\"{FIND_TITLE}\">Find…</button>\
         <button title=\"{SUGGEST_TITLE}\">Suggest…</button>\
         <button title=\"{DOWNLOAD_TITLE}\">Download JSON ({total})</button>\
         <button title=\"{EXPORT_TITLE}\">Export…</button>\
         <label class=\"button\" title=\"{LOAD_TITLE}\">Load file…\
         <input type=\"file\" class=\"visually-hidden\" tabindex=\"-1\" aria-hidden=\"true\"></label>\
         <button title=\"{SYNC_TITLE}\">Sync…</button>\
         </div></header>"
    );
}

/// The article list with each article's counts, the open one marked current; inert.
fn list_into(out: &mut String, session: &Session) {
    let ws = &session.workspace;
    out.push_str(
        "<nav class=\"articles\" aria-label=\"Articles\" inert=\"\"><h2>Articles</h2>\
         <button class=\"add-article\" title=\"Paste an article or load a .txt, .md or .html file\">\
         Add article…</button><ul>",
    );
    for article in ws.articles() {
        let counts = ws.counts(&article.id);
        let own = article.is_own();
        out.push_str(if own { "<li class=\"own\">" } else { "<li>" });
        if article.id == session.current {
            out.push_str("<button class=\"current\" aria-current=\"page\">");
        } else {
            out.push_str("<button>");
        }
        out.push_str("<span class=\"title\">");
        escape_into(out, &article.title);
        out.push_str("</span><span class=\"counts\"><span class=\"visually-hidden\">");
        for (i, (label, n)) in LabelName::ALL.iter().zip(counts).enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(out, "{sep} {} {n}", label.plural().to_ascii_lowercase());
        }
        out.push_str("</span>");
        for (label, n) in LabelName::ALL.iter().zip(counts) {
            let _ = write!(
                out,
                "<span class=\"count {name}\" aria-hidden=\"true\" title=\"{n} {plural}\">{n}</span>",
                name = label.name(),
                plural = label.plural().to_ascii_lowercase()
            );
        }
        if own {
            out.push_str("<span class=\"yours\" title=\"An article you added\">yours</span>");
        }
        out.push_str("</span></button></li>");
    }
    out.push_str(
        "</ul><p class=\"legend\" aria-hidden=\"true\"><span class=\"count claim\">claims</span>\
         <span class=\"count quote\">quotes</span><span class=\"count entity\">entities</span></p></nav>",
    );
}

/// The open article: its title, the hint and every line, as the article view and its painter show
/// them; the `<article>` names what it holds, for the app to adopt its lines.
fn reader_into(out: &mut String, article: &Article, annotations: &[Rc<Annotation>]) {
    out.push_str("<section class=\"reader\" aria-label=\"Article\"><h2 class=\"article-title\">");
    escape_into(out, &article.title);
    let _ = write!(
        out,
        "</h2><p class=\"hint\">{ARTICLE_HINT}</p><article class=\"article-text\" role=\"document\" \
         aria-label=\"Text of "
    );
    escape_into(out, &article.title);
    out.push_str("\" data-article=\"");
    escape_into(out, article.id.as_str());
    let _ = write!(
        out,
        "\" data-sha256=\"{}\" data-lines=\"{}\">",
        article.sha256(),
        article.paragraphs.len()
    );
    lines_into(out, article, annotations);
    out.push_str("</article><div class=\"kb-caret\" aria-hidden=\"true\"></div></section>");
}

/// Every line of `article` in `div.chunk`s of [`LINES_PER_CHUNK`], each with the annotations that
/// touch it: what the painter has drawn once an article is filled in.
pub fn lines_into(out: &mut String, article: &Article, annotations: &[Rc<Annotation>]) {
    let per_line = crate::domain::rendering::segments::by_paragraph(article, annotations);
    for (i, chunk) in article.paragraphs.chunks(LINES_PER_CHUNK).enumerate() {
        out.push_str("<div class=\"chunk\">");
        for (j, line) in chunk.iter().enumerate() {
            let on_line = per_line
                .get(i * LINES_PER_CHUNK + j)
                .map_or(&[][..], Vec::as_slice);
            paragraph_into(out, article, line, on_line);
        }
        out.push_str("</div>");
    }
}

/// The side panel with no annotation selected: each label's group and "Who said what"; inert.
fn side_into(out: &mut String, counts: [usize; 3]) {
    out.push_str(
        "<aside class=\"side\" aria-label=\"Annotations of this article\" inert=\"\">\
         <section class=\"group who-said-what\" aria-label=\"Who said what\"><h3>Who said what</h3>\
         <p class=\"empty\">No links yet: open a quote or claim and pick its source.</p></section>\
         <div class=\"annotation-groups\">",
    );
    for (label, total) in LabelName::ALL.iter().zip(counts) {
        let (name, plural) = (label.name(), label.plural());
        let _ = write!(
            out,
            "<section class=\"group\" data-label=\"{name}\"><h3><span class=\"swatch {name}\" \
             aria-hidden=\"true\"></span>{plural} ({total})</h3>"
        );
        if total == 0 {
            let _ = write!(
                out,
                "<p class=\"empty\">No {} yet.</p>",
                plural.to_ascii_lowercase()
            );
        }
        out.push_str("</section>");
    }
    out.push_str("</div></aside>");
}

#[cfg(test)]
#[path = "../tests/first_screen.rs"]
mod tests;
