//! Regression test: a file that brings many own articles is planned in linear time. Each record looked
//! its article up through every article, the file's new articles were checked against each other, and
//! the per-article counts went through every placed annotation per article: 20,000 articles took 1.8 s
//! in a release build, four times as long for each doubling.

use super::*;
use crate::domain::files::formats::native::export_docs;
use crate::domain::files::formats::Doc;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::ann;
use crate::domain::model::names::Label;
use std::rc::Rc;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

#[test]
fn a_file_of_many_own_articles_is_planned_in_linear_time() {
    let n = 30_000;
    let docs: Vec<Doc> = (0..n)
        .map(|i| {
            let id = format!("own-{i}");
            let text = format!("Zelensky said “we hold” in Kyiv, {i}.");
            let quotes = (0..=i % 2)
                .map(|k| Rc::new(ann(&format!("q{i}-{k}"), &id, 14 + k, 23, Label::Quote)))
                .collect();
            Doc {
                article: Rc::new(Article::own(&id, "Own", text, NOW)),
                annotations: quotes,
                entities: Vec::new(),
            }
        })
        .collect();
    let file = export_docs(&docs, NOW);
    let ws = Workspace::new(Vec::new());
    let plan = crate::domain::timing::within("importing many own articles", 60.0, || {
        plan_import(
            "many.json",
            file.as_bytes(),
            &ws,
            &ImportOptions::default(),
            NOW,
        )
        .unwrap()
    });
    assert_eq!(plan.articles.len(), n);
    assert_eq!(plan.new, n + n / 2);
    // In the file's order, with each article's count.
    let first: Vec<(&str, usize)> = plan
        .per_article
        .iter()
        .take(3)
        .map(|(a, c)| (a.as_str(), *c))
        .collect();
    assert_eq!(first, [("own-0", 1), ("own-1", 2), ("own-2", 1)]);
    assert_eq!(plan.per_article.len(), n);
}
