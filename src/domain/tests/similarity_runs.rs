//! Tests of `similarity::alike_runs` on the seed articles and on the edges of a run.

use super::*;

const KYIV_POST: &str = include_str!("../../../seeds/000_65abf12ab916bebf.txt");
const EXPLAINER: &str = include_str!("../../../seeds/004_380562526dcc32a4.txt");
const FT_RETOLD: &str = include_str!("../../../seeds/002_7b1e3c34a99ec616.txt");

fn bessent() -> Vec<String> {
    folded(&["scott", "bessent"])
}

#[test]
fn a_seed_paragraph_after_non_ascii_text_gives_code_point_offsets() {
    let paragraph: Vec<&str> = KYIV_POST.lines().skip(11).take(2).collect();
    let lead = "Київ — “Zelensky’s” ally said: ";
    let text = format!("{lead}{}", paragraph.join("\n"));
    let spans = alike_runs(&text, &bessent());
    assert_eq!(slices(&text, &spans), ["Scott Besant", "Besant"]);
    let before = "The US version of the draft was presented by Treasury Secretary ";
    let start = lead.chars().count() + before.chars().count();
    assert_ne!(
        start,
        lead.len() + before.len(),
        "the lead must not be ASCII"
    );
    assert_eq!(spans[0], Span::new(start, start + 12).unwrap());
    let second = text.chars().position(|c| c == '\n').unwrap() + 1;
    assert_eq!(spans[1], Span::new(second, second + 6).unwrap());
}

#[test]
fn every_spelling_in_the_seeds_is_found() {
    let found = slices(KYIV_POST, &alike_runs(KYIV_POST, &bessent()));
    assert_eq!(found, ["Scott Besant", "Besant", "Besant", "Besent"]);
    let found = slices(FT_RETOLD, &alike_runs(FT_RETOLD, &bessent()));
    let expected = [
        "Scott Bessent",
        "Bess",
        "Bessent",
        "Bessent",
        "Bessent",
        "Bessent",
        "Bessent",
    ];
    assert_eq!(found, expected);
    let spans = alike_runs(EXPLAINER, &bessent());
    assert_eq!(slices(EXPLAINER, &spans), ["Scott Bessent"]);
    let byte = EXPLAINER.find("Scott Bessent").unwrap();
    assert!(
        spans[0].start() < byte,
        "the explainer has non-ASCII text before the hit"
    );
}

#[test]
fn zelensky_and_his_possessives_are_found_without_the_s() {
    let text = "Zelensky’s office met Volodymyr Zelenskyy's team; zelensky stayed.";
    let spans = alike_runs(text, &folded(&["volodymyr", "zelensky"]));
    assert_eq!(slices(text, &spans), ["Zelensky", "Volodymyr Zelenskyy"]);
}

#[test]
fn runs_break_at_punctuation_double_spaces_and_other_words() {
    let words = bessent();
    let text = "Scott, Bessent and Scott  Bessent met Scott Bessent Kyiv “Scott Bessent”.";
    let found = slices(text, &alike_runs(text, &words));
    let expected = [
        "Scott",
        "Bessent",
        "Scott",
        "Bessent",
        "Scott Bessent",
        "Scott Bessent",
    ];
    assert_eq!(found, expected);
    // Lowercase words and words alike to nothing are never a run.
    assert!(alike_runs("scott bessent Trump", &words).is_empty());
    assert!(alike_runs("", &words).is_empty());
    assert!(alike_runs("Scott Bessent", &[]).is_empty());
}
