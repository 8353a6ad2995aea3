//! The articles that ship with the app: the files in `seeds/`, embedded byte for byte, and their manifest.

use crate::domain::files::json;
use crate::domain::model::article::Article;
use serde::Deserialize;

/// The seed files, embedded at compile time and named as in `seeds/manifest.json`.
const SEED_FILES: [(&str, &str); 5] = [
    (
        "000_65abf12ab916bebf.txt",
        include_str!("../../../seeds/000_65abf12ab916bebf.txt"),
    ),
    (
        "001_066be8eb47512928.txt",
        include_str!("../../../seeds/001_066be8eb47512928.txt"),
    ),
    (
        "002_7b1e3c34a99ec616.txt",
        include_str!("../../../seeds/002_7b1e3c34a99ec616.txt"),
    ),
    (
        "003_d5caa7359e3878d4.txt",
        include_str!("../../../seeds/003_d5caa7359e3878d4.txt"),
    ),
    (
        "004_380562526dcc32a4.txt",
        include_str!("../../../seeds/004_380562526dcc32a4.txt"),
    ),
];

const MANIFEST: &str = include_str!("../../../seeds/manifest.json");

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
        json::from_str(MANIFEST).map_err(|e| format!("seeds/manifest.json: {e}"))?;
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
#[path = "../tests/bundled.rs"]
mod tests;
