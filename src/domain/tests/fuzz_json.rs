//! Fuzzing `json::from_str` (any text parses or is refused with a place, and what parses is written
//! back and parses the same), and the parser's limits through every JSON-based reader: nesting 100,000
//! deep is refused without overflowing the stack, and huge numbers are refused where a count is wanted.

use super::*;
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::{exercise::Exercise, saved};
use crate::domain::files::batch::{self, Input};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::detect;
use crate::domain::files::formats::detect::fuzz::seeds;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::import::plan_import;
use crate::domain::files::stored;
use crate::domain::fixtures::{formats_workspace, sample_workspace};
use crate::domain::fuzz::{deep_arrays, deep_objects, edited, edits, random_bytes, run, Tally};
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use proptest::prelude::*;
use std::rc::Rc;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

#[test]
fn any_text_parses_or_is_refused_and_what_parses_round_trips() {
    let seeds: Vec<Vec<u8>> = seeds().into_iter().map(|s| s.bytes).collect();
    let tally = Tally::default();
    let strategy = (0..seeds.len() + 1, edits(), random_bytes());
    run("json: parse", strategy, |(i, edits, random)| {
        let bytes = match seeds.get(i) {
            Some(seed) => edited(seed, &edits),
            None => random,
        };
        let text = String::from_utf8_lossy(&bytes);
        let parsed = from_str::<serde_json::Value>(&text);
        tally.note(&parsed)?;
        match parsed {
            Ok(value) => prop_assert_eq!(from_str(&value.to_string()), Ok(value)),
            Err(e) => prop_assert!(e.syntax && e.line >= 1 && !e.message.is_empty()),
        }
        Ok(())
    });
    tally.saw_both("json: parse");
}

/// Every JSON-based reader given `text`, each `Ok` or a clear error; how many refused it.
fn refusals(text: &str) -> usize {
    let (formats, sample) = (formats_workspace(), sample_workspace());
    let have: Vec<Rc<Article>> = sample.articles().to_vec();
    let mut refused = 0;
    let mut count = |message: Option<String>| {
        if let Some(m) = message {
            assert!(!m.trim().is_empty());
            refused += 1;
        }
    };
    for name in ["f.json", "f.jsonl", "f.jsonld"] {
        count(
            detect::read(
                name,
                text.as_bytes(),
                formats.articles(),
                &ImportOptions::default(),
                NOW,
            )
            .err()
            .map(|e| e.message),
        );
        count(
            plan_import(
                name,
                text.as_bytes(),
                &sample,
                &ImportOptions::default(),
                NOW,
            )
            .err()
            .map(|e| e.message),
        );
    }
    count(
        stored::decode(text, bundled_articles().unwrap())
            .err()
            .map(|e| e.to_string()),
    );
    count(
        Exercise::read(text, &have)
            .map(drop)
            .map_err(|e| e.message)
            .err(),
    );
    count(saved::decode(text, &have).err());
    let mut class = Class::default();
    class.add(
        &crate::domain::features::classroom::fuzz::exercise(),
        "s.json",
        text.as_bytes(),
    );
    count(class.problems.first().map(|p| p.message.clone()));
    let input = Input {
        name: "f.json".into(),
        bytes: text.as_bytes().to_vec(),
    };
    let report = batch::validate(
        std::slice::from_ref(&input),
        &bundled_articles().unwrap(),
        &ImportOptions::default(),
        NOW,
    );
    count((report.failed > 0).then(|| report.lines.join("\n")));
    refused
}

#[test]
fn nesting_100000_deep_is_refused_by_every_json_reader_without_overflowing_the_stack() {
    const READERS: usize = 11;
    for deep in [
        deep_arrays(100_000),
        deep_objects(100_000),
        "[".repeat(100_000),
    ] {
        assert_eq!(refusals(&deep), READERS);
        // Inside an otherwise valid file, and on a doccano line.
        let native = format!("{{\"format\":\"news-annotator\",\"version\":2,\"x\":{deep}}}");
        assert_eq!(refusals(&native), READERS);
        let doccano = format!("{{\"text\":\"a\",\"entities\":[]}}\n{{\"text\":{deep}}}\n");
        assert_eq!(refusals(&doccano), READERS);
    }
    // Within the limit (128), a deep value is read and refused for its shape, not its depth.
    let ok_depth = format!(
        "{{\"format\":\"news-annotator\",\"x\":{}}}",
        deep_arrays(120)
    );
    assert!(from_str::<serde_json::Value>(&ok_depth).is_ok());
    assert_eq!(refusals(&ok_depth), READERS);
}

#[test]
fn huge_numbers_are_refused_where_a_count_is_wanted() {
    for (text, read) in [
        ("1e308", true),
        ("1.7976931348623157e308", true),
        ("1e309", false),
        ("-1e309", false),
        ("1e99999999999999999999", false),
        ("18446744073709551616", true),
        ("-9223372036854775809", true),
        ("1e-99999999999999999999", true),
    ] {
        assert_eq!(from_str::<serde_json::Value>(text).is_ok(), read, "{text}");
    }
    // A million digits is past any `f64`: refused, not rounded.
    let million = from_str::<serde_json::Value>(&"9".repeat(1_000_000)).unwrap_err();
    assert_eq!(million.message, "number out of range");
    // As offsets, in every format that has them: refused, naming the place.
    let ws = formats_workspace();
    for huge in [
        "1e308",
        "18446744073709551616",
        "-1",
        "1.5",
        "\"3\"",
        "1e400",
    ] {
        let doccano =
            format!("{{\"text\":\"a\",\"article\":\"fixture\",\"label\":[[0,{huge},\"QUOTE\"]]}}");
        let e = detect::read(
            "f.jsonl",
            doccano.as_bytes(),
            ws.articles(),
            &ImportOptions::default(),
            NOW,
        )
        .unwrap_err();
        assert!(
            e.path.contains("label[0]") || e.path.starts_with("line 1"),
            "{huge}: {e:?}"
        );
        let native = format!(
            "{{\"format\":\"news-annotator\",\"version\":2,\"exported\":\"2026-01-01T00:00:00Z\",\
             \"annotations\":[{{\"id\":\"a\",\"article\":\"fixture\",\"label\":\"quote\",\"start\":0,\
             \"end\":{huge},\"exact\":\"x\",\"created\":\"2026-01-01T00:00:00Z\",\"updated\":\"2026-01-01T00:00:00Z\"}}]}}"
        );
        let e = detect::read(
            "f.json",
            native.as_bytes(),
            ws.articles(),
            &ImportOptions::default(),
            NOW,
        )
        .unwrap_err();
        assert!(!e.message.is_empty(), "{huge}");
    }
}
