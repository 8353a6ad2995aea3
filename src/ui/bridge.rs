//! What the views are handed of the session: a read-only [`SessionView`] at one revision, and shared
//! values compared by identity ([`Ptr`]). Both make a component's props plain `#[derive(PartialEq)]`
//! structs that compare in constant time: Yew redraws a component only when its props differ, so a
//! view redraws when the part of the session it shows changed, and not on every key press elsewhere.

use crate::domain::session::Session;
use std::cell::{Ref, RefCell};
use std::ops::Deref;
use std::rc::Rc;

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
