//! The class table (each student against the key) and the agreement among students.

use crate::domain::features::classroom::agreement::{pairwise_f1, ALPHA_RULE};
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::features::classroom::report::{agreement, fixed, ratio, rows, MATCHINGS};
use crate::domain::features::classroom::scores::{Mark, Matching};
use yew::prelude::*;

/// Each student's counts and scores per label, exact and overlap.
pub fn class_table(exercise: &Exercise, class: &Class) -> Html {
    if exercise.key.is_none() {
        return html! { <p data-testid="no-key">{"This exercise has no answer key, so there are no scores; the agreement below needs none."}</p> };
    }
    let body = rows(exercise, class).into_iter().map(|row| {
        let cells = MATCHINGS.iter().map(|&m| {
            let c = row.counts(m);
            html! { <>
                <td>{c.matched}</td><td>{c.missed}</td><td>{c.extra}</td>
                <td>{ratio(c.precision())}</td><td>{ratio(c.recall())}</td><td class="f1">{ratio(c.f1())}</td>
            </> }
        });
        html! {
            <tr data-student={row.student.name.clone()} data-label={row.label.name()}>
                <th scope="row">{&row.student.name}</th><td>{row.label.plural()}</td>{for cells}
            </tr>
        }
    });
    let heads = MATCHINGS.iter().map(|_| html! { <>
        <th>{"matched"}</th><th>{"missed"}</th><th>{"extra"}</th><th>{"P"}</th><th>{"R"}</th><th>{"F1"}</th>
    </> });
    let groups = MATCHINGS
        .iter()
        .map(|&m| html! { <th colspan="6" scope="colgroup">{title(m)}</th> });
    let rules = MATCHINGS
        .iter()
        .map(|&m| html! { <li><strong>{title(m)}{": "}</strong>{m.rule()}{"."}</li> });
    html! { <>
        <div class="scroll-x"><table class="class-table" data-testid="class-table">
            <thead>
                <tr><th rowspan="2" scope="col">{"Student"}</th><th rowspan="2" scope="col">{"Label"}</th>{for groups}</tr>
                <tr>{for heads}</tr>
            </thead>
            <tbody>{for body}</tbody>
        </table></div>
        <ul class="rules">{for rules}<li>{"P is precision (their spans that match), R recall (key spans they found), F1 the balance of the two."}</li></ul>
    </> }
}

/// "Exact" or "Overlap".
pub fn title(matching: Matching) -> &'static str {
    match matching {
        Matching::Exact => "Exact",
        Matching::Overlap => "Overlap",
    }
}

/// Krippendorff's alpha and the mean pairwise F1 per label, and the F1 of every pair of students.
pub fn agreement_tables(exercise: &Exercise, class: &Class) -> Html {
    if class.students.len() < 2 {
        return html! { <p>{"Agreement needs at least two students."}</p> };
    }
    let two = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| fixed(v, 2));
    let body = agreement(exercise, class).into_iter().map(|row| html! {
        <tr data-label={row.label.name()}>
            <th scope="row">{row.label.plural()}</th>
            <td class="alpha">{two(row.alpha)}</td><td>{two(row.f1_exact)}</td><td>{two(row.f1_overlap)}</td>
        </tr>
    });
    let coders: Vec<&[Mark]> = class.students.iter().map(|s| s.marks.as_slice()).collect();
    let matrix = pairwise_f1(&coders, Matching::Overlap);
    let names = class
        .students
        .iter()
        .map(|s| html! { <th scope="col">{&s.name}</th> });
    let pairs = class.students.iter().zip(&matrix).map(|(s, row)| {
        let cells = row.iter().map(|v| html! { <td>{two(*v)}</td> });
        html! { <tr><th scope="row">{&s.name}</th>{for cells}</tr> }
    });
    html! { <>
        <table class="agreement" data-testid="agreement-table">
            <thead><tr><th scope="col">{"Label"}</th><th scope="col">{"Krippendorff's α"}</th>
                <th scope="col">{"Mean pairwise F1, exact"}</th><th scope="col">{"Mean pairwise F1, overlap"}</th></tr></thead>
            <tbody>{for body}</tbody>
        </table>
        <p class="rule">{ALPHA_RULE}</p>
        <details><summary>{"F1 between every two students (overlap, all labels)"}</summary>
            <div class="scroll-x"><table class="pairs" data-testid="pairwise-table">
                <thead><tr><td></td>{for names}</tr></thead><tbody>{for pairs}</tbody>
            </table></div>
        </details>
    </> }
}
