//! Tests of the shared parts of the formats: the fixture itself, scopes, names and tags.

use crate::domain::files::formats::tags::{label_of, tag};
use crate::domain::files::formats::{docs, file_name, preview_of, Format, Scope, PREVIEW_LINES};
use crate::domain::fixtures::formats_workspace;
use crate::domain::model::names::{ArticleId, EntityKind, Label, LabelName};
use crate::domain::model::time::Timestamp;

#[test]
fn the_fixture_selects_what_its_offsets_say() {
    let ws = formats_workspace();
    let fixture = ws.article(&ArticleId::from("fixture")).unwrap();
    let exact = |id: &str| {
        let a = ws.annotation(&id.into()).unwrap();
        fixture.slice(a.span.start(), a.span.end()).to_owned()
    };
    assert_eq!(exact("e-kyiv"), "Kyiv");
    assert_eq!(
        exact("q-crucial"),
        "“For me, it is crucial to connect security guarantees with investment,”"
    );
    assert_eq!(exact("e-treasury"), "US Treasury");
    assert_eq!(
        exact("c-disagreed"),
        "the deal “historic”. Zelensky’s office disagreed."
    );
    assert_eq!(ws.len(), 10);
}

#[test]
fn a_scope_picks_articles_and_label_families() {
    let ws = formats_workspace();
    let all = docs(&ws, &Scope::everything());
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].annotations.len(), 8);
    let claims_here = docs(
        &ws,
        &Scope {
            article: Some(ArticleId::from("fixture")),
            labels: vec![LabelName::Claim],
        },
    );
    assert_eq!(claims_here.len(), 1);
    let ids: Vec<&str> = claims_here[0]
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["c-historic", "c-disagreed"]);
}

#[test]
fn every_format_has_a_key_a_dated_name_and_its_offsets() {
    let now = Timestamp(1_795_514_400_000);
    for f in Format::ALL {
        assert_eq!(Format::from_key(f.key()), Some(f));
        assert!(file_name(f, now).starts_with("news-annotations-2026-11-24."));
        assert!(!f.offsets().is_empty());
    }
    assert_eq!(
        file_name(Format::Brat, now),
        "news-annotations-2026-11-24.brat.zip"
    );
}

#[test]
fn tags_read_back_as_their_labels_in_any_case() {
    for label in [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Organization),
        Label::Entity(EntityKind::Place),
        Label::Entity(EntityKind::Other),
    ] {
        assert_eq!(label_of(tag(label)), Ok(label));
        assert_eq!(label_of(&tag(label).to_lowercase()), Ok(label));
    }
    assert_eq!(label_of("gpe"), Ok(Label::Entity(EntityKind::Place)));
    assert!(label_of("SENTIMENT")
        .unwrap_err()
        .contains("\"SENTIMENT\" is not a label"));
}

#[test]
fn a_preview_shows_the_first_lines_and_both_ends_of_a_long_one() {
    let long = format!("{{\"text\":\"{}\",\"entities\":[1]}}", "é".repeat(1000));
    let text = format!("{long}\nshort\n{}", "x\n".repeat(40));
    let preview = preview_of(&text);
    let lines: Vec<&str> = preview.lines().collect();
    assert_eq!(lines.len(), PREVIEW_LINES);
    assert!(lines[0].starts_with("{\"text\":\"éé"));
    assert!(lines[0].ends_with("éé\",\"entities\":[1]}"));
    assert_eq!(lines[0].chars().count(), 403);
    assert_eq!(lines[1], "short");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use crate::domain::files::formats::detect;
    use crate::domain::fixtures::formats_workspace;
    use crate::domain::model::time::Timestamp;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever a person loads, detection answers Ok or Err and never panics: random bytes, and
        /// texts that look like the start of each format.
        #[test]
        fn detection_never_panics_on_any_file(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            head in prop::sample::select(vec!["", "{", "[", "PK\u{3}\u{4}", "{\"format\":", "[{\"data\":", "{\"@context\":", "{\"text\":\"x\",\"label\":", "T1\t"]),
            name in prop::sample::select(vec!["x.json", "x.ann", "x.jsonl", "x.zip"]),
        ) {
            let ws = formats_workspace();
            let mut file = head.as_bytes().to_vec();
            file.extend(bytes);
            let _ = detect::read(name, &file, ws.articles(), &Default::default(), Timestamp(0));
        }
    }
}
