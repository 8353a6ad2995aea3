//! Tests of `own_text`: kinds, reading files and pasted text, titles, and properties of every kind.

use super::*;
use std::cell::RefCell;

/// The HTML reader for files that are not HTML: never called.
fn not_html(source: &str) -> Result<Extracted, String> {
    panic!("the HTML reader was called with {source:?}")
}

/// An HTML reader that records the source it gets and gives `result`. (The app's reader is the
/// browser's, tested in `tests/browser_html_text.rs`.)
fn html_giving(
    result: Result<Extracted, String>,
    got: &RefCell<Option<String>>,
) -> impl FnOnce(&str) -> Result<Extracted, String> + '_ {
    move |source| {
        *got.borrow_mut() = Some(source.to_owned());
        result
    }
}

/// The text `text` with no title.
fn text_only(text: &str) -> Extracted {
    Extracted {
        title: None,
        text: text.to_owned(),
    }
}

#[test]
fn kinds_come_from_the_extension_in_any_case() {
    assert_eq!(kind_of("notes.txt"), Some(SourceKind::Plain));
    assert_eq!(kind_of("a.b.TEXT"), Some(SourceKind::Plain));
    assert_eq!(kind_of("README.md"), Some(SourceKind::Markdown));
    assert_eq!(kind_of("x.Markdown"), Some(SourceKind::Markdown));
    assert_eq!(kind_of("page.HTM"), Some(SourceKind::Html));
    assert_eq!(kind_of("dir.md/page.xhtml"), Some(SourceKind::Html));
    assert_eq!(kind_of("page.html.pdf"), None);
    assert_eq!(kind_of(".txt"), None);
    assert_eq!(kind_of("notes"), None);
    assert_eq!(kind_of("notes."), None);
}

#[test]
fn plain_text_is_kept_exactly_with_crlf_and_without_a_bom() {
    let got = read_file(
        "n.txt",
        b"\xEF\xBB\xBFLine one\r\n\r\n  Line two\t\r\n",
        not_html,
    )
    .unwrap();
    assert_eq!(got.text, "Line one\r\n\r\n  Line two\t\r\n");
    assert_eq!(got.title, None);
}

#[test]
fn invalid_utf8_names_the_file_and_the_offset() {
    let mut bytes = b"Kyiv ".to_vec();
    bytes.extend_from_slice("Київ".as_bytes());
    bytes.push(0xFF);
    assert_eq!(
        read_file("notes.txt", &bytes, not_html).unwrap_err(),
        "notes.txt is not UTF-8 text (invalid byte at offset 13); save it as UTF-8 and load it again"
    );
    // A cut multi-byte character counts from its first byte.
    let err = read_file("a.md", &"é".as_bytes()[..1], not_html).unwrap_err();
    assert!(err.contains("offset 0"), "{err}");
}

#[test]
fn unknown_extensions_are_refused_with_the_accepted_ones() {
    assert_eq!(
        read_file("report.PDF", b"x", not_html).unwrap_err(),
        "report.PDF: .PDF files cannot be loaded as an article; load a .txt, .text, .md, .markdown, .html, .htm or .xhtml file"
    );
    assert!(read_file("notes", b"x", not_html)
        .unwrap_err()
        .starts_with("notes has no extension"));
}

#[test]
fn a_file_without_text_is_refused() {
    assert_eq!(
        read_file("empty.txt", b"", not_html).unwrap_err(),
        "empty.txt has no text"
    );
    assert_eq!(
        read_file("blank.txt", b" \r\n\t", not_html).unwrap_err(),
        "blank.txt has no text"
    );
    assert_eq!(
        read_file("bom.md", b"\xEF\xBB\xBF", not_html).unwrap_err(),
        "bom.md has no text"
    );
    let got = RefCell::new(None);
    let blank = Ok(Extracted {
        title: Some("T".into()),
        text: " \n ".into(),
    });
    assert_eq!(
        read_file("p.html", b"<title>T</title>", html_giving(blank, &got)).unwrap_err(),
        "p.html has no text"
    );
}

