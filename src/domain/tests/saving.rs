//! Tests of the save protocol on a store in memory: loading at start, setting unreadable data aside,
//! autosave and its notices, the classroom, and trying an article before it is added.

use super::*;
use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::fixtures::ann;
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, Label, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::ClassroomAction;
use crate::domain::state::sync::Stamp;
use crate::domain::state::workspace::Action;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// When the tests start (names the key of data set aside).
pub const NOW: Timestamp = Timestamp(1_764_064_800_000);

/// A store in memory, shared by the tabs made with [`Memory::tab`], with a quota in UTF-16 units and
/// a switch that blocks it as a browser's private mode can.
#[derive(Clone, Default)]
pub struct Memory {
    items: Rc<RefCell<BTreeMap<String, String>>>,
    quota: Rc<Cell<Option<usize>>>,
    blocked: Rc<Cell<bool>>,
    writes: Rc<Cell<usize>>,
    revisions: Rc<Cell<usize>>,
    /// Names this tab's revisions.
    name: &'static str,
}

impl Memory {
    /// Another tab on the same store.
    pub fn tab(&self, name: &'static str) -> Memory {
        Memory {
            name,
            ..self.clone()
        }
    }

    /// What the store holds under `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    /// Puts `value` under `key`, as another program would.
    pub fn put(&self, key: &str, value: &str) {
        self.items.borrow_mut().insert(key.into(), value.into());
    }

    /// How many writes the store accepted or refused so far.
    pub fn writes(&self) -> usize {
        self.writes.get()
    }

    /// Lets at most `units` be kept (`None`: no limit).
    pub fn limit(&self, units: Option<usize>) {
        self.quota.set(units);
    }

    /// Blocks the store, or opens it again.
    pub fn block(&self, blocked: bool) {
        self.blocked.set(blocked);
    }

    /// Empties the store, as clearing the site's data does.
    pub fn clear(&self) {
        self.items.borrow_mut().clear();
    }
}

impl Store for Memory {
    fn load(&self, key: &str) -> Result<Option<String>, String> {
        if self.blocked.get() {
            return Err("storage is blocked".into());
        }
        Ok(self.get(key))
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        self.writes.set(self.writes.get() + 1);
        if self.blocked.get() {
            return Err(Refused::Other("storage is blocked".into()));
        }
        let old = self.get(key).map_or(0, |v| units(key) + units(&v));
        let after = self.used().unwrap_or(0) - old + units(key) + units(value);
        if self.quota.get().is_some_and(|q| after > q) {
            return Err(Refused::Full);
        }
        self.put(key, value);
        Ok(())
    }

    fn used(&self) -> Result<usize, String> {
        Ok(self
            .items
            .borrow()
            .iter()
            .map(|(k, v)| units(k) + units(v))
            .sum())
    }

    fn capacity(&self) -> Option<usize> {
        self.quota.get()
    }

    fn new_revision(&mut self) -> String {
        self.revisions.set(self.revisions.get() + 1);
        format!("{}{}", self.name, self.revisions.get())
    }
}

/// The first bundled article's id.
pub fn first(session: &Session) -> ArticleId {
    session.workspace.articles()[0].id.clone()
}

/// Tags the first 5 code points after `start` of the first article as a claim, with id `id`.
pub fn tag(session: &mut Session, id: &str, start: usize) {
    let article = first(session);
    let a = ann(id, article.as_str(), start, start + 5, Label::Claim);
    session.apply(SessionAction::Edit(Action::Annotate(a)));
    assert!(
        session.workspace.annotation(&id.into()).is_some(),
        "{id} tagged"
    );
}

#[test]
fn with_nothing_saved_the_bundled_articles_show_and_the_first_change_is_saved_with_its_stamp() {
    let store = Memory::default().tab("a");
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    assert!(!session.workspace.articles().is_empty());
    assert_eq!(session.workspace.annotations().count(), 0);
    assert_eq!(
        (session.notice.clone(), session.storage_problem.clone()),
        (None, None)
    );
    assert_eq!(store.get(STATE_KEY), None, "loading writes nothing");

    tag(&mut session, "c1", 0);
    let report = saves.autosave(&mut store.clone(), &session);
    assert!(
        report.is_none(),
        "a save that works is not news: {report:?}"
    );
    let state = store.get(STATE_KEY).unwrap();
    assert!(state.contains("\"c1\""), "{state}");
    let stamp = Stamp::of_state(store.get(STAMP_KEY).as_deref(), &state).unwrap();
    assert_eq!((stamp.rev.as_str(), stamp.seen.as_str()), ("a1", ""));
}

