//! Tests of the tokenizer and the sentence splitter: tricky texts, and properties on random texts.

use super::*;
use crate::domain::fixtures::FORMATS_TEXT;

/// The tokens' texts.
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    tokenize(text)
        .iter()
        .map(|t| chars[t.start..t.end].iter().collect())
        .collect()
}

/// The sentences' tokens' texts, joined by single spaces.
fn sentence_texts(text: &str) -> Vec<String> {
    let words = words(text);
    sentences(text, &tokenize(text))
        .into_iter()
        .map(|r| words[r].join(" "))
        .collect()
}

#[test]
fn curly_quotes_and_clitics_are_split_off_like_spacy() {
    assert_eq!(
        words("called the deal “historic”. Zelensky’s office"),
        ["called", "the", "deal", "“", "historic", "”", ".", "Zelensky", "’s", "office"]
    );
    assert_eq!(
        words("didn't O’Brien it's"),
        ["did", "n't", "O’Brien", "it", "'s"]
    );
    assert_eq!(
        words("'quoted' ‘single’"),
        ["'", "quoted", "'", "‘", "single", "’"]
    );
    assert_eq!(
        words("«Ja», „nein“"),
        ["«", "Ja", "»", ",", "„", "nein", "“"]
    );
}

#[test]
fn trailing_punctuation_and_brackets_are_tokens_but_inner_marks_stay() {
    assert_eq!(
        words("(well-known) state-run: yes; no! Why? Wait… so..."),
        [
            "(",
            "well-known",
            ")",
            "state-run",
            ":",
            "yes",
            ";",
            "no",
            "!",
            "Why",
            "?",
            "Wait",
            "…",
            "so",
            "..."
        ]
    );
    assert_eq!(words("Kyiv—Moscow"), ["Kyiv", "—", "Moscow"]);
}

#[test]
fn numbers_keep_their_separators_and_percent_is_split() {
    assert_eq!(
        words("50% of 1,000.5 at 10:30, $100 or 3.5."),
        ["50", "%", "of", "1,000.5", "at", "10:30", ",", "$", "100", "or", "3.5", "."]
    );
}

#[test]
fn abbreviations_keep_their_dot() {
    assert_eq!(
        words("The U.S. and Mr. W. Smith, e.g. here. End."),
        ["The", "U.S.", "and", "Mr.", "W.", "Smith", ",", "e.g.", "here", ".", "End", "."]
    );
    assert_eq!(
        words("see https://example.com/a."),
        ["see", "https://example.com/a", "."]
    );
}

#[test]
fn emoji_and_flags_are_tokens_of_their_own_and_never_cut() {
    assert_eq!(words("🇺🇦 Kyiv 🙂!"), ["🇺🇦", "Kyiv", "🙂", "!"]);
    assert_eq!(words("hi🙂there"), ["hi", "🙂", "there"]);
    // A family (joined by ZWJ), a skin tone, a keycap, two flags in a row.
    assert_eq!(words("👨‍👩‍👧👍🏽1️⃣🇩🇪🇫🇷"), ["👨‍👩‍👧", "👍🏽", "1️⃣", "🇩🇪", "🇫🇷"]);
    // A combining accent stays with its letter, even after a quote.
    assert_eq!(
        words("cafe\u{301} \"\u{301}x"),
        ["cafe\u{301}", "\"\u{301}", "x"]
    );
}

#[test]
fn whitespace_of_any_kind_and_amount_separates_and_never_is_in_a_token() {
    assert_eq!(
        words("  a \t b\r\n\r\nc\u{a0}d\u{2003}e\u{1f}f  "),
        ["a", "b", "c", "d", "e", "f"]
    );
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \n\r\n ").is_empty());
}

#[test]
fn the_fixture_tokens_keep_code_point_offsets() {
    let tokens = tokenize(FORMATS_TEXT);
    // The flag is two code points, then a space: Kyiv is code points 3..7.
    assert_eq!(tokens[0], Token { start: 0, end: 2 });
    assert_eq!(tokens[1], Token { start: 3, end: 7 });
    let w = words(FORMATS_TEXT);
    assert_eq!(&w[..5], ["🇺🇦", "Kyiv", "—", "“", "For"]);
}

#[test]
fn sentences_end_at_terminal_marks_before_capitals_and_quotes() {
    assert_eq!(
        sentence_texts("He left. She stayed! Why? Because… “Go.” he said. “Stop.” Then she went."),
        [
            "He left .",
            "She stayed !",
            "Why ?",
            "Because …",
            "“ Go . ” he said .",
            "“ Stop . ”",
            "Then she went ."
        ]
    );
    // Lowercase after a dot, and abbreviations, do not end a sentence.
    assert_eq!(
        sentence_texts("It costs 3.5 p.m. here. and more. Mr. Smith came."),
        ["It costs 3.5 p.m. here . and more .", "Mr. Smith came ."]
    );
}

#[test]
fn a_curly_quoted_sentence_ends_after_its_closing_quote() {
    assert_eq!(
        sentence_texts("“It is historic.” The deal “historic”. Zelensky’s office"),
        [
            "“ It is historic . ”",
            "The deal “ historic ” .",
            "Zelensky ’s office"
        ]
    );
}

#[test]
fn every_line_break_ends_a_sentence_and_none_is_empty() {
    assert_eq!(
        sentence_texts("one\r\ntwo\n\n\nthree\rfour 🙂\u{2028}five"),
        ["one", "two", "three", "four 🙂", "five"]
    );
    assert_eq!(sentence_texts("\n\nA.\n\n"), ["A."]);
    assert!(sentences("", &[]).is_empty());
    assert!(sentences("  \r\n", &tokenize("  \r\n")).is_empty());
}

