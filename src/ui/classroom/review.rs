//! One student against the key: their matches, misses and extras, each a button that shows it in the
//! text, and the same as a printable feedback page.

use super::heat_map::select_index;
use super::tables::title;
use crate::domain::features::classroom::report::{ratio, review, student_rows, MATCHINGS};
use crate::domain::features::classroom::scores::{Mark, Matching};
use crate::domain::model::article::Article;
use crate::domain::state::session::Teaching;
use crate::web::scroll;
use std::rc::Rc;
use yew::prelude::*;

/// What [`StudentReview`] shows.
#[derive(Properties, PartialEq, Clone)]
pub struct StudentReviewProps {
    /// The exercise and the class.
    pub teaching: Rc<Teaching>,
}

/// What a mark turned out to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Match,
    Miss,
    Extra,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Match => "match",
            Kind::Miss => "miss",
            Kind::Extra => "extra",
        }
    }
}

/// The text of `article` cut at every mark's ends, each piece with the kinds that cover it.
fn marked_text(article: &Article, marks: &[(Kind, &Mark)]) -> Html {
    let here: Vec<&(Kind, &Mark)> = marks
        .iter()
        .filter(|(_, m)| m.article == article.id)
        .collect();
    let mut cuts: Vec<usize> = here
        .iter()
        .flat_map(|(_, m)| [m.span.start(), m.span.end()])
        .chain([0, article.char_len])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).filter_map(|w| {
        let (&s, &e) = (w.first()?, w.get(1)?);
        let kinds: Vec<&str> = [Kind::Match, Kind::Miss, Kind::Extra]
            .into_iter()
            .filter(|k| here.iter().any(|(kind, m)| kind == k && m.span.start() <= s && e <= m.span.end()))
            .map(Kind::class)
            .collect();
        let text = article.slice(s, e).to_owned();
        Some(if kinds.is_empty() {
            html! { <span>{text}</span> }
        } else {
            html! { <mark class={kinds.join(" ")} data-s={s.to_string()} title={kinds.join(", ")}>{text}</mark> }
        })
    });
    html! {
        <div class="review-article" data-article={article.id.as_str().to_owned()}>
            <h4>{&article.title}</h4><div class="heat-text" tabindex="0" role="region" aria-label={format!("{} against the key", article.title)}>{for pieces}</div>
        </div>
    }
}

/// One student's work against the key.
#[function_component]
pub fn StudentReview(props: &StudentReviewProps) -> Html {
    let student = use_state(|| 0usize);
    let matching = use_state(|| Matching::Overlap);
    let t = &props.teaching;
    let (ex, class) = (&t.exercise, &t.class);
    let Some(s) = class.students.get(*student) else {
        return html! {};
    };
    if ex.key.is_none() {
        return html! {};
    }
    let key = ex.key_marks();
    let r = review(&key, &s.marks, *matching);
    let mut marks: Vec<(Kind, &Mark)> = Vec::new();
    marks.extend(
        r.matched
            .iter()
            .filter_map(|&(k, _)| Some((Kind::Match, key.get(k)?))),
    );
    marks.extend(
        r.missed
            .iter()
            .filter_map(|&k| Some((Kind::Miss, key.get(k)?))),
    );
    marks.extend(
        r.extra
            .iter()
            .filter_map(|&a| Some((Kind::Extra, s.marks.get(a)?))),
    );
    let item = |kind: Kind, m: &Mark| {
        let Some(article) = ex.article(m.article.as_str()) else {
            return html! {};
        };
        let selector = format!(
            "[data-testid=review-text] [data-article=\"{}\"] mark[data-s=\"{}\"]",
            article.id.as_str(),
            m.span.start()
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            scroll::scroll_to(&selector);
        });
        html! {
            <li><button class={classes!("link", kind.class())} {onclick}>
                {format!("{} · “{}” ({})", m.label.title(), article.slice(m.span.start(), m.span.end()), article.title)}
            </button></li>
        }
    };
    let list = |name: &str, kind: Kind, id: &'static str| {
        let items: Vec<Html> = marks
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(k, m)| item(*k, m))
            .collect();
        html! { <section data-testid={id}><h4>{format!("{name} ({})", items.len())}</h4><ul class="plain">{for items}</ul></section> }
    };
    let scores = student_rows(ex, &key, s).into_iter().map(|row| {
        let cells = MATCHINGS.iter().map(|&m| {
            let c = row.counts(m);
            html! { <>
            <td>{ratio(c.precision())}</td><td>{ratio(c.recall())}</td><td>{ratio(c.f1())}</td></> }
        });
        html! { <tr><th scope="row">{row.label.plural()}</th>{for cells}</tr> }
    });
    let pick_student = {
        let st = student.clone();
        Callback::from(move |i| st.set(i))
    };
    let pick_matching = {
        let st = matching.clone();
        Callback::from(move |i: usize| {
            st.set(MATCHINGS.get(i).copied().unwrap_or(Matching::Overlap))
        })
    };
    let chosen = MATCHINGS.iter().position(|m| m == &*matching).unwrap_or(1);
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="card" data-testid="student-review" aria-label="One student against the key">
            <h3>{"One student against the key"}</h3>
            <div class="controls">
                {select_index("review-student", "Student", class.students.iter().map(|s| s.name.clone()).collect(), *student, pick_student)}
                {select_index("review-matching", "Matching", MATCHINGS.iter().map(|&m| title(m).to_owned()).collect(), chosen, pick_matching)}
                <button data-testid="print-feedback" onclick={print} title="Print this student's feedback page (or save it as PDF)">{"Print feedback"}</button>
            </div>
            <article class="feedback" data-testid="feedback">
                <h3 class="print-only">{format!("Feedback for {} · {}", s.name, ex.title)}</h3>
                <table class="scores"><thead><tr><td></td><th colspan="3">{"Exact"}</th><th colspan="3">{"Overlap"}</th></tr>
                    <tr><td></td><th>{"P"}</th><th>{"R"}</th><th>{"F1"}</th><th>{"P"}</th><th>{"R"}</th><th>{"F1"}</th></tr></thead>
                    <tbody>{for scores}</tbody></table>
                <p class="rule">{format!("Lists below use {} matching: {}.", title(*matching).to_lowercase(), matching.rule())}</p>
                <div class="review-lists">
                    {list("Matches", Kind::Match, "review-matches")}
                    {list("Missed", Kind::Miss, "review-misses")}
                    {list("Extra", Kind::Extra, "review-extras")}
                </div>
            </article>
            <div data-testid="review-text">{for ex.articles.iter().map(|a| marked_text(a, &marks))}</div>
        </section>
    }
}
