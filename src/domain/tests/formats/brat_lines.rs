//! brat's line ends: every character Python's `str.splitlines` ends a line at splits a span into
//! fragments and never reaches an `.ann` line, and the `lf_line_ends` option writes `.txt` files with
//! LF line ends and offsets counted in them.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;

/// What Python's `str.splitlines` ends a line at, besides `\n` and `\r` (brat reads `.ann` files so).
const PYTHON_LINE_ENDS: [char; 8] = [
    '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// The lines of an `.ann` as Python's `str.splitlines` gives them (no CR LF pairs in our exports).
fn python_lines(ann: &str) -> Vec<&str> {
    let ends = |c: char| c == '\n' || c == '\r' || PYTHON_LINE_ENDS.contains(&c);
    let mut lines: Vec<&str> = ann.split(ends).collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// The text each `T` line says it marks, and the `.txt` slice its offsets select, joined by spaces.
fn t_lines_and_slices(ann: &str, txt: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = txt.chars().collect();
    python_lines(ann)
        .into_iter()
        .filter(|l| l.starts_with('T'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let (_, offsets) = fields[1].split_once(' ').unwrap();
            let pieces: Vec<String> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    chars[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()]
                        .iter()
                        .collect()
                })
                .collect();
            (fields[2].to_owned(), pieces.join(" "))
        })
        .collect()
}

