//! Every saved-state fixture in `tests/fixtures/stored-v*.json` loads, found by listing the folder, so a
//! fixture added for a new schema is tested without touching this file; and every schema has one.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::state::workspace::Snapshot;
use std::path::Path;

/// The fixtures, by schema number, read from the folder.
fn fixtures() -> Vec<(u32, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(u32, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let n = name.strip_prefix("stored-v")?.strip_suffix(".json")?;
            let n = n
                .parse()
                .unwrap_or_else(|_| panic!("{name}: not stored-v<number>.json"));
            Some((n, std::fs::read_to_string(dir.join(&name)).unwrap()))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_stored_fixture_loads_cleanly_and_saves_again_the_same() {
    let all = fixtures();
    let versions: Vec<u32> = all.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        versions,
        (1..=STORAGE_SCHEMA).collect::<Vec<_>>(),
        "one fixture per schema, the current one included"
    );
    for (n, text) in all {
        let schema = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("schema").and_then(|s| s.as_u64()));
        assert_eq!(
            schema,
            Some(u64::from(n)),
            "stored-v{n}.json is saved in schema {n}"
        );
        let restored = decode(&text, bundled_articles().unwrap())
            .unwrap_or_else(|e| panic!("stored-v{n}.json: {e}"));
        assert_eq!(restored.warnings, Vec::<String>::new(), "stored-v{n}.json");
        assert_eq!(
            restored.reanchored,
            Vec::<String>::new(),
            "stored-v{n}.json"
        );
        let ws = restored.workspace;
        assert!(ws.len() >= 3, "stored-v{n}.json has annotations");
        let again = decode(&encode(&ws), bundled_articles().unwrap()).unwrap();
        // Articles, registry entries and annotations alike.
        assert!(
            Snapshot::of(&again.workspace) == Snapshot::of(&ws),
            "stored-v{n}.json"
        );
    }
}
