//! Tests of `bundled`.

use super::*;
use std::collections::HashSet;

#[test]
fn every_seed_file_is_in_the_manifest_once_with_a_unique_id() {
    let articles = bundled_articles().unwrap();
    assert_eq!(articles.len(), SEED_FILES.len());
    let ids: HashSet<_> = articles.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids.len(), articles.len());
    let on_disk: HashSet<String> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    let embedded: HashSet<String> = SEED_FILES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, embedded);
}

#[test]
fn embedded_texts_are_the_files_byte_for_byte() {
    for (name, text) in SEED_FILES {
        let on_disk = std::fs::read(format!("seeds/{name}")).unwrap();
        assert_eq!(on_disk, text.as_bytes(), "{name}");
    }
    let kyiv = &bundled_articles().unwrap()[0];
    assert_eq!(kyiv.id.as_str(), "kyiv-post");
    assert_eq!(kyiv.char_len, 4016);
    assert!(kyiv.text.ends_with("Bonus video:\n"));
}