#[test]
fn every_python_line_end_splits_a_span_and_becomes_a_space_in_a_note() {
    for end in PYTHON_LINE_ENDS {
        let text = format!("Alpha{end}Beta gamma.");
        let mut ws = one_article(&text);
        let note = format!("first{end}second");
        annotate(&mut ws, &[("c", 0, 16, Label::Claim, &note)]);
        let body = export(&docs(&ws, &Scope::everything()));
        let ann = ann_of(&body, "doc.ann");
        let name = format!("U+{:04X}", u32::from(end));
        assert_eq!(
            ann,
            "T1\tClaim 0 5;6 16\tAlpha Beta gamma\n\
             #1\tAnnotatorNotes T1\tfirst second\n\
             #2\tAnnotationId T1\tc\n",
            "{name}"
        );
        assert_eq!(python_lines(&ann).len(), 3, "{name}");
        assert!(body.dropped.is_empty(), "{name}");
        let incoming = read_zip(&body.bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
        assert_eq!(incoming.warnings, Vec::<String>::new(), "{name}");
        let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
        let want = (
            "c".into(),
            "doc".into(),
            0,
            16,
            Label::Claim,
            "first second".into(),
        );
        assert_eq!(back, [want], "{name}");
    }
}

#[test]
fn a_span_of_mixed_line_ends_keeps_each_fragment_on_one_line() {
    let text = "One\u{2028}two\u{85}three\u{b}four\u{c}\u{1c}five\r\nsix.";
    let mut ws = one_article(text);
    annotate(
        &mut ws,
        &[
            (
                "all",
                0,
                29,
                Label::Quote,
                "a\u{2029}b\u{1d}c\u{1e}d\te\r\nf",
            ),
            ("edge", 3, 4, Label::Claim, ""),
        ],
    );
    let body = export(&docs(&ws, &Scope::everything()));
    let ann = ann_of(&body, "doc.ann");
    assert_eq!(
        ann,
        "T1\tQuote 0 3;4 7;8 13;14 18;20 24;26 29\tOne two three four five six\n\
         #1\tAnnotatorNotes T1\ta b c d e f\n\
         #2\tAnnotationId T1\tall\n"
    );
    assert_eq!(
        body.dropped,
        ["edge: the Claim at [3, 4) holds only line breaks, which brat cannot mark"]
    );
    for (said, sliced) in t_lines_and_slices(&ann, text) {
        assert_eq!(said, sliced);
    }
    let incoming = read_zip(&body.bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert_eq!(incoming.warnings, Vec::<String>::new());
    let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
    let want = (
        "all".into(),
        "doc".into(),
        0,
        29,
        Label::Quote,
        "a b c d e f".into(),
    );
    assert_eq!(back, [want]);
}

#[test]
fn an_id_holding_a_line_end_is_left_out() {
    let mut ws = one_article("Kyiv and Munich.");
    annotate(&mut ws, &[("odd\u{2028}id", 0, 4, Label::Claim, "")]);
    let ann = ann_of(&export(&docs(&ws, &Scope::everything())), "doc.ann");
    assert_eq!(ann, "T1\tClaim 0 4\tKyiv\n");
}

#[test]
fn the_reader_ends_lines_where_python_does() {
    let ws = formats_workspace();
    for end in PYTHON_LINE_ENDS
        .iter()
        .map(char::to_string)
        .chain(["\r".into(), "\r\n".into()])
    {
        let ann = format!("T1\tPlace 3 7\tKyiv{end}#1\tAnnotatorNotes T1\tcapital{end}T2\tPER 87 105\tVolodymyr Zelensky{end}");
        let incoming = read_ann(
            "fixture.ann",
            &ann,
            ws.articles(),
            &LabelMap::default(),
            NOW,
        )
        .unwrap_or_else(|e| panic!("{end:?}: {e}"));
        let got: Vec<(&str, &str, &str)> = incoming
            .records
            .iter()
            .map(|(at, r)| (at.as_str(), r.exact.as_str(), r.note.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("fixture.ann line 1", "Kyiv", "capital"),
                ("fixture.ann line 3", "Volodymyr Zelensky", ""),
            ],
            "{end:?}"
        );
    }
}

/// "Kyiv", CR LF, "said", two CR LFs, "Zelensky met", a lone CR, "Bessent.".
const CRLF_TEXT: &str = "Kyiv\r\nsaid\r\n\r\nZelensky met\rBessent.";

fn crlf_workspace() -> Workspace {
    let mut ws = one_article(CRLF_TEXT);
    let person = Label::Entity(EntityKind::Person);
    annotate(
        &mut ws,
        &[
            ("k", 0, 10, Label::Claim, "note\nline"),
            ("z", 14, 22, person, ""),
            ("b", 27, 34, person, ""),
        ],
    );
    ws
}

fn lf_export(ws: &Workspace) -> Body {
    let options = ExportOptions { lf_line_ends: true };
    export_as_with(
        Format::Brat,
        &docs(ws, &Scope::everything()),
        EXPORTED,
        options,
    )
}

#[test]
fn with_lf_line_ends_the_txt_has_no_cr_and_each_offset_loses_one_per_crlf_before_it() {
    let body = lf_export(&crlf_workspace());
    let txt = ann_of(&body, "doc.txt");
    assert_eq!(txt, "Kyiv\nsaid\n\nZelensky met\nBessent.");
    let ann = ann_of(&body, "doc.ann");
    // said: 6 10 less one; Zelensky: 14 22 less three; Bessent: 27 34 less three (a lone CR stays).
    assert_eq!(
        ann,
        "T1\tClaim 0 4;5 9\tKyiv said\n\
         #1\tAnnotatorNotes T1\tnote line\n\
         #2\tAnnotationId T1\tk\n\
         T2\tPerson 11 19\tZelensky\n\
         #3\tAnnotationId T2\tz\n\
         T3\tPerson 24 31\tBessent\n\
         #4\tAnnotationId T3\tb\n"
    );
    let pairs = t_lines_and_slices(&ann, &txt);
    assert_eq!(pairs.len(), 3);
    for (said, sliced) in pairs {
        assert_eq!(said, sliced);
    }
}

#[test]
fn without_the_option_the_txt_is_the_exact_text_with_its_own_offsets() {
    let ws = crlf_workspace();
    let body = export_as(Format::Brat, &docs(&ws, &Scope::everything()), EXPORTED);
    assert_eq!(body, export(&docs(&ws, &Scope::everything())));
    assert_eq!(ann_of(&body, "doc.txt"), CRLF_TEXT);
    let ann = ann_of(&body, "doc.ann");
    assert!(ann.starts_with("T1\tClaim 0 4;6 10\tKyiv said\n"), "{ann}");
    assert!(ann.contains("T2\tPerson 14 22\tZelensky\n"), "{ann}");
    assert!(ann.contains("T3\tPerson 27 34\tBessent\n"), "{ann}");
}

#[test]
fn a_text_without_cr_is_written_alike_with_or_without_the_option() {
    let ws = formats_workspace();
    let docs = docs(&ws, &Scope::everything());
    assert_eq!(lf_export(&ws), export_as(Format::Brat, &docs, EXPORTED));
}

#[test]
fn an_lf_export_comes_back_onto_the_crlf_article_unchanged() {
    let ws = crlf_workspace();
    let body = lf_export(&ws);
    let incoming = read_zip(&body.bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert_eq!(incoming.warnings, Vec::<String>::new());
    let exact: Vec<&str> = incoming
        .records
        .iter()
        .map(|(_, r)| r.exact.as_str())
        .collect();
    assert_eq!(exact, ["Kyiv\r\nsaid", "Zelensky", "Bessent"]);
    let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
    let original: Vec<_> = ws
        .in_article(&"doc".into())
        .iter()
        .map(|a| kept(a))
        .collect();
    assert_eq!(back, original);
    let empty = Workspace::new(ws.articles().iter().map(|a| Article::clone(a)).collect());
    let plan = plan_import(
        "x.brat.zip",
        &body.bytes,
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        (plan.new, plan.reanchored.len(), plan.not_found.len()),
        (3, 0, 0)
    );
}