#[test]
fn html_goes_to_the_html_reader_without_its_bom_and_its_text_is_checked() {
    let got = RefCell::new(None);
    let page = "\u{FEFF}<p>Kyiv</p>";
    let read = read_file(
        "p.HTM",
        page.as_bytes(),
        html_giving(Ok(text_only("Kyiv")), &got),
    );
    assert_eq!(read, Ok(text_only("Kyiv")));
    assert_eq!(got.borrow().as_deref(), Some("<p>Kyiv</p>"));
    let failed = read_file(
        "p.html",
        b"<p>x",
        html_giving(Err("no DOMParser".into()), &got),
    );
    assert_eq!(
        failed.unwrap_err(),
        "p.html could not be read as HTML: no DOMParser"
    );
    let big = text_only(&"a".repeat(MAX_ARTICLE_BYTES + 1));
    let refused = read_file("big.html", b"<p>a", html_giving(Ok(big), &got)).unwrap_err();
    assert!(refused.starts_with("big.html is too large"), "{refused}");
}

#[test]
fn a_text_larger_than_the_limit_is_refused_with_both_sizes() {
    let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
    assert_eq!(
        read_file("big.txt", big.as_bytes(), not_html).unwrap_err(),
        "big.txt is too large: its text is 5242881 bytes (5.0 MiB), and an article holds at most 5242880 bytes (5.0 MiB)"
    );
    assert!(from_paste(&big).is_err());
    assert!(read_file("max.txt", &big.as_bytes()[1..], not_html).is_ok());
    // The limit is on the text: markup around it does not count.
    let page = format!("<p>{}</p>", &big[1..]);
    let got = RefCell::new(None);
    let text = Ok(text_only(&big[1..]));
    assert!(read_file("max.html", page.as_bytes(), html_giving(text, &got)).is_ok());
    let md = format!("**{}**", &big[1..]);
    assert!(read_file("max.md", md.as_bytes(), not_html).is_ok());
}

#[test]
fn a_markdown_file_past_twice_the_limit_is_refused_before_it_is_read() {
    let markdown = "*".repeat(MAX_MARKDOWN_BYTES + 1);
    assert_eq!(
        read_file("big.md", markdown.as_bytes(), not_html).unwrap_err(),
        "big.md is too large: it is 10485761 bytes (10.0 MiB), and a Markdown file may have at most \
         10485760 bytes (10.0 MiB), twice the text an article holds"
    );
    // Up to it, the text decides: all markup, so no text here.
    assert_eq!(
        read_file("max.md", &markdown.as_bytes()[1..], not_html).unwrap_err(),
        "max.md has no text"
    );
}

#[test]
fn pasted_text_is_kept_exactly_without_a_bom() {
    let got = from_paste("\u{FEFF}  Title\r\n\tbody  ").unwrap();
    assert_eq!(
        got,
        Extracted {
            title: None,
            text: "  Title\r\n\tbody  ".to_string()
        }
    );
    assert_eq!(
        from_paste(" \n\t").unwrap_err(),
        "The pasted text has no text"
    );
    assert!(from_paste("").is_err());
}

/// Cyrillic, emoji (a flag, a ZWJ family), a combining accent and CJK.
const WORLD: &str = "Київ 🇺🇦 👩‍👩‍👧 cafe\u{301} 東京";

#[test]
fn non_ascii_text_survives_every_kind() {
    let plain = read_file("w.txt", WORLD.as_bytes(), not_html).unwrap();
    assert_eq!(plain.text, WORLD);
    let md = read_file(
        "w.md",
        format!("# {WORLD}\n\n**{WORLD}**").as_bytes(),
        not_html,
    )
    .unwrap();
    assert_eq!(md.title.as_deref(), Some(WORLD));
    assert_eq!(md.text, format!("{WORLD}\n\n{WORLD}"));
    // HTML: in `tests/browser_html_text.rs`.
}

#[test]
fn the_title_is_the_extracted_one_first() {
    let e = Extracted {
        title: Some("  The   title ".into()),
        text: "First line".into(),
    };
    assert_eq!(suggest_title(&e, Some("f.md")), "The title");
}