#[test]
fn a_saved_workspace_loads_back_and_is_written_again_only_after_a_change() {
    let store = Memory::default().tab("a");
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    tag(&mut session, "c1", 0);
    saves.autosave(&mut store.clone(), &session);

    let (mut back, mut saves) = load_session(&mut store.clone(), NOW);
    assert!(back.workspace.annotation(&"c1".into()).is_some());
    assert_eq!(
        (back.notice.clone(), back.storage_problem.clone()),
        (None, None)
    );
    let writes = store.writes();
    saves.save_on_leave(&mut store.clone(), &back);
    assert_eq!(
        store.writes(),
        writes,
        "a session that changed nothing is not written"
    );
    // Nothing to undo after a load: the refused undo changes nothing.
    back.apply(SessionAction::Edit(Action::Undo));
    saves.autosave(&mut store.clone(), &back);
    assert_eq!(store.writes(), writes, "storage holds this state already");
    tag(&mut back, "c2", 10);
    saves.save_on_leave(&mut store.clone(), &back);
    assert_eq!(store.writes(), writes + 2, "the stamp, then the state");
    assert!(store.get(STATE_KEY).unwrap().contains("\"c2\""));
}

#[test]
fn unreadable_saved_data_is_set_aside_under_its_own_key_and_reported() {
    let store = Memory::default();
    store.put(STATE_KEY, "{not json");
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    let problem = session
        .storage_problem
        .clone()
        .expect("the problem is reported");
    let key = format!("{UNREADABLE_PREFIX}{NOW}");
    assert_eq!(problem.kept_under.as_deref(), Some(key.as_str()));
    assert_eq!(store.get(&key).as_deref(), Some("{not json"));
    assert_eq!(&*problem.raw, "{not json");
    assert!(problem.message.contains(&key), "{}", problem.message);
    assert_eq!(session.workspace.annotations().count(), 0);
    // Set aside, it is safe: saving goes on.
    assert!(session.saving_allowed());
    tag(&mut session, "c1", 0);
    saves.autosave(&mut store.clone(), &session);
    assert!(store.get(STATE_KEY).unwrap().contains("\"c1\""));
    assert_eq!(store.get(&key).as_deref(), Some("{not json"));
}

