//! Tests of `markup`.

use super::*;
use crate::domain::fixtures::ann;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::rendering::segments::by_paragraph;

fn html(text: &str, annotations: Vec<Annotation>) -> String {
    let article = Article::new("a", "A", text.into());
    let annotations: Vec<Rc<Annotation>> = annotations.into_iter().map(Rc::new).collect();
    let mut out = String::new();
    for (line, on_line) in article
        .paragraphs
        .iter()
        .zip(by_paragraph(&article, &annotations))
    {
        paragraph_into(&mut out, &article, line, &on_line);
    }
    out
}

#[test]
fn plain_lines_keep_their_text_and_offsets_even_when_empty() {
    assert_eq!(
        html("One “two”\n\nthree", vec![]),
        "<p class=\"para\" elementtiming=\"article\" data-start=\"0\" data-end=\"9\">One “two”</p>\
         <p class=\"para\" data-start=\"10\" data-end=\"10\"></p>\
         <p class=\"para\" data-start=\"11\" data-end=\"16\">three</p>"
    );
}

#[test]
fn nested_spans_are_marked_and_classed() {
    let claim = ann("c1", "a", 0, 13, Label::Claim);
    let who = ann("e1", "a", 0, 8, Label::Entity(EntityKind::Person));
    let out = html("Zelensky said no", vec![claim, who]);
    assert_eq!(
        out,
        "<p class=\"para\" elementtiming=\"article\" data-start=\"0\" data-end=\"16\">\
         <span class=\"seg hl claim entity\" data-s=\"0\" data-mark=\"CP\" role=\"mark\" aria-description=\"Claim; Person\">Zelensky</span>\
         <span class=\"seg hl claim\" data-s=\"8\"> said</span> no</p>"
    );
}

#[test]
fn two_of_a_label_overlapping_are_deep() {
    let out = html(
        "abcdef",
        vec![
            ann("x", "a", 0, 4, Label::Quote),
            ann("y", "a", 2, 6, Label::Quote),
        ],
    );
    assert!(
        out.contains("<span class=\"seg hl quote\" data-s=\"0\" data-mark=\"Q\" role=\"mark\" aria-description=\"Quote\">ab</span><span class=\"seg hl quote quote-deep\" data-s=\"2\" data-mark=\"Q\" role=\"mark\" aria-description=\"Quote\">cd</span>"),
        "{out}"
    );
}

#[test]
fn hostile_text_is_escaped_and_ids_stay_out_of_the_page() {
    let text = "<script>alert('x')</script> & \"q\"";
    let evil = ann("\" onmouseover=\"alert(1)", "a", 0, 8, Label::Claim);
    let out = html(text, vec![evil]);
    assert!(!out.contains("<script>"), "{out}");
    assert!(out.contains(">&lt;script&gt;</span>"), "{out}");
    assert!(
        out.contains("</span>alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>"),
        "{out}"
    );
    assert!(
        !out.contains("onmouseover"),
        "ids never reach the page: {out}"
    );
}

#[test]
fn a_claims_check_and_attribution_show_where_it_starts_and_plain_ones_stay_bare() {
    use crate::domain::model::attributes::{Attribution, CheckStatus};
    let mut claim = ann("c1", "a", 0, 13, Label::Claim);
    claim.attrs.check = CheckStatus::Disputed;
    claim.attrs.attribution = Some(Attribution::Unattributed);
    let who = ann("e1", "a", 0, 8, Label::Entity(EntityKind::Person));
    let out = html("Zelensky said no", vec![claim.clone(), who.clone()]);
    assert_eq!(
        out,
        "<p class=\"para\" elementtiming=\"article\" data-start=\"0\" data-end=\"16\">\
         <span class=\"seg hl claim entity\" data-s=\"0\" data-mark=\"C?uP\" role=\"mark\" aria-description=\"Claim, disputed, \
         unattributed; Person\" data-check=\"disputed\" \
         data-attribution=\"unattributed\" title=\"Claim: Disputed · Unattributed\">Zelensky</span>\
         <span class=\"seg hl claim\" data-s=\"8\"> said</span> no</p>"
    );
    claim.attrs.check = CheckStatus::False;
    claim.attrs.attribution = None;
    let out = html("Zelensky said no", vec![claim.clone(), who]);
    assert!(
        out.contains("data-mark=\"C✗P\" role=\"mark\" aria-description=\"Claim, false; Person\" data-check=\"false\" title=\"Claim: False\">"),
        "{out}"
    );
    claim.attrs.check = CheckStatus::Supported;
    let mut marks = String::new();
    mark_into(&mut marks, &claim);
    assert_eq!(marks, "C✓");
    claim.attrs.check = CheckStatus::Unchecked;
    let out = html("Zelensky said no", vec![claim]);
    assert!(
        !out.contains("data-check") && !out.contains("title="),
        "{out}"
    );
}

#[test]
fn a_nul_becomes_one_replacement_character_so_offsets_hold() {
    // The HTML parser drops a NUL from the page's text, which would shift every offset after it.
    let mut out = String::new();
    escape_into(&mut out, "a\0b<\0>");
    assert_eq!(out, "a\u{FFFD}b&lt;\u{FFFD}&gt;");
    let line = html("x\0y", vec![ann("n1", "a", 2, 3, Label::Claim)]);
    assert!(
        line.contains("data-end=\"3\">x\u{FFFD}<span class=\"seg hl claim\" data-s=\"2\""),
        "{line}"
    );
}