#[test]
fn else_the_first_non_empty_line_shortened_to_80_code_points() {
    let e = Extracted {
        title: None,
        text: "\n  \n  Short  first\tline \nsecond".into(),
    };
    assert_eq!(suggest_title(&e, Some("f.txt")), "Short first line");
    let words = "Київ ".repeat(30);
    let e = Extracted {
        title: Some(" ".into()),
        text: words.clone(),
    };
    let title = suggest_title(&e, None);
    // 15 whole words (74 code points) fit before the ellipsis; the 16th would pass 79.
    assert_eq!(
        title,
        format!(
            "{}…",
            words
                .get(..words.len() - 15 * "Київ ".len())
                .unwrap()
                .trim_end()
        )
    );
    assert!(title.chars().count() <= 80);
    let e = Extracted {
        title: None,
        text: "x".repeat(200),
    };
    assert_eq!(suggest_title(&e, None), format!("{}…", "x".repeat(79)));
    let e = Extracted {
        title: None,
        text: "y".repeat(80),
    };
    assert_eq!(suggest_title(&e, None), "y".repeat(80));
}

#[test]
fn else_the_file_name_without_its_extension() {
    let e = Extracted {
        title: None,
        text: " \n ".into(),
    };
    assert_eq!(
        suggest_title(&e, Some("dir/My notes.v2.txt")),
        "My notes.v2"
    );
    assert_eq!(suggest_title(&e, Some(".hidden")), ".hidden");
    assert_eq!(suggest_title(&e, None), "Untitled");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Strings made of markup-heavy pieces, so the parser meets its hard cases.
    fn marked_up() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "<",
            ">",
            "</",
            "<!--",
            "-->",
            "<p>",
            "</p>",
            "<pre>",
            "</pre>",
            "<script>",
            "</script>",
            "<svg>",
            "</svg>",
            "<head>",
            "<title>",
            "<h1>",
            "</h1>",
            "<br>",
            "<a href=\"",
            "\"",
            "'",
            "=",
            "&",
            "&#",
            "&#x",
            ";",
            "amp",
            "1F642",
            "#",
            "# ",
            "*",
            "**",
            "_",
            "`",
            "```",
            "~~",
            "[",
            "]",
            "(",
            ")",
            "!",
            "\\",
            ">",
            "- ",
            "1. ",
            "===",
            "---",
            "|",
            " ",
            "\n",
            "\r\n",
            "\r",
            "a",
            "Київ",
            "🙂",
            "e\u{301}",
            "中",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn extract_never_panics_on_any_text(source in any::<String>(), markup in marked_up()) {
            for kind in [SourceKind::Plain, SourceKind::Markdown] {
                for input in [&source, &markup] {
                    let got = extract(kind, input, not_html).unwrap();
                    if kind != SourceKind::Plain {
                        prop_assert_eq!(got.text.trim_end().len(), got.text.len(), "{:?}", kind);
                        prop_assert!(!got.text.contains("\n\n\n") && !got.text.contains('\r'));
                    }
                    let _ = suggest_title(&got, Some("f.txt"));
                }
            }
        }

        #[test]
        fn plain_extraction_is_the_identity(source in any::<String>()) {
            prop_assert_eq!(extract(SourceKind::Plain, &source, not_html).unwrap().text, source);
        }

        #[test]
        fn a_read_file_is_valid_whenever_it_is_accepted(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            for name in ["f.txt", "f.md", "f.pdf"] {
                if let Ok(got) = read_file(name, &bytes, not_html) {
                    prop_assert!(!got.text.trim().is_empty());
                }
            }
            let source = std::str::from_utf8(&bytes).ok().map(|s| s.strip_prefix('\u{FEFF}').unwrap_or(s));
            match source.filter(|s| !s.trim().is_empty()) {
                Some(s) => prop_assert_eq!(read_file("f.txt", &bytes, not_html).unwrap().text, s),
                None => prop_assert!(read_file("f.txt", &bytes, not_html).is_err()),
            }
        }
    }
}
