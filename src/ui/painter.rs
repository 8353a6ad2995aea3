//! Draws the open article's lines into the `<article>` element that Yew renders empty.
//!
//! The lines are HTML strings built by [`crate::domain::rendering::markup`] and written with `innerHTML`: when an
//! article opens, its first screenful at once and the rest in steps of a few milliseconds after that
//! first paint; then only the lines whose annotations changed. One edit therefore touches one line of
//! the DOM, and a 1 MB article shows its top in one small parse instead of tens of thousands of virtual
//! nodes.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId};
use crate::domain::model::span::Span;
use crate::domain::rendering::markup::{line_into, paragraph_into};
use crate::domain::rendering::segments::by_paragraph;
use crate::domain::state::session::Session;
use crate::ui::bridge::Ptr;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Text (in bytes) written with the first draw of an article: more than a screenful, so that what the
/// person sees appears at once; the lines below follow in [`FILL_TEXT`] steps, one task each.
const FIRST_TEXT: usize = 16 * 1024;
/// Text (in bytes) appended per task while the rest of a newly opened article fills in.
const FILL_TEXT: usize = 64 * 1024;
// Lines per `div.chunk` (shared with the first screen the build writes). The chunk, not the line,
// carries `content-visibility: auto`: the browser then tracks about 50 boxes for 1,600 lines, which
// halves the frame after an edit of a 1 MB article.
use crate::domain::rendering::first_screen::LINES_PER_CHUNK;

/// What is in the DOM now, to find the lines an update must rewrite.
#[derive(Default)]
struct Drawn {
    /// The `<article>` element the lines go in, once the view is on the page.
    root: Option<web_sys::Element>,
    article: Option<Rc<Article>>,
    /// The list the lines were drawn from: the same `Rc` means nothing to redraw.
    annotations: Option<Rc<[Rc<Annotation>]>>,
    /// The annotations of every line as of the last draw, in text order.
    per_line: Vec<Vec<Rc<Annotation>>>,
    /// How many lines, from the top, are in the DOM; a newly opened article fills in over a few tasks.
    filled: usize,
    /// Counts full redraws, so that the fill of an article no longer shown stops.
    pass: u32,
    /// The span of the annotation open in the detail panel, outlined once its lines are in the DOM.
    selected: Option<Span>,
}

/// The article's lines and what is drawn in them, shared by the view, which draws after Yew renders,
/// and by the session's reducer, which redraws the changed lines of the open article at once, in the
/// task of the input: a new highlight never waits for Yew's next time slice (Yew yields to the browser
/// after 16 ms of rendering, which would cost a frame).
#[derive(Clone, Default, PartialEq)]
pub struct Painter(Ptr<RefCell<Drawn>>);

impl Painter {
    /// Shows `article` with `annotations` in `root` (the view's element): draws what changed since the
    /// last draw, or everything if `root` is a new element.
    pub fn show(
        &self,
        root: web_sys::Element,
        article: Rc<Article>,
        annotations: Rc<[Rc<Annotation>]>,
        selected: Option<AnnotationId>,
    ) {
        if let Ok(mut d) = self.0.try_borrow_mut() {
            if d.root.as_ref() != Some(&root) {
                // A new element (the view was mounted again) holds nothing yet.
                d.article = None;
                d.root = Some(root.clone());
            }
        }
        let scene = Scene {
            article,
            annotations,
            selected,
        };
        draw(&root, self.0.rc(), &scene);
    }

    /// Redraws what `session` changed in the open article, or draws the article it opened, once the
    /// view has put its element on the page.
    pub fn update(&self, session: &Session) {
        let ws = &session.workspace;
        let Some(article) = ws.article(&session.current) else {
            return;
        };
        let Some(root) = self.0.try_borrow().ok().and_then(|d| d.root.clone()) else {
            return;
        };
        let scene = Scene {
            article: Rc::clone(article),
            annotations: ws.in_article(&session.current),
            selected: session.selected.clone(),
        };
        draw(&root, self.0.rc(), &scene);
    }
}

/// Whether two lines show the same annotations (compared by address).
fn same_line(a: &[Rc<Annotation>], b: &[Rc<Annotation>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
}

/// Outlines the pieces of the selected annotation by toggling the `selected` class, which leaves the
/// text nodes, and so any text selection the person is making, untouched.
fn outline(root: &web_sys::Element, article: &Article, selected: Option<Span>) {
    if let Ok(old) = root.query_selector_all(".seg.selected") {
        for i in 0..old.length() {
            if let Some(el) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_1("selected");
            }
        }
    }
    let Some(span) = selected else { return };
    let (first, last) = (
        article.paragraph_at(span.start()),
        article.paragraph_at(span.end().saturating_sub(1)),
    );
    for i in first..=last {
        let Some(line) = line_element(root, i) else {
            continue;
        };
        let pieces = line.children();
        for j in 0..pieces.length() {
            let Some(piece) = pieces.item(j) else {
                continue;
            };
            let covers = piece
                .get_attribute("data-s")
                .and_then(|start| start.parse::<usize>().ok())
                .is_some_and(|start| span.contains(start));
            if covers {
                let _ = piece.class_list().add_1("selected");
            }
        }
    }
}

/// What to draw: the article, its annotations and the selected one.
struct Scene {
    article: Rc<Article>,
    annotations: Rc<[Rc<Annotation>]>,
    selected: Option<AnnotationId>,
}

