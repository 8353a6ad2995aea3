//! Tests of what the Entities view shows of the text: excerpts, short titles, and mentions grouped by
//! article and spelling.

use super::*;
use crate::domain::fixtures::ann;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::state::workspace::Action;

/// The first line is Cyrillic, so that code points and bytes differ before the second.
const TEXT: &str =
    "Київ, 3 March.\nOfficials said on Monday that Scott Bessent, the treasury secretary, \
                    will travel to Kyiv next week for talks on minerals.";

/// Where the second line starts (code points).
const LINE: usize = 15;

fn article() -> Article {
    Article::new("a", "Bessent to visit Kyiv", TEXT.to_owned())
}

fn span(start: usize, len: usize) -> Span {
    Span::new(start, start + len).unwrap()
}

#[test]
fn an_excerpt_keeps_its_line_and_marks_only_the_sides_it_cut() {
    // "Scott Bessent" is 30 code points into its line: all of them show, and 36 after it, cut.
    let near_start = excerpt(&article(), span(LINE + 30, 13));
    assert_eq!(
        near_start,
        Excerpt {
            article: ArticleId::from("a"),
            title: "Bessent to visit Kyiv".to_owned(),
            before: "Officials said on Monday that ".to_owned(),
            text: "Scott Bessent".to_owned(),
            after: ", the treasury secretary, will trave…".to_owned(),
            line: LINE,
        }
    );
    // "Kyiv" near the end: 36 code points before it, cut and trimmed; the rest of the line after it.
    let near_end = excerpt(&article(), span(LINE + 84, 4));
    assert_eq!(near_end.before, "…treasury secretary, will travel to ");
    assert_eq!(near_end.text, "Kyiv");
    assert_eq!(near_end.after, " next week for talks on minerals.");
    assert_eq!(near_end.line, LINE);
    // The first line's "Київ": nothing before it, and nothing of the next line after it.
    let first = excerpt(&article(), span(0, 4));
    assert_eq!(
        (
            first.before.as_str(),
            first.text.as_str(),
            first.after.as_str()
        ),
        ("", "Київ", ", 3 March.")
    );
    assert_eq!(first.line, 0);
}

#[test]
fn a_long_title_is_cut_to_42_code_points_ending_in_an_ellipsis_never_a_space() {
    let fits = "x".repeat(42);
    assert_eq!(short_title(&fits), fits);
    // The 41st code point is a space: it goes, and the ellipsis follows the word before it.
    let long = format!("{} and more words", "ї".repeat(40));
    assert_eq!(short_title(&long), format!("{}…", "ї".repeat(40)));
    let cut = short_title("The treasury secretary goes to Kyiv: what the minerals deal means");
    assert_eq!(cut, "The treasury secretary goes to Kyiv: what…");
    assert_eq!(cut.chars().count(), 42);
}

/// An article's id and title, and each spelling with its mentions' ids.
type Shown<'a> = (&'a str, &'a str, Vec<(&'a str, Vec<&'a str>)>);

#[test]
fn mentions_group_by_article_then_by_spelling_most_used_first() {
    let person = Label::Entity(EntityKind::Person);
    let other = Article::new(
        "b",
        "A title long enough to be shortened beside each mention of it",
        "Bessent met Zelensky. Bessent spoke.".to_owned(),
    );
    let mut ws = Workspace::new(vec![article(), other]);
    let marks = [
        ("m1", "a", LINE + 36, 7),  // "Bessent"
        ("m2", "a", LINE + 30, 13), // "Scott Bessent"
        ("m3", "b", 0, 7),          // "Bessent"
        ("m4", "b", 22, 7),         // "Bessent"
        ("m5", "a", LINE + 30, 13), // "Scott Bessent" again
    ];
    for (id, article, start, len) in marks {
        ws.apply(Action::Annotate(ann(
            id,
            article,
            start,
            start + len,
            person,
        )))
        .unwrap();
    }
    let get = |id: &str| Rc::clone(ws.annotation(&id.into()).unwrap());
    // Articles in list order, each in text order, as `Workspace::mentions` gives them; and one
    // mention of an article that is gone, which is left out.
    let mut gone = ann("m6", "gone", 0, 3, person);
    gone.article = ArticleId::from("gone");
    let mentions = vec![
        get("m2"),
        get("m5"),
        get("m1"),
        Rc::new(gone),
        get("m3"),
        get("m4"),
    ];
    let grouped = by_article(&ws, &mentions);
    let shown: Vec<Shown> = grouped
        .iter()
        .map(|g| {
            let spellings = g
                .spellings
                .iter()
                .map(|s| {
                    (
                        s.text.as_str(),
                        s.mentions.iter().map(|m| m.id.as_str()).collect(),
                    )
                })
                .collect();
            (g.article.as_str(), g.title.as_str(), spellings)
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            (
                "a",
                "Bessent to visit Kyiv",
                vec![("Scott Bessent", vec!["m2", "m5"]), ("Bessent", vec!["m1"])]
            ),
            (
                "b",
                "A title long enough to be shortened besid…",
                vec![("Bessent", vec!["m3", "m4"])]
            ),
        ]
    );
}

#[test]
fn spellings_used_equally_often_keep_the_order_of_first_use() {
    let person = Label::Entity(EntityKind::Person);
    let mut ws = Workspace::new(vec![article()]);
    for (id, start, len) in [("late", LINE + 36, 7), ("early", LINE + 30, 13)] {
        ws.apply(Action::Annotate(ann(id, "a", start, start + len, person)))
            .unwrap();
    }
    let mentions: Vec<_> = ["late", "early"]
        .iter()
        .map(|id| Rc::clone(ws.annotation(&(*id).into()).unwrap()))
        .collect();
    let grouped = by_article(&ws, &mentions);
    let texts: Vec<&str> = grouped[0]
        .spellings
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(texts, ["Bessent", "Scott Bessent"]);
}
