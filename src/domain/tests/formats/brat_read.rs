//! Tests of reading brat files from elsewhere: broken `.ann` lines, names, zips that pair by name
//! or by text, changed texts and broken zips.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;

/// The error for `ann` read as `fixture.ann`, as `path: message`.
fn ann_error(ann: &str) -> String {
    let ws = formats_workspace();
    read_ann("fixture.ann", ann, ws.articles(), &LabelMap::default(), NOW)
        .unwrap_err()
        .to_string()
}

#[test]
fn broken_ann_files_are_refused_with_the_line_and_the_reason() {
    assert_eq!(
        ann_error("T1\tPlace 3 x\tKyiv\n"),
        "fixture.ann line 1: \"3 x\" should be a start and an end offset, such as \"0 13\""
    );
    assert_eq!(
        ann_error("T1\tPlace 3 7;9\tKyiv\n"),
        "fixture.ann line 1: \"9\" should be a start and an end offset, such as \"0 13\""
    );
    assert_eq!(
        ann_error("T1\tPlace 3 700\tKyiv\n"),
        "fixture.ann line 1: the offset 700 is past the end of article \"fixture\" (268 characters)"
    );
    assert_eq!(
        ann_error("T1\tPlace 7 3\tKyiv\n"),
        "fixture.ann line 1: the fragment \"7 3\" ends before it starts"
    );
    assert_eq!(
        ann_error("T1\tPlace 3 3\t\n"),
        "fixture.ann line 1: \"3 3\" selects no text"
    );
    assert_eq!(
        ann_error("T1\tPlace 3 7\tKyiv\n#1\tAnnotatorNotes T9\tcapital\n"),
        "fixture.ann line 2: the comment is for T9, which this file does not have"
    );
    assert_eq!(
        ann_error("T1\tPlace 3 7\tKyiv\n#1\tAnnotatorNotes\tcapital\n"),
        "fixture.ann line 2: \"AnnotatorNotes\" should be a comment type and the id it is for, \
         such as \"AnnotatorNotes T1\""
    );
    assert_eq!(
        ann_error("T1 Place 3 7 Kyiv\n"),
        "fixture.ann line 1: a brat line starts with an id and a tab, such as \
         \"T1<tab>Person 0 13<tab>Angela Merkel\""
    );
    assert_eq!(
        ann_error("T1\tPlace 3 7\tKyiv\n\nT1\tPlace 3 7\tKyiv\n"),
        "fixture.ann line 3: T1 is used twice (first on line 1)"
    );
    assert_eq!(
        ann_error("X1\tPlace 3 7\tKyiv\n"),
        "fixture.ann line 1: \"X1\" is not a brat annotation id: ids start with T (text), R, E, \
         A, M, N, * or # (a note)"
    );
    assert_eq!(
        ann_error("T1\tPlace\tKyiv\n"),
        "fixture.ann line 1: \"Place\" should be a type and offsets, such as \"Person 0 13\""
    );
}

#[test]
fn an_ann_named_after_no_article_is_refused_by_name() {
    let ws = formats_workspace();
    let err = read_ann(
        "dir/kyiv-post.ann",
        "T1\tPlace 3 7\tKyiv\n",
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.path, "kyiv-post.ann");
    assert_eq!(
        err.message,
        "no article has the id \"kyiv-post\", so these annotations have no text to go on; name \
         the file after its article (the articles here: fixture, second) or load it in a zip \
         together with its .txt"
    );
}

