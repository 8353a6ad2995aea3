//! Fuzzing the own-article readers, `read_file` (`.txt`, `.md`) and `from_paste`: pages and documents
//! edited as bytes with markup that nests thousands deep, references past U+10FFFF, cut comments and
//! tags, and random bytes. An accepted text is never blank nor over the size limit. (`own_text.rs`
//! checks what the extraction keeps; this checks that nothing hostile gets through. HTML is parsed by
//! the browser, so its hostile pages are in `tests/browser_html_text.rs`.)

use super::*;
use crate::domain::fuzz::{edited, edits, random_bytes, run, Tally};
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;

const PAGE: &str = "<!DOCTYPE html><html><head><title>Talks &amp; “deals”</title><style>p{}</style>\
<script>var x = '</p>';</script></head><body><h1>Kyiv</h1><p>Zelensky said: <q>we hold</q>.</p>\
<pre>  kept\n  as is</pre><ul><li>one<li>two</ul><!-- a comment --><p>&#x1F1FA;&#127482; &eacute;</p>\
<table><tr><td>a<td>b</table><svg><text>no</text></svg></body></html>";

const DOC: &str = "# Talks in *Munich*\r\n\r\n> “We hold,” said **Zelensky**.\r\n\r\n- one\r\n- [two](http://x \"t\")\r\n\
1. `code`\r\n\r\n```\r\nfenced\r\n```\r\n\r\n[ref]: http://example.org\r\n<!-- gone -->\r\nSetext\r\n===\r\n";

/// Markup that hurts: nesting thousands deep, unclosed constructs, huge references.
fn hostile(i: usize) -> String {
    match i % 14 {
        0 => "<div>".repeat(20_000),
        1 => "<b><i>".repeat(10_000) + &"</i></b>".repeat(10_000),
        2 => "[".repeat(50_000) + "x" + &"](y)".repeat(50_000),
        3 => "*".repeat(50_000) + "x" + &"*".repeat(50_000),
        4 => "> ".repeat(50_000) + "x",
        5 => "- ".repeat(30_000) + "x",
        6 => "&#99999999999999999999;&#x110000;&#xD800;&#0;&#;&#x;&".repeat(1_000),
        7 => "<!--".repeat(10_000),
        8 => "<script>".repeat(10_000),
        9 => "<".repeat(50_000),
        10 => "`".repeat(50_000) + "x",
        11 => "\r".repeat(50_000) + "x",
        12 => "![".repeat(30_000),
        _ => "<pre>".repeat(5_000) + "\u{0}\u{feff}",
    }
}

/// Reads `bytes` as Markdown and as plain text; `Ok` holds text within the limit, else a message.
fn read_all(bytes: &[u8], tally: &Tally) -> TestCaseResult {
    for name in ["doc.md", "notes.txt"] {
        let got = read_file(name, bytes, |_| Err("not read here".to_owned()));
        tally.note(&got)?;
        if let Ok(got) = got {
            prop_assert!(!got.text.trim().is_empty());
            prop_assert!(got.text.len() <= MAX_ARTICLE_BYTES);
            let _ = suggest_title(&got, Some(name));
        }
    }
    let pasted = from_paste(&String::from_utf8_lossy(bytes));
    tally.note(&pasted)?;
    Ok(())
}

#[test]
fn pages_and_documents_edited_with_hostile_markup_are_read_or_refused() {
    let tally = Tally::default();
    let strategy = (
        any::<bool>(),
        edits(),
        prop::collection::vec((any::<prop::sample::Index>(), 0..14_usize), 0..3),
    );
    run("own text: edited", strategy, |(html, edits, inserts)| {
        let mut text = if html { PAGE } else { DOC }.to_owned();
        for (at, i) in inserts {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, &hostile(i));
        }
        read_all(&edited(text.as_bytes(), &edits), &tally)
    });
    tally.saw_both("own text: edited");
}

#[test]
fn random_bytes_are_read_or_refused_as_an_article() {
    run("own text: random", random_bytes(), |bytes| {
        read_all(&bytes, &Tally::default())
    });
}
