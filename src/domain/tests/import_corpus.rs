//! Importing a public corpus (issue 16): texts the app lacks become articles, labels are mapped.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::labels::default_label;
use crate::domain::files::formats::ImportOptions;
use crate::domain::model::names::Label;
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// The corpus in each shape, by file name.
const FILES: [(&str, &[u8]); 3] = [
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

fn empty() -> Workspace {
    Workspace::new(bundled_articles().unwrap())
}

/// The corpus fixtures of issue 16 (brat's news tutorial as a `zip -r`, as doccano JSONL and as Label
/// Studio tasks, whose region ids `T1`, `T2`, … repeat in every task; `tests/fixtures/corpus/`):
/// every text becomes an article, every span of a type the defaults map keeps its code-point offsets
/// and gets its kind, the types left out are listed with their counts, and importing the same corpus
/// again adds nothing.
#[test]
fn a_public_corpus_imports_its_texts_as_articles_in_every_shape() {
    let expected: Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/corpus/news-tutorial.expected.json"
    ))
    .unwrap();
    for (name, bytes) in FILES {
        let ws = empty();
        let plan = plan_import(name, bytes, &ws, &ImportOptions::default(), NOW).unwrap();
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
        let again = plan_import(name, bytes, &after, &ImportOptions::default(), NOW).unwrap();
        assert_eq!((again.new, again.added_articles.len()), (0, 0), "{name}");
    }
}

/// `na-convert convert --to native` on each shape, with no `--articles`: the texts come from the files.
#[test]
fn na_convert_writes_each_shape_as_native_json_with_its_texts() {
    use crate::domain::files::batch::{convert, Input};
    use crate::domain::files::formats::{ExportOptions, Format};
    let articles = bundled_articles().unwrap();
    let reading = ImportOptions::default();
    for (name, bytes) in FILES {
        let input = Input {
            name: name.into(),
            bytes: bytes.to_vec(),
        };
        let options = ExportOptions::default();
        let report = convert(&[input], &articles, &reading, Format::Native, options, NOW);
        assert_eq!(report.failed, 0, "{:?}", report.lines);
        let [out] = &report.outputs[..] else {
            panic!("{name}: not one output")
        };
        let file: Value = serde_json::from_slice(&out.bytes).unwrap();
        assert_eq!(file["annotations"].as_array().unwrap().len(), 95, "{name}");
        let articles = file["articles"].as_array().unwrap();
        let texts = articles.iter().filter(|a| a["text"].is_string()).count();
        assert_eq!(
            texts, 9,
            "{name}: the documents with spans, with their text"
        );
        let money = "  label: Money: 1 span → left out (skipped)";
        assert!(
            report.lines.iter().any(|l| l == money),
            "{name}: {:?}",
            report.lines
        );
    }
}
