//! Accepting suggestions: the ordinary annotations they make, with each speaker as a mention that the
//! quote or claim links to as its `source`.

use super::names::kind_of;
use super::{Suggestion, SuggestionKind};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attributes, Attribution};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

/// The ordinary annotations accepting `chosen` (suggestions of article `article`) makes: each quote or
/// claim, plus a person/organisation mention at its speaker span linked as the quote's/claim's
/// `source` (an existing entity annotation at exactly that span in `existing` is reused instead of a
/// new one), each mention with its registry entry. New ids come from `new_id`, times are `at`.
/// Suggestions whose span an existing annotation with the same label already covers exactly are
/// skipped.
pub fn accepted(
    article: &ArticleId,
    text: &str,
    chosen: &[Suggestion],
    existing: &[Rc<Annotation>],
    new_id: &mut dyn FnMut() -> AnnotationId,
    at: Timestamp,
) -> Vec<Annotation> {
    let existing: Vec<&Annotation> = existing
        .iter()
        .map(|a| &**a)
        .filter(|a| a.article == *article)
        .collect();
    let there =
        |span: Span, label: Label| existing.iter().any(|a| a.span == span && a.label == label);
    let mut made: Vec<Annotation> = Vec::new();
    let mut make = |span: Span, label: Label, attrs: Attributes, made: &mut Vec<Annotation>| {
        let a = Annotation {
            id: new_id(),
            article: article.clone(),
            span,
            label,
            note: String::new(),
            attrs,
            created: at,
            updated: at,
        };
        let id = a.id.clone();
        made.push(a);
        id
    };
    let mut order: Vec<&Suggestion> = chosen.iter().collect();
    order.sort_by_key(|s| s.kind != SuggestionKind::Mention);
    for s in order {
        if there(s.span, s.label) || made.iter().any(|m| m.span == s.span && m.label == s.label) {
            continue;
        }
        let mut attrs = Attributes::default();
        match s.kind {
            SuggestionKind::Mention => attrs.entity = s.entity.clone(),
            SuggestionKind::Quote | SuggestionKind::Claim => {
                let source = s.speaker.map(|speaker| {
                    let entity_at = |a: &Annotation| a.span == speaker && a.label.kind().is_some();
                    match existing.iter().find(|a| entity_at(a)) {
                        Some(a) => a.id.clone(),
                        None => match made.iter().find(|a| entity_at(a)) {
                            Some(a) => a.id.clone(),
                            None => {
                                let kind = speaker_kind(text, speaker);
                                make(
                                    speaker,
                                    Label::Entity(kind),
                                    Attributes::default(),
                                    &mut made,
                                )
                            }
                        },
                    }
                });
                if s.kind == SuggestionKind::Claim {
                    attrs.attribution = Some(if source.is_some() {
                        Attribution::Attributed
                    } else {
                        Attribution::Unattributed
                    });
                }
                attrs.source = source;
            }
        }
        make(s.span, s.label, attrs, &mut made);
    }
    made.sort_by_key(|a| (a.span.start(), a.span.end()));
    made
}

/// A speaker is an organisation when its name looks like one, else a person.
fn speaker_kind(text: &str, speaker: Span) -> EntityKind {
    let name: String = text
        .chars()
        .skip(speaker.start())
        .take(speaker.len())
        .collect();
    match kind_of(&name, &[], &[], &[], &[]) {
        EntityKind::Organization | EntityKind::Place => EntityKind::Organization,
        _ if name.contains("’s ") || name.contains("'s ") => EntityKind::Organization,
        _ => EntityKind::Person,
    }
}
