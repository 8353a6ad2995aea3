//! Tests of the exercise file (both copies), the exercise link and the classroom's saved state, on the
//! bundled articles and the sample annotations. The class's tests are in `classroom_class.rs`.

use crate::domain::features::classroom::exercise::{slug, Draft, Exercise};
use crate::domain::fixtures::sample_workspace;
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, LabelName};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

const T: Timestamp = Timestamp(1_764_064_800_000);

fn draft(labels: &[LabelName], articles: &[&str], with_key: bool) -> Draft {
    Draft {
        title: "  Who said what  ".into(),
        instructions: "Mark the quotes.".into(),
        labels: labels.to_vec(),
        articles: articles.iter().map(|a| ArticleId::from(*a)).collect(),
        with_key,
        ..Draft::default()
    }
}

/// The sample workspace's quotes and entities on munich-dispatch and kyiv-post, as an exercise.
fn exercise(ws: &Workspace) -> Exercise {
    let d = draft(
        &[LabelName::Quote, LabelName::Entity],
        &["munich-dispatch", "kyiv-post"],
        true,
    );
    Exercise::create(&d, ws, "ex-1".into(), T).unwrap()
}

fn read(text: &str, have: &[Rc<Article>]) -> Result<Exercise, String> {
    Exercise::read(text, have).map_err(|e| format!("{}: {}", e.path, e.message))
}

#[test]
fn creating_an_exercise_says_what_is_missing() {
    let ws = sample_workspace();
    let no = |d: Draft| Exercise::create(&d, &ws, "ex".into(), T).unwrap_err();
    assert_eq!(
        no(Draft {
            title: " ".into(),
            ..draft(&[LabelName::Claim], &["kyiv-post"], false)
        }),
        "Give the exercise a title."
    );
    assert_eq!(
        no(draft(&[], &["kyiv-post"], false)),
        "Pick at least one label."
    );
    assert_eq!(
        no(draft(&[LabelName::Claim], &["nowhere"], false)),
        "Pick at least one article."
    );
}

#[test]
fn the_key_is_the_teachers_annotations_on_the_articles_with_the_labels() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    assert_eq!(ex.title, "Who said what");
    // Articles in the workspace's list order, labels in the app's order.
    let ids: Vec<&str> = ex.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["kyiv-post", "munich-dispatch"]);
    assert_eq!(ex.labels, [LabelName::Quote, LabelName::Entity]);
    let key: Vec<&str> = ex.key.iter().flatten().map(|a| a.id.as_str()).collect();
    // Every sample annotation on those two articles but the claim (not asked for).
    let all = ws.all();
    let expected: Vec<&str> = all
        .iter()
        .filter(|a| ids.contains(&a.article.as_str()) && a.label.name() != LabelName::Claim)
        .map(|a| a.id.as_str())
        .collect();
    assert!(!expected.is_empty());
    let mut sorted = key.clone();
    sorted.sort_unstable();
    let mut expected = expected;
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    let no_key = Exercise::create(
        &draft(&[LabelName::Quote], &["kyiv-post"], false),
        &ws,
        "ex".into(),
        T,
    )
    .unwrap();
    assert_eq!(no_key.key, None);
}

#[test]
fn both_copies_read_back_and_only_the_teachers_has_the_key() {
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let students = ex.to_json(false);
    assert!(!students.contains("\"key\""));
    let back = read(&students, ws.articles()).unwrap();
    assert_eq!(
        back,
        Exercise {
            key: None,
            ..ex.clone()
        }
    );
    let teachers = read(&ex.to_json(true), ws.articles()).unwrap();
    assert_eq!(teachers, ex);
    assert_eq!(read(&ex.to_compact_json(), ws.articles()).unwrap(), back);
    assert_eq!(ex.file_name(false), "who-said-what.exercise.json");
    assert_eq!(ex.file_name(true), "who-said-what.teacher.exercise.json");
}

#[test]
fn an_own_article_travels_with_its_text_and_is_found_in_another_browser() {
    let mut ws = Workspace::new(Vec::new());
    ws.add_article(Article::own(
        "own-1",
        "Мій текст",
        "Привіт, світ! 🌍 Kyiv".into(),
        T,
    ))
    .unwrap();
    let ex = Exercise::create(
        &draft(&[LabelName::Entity], &["own-1"], false),
        &ws,
        "ex-2".into(),
        T,
    )
    .unwrap();
    let json = ex.to_json(false);
    assert!(json.contains("Привіт, світ!"));
    // A browser without the article gets it from the file.
    let elsewhere = read(&json, &[]).unwrap();
    assert_eq!(elsewhere.articles[0].text, "Привіт, світ! 🌍 Kyiv");
    assert!(elsewhere.articles[0].is_own());
}

