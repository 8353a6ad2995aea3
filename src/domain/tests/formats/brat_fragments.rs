//! Tests of spans over line breaks and of `.ann` files from other tools: fragments, line breaks at a
//! span's ends, generated ids, a T line whose text differs, and fragments over other text.

use super::*;

#[test]
fn a_span_across_lines_becomes_fragments_and_comes_back_whole() {
    let text = "One line.\r\nTwo\n\nthree 🙂 four.";
    let mut ws = one_article(text);
    annotate(
        &mut ws,
        &[
            ("c", 0, 14, Label::Claim, "a\tb\r\nc\rd"),
            ("q", 4, 28, Label::Quote, ""),
            ("edge", 9, 11, Label::Claim, ""),
        ],
    );
    let body = export(&docs(&ws, &Scope::everything()));
    let ann = ann_of(&body, "doc.ann");
    assert_eq!(
        ann,
        "T1\tClaim 0 9;11 14\tOne line. Two\n\
         #1\tAnnotatorNotes T1\ta b c d\n\
         #2\tAnnotationId T1\tc\n\
         T2\tQuote 4 9;11 14;16 28\tline. Two three 🙂 four\n\
         #3\tAnnotationId T2\tq\n"
    );
    assert_eq!(
        body.dropped,
        ["edge: the Claim at [9, 11) holds only line breaks, which brat cannot mark"]
    );
    let incoming = read_zip(&body.bytes, ws.articles(), &LabelMap::default(), NOW).unwrap();
    let back: Vec<_> = placed(&incoming, &ws).iter().map(kept).collect();
    assert_eq!(
        back,
        [
            (
                "c".into(),
                "doc".into(),
                0,
                14,
                Label::Claim,
                "a b c d".into()
            ),
            ("q".into(), "doc".into(), 4, 28, Label::Quote, String::new()),
        ]
    );
}

#[test]
fn line_breaks_at_the_ends_of_a_span_are_left_outside() {
    let mut ws = one_article("a\nword\nb");
    annotate(
        &mut ws,
        &[("w", 1, 7, Label::Entity(EntityKind::Other), "")],
    );
    let body = export(&docs(&ws, &Scope::everything()));
    assert!(ann_of(&body, "doc.ann").starts_with("T1\tOther 2 6\tword\n"));
}

#[test]
fn an_ann_without_ids_gets_generated_ones_and_other_tools_tags() {
    let ws = formats_workspace();
    let ann =
        "T1\tPER 87 105\tVolodymyr Zelensky\nT2\tgpe 3 7\tKyiv\n#1\tAnnotatorNotes T2\tcapital\n";
    let incoming = read_ann("fixture.ann", ann, ws.articles(), &LabelMap::default(), NOW).unwrap();
    let ids: Vec<&str> = incoming
        .records
        .iter()
        .map(|(_, r)| r.id.as_str())
        .collect();
    assert_eq!(ids, ["brat-fixture-87-105-P", "brat-fixture-3-7-L"]);
    assert_eq!(incoming.records[1].1.note, "capital");
    assert_eq!(incoming.records[1].1.prefix, "🇺🇦 ");
    assert_eq!(incoming.records[0].1.kind.as_deref(), Some("person"));
}

#[test]
fn a_t_line_whose_text_differs_is_placed_by_its_text() {
    let ws = formats_workspace();
    // Offsets one too far, as a tool counting the flag as three would write them.
    let incoming = read_ann(
        "fixture.ann",
        "T1\tPlace 4 8\tKyiv\n",
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(incoming.records[0].1.exact, "Kyiv");
    let (path, rec) = &incoming.records[0];
    match check_record(rec, path, ws.articles()).unwrap() {
        Checked::Moved(a, line) => {
            assert_eq!((a.span.start(), a.span.end()), (3, 7));
            assert_eq!(
                line,
                "fixture.ann line 1: \"Kyiv\" was at [4, 8), found it at [3, 7)"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fragments_over_other_text_are_joined_with_a_warning() {
    let ws = formats_workspace();
    let incoming = read_ann(
        "fixture.ann",
        "T1\tPerson 87 96;106 107\tVolodymyr 🙂\n",
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        (incoming.records[0].1.start, incoming.records[0].1.end),
        (87, 107)
    );
    assert_eq!(incoming.records[0].1.exact, "Volodymyr Zelensky 🙂");
    assert_eq!(
        incoming.warnings,
        ["fixture.ann line 1: T1's fragments were joined into one span, with the text between them"]
    );
}
