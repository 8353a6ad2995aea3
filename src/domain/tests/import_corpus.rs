//! Importing a public corpus (issue 16): texts the app lacks become articles, labels are mapped.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::labels::{default_label, LabelMap};
use crate::domain::model::names::Label;
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn empty() -> Workspace {
    Workspace::new(bundled_articles().unwrap())
}

/// The corpus fixtures of issue 16 (brat's news tutorial as a `zip -r`, as doccano JSONL and as Label
/// Studio tasks, whose region ids `T1`, `T2`, … repeat in every task; `tests/fixtures/corpus/`): every text becomes an article, every span of a type the
/// defaults map keeps its code-point offsets and gets its kind, the types left out are listed with
/// their counts, and importing the same corpus again adds nothing.
#[test]
fn a_public_corpus_imports_its_texts_as_articles_in_every_shape() {
    let expected: Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/corpus/news-tutorial.expected.json"
    ))
    .unwrap();
    let files: [(&str, &[u8]); 3] = [
        (
            "brat-news-tutorial.zip",
            include_bytes!("../../../tests/fixtures/corpus/brat-news-tutorial.zip"),
        ),
        (
            "news-tutorial.doccano.jsonl",
            include_bytes!("../../../tests/fixtures/corpus/news-tutorial.doccano.jsonl"),
        ),
        (
            "news-tutorial.label-studio.json",
            include_bytes!("../../../tests/fixtures/corpus/news-tutorial.label-studio.json"),
        ),
    ];
    for (name, bytes) in files {
        let ws = empty();
        let plan = plan_import(name, bytes, &ws, &LabelMap::default(), NOW).unwrap();
        assert_eq!(plan.added_articles.len(), 13, "{name}");
        let left_out: Vec<(&str, usize)> = plan
            .labels
            .iter()
            .filter(|u| u.to.is_none())
            .map(|u| (u.name.as_str(), u.count))
            .collect();
        assert_eq!(
            left_out,
            [
                ("Merge-org", 14),
                ("Money", 1),
                ("Report", 8),
                ("Transfer-money", 1)
            ],
            "{name}"
        );
        let mut after = ws.clone();
        after.apply(plan.action(false)).unwrap();
        let mut placed = 0;
        for (stem, doc) in expected["per_document"].as_object().unwrap() {
            let sha = doc["sha256"].as_str().unwrap();
            let article = after.articles().iter().find(|a| a.sha256() == sha);
            let article = article.unwrap_or_else(|| panic!("{name}: no article for {stem}"));
            let mut want: Vec<(usize, usize, Label)> = doc["spans"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| {
                    let label = default_label(s[2].as_str().unwrap())?;
                    Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize, label))
                })
                .collect();
            want.sort();
            want.dedup();
            let mut got: Vec<(usize, usize, Label)> = after
                .in_article(&article.id)
                .iter()
                .map(|a| (a.span.start(), a.span.end(), a.label))
                .collect();
            got.sort();
            assert_eq!(got, want, "{name}: {stem}");
            placed += got.len();
        }
        assert_eq!(placed, 95, "{name}: GPE 12 + Organization 56 + Person 27");
        let again = plan_import(name, bytes, &after, &LabelMap::default(), NOW).unwrap();
        assert_eq!((again.new, again.added_articles.len()), (0, 0), "{name}");
    }
}
