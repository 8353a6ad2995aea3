//! One line of an article, cut into highlight pieces. It re-renders only when its own text, annotations
//! or selection change, so an edit redraws the lines it touches and no others.

use super::keys::mark;
use crate::domain::annotation::{Annotation, AnnotationId, LabelName};
use crate::domain::segments::segments;
use crate::domain::span::Span;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Paragraph`].
#[derive(Properties)]
pub struct ParagraphProps {
    /// First code point of the line in the article.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The line's text.
    pub text: AttrValue,
    /// The annotations that touch this line, in text order.
    pub annotations: Vec<Rc<Annotation>>,
    /// The selected annotation, when it touches this line.
    pub selected: Option<AnnotationId>,
}

impl PartialEq for ParagraphProps {
    /// Annotations compare by pointer: an edit makes a new `Rc`, so unchanged lines compare equal cheaply.
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && self.end == other.end
            && self.selected == other.selected
            && self.annotations.len() == other.annotations.len()
            && self
                .annotations
                .iter()
                .zip(&other.annotations)
                .all(|(a, b)| Rc::ptr_eq(a, b))
            && self.text == other.text
    }
}

/// Byte index in `text` of each code point offset in `cuts` (ascending, relative to the line).
fn byte_offsets(text: &str, cuts: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(cuts.len());
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut at = 0;
    let mut byte = chars.next().unwrap_or(0);
    for &cut in cuts {
        while at < cut {
            byte = chars.next().unwrap_or(text.len());
            at += 1;
        }
        out.push(byte);
    }
    out
}

/// One line of the article.
#[function_component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let spans: Vec<Span> = props.annotations.iter().map(|a| a.span).collect();
    let pieces = segments(props.start, props.end, &spans);
    let mut cuts: Vec<usize> = pieces.iter().map(|s| s.start - props.start).collect();
    cuts.push(props.end - props.start);
    let bytes = byte_offsets(&props.text, &cuts);
    let pieces = pieces.iter().zip(bytes.windows(2)).map(|(seg, range)| {
        let (from, to) = match range {
            [a, b] => (*a, *b),
            _ => (0, 0),
        };
        let text = props.text.get(from..to).unwrap_or_default().to_owned();
        let (start, end) = (seg.start.to_string(), seg.end.to_string());
        if seg.covering.is_empty() {
            return html! { <span class="seg" data-start={start} data-end={end}>{text}</span> };
        }
        let covering: Vec<&Rc<Annotation>> = seg
            .covering
            .iter()
            .filter_map(|&i| props.annotations.get(i))
            .collect();
        let mut class = classes!("seg", "hl");
        for label in LabelName::ALL {
            let depth = covering.iter().filter(|a| a.label.name() == label).count();
            if depth > 0 {
                class.push(label.name());
            }
            if depth > 1 {
                class.push(format!("{}-deep", label.name()));
            }
        }
        if covering
            .iter()
            .any(|a| Some(&a.id) == props.selected.as_ref())
        {
            class.push("selected");
        }
        let ids = covering
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let marks: String = covering
            .iter()
            .filter(|a| a.span.start() == seg.start)
            .map(|a| mark(a.label))
            .collect();
        let title = covering
            .iter()
            .map(|a| a.label.to_string())
            .collect::<Vec<_>>()
            .join(" + ");
        html! {
            <span {class} data-start={start} data-end={end} data-ids={ids}
                data-mark={(!marks.is_empty()).then_some(marks)} {title}>{text}</span>
        }
    });
    html! {
        <p class="para" data-start={props.start.to_string()} data-end={props.end.to_string()}>{for pieces}</p>
    }
}
