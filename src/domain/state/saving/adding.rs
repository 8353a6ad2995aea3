//! Trying an own article, or an import, in storage before it happens: when it does not fit, nothing
//! changes and the person is told the sizes.

use super::{units, Refused, Store, STATE_KEY};
use crate::domain::files::import::ImportPlan;
use crate::domain::files::stored;
use crate::domain::model::article::Article;
use crate::domain::state::session::Session;

/// What adding an article would do to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trial {
    /// The state with the article is saved: add it.
    Saved,
    /// Storage refused for another reason than space (it is blocked, say), or saving is paused: add
    /// it anyway; the save notice says that nothing is saved.
    Unsaved(String),
}

/// Saves the state as it will be with `article` added, before anything changes, so that an article
/// too large for the browser's storage is refused instead of being lost on the next save. On a full
/// storage the message says how large the article and the saved work are, and nothing was written.
/// While saving is paused (unreadable data could not be set aside) nothing is written.
pub fn try_adding(
    store: &mut impl Store,
    session: &Session,
    article: &Article,
) -> Result<Trial, String> {
    if !session.saving_allowed() {
        return Ok(Trial::Unsaved(String::new()));
    }
    let trial = stored::encode_adding(&session.workspace, article);
    match store.write(STATE_KEY, &trial) {
        Ok(()) => Ok(Trial::Saved),
        Err(Refused::Full) => Err(full_message(
            units(&article.text),
            store.used().unwrap_or(0),
        )),
        Err(Refused::Other(why)) => Ok(Trial::Unsaved(why)),
    }
}

/// An import the browser's storage refused: the message with the sizes, and how many of the texts the
/// file brings would fit, taken in its order, when some would (see [`ImportPlan::fitting`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRefusal {
    /// What happened, with the sizes.
    pub message: String,
    /// How many of the file's texts would fit, if at least one would and not all.
    pub fitting: Option<usize>,
}

/// Saves the state as the import in the dialog (merged, or replacing) will leave it, before anything
/// changes, so that a corpus too large for the browser's storage is refused instead of being lost on
/// the next save. On a full storage the refusal gives the sizes and how many of its texts would fit,
/// and nothing was written. `Ok` when there is no import, when saving is paused, or when the import
/// cannot be applied (the session then says why).
pub fn try_importing(
    store: &mut impl Store,
    session: &Session,
    replace: bool,
) -> Result<Trial, ImportRefusal> {
    let Some(import) = session.import.as_ref().filter(|_| session.saving_allowed()) else {
        return Ok(Trial::Unsaved(String::new()));
    };
    let mut after = session.workspace.clone();
    if after.apply(import.plan.action(replace)).is_err() {
        return Ok(Trial::Unsaved(String::new()));
    }
    let trial = stored::encode(&after);
    match store.write(STATE_KEY, &trial) {
        Ok(()) => Ok(Trial::Saved),
        Err(Refused::Full) => Err(refusal(store, &import.plan, units(&trial))),
        Err(Refused::Other(why)) => Ok(Trial::Unsaved(why)),
    }
}

/// The refusal of an import whose state takes `needed` units: what the texts it brings may take is
/// what the store holds beside the saved state, less what the state takes without those texts; and
/// less than they take now, so that each offer is smaller than the one refused.
fn refusal(store: &impl Store, plan: &ImportPlan, needed: usize) -> ImportRefusal {
    let used = store.used().unwrap_or(0);
    let saved = store
        .load(STATE_KEY)
        .ok()
        .flatten()
        .map_or(0, |s| units(STATE_KEY) + units(&s));
    let added = plan.added_units();
    let budget = store.capacity().map_or(0, |capacity| {
        let beside = used.saturating_sub(saved) + units(STATE_KEY) + needed.saturating_sub(added);
        capacity.saturating_sub(beside).min(added * 9 / 10)
    });
    let fitting = plan.fitting(budget);
    ImportRefusal {
        message: format!(
            "This browser's storage is full: your work with this import would take {}, and the \
             browser refused it ({} in use now). Nothing was imported.",
            size(needed),
            size(used)
        ),
        fitting: (fitting > 0 && fitting < plan.added_count()).then_some(fitting),
    }
}

/// The message for an article of `article` units that does not fit beside `saved` units.
pub fn full_message(article: usize, saved: usize) -> String {
    format!(
        "This browser's storage is full: the article ({}) does not fit beside your work ({} saved). \
         Nothing was added. Delete an article you added, or download your work first.",
        size(article),
        size(saved)
    )
}

/// A size in the quota's units (UTF-16 code units, one per character of most texts): below 1 MB in
/// KB, rounded up so that it is never 0; above, in MB to the nearest tenth.
pub fn size(units: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if units < MB {
        format!("{} KB", units.div_ceil(KB).max(1))
    } else {
        let tenths = (units * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
