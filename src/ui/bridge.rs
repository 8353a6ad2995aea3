//! The typed bridge between the session and the views.
//!
//! - Reading: a component is handed a read-only [`SessionView`] at one revision, and shared values
//!   compared by identity ([`Ptr`]). Both make its props a plain `#[derive(PartialEq)]` struct that
//!   compares in constant time: Yew redraws a component only when its props differ, so a view redraws
//!   when the part of the session it shows changed, and not on every key press elsewhere.
//! - Writing: a component sends [`SessionAction`]s through the [`Dispatch`] it gets with
//!   [`use_dispatch`], from the context the app provides; no props carry it.

use crate::domain::state::session::{Session, SessionAction};
use std::cell::{Ref, RefCell};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// An `Rc` that compares by pointer: two are equal when they hold the very same value.
///
/// The session never changes a value it has handed out (an edit makes a new `Rc`), so the pointer is
/// an exact test of "unchanged" that costs nothing, where comparing values would walk a whole article
/// or a list of thousands of annotations. This is the one hand-written `PartialEq` of the views.
pub struct Ptr<T: ?Sized>(Rc<T>);

impl<T: ?Sized> Ptr<T> {
    /// The shared value's `Rc`.
    pub fn rc(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T: ?Sized> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(Rc::clone(&self.0))
    }
}

impl<T: Default> Default for Ptr<T> {
    fn default() -> Self {
        Ptr(Rc::default())
    }
}

impl<T: ?Sized> Deref for Ptr<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Ptr<T> {
    fn from(rc: Rc<T>) -> Self {
        Ptr(rc)
    }
}

/// The page's session as a component sees it: read-only, at the revisions of the parts it follows.
///
/// Two views are equal when they share the session and those revisions, so a component whose props
/// hold one redraws after a change to what it follows (see
/// [`SharedSession::workspace_view`](super::shared::SharedSession::workspace_view) and
/// [`classroom_view`](super::shared::SharedSession::classroom_view)), and not after a click that only
/// selects or a key typed into a note elsewhere.
#[derive(Clone, PartialEq)]
pub struct SessionView {
    session: Ptr<RefCell<Session>>,
    /// The workspace's revision, and the classroom's when the view follows it (0 when not).
    revision: [u64; 2],
}

impl SessionView {
    /// A view of `session` at `revision` (see [`SessionView::revision`]).
    pub(super) fn new(session: &Rc<RefCell<Session>>, revision: [u64; 2]) -> SessionView {
        SessionView {
            session: Ptr(Rc::clone(session)),
            revision,
        }
    }

    /// Reads the session: when rendering, or at click time in a callback that kept the view. `None`
    /// only while an action is being applied. Never hold it across a dispatch.
    pub fn read(&self) -> Option<Ref<'_, Session>> {
        self.session.try_borrow().ok()
    }

    /// The same view, following only the workspace: for a part that does not show the classroom.
    pub fn workspace_only(&self) -> SessionView {
        let [workspace, _] = self.revision;
        SessionView {
            session: self.session.clone(),
            revision: [workspace, 0],
        }
    }

    /// The revisions the view follows: the workspace's, and the classroom's (0 when it does not
    /// follow the classroom). A memo keyed on this recomputes after each change to them.
    pub fn revision(&self) -> [u64; 2] {
        self.revision
    }
}

/// Sends actions to the page's session (the one way a view changes it). The app provides it to every
/// component as a context; it never changes, so no component redraws because of it.
#[derive(Clone, PartialEq, Default)]
pub struct Dispatch(Callback<SessionAction>);

impl Dispatch {
    /// Sends actions to `to` (the session's reducer).
    pub fn new(to: Callback<SessionAction>) -> Dispatch {
        Dispatch(to)
    }

    /// Sends one action.
    pub fn emit(&self, action: SessionAction) {
        self.0.emit(action);
    }

    /// A callback for an event that sends the action `make` makes of it.
    pub fn reform<E: 'static>(&self, make: impl Fn(E) -> SessionAction + 'static) -> Callback<E> {
        self.0.reform(make)
    }
}

/// The page's [`Dispatch`], from the context the app provides. Outside the app (a view rendered alone,
/// as the browser tests do) there is none, and actions go nowhere.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().unwrap_or_default()
}
