//! Scoring on a tiny labelled set written here: what is counted, matched once, and held to the bars.

use super::{score, BAR_WORDS};

/// Two paragraphs. The first: a long quote said by Vance (found, speaker right), a claim, and two
/// registry mentions of "Keller" (one possessive). The second: a long quote the engine cannot find
/// (no marks), so recall falls.
const GOLD: &str = concat!(
    r#"{"id":"p1","text":"“We will not sign this agreement today,” Vance said. Keller's team said that the deal was dead.","registry":[{"name":"Anna Keller","kind":"person","aliases":["Keller"]}],"quotes":[{"start":1,"end":38,"speaker":[41,46]}],"claims":[{"start":77,"end":94,"source":[53,66]}],"mentions":[{"start":53,"end":59,"entry":"Anna Keller"}]}"#,
    "\n",
    r#"{"id":"p2","text":"Vance said we will not sign this agreement today or ever.","registry":[],"quotes":[{"start":11,"end":56,"speaker":[0,5]}],"claims":[],"mentions":[]}"#,
    "\n"
);

#[test]
fn scores_per_kind_and_the_bars() {
    let s = score(GOLD).unwrap();
    assert_eq!(s.paragraphs, 2);
    // Quotes: one suggested, exactly the gold one; two gold.
    assert_eq!(s.kinds[0].suggested, 1);
    assert_eq!(s.kinds[0].gold, 2);
    assert_eq!(s.kinds[0].exact, 1);
    assert_eq!(s.kinds[0].overlap, 1);
    assert_eq!(s.long_suggested, (1, 1));
    assert_eq!(s.long_gold, (2, 1));
    assert_eq!(s.speakers, (1, 1));
    // Registry mentions: the one gold mention found exactly, nothing else from the registry.
    assert_eq!(s.registry, (1, 1));
    assert_eq!(s.registry_false, 0);
    let lines = s.lines().join("\n");
    assert!(
        lines.contains(&format!(
            "bar quotes of {BAR_WORDS}+ words (overlap): P 1.00 (1/1) R 0.50 (1/2)"
        )),
        "{lines}"
    );
    assert!(lines.contains("BELOW"), "{lines}");
    assert!(
        lines.contains("bar speakers of those quotes: 1.00 (1/1)"),
        "{lines}"
    );
}

#[test]
fn a_wrong_speaker_and_a_registry_false_positive_count() {
    // The gold puts the speaker elsewhere and lists no mention, so the suggested "Keller" is false.
    let gold = r#"{"id":"p","text":"“We will not sign this agreement today,” Keller said.","registry":[{"name":"Keller","kind":"person","aliases":[]}],"quotes":[{"start":1,"end":38,"speaker":[0,1]}],"claims":[],"mentions":[]}"#;
    let s = score(gold).unwrap();
    assert_eq!(s.speakers, (1, 0));
    assert_eq!(s.registry, (0, 0));
    assert_eq!(s.registry_false, 1);
}

#[test]
fn a_broken_line_is_named() {
    let err = score("{\"id\":\"p\"}\n").unwrap_err();
    assert!(err.starts_with("line 1:"), "{err}");
    let kind = r#"{"id":"p","text":"x","registry":[{"name":"K","kind":"alien","aliases":[]}]}"#;
    assert!(score(kind).unwrap_err().contains("not an entity kind"));
}

#[test]
fn claims_are_scored_exact_and_by_overlap() {
    let s = score(GOLD).unwrap();
    assert_eq!(s.kinds[1].gold, 1);
    assert_eq!(s.kinds[1].exact, 1, "{:?}", s.kinds[1]);
    assert_eq!(s.kinds[1].overlap, 1);
}
