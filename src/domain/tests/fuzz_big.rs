//! 50 MB files through `import::plan_import` and `detect::read` (and the own-article reader for
//! Markdown; HTML is parsed by the browser): valid exports of every format read back (hundreds of thousands of annotations on a 230,000-character
//! article), Label Studio's UTF-16 offsets, garbage, nesting and one huge string. Each must end with
//! `Ok` or a clear error within [`BASELINES_PER_MB`] per MB, its peak memory growing by less than
//! [`MEMORY_FACTOR`] times the file ([`MARKDOWN_MEMORY_FACTOR`] for Markdown).
//!
//! Each file runs in a child process of this test binary (the same test, `NA_BIG_CASE` naming the
//! file), so that the peak resident size (`VmHWM`, reset before the read) is this read's alone.

use crate::domain::files::formats::ImportOptions;

use crate::domain::features::own_text::read_file;
use crate::domain::files::formats::long_text_tests::utf16_offsets;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::{detect, docs, export, zip, Format, Scope};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::{ann, FORMATS_TEXT};
use crate::domain::fuzz::peak_rss;
use crate::domain::model::article::Article;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use crate::domain::timing;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// The size of every file: 50 MB in a release build (`cargo test --release`), 5 MB in a debug build
/// (ten times slower, and run by every `cargo test`), or `NA_BIG_MB` MB.
fn size() -> usize {
    let mb = std::env::var("NA_BIG_MB").ok().and_then(|n| n.parse().ok());
    let default = if cfg!(debug_assertions) { 5 } else { 50 };
    mb.unwrap_or(default) * 1_000_000
}

/// The most time a read may take, per MB of file, in baselines measured in the same run
/// (`crate::domain::timing`): about 4 times the slowest measured (doccano, about 10 per MB). A read
/// that is quadratic somewhere takes minutes (Label Studio's UTF-16 offsets took 130 s).
const BASELINES_PER_MB: f64 = 40.0;

/// The most the peak memory may grow while reading, as a multiple of the file's size. The densest
/// format needs the most: doccano spends about 70 bytes of file on an annotation, which becomes a
/// JSON value and a record of a dozen strings (measured 19× at 50 MB, 23× at 5 MB).
const MEMORY_FACTOR: usize = 30;

/// The same for the own-article Markdown reader: `pulldown-cmark` keeps the tree of the whole
/// document while it is read, an event every 2 bytes of this file (measured 33× at 5 MB; half that in
/// the browser's 32-bit memory). Files past `own_text::MAX_MARKDOWN_BYTES` are refused before.
const MARKDOWN_MEMORY_FACTOR: usize = 40;

/// The files, by name.
const CASES: [&str; 14] = [
    "native",
    "native-articles",
    "w3c",
    "doccano",
    "label-studio",
    "label-studio-utf16",
    "brat-zip",
    "brat-ann",
    "brat-many",
    "garbage",
    "garbage-text",
    "deep",
    "string",
    "own-md",
];

/// The article the exports annotate: the formats fixture's text 1,000 times (about 230,000 code
/// points, with an emoji flag every 230).
fn article() -> Article {
    Article::new("big", "Big", FORMATS_TEXT.repeat(1_000))
}

/// Label Studio's file with its offsets in UTF-16 code units, as some of its versions write them.
fn label_studio_utf16() -> Vec<u8> {
    let file = big_export(Some(Format::LabelStudio));
    let mut value: serde_json::Value = serde_json::from_slice(&file).unwrap();
    utf16_offsets(&mut value, &article().text);
    serde_json::to_vec_pretty(&value).unwrap()
}

/// A workspace of [`article`] with `n` annotations, all different.
fn workspace(n: usize) -> Workspace {
    let mut ws = Workspace::new(vec![article()]);
    let len = ws.articles()[0].text.chars().count();
    let labels = [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
    ];
    let annotations = (0..n)
        .map(|i| {
            let start = (i * 7_919) % (len - 100);
            let end = start + 1 + (i / (len - 100)) % 90;
            ann(&format!("a{i}"), "big", start, end, labels[i % 3])
        })
        .collect();
    let import = Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations,
        replace: false,
    };
    ws.apply(import).unwrap();
    ws
}

/// The app's own file of `size()` bytes bringing one own article per 640 bytes, each with a quote.
fn many_articles() -> Vec<u8> {
    use crate::domain::files::formats::Doc;
    use std::rc::Rc;
    let n = size() / 640;
    let docs: Vec<Doc> = (0..n)
        .map(|i| {
            let id = format!("own-{i}");
            let article = Article::own(
                &id,
                "Own",
                format!("Zelensky said “we hold” in Kyiv, {i}."),
                NOW,
            );
            Doc {
                article: Rc::new(article),
                annotations: vec![Rc::new(ann(&format!("q{i}"), &id, 14, 23, Label::Quote))],
                entities: Vec::new(),
            }
        })
        .collect();
    crate::domain::files::formats::native::export_docs(&docs, NOW).into_bytes()
}

/// The export of `n` annotations in `format` (the app's own format for `None`).
fn exported(format: Option<Format>, n: usize) -> Vec<u8> {
    let ws = workspace(n);
    match format {
        None => export_json(&ws, NOW).into_bytes(),
        Some(f) => export(f, &docs(&ws, &Scope::everything()), NOW).bytes,
    }
}

