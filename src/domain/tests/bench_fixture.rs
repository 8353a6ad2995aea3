//! Tests of `bench_fixture`.

use super::*;

#[test]
fn a_fixture_becomes_an_article_and_its_annotations() {
    let json = r#"{"article": {"id": "bench", "title": "B", "text": "😀 Merkel said"},
        "annotations": [{"id": "b1", "start": 2, "end": 8, "label": "entity", "kind": "person"}]}"#;
    let (article, annotations) = parse_fixture(json).unwrap();
    assert_eq!(article.slice(2, 8), "Merkel");
    assert_eq!(
        annotations[0].label,
        Label::Entity(crate::domain::model::names::EntityKind::Person)
    );
    let bad = json.replace("\"end\": 8", "\"end\": 80");
    assert!(parse_fixture(&bad).unwrap_err().contains("annotations[0]"));
}
