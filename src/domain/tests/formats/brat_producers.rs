//! Brat zips as people make them, made here by the real tools: the `zip` command (`zip -r`, and
//! streamed to a pipe, with data descriptors), Python's `zipfile` (deflated; streamed; a Finder-style
//! archive with `__MACOSX/` and `._` entries; an Explorer-style one with folder entries and one with
//! backslashes). Each is read by the zip reader, by the brat import and by the import plan, and the
//! annotations must arrive at the same offsets.
//!
//! The tools are part of the setup (`bash scripts/setup.sh`); without them these tests fail.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The brat folder every archive holds: the fixture's text with two annotations (after an emoji
/// flag, so that code points and bytes differ), the second article with one, and a text with an
/// annotation that no article has, under a name beyond ASCII.
const FOLDER: [(&str, &str); 6] = [
    ("brat/fixture.txt", FORMATS_TEXT),
    (
        "brat/fixture.ann",
        "T1\tPlace 3 7\tKyiv\nT2\tPerson 87 105\tVolodymyr Zelensky\n#1\tAnnotatorNotes T2\tпрезидент\n",
    ),
    ("brat/second.txt", "Ukraine’s parliament met in Kyiv."),
    ("brat/second.ann", "T1\tPlace 28 32\tKyiv\n"),
    ("brat/київ.txt", "Текст, якого тут немає. Текст, якого тут немає."),
    ("brat/київ.ann", "T1\tOther 0 5\tТекст\n"),
];

/// What every archive must import: (article, start, end, text), in the order of the files.
/// The text of `brat/київ.txt`, which no article has, becomes an article of its own.
const PLACED: [(&str, usize, usize, &str); 4] = [
    ("fixture", 3, 7, "Kyiv"),
    ("fixture", 87, 105, "Volodymyr Zelensky"),
    ("second", 28, 32, "Kyiv"),
    ("text-b6988357057e32ce", 0, 5, "Текст"),
];

/// A fresh, empty folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("na-zip-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// [`FOLDER`] written out under `dir`.
fn write_folder(dir: &Path) {
    for (name, text) in FOLDER {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// Runs `program` with `args` in `dir` and returns what it printed; fails the test, saying how to
/// install the tool, when it is missing or fails.
fn run(program: &str, args: &[&str], dir: &Path) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "`{program}` could not be run ({e}); these tests make zips with the real tools: run \
                 `bash scripts/setup.sh` to install them"
            )
        });
    assert!(
        out.status.success(),
        "`{program} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Python's `zipfile` writing [`FOLDER`] to the zip file `out` (or to a pipe when `out` is `-`),
/// `extra` being Python statements run with `z` the open archive, before the folder's files.
fn python_zip(dir: &Path, out: &str, method: &str, extra: &str) -> Vec<u8> {
    write_folder(dir);
    let names: Vec<&str> = FOLDER.iter().map(|(name, _)| *name).collect();
    let script = format!(
        "import sys, zipfile\n\
         out = sys.stdout.buffer if {out:?} == '-' else open({out:?}, 'wb')\n\
         with zipfile.ZipFile(out, 'w', zipfile.{method}) as z:\n\
         \x20   {extra}\n\
         \x20   for name in {names:?}:\n\
         \x20       z.write(name)\n"
    );
    let printed = run("python3", &["-c", &script], dir);
    match out {
        "-" => printed,
        file => std::fs::read(dir.join(file)).unwrap(),
    }
}

/// The `zip` command zipping the folder with `args` into `out.zip`.
fn zip_command(dir: &Path, args: &[&str]) -> Vec<u8> {
    write_folder(dir);
    let mut all = vec!["-q", "-r"];
    all.extend_from_slice(args);
    run("zip", &all, dir);
    std::fs::read(dir.join("out.zip")).unwrap()
}

/// Whether the archive holds a deflated file, and one whose sizes follow its data (a data
/// descriptor, flag bit 3), as the crate and the local headers say.
fn kinds(bytes: &[u8]) -> (bool, bool) {
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let (mut deflated, mut streamed) = (false, false);
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        deflated |= file.compression() == ::zip::CompressionMethod::Deflated;
        let at = file.header_start() as usize;
        streamed |= bytes[at + 6] & 8 != 0;
    }
    (deflated, streamed)
}

/// Asserts that `bytes` unzip to the folder's files (plus `junk`, names that the brat import leaves
/// out) and import the folder's annotations at their offsets.
fn assert_imports(bytes: &[u8], junk: &[&str]) {
    let mut names: Vec<String> = zip::read(bytes)
        .unwrap()
        .into_iter()
        .map(|(name, data)| {
            let listed = FOLDER.iter().find(|(n, _)| *n == name);
            if let Some((_, text)) = listed {
                assert_eq!(String::from_utf8(data).unwrap(), *text, "{name}");
            }
            name
        })
        .collect();
    names.sort();
    let mut expected: Vec<&str> = FOLDER
        .iter()
        .map(|(name, _)| *name)
        .chain(junk.iter().copied())
        .collect();
    expected.sort();
    assert_eq!(names, expected);

    let ws = formats_workspace();
    let incoming = read_zip(bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    let mut placed: Vec<(&str, usize, usize, &str)> = incoming
        .records
        .iter()
        .map(|(_, r)| (r.article.as_str(), r.start, r.end, r.exact.as_str()))
        .collect();
    placed.sort();
    assert_eq!(placed, PLACED);
    let note = incoming
        .records
        .iter()
        .find(|(_, r)| r.exact == "Volodymyr Zelensky");
    assert_eq!(note.unwrap().1.note, "президент");
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);

    let plan = plan_import("folder.zip", bytes, &ws, &ImportOptions::default(), NOW).unwrap();
    assert_eq!((plan.format, plan.total), (Format::Brat, PLACED.len()));
    assert_eq!(plan.new + plan.present + plan.conflicts, PLACED.len());
    assert_eq!(
        plan.per_article,
        [
            ("fixture".to_owned(), 2),
            ("second".to_owned(), 1),
            ("text-b6988357057e32ce".to_owned(), 1)
        ]
    );
    assert!(
        plan.reanchored.is_empty() && plan.not_found.is_empty(),
        "{plan:?}"
    );
}

