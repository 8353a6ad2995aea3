//! Fuzzing `stored::decode`, the saved state of every schema (1, 2 and today's 3): mutated in its JSON
//! structure, edited as text, and random text. A state it restores must save and restore again.
//! (`stored_properties.rs` checks the restored content; this checks that nothing hostile gets through.)

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::rich_workspace;
use crate::domain::fuzz::{edited, edits, random_bytes, run, tweaked, tweaks, Tally};
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;

/// Saved states of schemas 1, 2 and 3.
fn seeds() -> Vec<String> {
    vec![
        include_str!("../../../tests/fixtures/stored-v1.json").to_owned(),
        include_str!("../../../tests/fixtures/stored-v2.json").to_owned(),
        encode(&rich_workspace()),
    ]
}

/// Decodes `text`: `Ok` or a clear error; what it restores decodes again without an error.
fn check(text: &str, bundled: &[Article], tally: &Tally) -> TestCaseResult {
    let restored = decode(text, bundled.to_vec());
    tally.note(&restored)?;
    if let Ok(restored) = restored {
        let again = decode(&encode(&restored.workspace), bundled.to_vec());
        prop_assert!(again.is_ok(), "{:?}", again.err());
    }
    Ok(())
}

#[test]
fn a_saved_state_of_any_schema_mutated_in_its_json_is_restored_or_refused() {
    let (seeds, bundled) = (seeds(), bundled_articles().unwrap());
    let tally = Tally::default();
    let strategy = (
        0..seeds.len(),
        tweaks(),
        prop::option::weighted(0.2, edits()),
    );
    run("stored: json tweaked", strategy, |(i, tweaks, edits)| {
        let text = tweaked(&seeds[i], false, &tweaks, false);
        let bytes = edited(text.as_bytes(), &edits.unwrap_or_default());
        check(&String::from_utf8_lossy(&bytes), &bundled, &tally)
    });
    tally.saw_both("stored: json tweaked");
}

#[test]
fn a_saved_state_edited_as_text_or_random_is_restored_or_refused() {
    let (seeds, bundled) = (seeds(), bundled_articles().unwrap());
    let tally = Tally::default();
    let strategy = (0..seeds.len() + 1, edits(), random_bytes());
    run("stored: text edited", strategy, |(i, edits, random)| {
        let bytes = match seeds.get(i) {
            Some(seed) => edited(seed.as_bytes(), &edits),
            None => random,
        };
        check(&String::from_utf8_lossy(&bytes), &bundled, &tally)
    });
    tally.saw_both("stored: text edited");
}