/// A valid export of at least [`size`] bytes, sized from two small ones.
fn big_export(format: Option<Format>) -> Vec<u8> {
    let (small, more) = (exported(format, 2_000).len(), exported(format, 4_000).len());
    let per = (more - small) / 2_000;
    let mut n = size().saturating_sub(small) / per + 2_000;
    loop {
        let bytes = exported(format, n);
        if bytes.len() >= size() {
            return bytes;
        }
        n += n / 20;
    }
}

/// `size()` pseudo-random bytes (xorshift), each mapped through `map`.
fn noise(map: impl Fn(u8) -> u8) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..size())
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            map((x >> 24) as u8)
        })
        .collect()
}

/// The file `case`: its name and bytes.
fn file(case: &str) -> (String, Vec<u8>) {
    let bytes = match case {
        "native" => big_export(None),
        "native-articles" => many_articles(),
        "w3c" => big_export(Some(Format::W3c)),
        "doccano" => big_export(Some(Format::Doccano)),
        "label-studio" => big_export(Some(Format::LabelStudio)),
        "label-studio-utf16" => label_studio_utf16(),
        "brat-zip" => big_export(Some(Format::Brat)),
        "brat-ann" => {
            let files = zip::read(&big_export(Some(Format::Brat))).unwrap();
            files
                .into_iter()
                .find(|(n, _)| n.ends_with(".ann"))
                .unwrap()
                .1
        }
        "brat-many" => {
            let mut files = Vec::new();
            for i in 0..32_000 {
                files.push((format!("doc{i}.ann"), b"T1\tPlace 0 4\tKyiv\n".to_vec()));
                files.push((format!("doc{i}.txt"), b"Kyiv".to_vec()));
            }
            zip::write(&files)
        }
        "garbage" => noise(|b| b),
        "garbage-text" => {
            noise(|b| b"{}[]\",:0123456789 abcdefghijklmnopqrstuvwxyz\n\t-.eE"[usize::from(b) % 50])
        }
        "deep" => "[".repeat(size()).into_bytes(),
        "string" => format!("\"{}\"", "Kyiv 🇺🇦 ".repeat(size() / 12)).into_bytes(),
        _ => "# Kyiv\n\n> **said** *x* [y](z) `c`\n- one\n\n"
            .repeat(size() / 40)
            .into_bytes(),
    };
    let name = match case {
        "brat-ann" => "big.ann",
        "brat-zip" | "brat-many" => "big.zip",
        "doccano" => "big.jsonl",
        "own-md" => "big.md",
        _ => "big.json",
    };
    (name.to_owned(), bytes)
}

/// Reads the file `case` and checks time and memory (in the child process).
fn run_case(case: &str) {
    let (name, bytes) = file(case);
    let sized = !matches!(case, "brat-many" | "native-articles");
    assert!(
        bytes.len() >= size() || !sized,
        "{case}: {} bytes",
        bytes.len()
    );
    let ws = Workspace::new(vec![article()]);
    // Forget the peak of making the file: from here on it is the read's.
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = peak_rss().unwrap();
    let mb = bytes.len() as f64 / 1e6;
    let outcome = timing::within(case, BASELINES_PER_MB * mb, || {
        if case.starts_with("own-") {
            read_file(&name, &bytes, |_| Err("HTML is the browser's".to_owned()))
                .map(|_| "ok".to_owned())
        } else {
            plan_import(&name, &bytes, &ws, &ImportOptions::default(), NOW)
                .map(|p| format!("{} annotations", p.total))
                .map_err(|e| e.to_string())
        }
    });
    let grew = peak_rss().unwrap().saturating_sub(before);
    let memory_factor = match case {
        "own-md" => MARKDOWN_MEMORY_FACTOR,
        _ => MEMORY_FACTOR,
    };
    // The reader alone, as the command line's validate and the tests call it (not measured).
    if !case.starts_with("own-") {
        let read = detect::read(&name, &bytes, ws.articles(), &ImportOptions::default(), NOW);
        assert!(read.err().is_none_or(|e| !e.message.trim().is_empty()));
    }
    let said = match &outcome {
        Ok(s) => format!("ok, {s}"),
        Err(e) => format!("refused: {}", e.chars().take(100).collect::<String>()),
    };
    println!(
        "BIG {case}: {mb:.1} MB, peak memory +{:.1} MB ({:.1}×); {said}",
        grew as f64 / 1e6,
        grew as f64 / bytes.len() as f64
    );
    assert!(outcome.as_ref().err().is_none_or(|e| !e.trim().is_empty()));
    assert!(
        grew < memory_factor * bytes.len(),
        "{case}: peak memory grew by {grew} bytes"
    );
}

#[test]
fn fifty_megabyte_files_are_read_or_refused_in_bounded_time_and_memory() {
    if let Ok(case) = std::env::var("NA_BIG_CASE") {
        return run_case(&case);
    }
    let test = concat!(
        module_path!(),
        "::fifty_megabyte_files_are_read_or_refused_in_bounded_time_and_memory"
    );
    let test = test.split_once("::").unwrap().1;
    for case in CASES {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([test, "--exact", "--nocapture", "--test-threads=1"])
            .env("NA_BIG_CASE", case)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        for line in stdout
            .lines()
            .filter_map(|l| l.find("BIG ").map(|at| &l[at..]))
        {
            eprintln!("{line}");
        }
        assert!(
            out.status.success(),
            "{case}:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains(&format!("BIG {case}:")),
            "{case} did not run:\n{stdout}"
        );
    }
}