#[test]
fn a_zip_pairs_by_name_then_by_identical_text() {
    let ws = formats_workspace();
    let bytes = zipped(&[
        ("brat/renamed.txt", FORMATS_TEXT),
        ("brat/renamed.ann", "T1\tPlace 3 7\tKyiv\n"),
        ("brat/unknown.txt", "Some other text."),
        ("brat/unknown.ann", "T1\tOther 0 4\tSome\n"),
        ("brat/second.ann", "T1\tPlace 0 7\tUkraine\n"),
        ("brat/lost.ann", "T1\tPlace 0 7\tUkraine\n"),
        ("__MACOSX/brat/._renamed.ann", "\0\0binary"),
        ("brat/annotation.conf", CONF),
    ]);
    let incoming = read_zip(&bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    let unknown_id = crate::domain::files::formats::texts::text_id("Some other text.");
    let placed: Vec<(&str, &str, &str)> = incoming
        .records
        .iter()
        .map(|(p, r)| (p.as_str(), r.article.as_str(), r.exact.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            ("brat/renamed.ann line 1", "fixture", "Kyiv"),
            ("brat/unknown.ann line 1", &*unknown_id, "Some"),
            ("brat/second.ann line 1", "second", "Ukraine"),
        ]
    );
    assert_eq!(
        incoming.warnings,
        [
            "brat/lost.ann: there is no brat/lost.txt beside it and no article has the id \
             \"lost\"; its annotations were skipped",
        ]
    );
}

#[test]
fn a_changed_text_is_read_from_the_txt_and_re_anchored_on_import() {
    let ws = formats_workspace();
    let changed = format!("Breaking: {FORMATS_TEXT}");
    let bytes = zipped(&[
        ("fixture.txt", &changed),
        (
            "fixture.ann",
            "T1\tPlace 13 17\tKyiv\n#1\tAnnotationId T1\te-kyiv\n",
        ),
    ]);
    let incoming = read_zip(&bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert_eq!(
        incoming.warnings,
        ["fixture.txt differs from the text of article \"fixture\"; its annotations are placed by \
          the text they select"]
    );
    assert_eq!(incoming.records[0].1.prefix, "Breaking: 🇺🇦 ");
    let plan = plan_import("x.zip", &bytes, &ws, &ImportOptions::default(), NOW).unwrap();
    assert_eq!(plan.present, 1);
    assert_eq!(
        plan.reanchored,
        ["fixture.ann line 1: \"Kyiv\" was at [13, 17), found it at [3, 7)"]
    );
}

#[test]
fn broken_zips_are_refused_in_words() {
    let ws = formats_workspace();
    let err = read_zip(
        &zipped(&[("a.txt", "x")]),
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        err.message,
        "this zip holds no .ann file; a brat zip holds a .txt and an .ann file per document"
    );
    let mut bytes = zipped(&[("fixture.ann", "T1\tPlace 3 7\tKyiv\n")]);
    bytes.truncate(bytes.len() - 3);
    assert!(read_zip(&bytes, ws.articles(), &LabelMap::default(), NOW)
        .unwrap_err()
        .message
        .starts_with("this zip file is damaged or cut short"));
    let bad = zip::write(&[("fixture.ann".to_owned(), vec![b'T', 0xff])]);
    let err = read_zip(&bad, ws.articles(), &LabelMap::default(), NOW).unwrap_err();
    assert_eq!(
        err.to_string(),
        "fixture.ann byte 1: the file is not UTF-8 text; save it as UTF-8 and load it again"
    );
    let err = read_zip(
        &zipped(&[("fixture.ann", "T1\tPlace 3 9999\tKyiv\n")]),
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fixture.ann line 1: the offset 9999 is past the end of article \"fixture\" (268 characters)"
    );
}

#[test]
fn unknown_types_events_and_their_notes_are_skipped_with_one_warning_per_type() {
    let ws = formats_workspace();
    let ann = "T1\tPerson 87 105\tVolodymyr Zelensky\n\
               T2\tQuote 10 81\t“For me, it is crucial to connect security guarantees with investment,”\n\
               R1\tLocated Arg1:T2 Arg2:T1\n\
               R2\tLocated Arg1:T2 Arg2:T1\n\
               A1\tStatus T2 Disputed\n\
               #1\tAnnotatorNotes R1\tfrom the video\n\
               #2\tFlag T1\tcheck\n\
               E1\tSpeech:T2 Speaker:T1\n\
               *\tCoref T1 T2\n\
               R3\tSaidBy Arg2:T1 Arg1:T2\n\
               \n";
    let incoming = read_ann("fixture.ann", ann, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert_eq!(incoming.records.len(), 2);
    // The known relation is read, whatever the order of its arguments.
    assert_eq!(
        incoming.records[1].1.source.as_deref(),
        Some("brat-fixture-87-105-P")
    );
    assert_eq!(
        incoming.warnings,
        [
            "fixture.ann line 7: the Flag comment on T1 was skipped; this app reads \
             AnnotatorNotes as the note",
            "fixture.ann: 2 \"Located\" relation lines skipped (the first on line 3); this app \
             reads SaidBy, Source and FromQuote relations",
            "fixture.ann: 1 \"Status\" attribute line skipped (the first on line 5); this app \
             reads the attributes Attribution and Check",
            "fixture.ann: 1 event line skipped (the first on line 8); this app reads no events",
            "fixture.ann: 1 \"Coref\" equivalence line skipped (the first on line 9); this app \
             reads Equiv (or Alias) as the mentions of one entry",
        ]
    );
}

#[test]
fn a_zip_of_thousands_of_documents_pairs_each_ann_with_its_txt_in_linear_time() {
    // Regression: each .ann looked for its .txt through every file of the zip, so 32,000 pairs took
    // 8 s in a release build (2 billion name comparisons).
    let mut files = Vec::new();
    for i in 0..32_000 {
        files.push((format!("d{i}.ann"), b"T1\tPlace 0 4\tKyiv\n".to_vec()));
        files.push((format!("d{i}.txt"), format!("Kyiv {i}").into_bytes()));
    }
    // The last pair is the fixture's, so that one pairing is seen to work.
    files.push(("fixture.ann".into(), b"T1\tPlace 3 7\tKyiv\n".to_vec()));
    files.push(("fixture.txt".into(), FORMATS_TEXT.as_bytes().to_vec()));
    let ws = formats_workspace();
    let zip = zip::write(&files);
    let incoming = crate::domain::timing::within("reading 64,000 files of a zip", 20.0, || {
        read_zip(&zip, ws.articles(), &LabelMap::default(), NOW).unwrap()
    });
    // Every text the app lacks becomes an article of its own.
    assert_eq!(incoming.records.len(), 32_001);
    assert_eq!(incoming.records[32_000].1.exact, "Kyiv");
    assert_eq!(incoming.records[32_000].1.article, "fixture");
    assert!(incoming.warnings.is_empty());
    assert_eq!(incoming.finish().articles.len(), 32_000);
}