#[test]
fn unreadable_data_that_cannot_be_set_aside_pauses_every_save() {
    let store = Memory::default();
    store.put(STATE_KEY, r#"{"schema":99,"annotations":[]}"#);
    store.limit(Some(store.used().unwrap()));
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    let problem = session.storage_problem.clone().unwrap();
    assert_eq!(problem.kept_under, None);
    assert!(problem.message.contains("newer"), "{}", problem.message);
    assert!(
        problem.message.contains("Saving is paused"),
        "{}",
        problem.message
    );
    assert!(!session.saving_allowed());

    store.limit(None);
    tag(&mut session, "c1", 0);
    let writes = store.writes();
    assert!(saves.autosave(&mut store.clone(), &session).is_none());
    saves.save_on_leave(&mut store.clone(), &session);
    let own = Article::own("own-1", "Mine", "My text.".into(), NOW);
    assert_eq!(
        try_adding(&mut store.clone(), &session, &own),
        Ok(Trial::Unsaved(String::new()))
    );
    assert_eq!(
        store.writes(),
        writes,
        "nothing is written over the unread data"
    );
    assert_eq!(
        store.get(STATE_KEY).as_deref(),
        Some(r#"{"schema":99,"annotations":[]}"#)
    );
}

#[test]
fn a_blocked_storage_starts_on_the_bundled_articles_and_says_why() {
    let store = Memory::default();
    store.block(true);
    let (session, _) = load_session(&mut store.clone(), NOW);
    assert_eq!(
        session.notice,
        Some(Notice::Error(
            "Saved annotations could not be read: storage is blocked.".into()
        ))
    );
    assert!(!session.workspace.articles().is_empty());
    assert_eq!(session.storage_problem, None);
}

#[test]
fn a_failing_save_is_reported_once_and_so_is_its_recovery() {
    let store = Memory::default();
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    store.limit(Some(100));
    tag(&mut session, "c1", 0);
    let failed = saves.autosave(&mut store.clone(), &session);
    let Some(SessionAction::Saved(Err(why))) = &failed else {
        panic!("{failed:?}");
    };
    assert!(why.contains("its storage for this site is full"), "{why}");
    session.apply(failed.unwrap());
    assert!(session.save_failed.is_some());

    tag(&mut session, "c2", 10);
    let again = saves.autosave(&mut store.clone(), &session);
    assert!(again.is_none(), "still failing, which was said: {again:?}");

    store.limit(None);
    tag(&mut session, "c3", 20);
    let recovered = saves.autosave(&mut store.clone(), &session);
    assert!(
        matches!(recovered, Some(SessionAction::Saved(Ok(())))),
        "{recovered:?}"
    );
    session.apply(recovered.unwrap());
    assert_eq!(session.save_failed, None);
    assert!(store.get(STATE_KEY).unwrap().contains("\"c3\""));
}

#[test]
fn the_classroom_is_kept_across_visits_and_an_unreadable_one_is_set_aside() {
    let store = Memory::default();
    let (mut session, _) = load_session(&mut store.clone(), NOW);
    let draft = Draft {
        title: "Claims".into(),
        labels: vec![LabelName::Claim],
        articles: vec![first(&session)],
        with_key: false,
        ..Draft::default()
    };
    let exercise = Exercise::create(&draft, &session.workspace, "ex-1".into(), NOW).unwrap();
    session.apply(SessionAction::Classroom(ClassroomAction::Teach(exercise)));
    assert!(save_classroom(&mut store.clone(), &session).is_none());
    let (back, _) = load_session(&mut store.clone(), NOW);
    let teaching = back.teaching.expect("the exercise is back");
    assert_eq!(
        (
            teaching.exercise.id.as_str(),
            teaching.exercise.title.as_str()
        ),
        ("ex-1", "Claims")
    );

    store.limit(Some(0));
    let refused = save_classroom(&mut store.clone(), &session);
    let Some(SessionAction::Notify(Notice::Error(text))) = refused else {
        panic!("{refused:?}");
    };
    assert!(
        text.starts_with("The exercise could not be saved: "),
        "{text}"
    );

    store.limit(None);
    store.put(CLASSROOM_KEY, "[1,");
    let (broken, _) = load_session(&mut store.clone(), NOW);
    let key = format!("{UNREADABLE_PREFIX}{NOW}");
    let Some(Notice::Error(text)) = broken.notice else {
        panic!("{:?}", broken.notice);
    };
    assert!(
        text.starts_with("The saved exercise could not be read ("),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("it is kept under \"{key}\".")),
        "{text}"
    );
    assert_eq!(store.get(&key).as_deref(), Some("[1,"));
    assert_eq!(broken.teaching, None);
}

#[test]
fn an_article_is_tried_in_storage_before_it_is_added() {
    let store = Memory::default();
    let (session, _) = load_session(&mut store.clone(), NOW);
    store.put(STATE_KEY, "{\"kept\":1}");
    let text = "Zürich 👋 ".repeat(2_000);
    let own = Article::own("own-1", "Mine", text.clone(), NOW);
    store.limit(Some(store.used().unwrap() + units(&text) / 2));
    let refused = try_adding(&mut store.clone(), &session, &own);
    assert_eq!(
        refused,
        Err(full_message(units(&text), store.used().unwrap()))
    );
    assert_eq!(
        store.get(STATE_KEY).as_deref(),
        Some("{\"kept\":1}"),
        "untouched"
    );

    store.block(true);
    assert_eq!(
        try_adding(&mut store.clone(), &session, &own),
        Ok(Trial::Unsaved("storage is blocked".into())),
        "blocked is not full: the article is added, unsaved"
    );
    store.block(false);
    store.limit(None);
    assert_eq!(
        try_adding(&mut store.clone(), &session, &own),
        Ok(Trial::Saved)
    );
    let saved = store.get(STATE_KEY).unwrap();
    assert!(saved.contains("own-1") && saved.contains(&text));
}

#[test]
fn sizes_read_as_kb_below_a_mb_and_tenths_of_mb_above() {
    assert_eq!(size(0), "1 KB");
    assert_eq!(size(1), "1 KB");
    assert_eq!(size(1024), "1 KB");
    assert_eq!(size(1025), "2 KB");
    assert_eq!(size(1024 * 1024 - 1), "1024 KB");
    assert_eq!(size(1024 * 1024), "1.0 MB");
    assert_eq!(size(5 * 1024 * 1024 + 100), "5.0 MB");
    assert_eq!(size(2_516_583), "2.4 MB");
    assert_eq!(
        full_message(2_516_583, 4_089_446),
        "This browser's storage is full: the article (2.4 MB) does not fit beside your work (3.9 MB \
         saved). Nothing was added. Delete an article you added, or download your work first."
    );
    assert_eq!(units("Київ 👋"), 7, "the emoji is two UTF-16 units");
}
