//! Fuzzing every importable format through `detect::read` and `import::plan_import`: the exports of
//! the fixtures (News Annotator v1, v2 and today's, W3C, doccano, Label Studio, brat zip and .ann, and
//! the formats only written) mutated in their JSON structure, edited as bytes, zips rebuilt around
//! edited members, and random bytes under every kind of name. A plan that is made must apply.

use crate::domain::files::formats::ImportOptions;

use crate::domain::files::formats::native::{export_json, sample::rich_workspace};
use crate::domain::files::formats::{detect, docs, export, zip, Format, Scope};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::{formats_workspace, registry_workspace, sample_workspace};
use crate::domain::fuzz::{clear, edited, edits, random_bytes, run, tweaked, tweaks, Tally};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// A file to mutate: its name, its bytes, whether it is JSON Lines, and whether it goes with the
/// sample workspace (bundled articles) rather than the formats fixture.
pub struct Seed {
    /// The file name the reader sees.
    pub name: &'static str,
    /// The content.
    pub bytes: Vec<u8>,
    /// One JSON value a line.
    pub lines: bool,
    /// Read against [`sample_workspace`] rather than [`formats_workspace`].
    pub sample: bool,
}

/// The exports of the fixtures in every format, and the app's older export files.
pub fn seeds() -> Vec<Seed> {
    let ws = registry_workspace();
    let all = docs(&ws, &Scope::everything());
    let of = |f: Format| export(f, &all, NOW).bytes;
    let brat = of(Format::Brat);
    let ann = zip::read(&brat)
        .unwrap()
        .into_iter()
        .find(|(n, _)| n.ends_with("fixture.ann"))
        .unwrap()
        .1;
    let seed = |name, bytes, lines, sample| Seed {
        name,
        bytes,
        lines,
        sample,
    };
    vec![
        seed(
            "export.json",
            export_json(&rich_workspace(), NOW).into_bytes(),
            false,
            true,
        ),
        seed(
            "v1.json",
            include_bytes!("../../../tests/fixtures/native-export.json").to_vec(),
            false,
            true,
        ),
        seed(
            "v2.json",
            include_bytes!("../../../tests/fixtures/native-export-v2.json").to_vec(),
            false,
            true,
        ),
        seed("f.w3c.jsonld", of(Format::W3c), false, false),
        seed("f.doccano.jsonl", of(Format::Doccano), true, false),
        seed("f.label-studio.json", of(Format::LabelStudio), false, false),
        seed("fixture.ann", ann, false, false),
        seed("f.brat.zip", brat, false, false),
        seed("f.spacy.jsonl", of(Format::SpacyJsonl), true, false),
        seed("f.prodigy.jsonl", of(Format::Prodigy), true, false),
        seed("f.spacy-tuples.json", of(Format::SpacyTuples), false, false),
        seed("f.conll", of(Format::Conll), false, false),
        seed("f.csv", of(Format::Csv), false, false),
    ]
}

/// Reads `bytes` as the file `name` both ways; each returns `Ok` or a clear error (the plan's counted
/// in `tally`), and an accepted plan's merge and replace both apply to the workspace.
pub fn read_both(name: &str, bytes: &[u8], ws: &Workspace, tally: &Tally) -> TestCaseResult {
    clear(&detect::read(
        name,
        bytes,
        ws.articles(),
        &ImportOptions::default(),
        NOW,
    ))?;
    let plan = plan_import(name, bytes, ws, &ImportOptions::default(), NOW);
    tally.note(&plan)?;
    if let Ok(plan) = plan {
        for replace in [false, true] {
            let applied = ws.clone().apply(plan.action(replace));
            prop_assert!(applied.is_ok(), "{name}: {:?}", applied.err());
        }
    }
    Ok(())
}

#[test]
fn every_export_mutated_in_its_json_is_read_or_refused() {
    let seeds = seeds();
    let (formats, sample) = (formats_workspace(), sample_workspace());
    let tally = Tally::default();
    // The JSON files of the formats read (the ones only written are refused at once).
    let json: Vec<&Seed> = seeds
        .iter()
        .filter(|s| {
            s.name.contains(".json") && !s.name.contains("spacy") && !s.name.contains("prodigy")
        })
        .collect();
    let strategy = (
        0..json.len(),
        tweaks(),
        any::<bool>(),
        prop::option::weighted(0.2, edits()),
    );
    run(
        "formats: json tweaked",
        strategy,
        |(i, tweaks, pretty, edits)| {
            let seed = json[i];
            let text = String::from_utf8(seed.bytes.clone()).unwrap();
            let file = tweaked(&text, seed.lines, &tweaks, pretty).into_bytes();
            let file = edited(&file, &edits.unwrap_or_default());
            let ws = if seed.sample { &sample } else { &formats };
            read_both(seed.name, &file, ws, &tally)
        },
    );
    tally.saw_both("formats: json tweaked");
}

#[test]
fn every_export_edited_as_bytes_is_read_or_refused() {
    let seeds = seeds();
    let (formats, sample) = (formats_workspace(), sample_workspace());
    let tally = Tally::default();
    run(
        "formats: bytes edited",
        (0..seeds.len(), edits()),
        |(i, edits)| {
            let seed = &seeds[i];
            let file = edited(&seed.bytes, &edits);
            let ws = if seed.sample { &sample } else { &formats };
            read_both(seed.name, &file, ws, &tally)
        },
    );
    tally.saw_both("formats: bytes edited");
}

#[test]
fn a_brat_zip_of_edited_files_is_read_or_refused() {
    let seeds = seeds();
    let zip_seed = seeds.iter().find(|s| s.name.ends_with(".zip")).unwrap();
    let members = zip::read(&zip_seed.bytes).unwrap();
    let ws = formats_workspace();
    let tally = Tally::default();
    let strategy = (0..members.len(), edits(), any::<bool>());
    run(
        "formats: brat zip members",
        strategy,
        |(i, edits, rename)| {
            let mut files = members.clone();
            files[i].1 = edited(&files[i].1, &edits);
            if rename {
                // The same member twice, under its name with the other extension.
                let (name, data) = files[i].clone();
                let other = match name.strip_suffix(".ann") {
                    Some(stem) => format!("{stem}.txt"),
                    None => name.replace(".txt", ".ann"),
                };
                files.push((other, data));
            }
            read_both("f.zip", &zip::write(&files), &ws, &tally)
        },
    );
    tally.saw_both("formats: brat zip members");
}

#[test]
fn random_bytes_under_any_name_are_read_or_refused() {
    let ws = formats_workspace();
    let names = ["f.json", "f.jsonl", "fixture.ann", "f.zip", "f.txt"];
    let strategy = (0..names.len(), random_bytes(), any::<bool>());
    run(
        "formats: random bytes",
        strategy,
        |(i, mut bytes, zip_magic)| {
            if zip_magic {
                bytes.splice(0..0, *b"PK\x03\x04");
            }
            read_both(names[i], &bytes, &ws, &Tally::default())
        },
    );
}
