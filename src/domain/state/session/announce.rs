//! What the screen reader's live region says after an action: what it added, deleted or relabelled,
//! what undo or redo did, and any new information notice (an error notice is an alert of its own, which
//! a screen reader says at once).

use super::{Notice, Session, SessionAction};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::AnnotationId;
use crate::domain::rendering::spoken::{first_words, label_words, FIRST_WORDS};
use crate::domain::state::workspace::Action;

/// A message for the live region. `serial` goes up with every message, so that the view can redraw
/// it as a new element and the same words are said again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    /// What to say.
    pub text: String,
    /// 1 for the session's first message, then one more for each.
    pub serial: u64,
}

/// What an action is about, taken before it runs (a deleted annotation is gone afterwards).
#[derive(Debug)]
enum About {
    /// Adds this annotation.
    Added(AnnotationId),
    /// Deletes an annotation: its label and first words.
    Deleted(&'static str, String),
    /// Relabels this annotation.
    Relabelled(AnnotationId),
    /// Undoes or redoes ("Undone" or "Redone") the change with this summary.
    History(&'static str, String),
    /// Anything else.
    Other,
}

/// The state before an action, to tell afterwards what it changed.
#[derive(Debug)]
pub(super) struct Before {
    about: About,
    revision: u64,
    /// The information notice's text and its address: a notice set again with the same words is a new
    /// `String`, and still worth saying.
    notice: Option<(String, *const u8)>,
}

/// The text of an information notice; `None` for an error.
fn info_text(notice: Option<&Notice>) -> Option<&str> {
    match notice? {
        Notice::Info(text) => Some(text),
        Notice::Error(_) => None,
    }
}

/// `"<label> <what>: “<first words>”"`, such as `Claim added: “Bessent argued…”`.
fn about_annotation(session: &Session, a: &Annotation, what: &str) -> String {
    format!(
        "{} {what}: “{}”",
        label_words(a.label),
        words_of(session, a)
    )
}

/// The first words of an annotation's text.
fn words_of(session: &Session, a: &Annotation) -> String {
    let text = session
        .workspace
        .article(&a.article)
        .map_or("", |article| article.slice(a.span.start(), a.span.end()));
    first_words(text, FIRST_WORDS)
}

impl Session {
    /// What the live region needs to know before `action` runs.
    pub(super) fn before(&self, action: &SessionAction) -> Before {
        let ws = &self.workspace;
        let about = match action {
            SessionAction::Tag { id, .. }
            | SessionAction::Edit(Action::Annotate(Annotation { id, .. })) => {
                About::Added(id.clone())
            }
            SessionAction::Edit(Action::Remove { id }) => {
                ws.annotation(id).map_or(About::Other, |a| {
                    About::Deleted(label_words(a.label), words_of(self, a))
                })
            }
            SessionAction::Edit(Action::Relabel { id, .. }) => About::Relabelled(id.clone()),
            SessionAction::Edit(Action::Undo) => ws
                .next_undo()
                .map_or(About::Other, |s| About::History("Undone", s.to_owned())),
            SessionAction::Edit(Action::Redo) => ws
                .next_redo()
                .map_or(About::Other, |s| About::History("Redone", s.to_owned())),
            _ => About::Other,
        };
        Before {
            about,
            revision: ws.revision(),
            notice: info_text(self.notice.as_ref()).map(|text| (text.to_owned(), text.as_ptr())),
        }
    }

    /// Sets [`Session::announcement`] to what the action did (if it changed the workspace) and the new
    /// information notice (if it set one), in that order; leaves it as it was if neither.
    pub(super) fn announce(&mut self, before: Before) {
        let mut parts: Vec<String> = Vec::new();
        if self.workspace.revision() != before.revision {
            let ws = &self.workspace;
            let done = match before.about {
                About::Added(id) => ws
                    .annotation(&id)
                    .map(|a| about_annotation(self, a, "added")),
                About::Deleted(label, words) => Some(format!("{label} deleted: “{words}”")),
                About::Relabelled(id) => ws.annotation(&id).map(|a| {
                    format!(
                        "Relabelled as {}: “{}”",
                        label_words(a.label),
                        words_of(self, a)
                    )
                }),
                About::History(what, summary) => Some(format!("{what}: {summary}")),
                About::Other => None,
            };
            parts.extend(done);
        }
        if let Some(text) = info_text(self.notice.as_ref()) {
            let same = before
                .notice
                .is_some_and(|(old, at)| old == text && at == text.as_ptr());
            if !same {
                parts.push(text.to_owned());
            }
        }
        if parts.is_empty() {
            return;
        }
        let serial = self.announcement.as_ref().map_or(1, |a| a.serial + 1);
        self.announcement = Some(Announcement {
            text: parts.join(" "),
            serial,
        });
    }
}

#[cfg(test)]
#[path = "../../tests/session_announce.rs"]
mod tests;
