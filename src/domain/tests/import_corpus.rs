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

/// What a workspace holds of its own articles: each text, with its spans (start, end, label) and its
/// links (the linking span to the linked span), in text order.
type Corpus = Vec<(
    String,
    Vec<(usize, usize, Label)>,
    Vec<((usize, usize), (usize, usize))>,
)>;

fn own_corpus(ws: &Workspace) -> Corpus {
    let mut out: Corpus = ws
        .articles()
        .iter()
        .filter(|a| a.id.as_str().starts_with("text-"))
        .map(|article| {
            let list = ws.in_article(&article.id);
            let mut spans: Vec<_> = list
                .iter()
                .map(|a| (a.span.start(), a.span.end(), a.label))
                .collect();
            spans.sort();
            let at = |a: &Annotation| (a.span.start(), a.span.end());
            let mut links: Vec<_> = list
                .iter()
                .filter_map(|a| {
                    let source = ws.annotation(a.attrs.source.as_ref()?)?;
                    Some((at(a), at(source)))
                })
                .collect();
            links.sort();
            (article.text.to_string(), spans, links)
        })
        .collect();
    out.sort();
    out
}

/// Round trips (issue 16): the corpus imported, with a quote linked to its speaker, exported in each
/// format that carries texts, and that file imported into an empty profile, gives back the same texts
/// and spans, and the link where the format holds links.
#[test]
fn our_corpus_export_read_into_an_empty_profile_gives_back_its_texts_spans_and_links() {
    use crate::domain::files::formats::{docs, export_with, ExportOptions, Format, Scope};
    use crate::domain::model::attributes::Attributes;
    use crate::domain::model::names::{AnnotationId, EntityKind};
    use crate::domain::model::span::Span;
    let (name, bytes) = FILES[0];
    let mut ws = empty();
    let plan = plan_import(name, bytes, &ws, &ImportOptions::default(), NOW).unwrap();
    ws.apply(plan.action(false)).unwrap();
    // A quote after the first person mention, linked to it.
    let person = ws
        .all()
        .into_iter()
        .find(|a| a.label == Label::Entity(EntityKind::Person))
        .unwrap();
    // Its words up to the first space 15 code points on, so that token-based formats keep it whole.
    let text: Vec<char> = ws.article(&person.article).unwrap().text.chars().collect();
    let start = person.span.end() + 1;
    let end = (start + 15..text.len()).find(|&i| text[i] == ' ').unwrap();
    let quote = Annotation {
        id: AnnotationId::from("q-round-trip"),
        article: person.article.clone(),
        span: Span::new(start, end).unwrap(),
        label: Label::Quote,
        note: String::new(),
        attrs: Attributes {
            source: Some(person.id.clone()),
            ..Attributes::default()
        },
        created: NOW,
        updated: NOW,
    };
    ws.apply(Action::Annotate(quote)).unwrap();
    let want = own_corpus(&ws);
    assert_eq!(want.len(), 13);
    assert_eq!(want.iter().map(|c| c.2.len()).sum::<usize>(), 1, "the link");

    let all = docs(&ws, &Scope::everything());
    let with_links = [
        Format::Native,
        Format::W3c,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
    ];
    // CoNLL keeps no text (it is rebuilt from the tokens, `conll_read.rs` tests its round trip).
    let without = [Format::SpacyJsonl, Format::Prodigy];
    for format in with_links.into_iter().chain(without) {
        let body = export_with(format, &all, NOW, ExportOptions::default());
        let file = format!("corpus.{}", format.extension());
        let fresh = empty();
        let plan = plan_import(&file, &body.bytes, &fresh, &ImportOptions::default(), NOW)
            .unwrap_or_else(|e| panic!("{format:?}: {e:?}"));
        let mut back = fresh.clone();
        back.apply(plan.action(false)).unwrap();
        let mut got = own_corpus(&back);
        let mut expected = want.clone();
        if without.contains(&format) {
            expected.iter_mut().for_each(|c| c.2.clear());
        }
        if format == Format::W3c {
            // W3C writes annotations, each with its target: a text without any is not in the file.
            expected.retain(|c| !c.1.is_empty());
        }
        assert_eq!(got.len(), expected.len(), "{format:?}: every text");
        for (g, e) in got.iter_mut().zip(&expected) {
            let title = e.0.lines().next().unwrap_or_default();
            assert_eq!(g.0, e.0, "{format:?}: the text of “{title}”");
            g.1.sort();
            assert_eq!(g.1, e.1, "{format:?}: the spans of “{title}”");
            assert_eq!(g.2, e.2, "{format:?}: the links of “{title}”");
        }
    }
}