#[test]
fn the_fixture_has_four_sentences() {
    assert_eq!(
        sentence_texts(FORMATS_TEXT),
        [
            "🇺🇦 Kyiv — “ For me , it is crucial to connect security guarantees with investment , ” \
             said Volodymyr Zelensky 🙂 on Saturday .",
            "Scott Bessent , the US Treasury Secretary , called the deal “ historic ” .",
            "Zelensky ’s office disagreed .",
            "The Munich Security Conference ended on Sunday ."
        ]
    );
}

/// Random texts and workspaces, shared by the property tests of the token formats and spaCy.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod properties {
    use super::*;
    use crate::domain::model::annotation::Annotation;
    use crate::domain::model::article::Article;
    use crate::domain::model::names::ArticleId;
    use crate::domain::model::names::{AnnotationId, EntityKind, Label};
    use crate::domain::model::span::Span;
    use crate::domain::model::time::Timestamp;
    use crate::domain::state::workspace::{Action, Workspace};
    use proptest::prelude::*;
    use proptest::sample::Index;

    const LABELS: [Label; 6] = [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Organization),
        Label::Entity(EntityKind::Place),
        Label::Entity(EntityKind::Other),
    ];

    /// Random span choices: two positions and a label.
    type Picks = Vec<(Index, Index, Index)>;

    /// One to three articles of random [`text`] with up to eight random spans each: anywhere in the
    /// text when `aligned` is false, else from the start of one token to the end of a later one.
    pub fn workspace(aligned: bool) -> impl Strategy<Value = Workspace> {
        let picks = prop::collection::vec(any::<(Index, Index, Index)>(), 0..8);
        prop::collection::vec((text(), picks), 1..3).prop_map(move |a| build(a, aligned))
    }

    fn build(articles: Vec<(String, Picks)>, aligned: bool) -> Workspace {
        let mut annotations = Vec::new();
        let mut list = Vec::new();
        for (n, (text, picks)) in articles.into_iter().enumerate() {
            let id = format!("a{n}");
            let len = text.chars().count();
            let tokens = tokenize(&text);
            for (k, (first, second, label)) in picks.into_iter().enumerate() {
                let (start, end) = if aligned {
                    if tokens.is_empty() {
                        continue;
                    }
                    let i = first.index(tokens.len());
                    let j = i + second.index(tokens.len() - i);
                    (tokens[i].start, tokens[j].end)
                } else {
                    if len == 0 {
                        continue;
                    }
                    let start = first.index(len);
                    (start, start + 1 + second.index(len - start))
                };
                annotations.push(Annotation {
                    id: AnnotationId::from(format!("{id}-{k}").as_str()),
                    article: ArticleId::from(id.as_str()),
                    span: Span::new(start, end).unwrap(),
                    label: *label.get(&LABELS),
                    note: String::new(),
                    attrs: Default::default(),
                    created: Timestamp(0),
                    updated: Timestamp(0),
                });
            }
            list.push(Article::new(&id, &format!("Title “{n}”"), text));
        }
        let mut ws = Workspace::new(list);
        ws.apply(Action::Import {
            articles: Vec::new(),
            entities: Vec::new(),
            annotations,
            replace: false,
        })
        .unwrap();
        ws
    }

    /// Texts mixing words, punctuation, quotes, emoji, combining marks, CJK and line breaks.
    pub fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[A-Za-z]{1,8}",
            "[0-9]{1,4}",
            Just(" ".to_owned()),
            Just("  ".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            "[.,;:!?…—–%$'\"“”‘’«»()\\-]",
            Just("🙂".to_owned()),
            Just("🇺🇦".to_owned()),
            Just("👨‍👩‍👧".to_owned()),
            Just("\u{301}".to_owned()),
            Just("\u{200d}".to_owned()),
            Just("\u{fe0f}".to_owned()),
            "[\u{4e00}-\u{4e20}]{1,3}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Tokens are in order, not empty, hold no whitespace, and together hold every other code point.
        #[test]
        fn tokens_cover_exactly_the_non_whitespace(text in text()) {
            let chars: Vec<char> = text.chars().collect();
            let tokens = tokenize(&text);
            let mut covered = vec![false; chars.len()];
            let mut last_end = 0;
            for t in &tokens {
                prop_assert!(t.start < t.end && t.start >= last_end && t.end <= chars.len());
                last_end = t.end;
                for i in t.start..t.end {
                    prop_assert!(!is_space(chars[i]));
                    covered[i] = true;
                }
            }
            for (i, c) in chars.iter().enumerate() {
                prop_assert_eq!(covered[i], !is_space(*c), "code point {} {:?}", i, c);
            }
        }

        /// Sentences are non-empty, in order, and together hold every token once; none spans a line break.
        #[test]
        fn sentences_partition_the_tokens(text in text()) {
            let chars: Vec<char> = text.chars().collect();
            let tokens = tokenize(&text);
            let sentences = sentences(&text, &tokens);
            let mut next = 0;
            for s in &sentences {
                prop_assert!(s.start == next && s.end > s.start);
                next = s.end;
                for pair in tokens[s.clone()].windows(2) {
                    prop_assert!(!chars[pair[0].end..pair[1].start].contains(&'\n'));
                }
            }
            prop_assert_eq!(next, tokens.len());
        }
    }
}
