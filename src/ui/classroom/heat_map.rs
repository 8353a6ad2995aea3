//! The heat map: one article with each stretch shaded by how many students tagged it with one label.

use crate::domain::features::classroom::heat::heat;
use crate::domain::features::classroom::scores::Mark;
use crate::domain::model::names::LabelName;
use crate::domain::state::session::Teaching;
use std::rc::Rc;
use yew::prelude::*;

/// What [`HeatMap`] shows.
#[derive(Properties, PartialEq, Clone)]
pub struct HeatMapProps {
    /// The exercise and the class.
    pub teaching: Rc<Teaching>,
}

/// A `<select>` whose change hands the chosen index to `on`.
pub fn select_index(
    test_id: &'static str,
    label: &str,
    options: Vec<String>,
    chosen: usize,
    on: Callback<usize>,
) -> Html {
    let onchange = on.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .selected_index()
            .try_into()
            .unwrap_or(0)
    });
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| html! { <option selected={i == chosen}>{o}</option> });
    html! { <label>{label}{" "}<select data-testid={test_id} {onchange}>{for options}</select></label> }
}

/// The heat map of one article and label.
#[function_component]
pub fn HeatMap(props: &HeatMapProps) -> Html {
    let article = use_state(|| 0usize);
    let label = use_state(|| 0usize);
    let ex = &props.teaching.exercise;
    let students = &props.teaching.class.students;
    let (Some(a), Some(&l)) = (ex.articles.get(*article), ex.labels.get(*label)) else {
        return html! {};
    };
    let marks: Vec<&[Mark]> = students.iter().map(|s| s.marks.as_slice()).collect();
    let n = students.len().max(1);
    let pieces = heat(&marks, &a.id, l, a.char_len).into_iter().map(|s| {
        let text = a.slice(s.start, s.end).to_owned();
        if s.count == 0 {
            return html! { <span>{text}</span> };
        }
        // Four shades; the count is also in the title and in a data attribute, not in colour only.
        let shade = (s.count * 4).div_ceil(n).clamp(1, 4);
        html! {
            <mark class={format!("heat h{shade}")} data-count={s.count.to_string()} data-s={s.start.to_string()}
                title={format!("{} of {} students", s.count, students.len())}>{text}</mark>
        }
    });
    let pick_article = {
        let s = article.clone();
        Callback::from(move |i| s.set(i))
    };
    let pick_label = {
        let s = label.clone();
        Callback::from(move |i| s.set(i))
    };
    let plural = |l: &LabelName| l.plural().to_owned();
    html! {
        <section class="card" data-testid="heat-map" aria-label="Heat map">
            <h3>{"Who tagged what"}</h3>
            <div class="controls">
                {select_index("heat-article", "Article", ex.articles.iter().map(|a| a.title.clone()).collect(), *article, pick_article)}
                {select_index("heat-label", "Label", ex.labels.iter().map(plural).collect(), *label, pick_label)}
                <span class="legend" aria-hidden="true">{"fewer "}<mark class="heat h1">{"1"}</mark><mark class="heat h2">{"·"}</mark><mark class="heat h3">{"·"}</mark><mark class="heat h4">{n}</mark>{" all"}</span>
            </div>
            <div class="heat-text" data-testid="heat-text" tabindex="0" role="region" aria-label={format!("Heat map of {}", a.title)}>{for pieces}</div>
        </section>
    }
}