#[test]
fn zip_r_of_a_folder_imports() {
    let dir = scratch("zip-r");
    let bytes = zip_command(&dir, &["out.zip", "brat"]);
    assert_eq!(kinds(&bytes), (true, false));
    assert_imports(&bytes, &[]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn zip_streamed_to_a_pipe_imports() {
    // `zip -fd` forces data descriptors, as zip writes them to a pipe (`zip -r - brat | …`).
    let dir = scratch("zip-fd");
    let bytes = zip_command(&dir, &["-fd", "out.zip", "brat"]);
    assert_eq!(kinds(&bytes), (true, true));
    assert_imports(&bytes, &[]);
    let piped = run("sh", &["-c", "zip -q -r - brat | cat"], &dir);
    assert_eq!(kinds(&piped), (true, true));
    assert_imports(&piped, &[]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn python_zipfile_deflated_imports() {
    let dir = scratch("python-deflated");
    let bytes = python_zip(&dir, "out.zip", "ZIP_DEFLATED", "pass");
    assert_eq!(kinds(&bytes), (true, false));
    assert_imports(&bytes, &[]);
    // Written to a pipe, Python puts each file's sizes after it.
    let piped = python_zip(&dir, "-", "ZIP_DEFLATED", "pass");
    assert_eq!(kinds(&piped), (true, true));
    assert_imports(&piped, &[]);
    // With ZIP64 sizes in every header, as Python writes a file whose size it does not know.
    let script = format!(
        "import zipfile\n\
         with zipfile.ZipFile('out.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n\
         \x20   for name in {:?}:\n\
         \x20       with z.open(name, 'w', force_zip64=True) as f: f.write(open(name, 'rb').read())\n",
        FOLDER.map(|(name, _)| name)
    );
    run("python3", &["-c", &script], &dir);
    let zip64 = std::fs::read(dir.join("out.zip")).unwrap();
    // The first local header's extra field, after its name, starts with the ZIP64 field (id 1).
    let extra = 30 + usize::from(u16::from_le_bytes([zip64[26], zip64[27]]));
    assert_eq!(
        zip64[extra..extra + 2],
        [0x01, 0x00],
        "no ZIP64 extra field"
    );
    assert_eq!(kinds(&zip64), (true, false));
    assert_imports(&zip64, &[]);
    // And stored, as before.
    let stored = python_zip(&dir, "out.zip", "ZIP_STORED", "pass");
    assert_eq!(kinds(&stored), (false, false));
    assert_imports(&stored, &[]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_finder_archive_imports_without_its_apple_double_files() {
    // Finder (Archive Utility) adds `__MACOSX/<path>/._<name>` beside every file: AppleDouble
    // resource forks, binary, some named `.ann`.
    let dir = scratch("finder");
    let extra = "[z.writestr(f'__MACOSX/brat/._{n}', b'\\x00\\x05\\x16\\x07\\x00\\x02\\x00\\x00Mac OS X        ') \
                 for n in ['fixture.txt', 'fixture.ann', 'second.ann']]; z.writestr('brat/._second.ann', b'\\x00\\x05\\x16\\x07')";
    let bytes = python_zip(&dir, "-", "ZIP_DEFLATED", extra);
    assert_eq!(kinds(&bytes), (true, true));
    assert_imports(
        &bytes,
        &[
            "__MACOSX/brat/._fixture.txt",
            "__MACOSX/brat/._fixture.ann",
            "__MACOSX/brat/._second.ann",
            "brat/._second.ann",
        ],
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_windows_style_archive_imports_with_folder_entries_and_backslashes() {
    // Explorer writes an entry for each folder, made on MS-DOS (create_system 0).
    let dir = scratch("explorer");
    let extra = "d = zipfile.ZipInfo('brat/'); d.create_system = 0; d.external_attr = 0x10; z.writestr(d, b'')";
    let bytes = python_zip(&dir, "out.zip", "ZIP_DEFLATED", extra);
    assert_eq!(kinds(&bytes), (true, false));
    assert_imports(&bytes, &[]);
    // Older Windows tools (PowerShell 5's Compress-Archive) write `\` between folder and file.
    let script = "import zipfile\n\
        with zipfile.ZipFile('out.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n\
        \x20   for name in ['brat/fixture.txt', 'brat/fixture.ann', 'brat/second.txt', 'brat/second.ann', 'brat/київ.txt', 'brat/київ.ann']:\n\
        \x20       i = zipfile.ZipInfo(name.replace('/', '\\\\')); i.create_system = 0; i.compress_type = zipfile.ZIP_DEFLATED\n\
        \x20       z.writestr(i, open(name, 'rb').read())\n";
    run("python3", &["-c", script], &dir);
    let bytes = std::fs::read(dir.join("out.zip")).unwrap();
    assert!(bytes.windows(16).any(|w| w == b"brat\\fixture.ann"));
    assert_imports(&bytes, &[]);
    std::fs::remove_dir_all(dir).unwrap();
}
