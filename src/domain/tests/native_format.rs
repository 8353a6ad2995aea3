//! Tests of the export file: a golden file on the bundled articles, its shape, and the download name.

use super::*;
use crate::domain::fixtures::{json, sample_workspace};
use crate::domain::formats::{file_name, Format};

/// 2026-11-24T10:00:00.000Z.
const EXPORTED: Timestamp = Timestamp(1_795_514_400_000);

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/native-export.json"
);

/// Compares with the golden file; `UPDATE_GOLDEN=1 cargo test` rewrites it (then review the diff).
#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    let json = export_json(&sample_workspace(), EXPORTED);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &json).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert!(json == golden, "export differs from {GOLDEN}:\n{json}");
}

#[test]
fn export_lists_every_article_and_annotations_in_text_order() {
    let ws = sample_workspace();
    let file = ExportFile::read(&mut json(&export_json(&ws, EXPORTED))).unwrap();
    assert_eq!((file.format.as_str(), file.version), (FORMAT, 1));
    assert_eq!(file.exported, "2026-11-24T10:00:00.000Z");
    assert_eq!(file.offsets, OFFSETS);
    assert_eq!(file.articles.len(), ws.articles().len());
    assert_eq!(
        (file.articles[0].id.as_str(), file.articles[0].length),
        ("kyiv-post", 4016)
    );
    let ids: Vec<&str> = file.annotations.iter().map(|r| r.id.as_str()).collect();
    // The claim and the entity nested in it share a start: the outer span comes first.
    assert_eq!(
        ids,
        [
            "e-zelensky",
            "e-msc",
            "q-short",
            "q-ministers",
            "c-reserves",
            "e-ukraine"
        ]
    );
    let nested = &file.annotations[5];
    assert_eq!(
        (nested.kind.as_deref(), nested.exact.as_str()),
        (Some("place"), "Ukraine")
    );
    assert_eq!(nested.suffix, " possesses substantial reserves ");
    assert_eq!(file.annotations[2].kind, None);
}

#[test]
fn export_is_indented_with_two_spaces_and_ends_with_a_newline() {
    let json = export_json(&Workspace::new(Vec::new()), EXPORTED);
    assert_eq!(
        json,
        "{\n  \"format\": \"news-annotator\",\n  \"version\": 1,\n  \
         \"exported\": \"2026-11-24T10:00:00.000Z\",\n  \
         \"offsets\": \"unicode-code-points, end-exclusive\",\n  \
         \"articles\": [],\n  \"annotations\": []\n}\n"
    );
}

#[test]
fn file_name_is_the_utc_date() {
    assert_eq!(
        file_name(Format::Native, EXPORTED),
        "news-annotations-2026-11-24.json"
    );
    // 23:59:59.999 UTC is still the same day.
    assert_eq!(
        file_name(Format::Native, Timestamp(1_795_564_799_999)),
        "news-annotations-2026-11-24.json"
    );
}