/// Appends the lines after those already in the DOM, about `budget` bytes of text of them; returns
/// whether lines remain.
fn fill(root: &web_sys::Element, drawn: &mut Drawn, budget: usize) -> bool {
    let Some(article) = drawn.article.clone() else {
        return false;
    };
    let mut html = String::with_capacity(budget * 2);
    let mut written = 0;
    while written < budget && drawn.filled < article.paragraphs.len() {
        // Whole chunks only, so a step never leaves one half written.
        html.push_str("<div class=\"chunk\">");
        for _ in 0..LINES_PER_CHUNK {
            let Some(line) = article.paragraphs.get(drawn.filled) else {
                break;
            };
            let on_line = drawn
                .per_line
                .get(drawn.filled)
                .map_or(&[][..], Vec::as_slice);
            paragraph_into(&mut html, &article, line, on_line);
            written += line.byte_end - line.byte_start + 1;
            drawn.filled += 1;
        }
        html.push_str("</div>");
    }
    let _ = root.insert_adjacent_html("beforeend", &html);
    drawn.filled < article.paragraphs.len()
}

/// The element of line `index`: lines sit in chunks of [`LINES_PER_CHUNK`].
fn line_element(root: &web_sys::Element, index: usize) -> Option<web_sys::Element> {
    let chunk = root.children().item((index / LINES_PER_CHUNK) as u32)?;
    chunk.children().item((index % LINES_PER_CHUNK) as u32)
}

/// Fills in the rest of the article drawn in pass `pass`, one step per task; the first step waits two
/// frames, so the lines on screen show before any more work is done.
fn fill_later(root: web_sys::Element, drawn: Rc<RefCell<Drawn>>, pass: u32, first: bool) {
    let step = move || {
        let Ok(mut d) = drawn.try_borrow_mut() else {
            return;
        };
        if d.pass != pass {
            return;
        }
        if fill(&root, &mut d, FILL_TEXT) {
            drop(d);
            fill_later(root, drawn, pass, false);
        } else if let Some(article) = d.article.clone() {
            outline(&root, &article, d.selected);
            filled_in(&article);
        }
    };
    if first {
        // Two frames: the first shows the lines on screen, the second leaves room for what the page
        // does right after its first paint (input, the app's own follow-up work).
        crate::web::schedule::after_next_paint(|| crate::web::schedule::after_next_paint(step));
    } else {
        gloo_timers::callback::Timeout::new(0, step).forget();
    }
}

/// Marks, in the `bench` build, that the whole of `article` is in the DOM.
#[cfg_attr(not(feature = "bench"), allow(unused_variables))]
fn filled_in(article: &Article) {
    FILLED.with(|f| f.borrow_mut().clone_from(&article.id));
    #[cfg(feature = "bench")]
    crate::web::bench::mark_with_article("news-annotator:complete", article.id.as_str());
}

thread_local! {
    /// The article whose every line is on the page.
    static FILLED: RefCell<ArticleId> = RefCell::new(ArticleId::from(""));
}

/// Whether every line of `article` is on the page (later work, such as suggestions, waits for it).
pub fn is_filled(article: &ArticleId) -> bool {
    FILLED.with(|f| *f.borrow() == *article)
}

/// Brings the DOM under `root` up to date with `scene`.
fn draw(root: &web_sys::Element, drawn_cell: &Rc<RefCell<Drawn>>, scene: &Scene) {
    let Ok(mut drawn) = drawn_cell.try_borrow_mut() else {
        return;
    };
    let article = &scene.article;
    let selected = scene
        .selected
        .as_ref()
        .and_then(|id| scene.annotations.iter().find(|a| &a.id == id))
        .map(|a| a.span);
    let same_article = drawn
        .article
        .as_ref()
        .is_some_and(|a| Rc::ptr_eq(a, article));
    let same_annotations = drawn
        .annotations
        .as_ref()
        .is_some_and(|a| Rc::ptr_eq(a, &scene.annotations));
    if same_article && same_annotations {
        if drawn.selected != selected {
            drawn.selected = selected;
            outline(root, article, selected);
        }
        return;
    }
    drawn.annotations = Some(Rc::clone(&scene.annotations));
    drawn.selected = selected;
    let per_line = by_paragraph(article, &scene.annotations);
    if same_article && drawn.per_line.len() == per_line.len() {
        for (i, line) in article.paragraphs.iter().enumerate().take(drawn.filled) {
            let (Some(new), Some(old)) = (per_line.get(i), drawn.per_line.get(i)) else {
                continue;
            };
            if same_line(new, old) {
                continue;
            }
            let Some(element) = line_element(root, i) else {
                continue;
            };
            let mut html = String::new();
            line_into(&mut html, article, line, new);
            element.set_inner_html(&html);
        }
        drawn.per_line = per_line;
    } else {
        drawn.article = Some(Rc::clone(article));
        drawn.per_line = per_line;
        drawn.filled = 0;
        drawn.pass = drawn.pass.wrapping_add(1);
        root.set_inner_html("");
        // The first screen the build wrote, when it shows this article as it would be drawn.
        if super::prerendered::adopt(root, article, &scene.annotations) {
            drawn.filled = article.paragraphs.len();
            filled_in(article);
        } else if fill(root, &mut drawn, FIRST_TEXT) {
            fill_later(root.clone(), Rc::clone(drawn_cell), drawn.pass, true);
        } else {
            filled_in(article);
        }
    }
    outline(root, article, drawn.selected);
    #[cfg(feature = "bench")]
    crate::web::bench::mark_with_article("news-annotator:rendered", article.id.as_str());
}
