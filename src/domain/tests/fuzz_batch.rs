//! Fuzzing na-convert's commands on files in memory: `validate`, `convert`, `merge` and `class` on a few
//! inputs, each an export or a classroom file edited as bytes, or random bytes. Every report has a
//! line per input, counts its failures, and writes nothing from a failed `convert` or `merge`.

use super::*;
use crate::domain::features::classroom::fuzz::{exercise, seeds as classroom_seeds};
use crate::domain::files::formats::detect::fuzz::seeds;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{FORMATS_SECOND, FORMATS_TEXT};
use crate::domain::fuzz::{edited, edits, random_bytes, run, Edit};
use proptest::prelude::*;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// One input: a seed edited, or random bytes; the index picks the seed (past the end: random).
fn inputs() -> impl Strategy<Value = Vec<(usize, Vec<Edit>, Vec<u8>)>> {
    prop::collection::vec((0..20_usize, edits(), random_bytes()), 1..4)
}

#[test]
fn every_command_reports_on_edited_and_random_files() {
    let files: Vec<(String, Vec<u8>)> = seeds()
        .into_iter()
        .map(|s| (s.name.to_owned(), s.bytes))
        .chain(
            classroom_seeds(&exercise())
                .into_iter()
                .map(|(n, t)| (n.to_owned(), t.into_bytes())),
        )
        .collect();
    let articles = articles(&[
        Input {
            name: "fixture.txt".into(),
            bytes: FORMATS_TEXT.into(),
        },
        Input {
            name: "second.txt".into(),
            bytes: FORMATS_SECOND.into(),
        },
    ])
    .unwrap();
    let strategy = (inputs(), 0..Format::ALL.len(), 0..4_usize);
    run("batch: commands", strategy, |(picked, to, command)| {
        let inputs: Vec<Input> = picked
            .into_iter()
            .enumerate()
            .map(|(n, (i, edits, random))| Input {
                name: format!(
                    "{n}-{}",
                    files.get(i).map_or("random.json", |f| f.0.as_str())
                ),
                bytes: files.get(i).map_or(random, |f| edited(&f.1, &edits)),
            })
            .collect();
        let to = Format::ALL[to];
        let report = match command {
            0 => validate(&inputs, &articles, &ImportOptions::default(), NOW),
            1 => convert(
                &inputs,
                &articles,
                &ImportOptions::default(),
                to,
                ExportOptions::default(),
                NOW,
            ),
            2 => merge(
                &inputs,
                &articles,
                &ImportOptions::default(),
                to,
                ExportOptions::default(),
                "out",
                NOW,
            ),
            _ => class(&inputs[0], &inputs[1..], &articles),
        };
        prop_assert!(report.failed <= inputs.len());
        if command != 3 {
            prop_assert!(report.lines.len() >= inputs.len());
        }
        prop_assert!(report.lines.iter().all(|l| !l.trim().is_empty()));
        if matches!(command, 1 | 2) && report.failed > 0 {
            prop_assert!(report.outputs.is_empty());
        }
        Ok(())
    });
}