#[test]
fn a_broken_exercise_is_refused_with_its_place() {
    let ws = sample_workspace();
    let good = exercise(&ws).to_json(true);
    let cases = [
        (good.replace("\"news-annotator-exercise\"", "\"news-annotator\""), "format: this is a \"news-annotator\" file, not an exercise"),
        (good.replace("\"version\": 1", "\"version\": 7"), "version: this exercise was written by a newer version (7); this app reads version 1"),
        (good.replace("\"quote\",", "\"rumour\","), "labels[0]: unknown label \"rumour\", expected `claim`, `quote` or `entity`"),
        (good.replace("\"id\": \"kyiv-post\"", "\"id\": \"le-monde\""), "articles[0]: this app has no article \"le-monde\" (“Zelensky refuses to sign US rare earth deal”)"),
        (good.replace("\"title\": \"Who said what\"", "\"title\": \"\""), "title: an exercise needs a title"),
    ];
    for (text, message) in cases {
        assert_eq!(read(&text, ws.articles()).unwrap_err(), message);
    }
    // Another text under a bundled id.
    let other = Rc::new(Article::new(
        "kyiv-post",
        "Kyiv Post",
        "another text".into(),
    ));
    let have = [
        other,
        Rc::clone(ws.article(&ArticleId::from("munich-dispatch")).unwrap()),
    ];
    assert!(read(&good, &have)
        .unwrap_err()
        .starts_with("articles[0]: the text of \"kyiv-post\""));
}

#[test]
fn slugs_keep_letters_and_digits() {
    assert_eq!(slug("  Ada Lovelace!! ", "x"), "ada-lovelace");
    assert_eq!(slug("Віталій 2", "x"), "віталій-2");
    assert_eq!(slug("!!!", "student"), "student");
    assert_eq!(slug(&"a".repeat(60), "x").len(), 40);
}

#[test]
fn links_carry_any_bytes_in_base64url() {
    use crate::domain::features::classroom::link::{decode, encode, payload};
    for bytes in [
        &b""[..],
        b"f",
        b"fo",
        b"foo",
        b"foob",
        b"fooba",
        b"foobar",
        &[0xff, 0xfe, 0x00, 0x3e, 0x3f],
    ] {
        assert_eq!(decode(&encode(bytes)).unwrap(), bytes);
    }
    // RFC 4648's test vectors, in the URL alphabet and without padding.
    assert_eq!(encode(b"foobar"), "Zm9vYmFy");
    assert_eq!(encode(b"fooba"), "Zm9vYmE");
    assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
    assert_eq!(
        decode("Zm9v YmFy").unwrap_err(),
        "the link is damaged: “ ” at character 5 is not part of one"
    );
    assert_eq!(
        decode("Zm9vY").unwrap_err(),
        "the link is damaged: it was cut short"
    );
    // What a mail tool may have done to a link: the standard alphabet, padding, broken lines.
    assert_eq!(decode("-_8").unwrap(), [0xfb, 0xff]);
    assert_eq!(decode("+/8=").unwrap(), [0xfb, 0xff]);
    assert_eq!(decode("Zm9v\r\nYmFy\n").unwrap(), b"foobar");
    // The unused bits of the last character are ignored, as they always were.
    assert_eq!(decode("Zm9vYh").unwrap(), b"foob");
    assert_eq!(payload("#exercise=abc"), Some("abc"));
    assert_eq!(payload("#exercise="), None);
    assert_eq!(payload("#other"), None);
}

/// Every byte, then an exercise's first bytes, as the app's own base64url code (before the `base64`
/// crate) wrote them into links: links already sent must still open.
const OLD_LINK: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn-AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq-wsbKztLW2t7i5uru8vb6_wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t_g4eLj5OXm5-jp6uvs7e7v8PHy8_T19vf4-fr7_P3-_3sidmVyc2lvbiI6MSwidGl0bGUiOiJLeWl2IOKAlCBxdW90ZXMifQ";

#[test]
fn links_made_by_the_old_code_still_open() {
    use crate::domain::features::classroom::link::{decode, encode};
    let bytes: Vec<u8> = (0..=255u8)
        .chain(*b"{\"version\":1,\"title\":\"Kyiv \xe2\x80\x94 quotes\"}")
        .collect();
    assert_eq!(decode(OLD_LINK).unwrap(), bytes);
    assert_eq!(encode(&bytes), OLD_LINK);
}

#[test]
fn the_classroom_state_is_kept_and_read_back() {
    use crate::domain::features::classroom::saved::{decode, encode, Saved};
    let ws = sample_workspace();
    let ex = exercise(&ws);
    let text = encode(Some((&ex, "Ada")), Some(&ex));
    let back = decode(&text, ws.articles()).unwrap();
    assert_eq!(
        back.student,
        Some((
            Exercise {
                key: None,
                ..ex.clone()
            },
            "Ada".to_owned()
        ))
    );
    assert_eq!(back.teaching, Some(ex.clone()));
    assert_eq!(
        decode(&encode(None, None), ws.articles()).unwrap(),
        Saved::default()
    );
    assert_eq!(
        decode("{\"version\": 2}", ws.articles()).unwrap_err(),
        "version 2 is not one this app reads"
    );
    assert_eq!(
        decode("[1]", ws.articles()).unwrap_err(),
        "it is not a JSON object but a list"
    );
    let broken = text.replace("\"labels\":[\"quote\"", "\"labels\":[\"rumour\"");
    assert!(decode(&broken, ws.articles())
        .unwrap_err()
        .starts_with("student.exercise.labels[0]: unknown label"));
}

#[path = "classroom_class.rs"]
mod class;
