//! Files picked or dropped together: brat's `.txt` and `.ann` files are grouped and read as one, in the
//! worker as on the page.

use super::read::grouped;
use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::ImportOptions;
use crate::domain::state::workspace::Workspace;

const NOW: Timestamp = Timestamp(1_765_000_000_000);

fn bytes(text: &str) -> FileContent {
    FileContent::Bytes(text.as_bytes().to_vec())
}

fn names(files: &[(String, FileContent)]) -> Vec<&str> {
    files.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn brat_files_picked_together_are_one_group_and_the_rest_stay_apart() {
    let picked = vec![
        ("a.txt".to_owned(), bytes("A")),
        ("notes.json".to_owned(), bytes("{}")),
        ("a.ann".to_owned(), bytes("")),
        ("b.TXT".to_owned(), bytes("B")),
    ];
    let out = grouped(picked);
    assert_eq!(names(&out), ["3 brat files", "notes.json"]);
    let FileContent::Files(group) = &out[0].1 else {
        panic!("not a group")
    };
    assert_eq!(names(group), ["a.txt", "a.ann", "b.TXT"]);
    assert_eq!(out[0].1.size(), 2);

    let folder = vec![
        ("news/x.txt".to_owned(), bytes("X")),
        ("news/x.ann".to_owned(), bytes("")),
        ("news/annotation.conf".to_owned(), bytes("[entities]")),
    ];
    assert_eq!(names(&grouped(folder)), ["news/", "news/annotation.conf"]);

    let no_ann = vec![
        ("a.txt".to_owned(), bytes("A")),
        ("b.txt".to_owned(), bytes("B")),
    ];
    assert_eq!(
        names(&grouped(no_ann)),
        ["a.txt", "b.txt"],
        "without an .ann, each on its own"
    );
    let one = vec![("kyiv-post.ann".to_owned(), bytes(""))];
    assert_eq!(names(&grouped(one)), ["kyiv-post.ann"]);
}

#[test]
fn a_group_of_kept_files_names_every_copy_and_reads_in_the_worker_once_fetched() {
    let mut group = FileContent::Files(vec![
        (
            "x.txt".to_owned(),
            FileContent::Kept {
                url: "blob:1".into(),
                size: 3,
            },
        ),
        (
            "x.ann".to_owned(),
            FileContent::Kept {
                url: "blob:2".into(),
                size: 20,
            },
        ),
    ]);
    assert_eq!(group.kept_urls(), ["blob:1", "blob:2"]);
    assert_eq!(group.size(), 23);
    let ws = Workspace::new(bundled_articles().unwrap());
    let job = |content: FileContent| {
        Job::read_file(
            &ws,
            None,
            "2 brat files".into(),
            content,
            ImportOptions::default(),
            NOW,
        )
    };
    assert_eq!(
        run(job(group.clone())),
        Answer::Failed(NOT_FETCHED.to_owned()),
        "not before the worker has fetched them"
    );
    // As the worker does: every copy replaced by its bytes.
    let texts = ["Ana met Bea.", "T1\tPerson 0 3\tAna\n"];
    for (kept, text) in group.kept_mut().into_iter().zip(texts) {
        *kept = bytes(text);
    }
    let Answer::Read(FileRead::Import(Ok(plan))) = run(job(group)) else {
        panic!("not planned")
    };
    assert_eq!(
        (plan.format, plan.new),
        (crate::domain::files::formats::Format::Brat, 1)
    );
    assert_eq!(plan.added_articles.len(), 1);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_corpus_folder_picked_file_by_file_imports_like_its_zip() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/brat/news-tutorial"
    );
    let mut files: Vec<(String, FileContent)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = format!(
                "news-tutorial/{}",
                path.file_name().unwrap().to_string_lossy()
            );
            (name, FileContent::Bytes(std::fs::read(path).unwrap()))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let [(name, group), ..] = &grouped(files)[..] else {
        panic!("nothing grouped")
    };
    assert_eq!(name, "news-tutorial/");
    let ws = Workspace::new(bundled_articles().unwrap());
    let job = Job::read_file(
        &ws,
        None,
        name.clone(),
        group.clone(),
        ImportOptions::default(),
        NOW,
    );
    let Answer::Read(FileRead::Import(Ok(plan))) = run(job) else {
        panic!("not planned")
    };
    let zip = include_bytes!("../../../tests/fixtures/corpus/brat-news-tutorial.zip");
    let Answer::Read(FileRead::Import(Ok(zipped))) = run(Job::read_file(
        &ws,
        None,
        "brat-news-tutorial.zip".into(),
        FileContent::Bytes(zip.to_vec()),
        ImportOptions::default(),
        NOW,
    )) else {
        panic!("the zip not planned")
    };
    assert_eq!((plan.new, plan.added_articles.len()), (95, 13));
    let sorted = |mut v: Vec<(String, usize)>| {
        v.sort();
        v
    };
    assert_eq!(sorted(plan.per_article), sorted(zipped.per_article));
}
