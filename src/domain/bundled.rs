//! The articles that ship with the app: the files in `seeds/`, embedded byte for byte, and their manifest.

use super::article::Article;
use serde::Deserialize;

/// The seed files, embedded at compile time and named as in `seeds/manifest.json`.
const SEED_FILES: [(&str, &str); 5] = [
    (
        "000_65abf12ab916bebf.txt",
        include_str!("../../seeds/000_65abf12ab916bebf.txt"),
    ),
    (
        "001_066be8eb47512928.txt",
        include_str!("../../seeds/001_066be8eb47512928.txt"),
    ),
    (
        "002_7b1e3c34a99ec616.txt",
        include_str!("../../seeds/002_7b1e3c34a99ec616.txt"),
    ),
    (
        "003_d5caa7359e3878d4.txt",
        include_str!("../../seeds/003_d5caa7359e3878d4.txt"),
    ),
    (
        "004_380562526dcc32a4.txt",
        include_str!("../../seeds/004_380562526dcc32a4.txt"),
    ),
];

const MANIFEST: &str = include_str!("../../seeds/manifest.json");

/// One manifest entry: which seed file is which article.
#[derive(Deserialize)]
struct ManifestEntry {
    id: String,
    file: String,
    title: String,
}

/// The bundled articles in manifest order.
///
/// The manifest and the files are both compiled in, and a test checks that they agree, so this cannot fail
/// in a built app; it still returns an error rather than panicking.
pub fn bundled_articles() -> Result<Vec<Article>, String> {
    let entries: Vec<ManifestEntry> =
        serde_json::from_str(MANIFEST).map_err(|e| format!("seeds/manifest.json: {e}"))?;
    entries
        .into_iter()
        .map(|entry| {
            let text = SEED_FILES
                .iter()
                .find(|(name, _)| *name == entry.file)
                .map(|(_, text)| *text)
                .ok_or_else(|| {
                    format!("seeds/manifest.json names a missing file {}", entry.file)
                })?;
            Ok(Article::new(&entry.id, &entry.title, text.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
}
