//! The bridge between the session and Yew's reducer.
//!
//! Yew hands a reducer an `Rc` of the current state and expects a new one back. Copying a workspace of
//! 10,000 annotations on every key press would cost more than the edit, so the session lives in one
//! `RefCell` that every handle shares: the reducer changes it in place and returns a new handle with a
//! higher generation, which is what tells Yew that something changed. The reducer also has the
//! article's [`Painter`] redraw the changed lines right away, before Yew renders the rest.

use super::bridge::SessionView;
use super::painter::Painter;
use crate::domain::state::session::{Session, SessionAction};
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// A handle on the one session of the page.
pub struct SharedSession {
    cell: Rc<RefCell<Session>>,
    generation: u64,
    painter: Painter,
}

impl SharedSession {
    /// A handle on a new session, whose changes `painter` draws into the open article at once.
    pub fn new(session: Session, painter: Painter) -> SharedSession {
        SharedSession {
            cell: Rc::new(RefCell::new(session)),
            generation: 0,
            painter,
        }
    }

    /// Reads the session. Never hold this across a dispatch.
    pub fn get(&self) -> Ref<'_, Session> {
        self.cell.borrow()
    }

    /// The shared cell, for the app's effects that read the session later (after a paint, say).
    pub fn cell(&self) -> Rc<RefCell<Session>> {
        Rc::clone(&self.cell)
    }

    /// A view for a component that shows the workspace (articles, annotations, registry): equal to
    /// the last one until the workspace changes.
    pub fn workspace_view(&self) -> SessionView {
        SessionView::new(&self.cell, [self.get().workspace.revision(), 0])
    }

    /// A view for a component that shows the workspace and the classroom (the exercise, the class,
    /// the student's name): equal to the last one until either changes.
    pub fn classroom_view(&self) -> SessionView {
        let session = self.get();
        let revision = [session.workspace.revision(), session.classroom_revision];
        SessionView::new(&self.cell, revision)
    }
}

impl Reducible for SharedSession {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        let applied = match self.cell.try_borrow_mut() {
            Ok(mut session) => {
                // A delete's grave holds when it was made (see `state::graves`).
                session.workspace.observe(crate::web::clock::now());
                session.apply(action);
                self.painter.update(&session);
                true
            }
            // Only possible if a view held a borrow while dispatching; dropping the action beats a panic.
            Err(_) => false,
        };
        if !applied {
            web_sys::console::error_1(
                &"news-annotator: an action arrived while the session was being read".into(),
            );
            return self;
        }
        Rc::new(SharedSession {
            cell: Rc::clone(&self.cell),
            generation: self.generation + 1,
            painter: self.painter.clone(),
        })
    }
}
