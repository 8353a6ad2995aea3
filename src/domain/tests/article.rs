//! Tests of `article`.

use super::*;

#[test]
fn paragraphs_keep_empty_lines_and_crlf() {
    let ps = split_paragraphs("a\r\n\nbé\rc");
    let ranges: Vec<_> = ps.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(ranges, vec![(0, 1), (3, 3), (4, 6), (7, 8)]);
    assert_eq!(ps[2].byte_start, 4);
    assert_eq!(ps[2].byte_end, 7);
}

#[test]
fn length_counts_every_code_point_and_line_break() {
    for text in [
        "",
        "a",
        "a\r\n\nbé\rc",
        "one\ntwo\n",
        "é“😀”\r\n",
        "\r\n\r\n",
    ] {
        let a = Article::new("x", "X", text.into());
        assert_eq!(a.char_len, text.chars().count(), "{text:?}");
    }
}

#[test]
fn paragraph_at_finds_the_line() {
    let a = Article::new("x", "X", "one\ntwo\n".into());
    assert_eq!(a.paragraph_at(0), 0);
    assert_eq!(a.paragraph_at(3), 0);
    assert_eq!(a.paragraph_at(4), 1);
    assert_eq!(a.paragraph_at(8), 2);
}

#[test]
fn hash_is_sha256_of_the_utf8_text() {
    // FIPS 180-4's examples, and a text beyond ASCII (`printf 'Київ — “x”' | sha256sum`).
    for (text, expected) in [
        (
            "",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            "abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
        (
            "Київ — “x”",
            "bc2a481101da904c96870220891f99a97809aecc74a588b7c2d8a749036cbed7",
        ),
    ] {
        assert_eq!(sha256_hex(text), expected, "{text:?}");
        assert_eq!(Article::new("x", "X", text.into()).sha256(), expected);
    }
}

#[test]
fn seed_article_hashes_are_unchanged() {
    // The hashes that `sha256sum seeds/<file>` prints, as the export fixture and the README list them:
    // the ids of saved and exported work depend on them.
    let fixture = include_str!("../../../tests/fixtures/native-export.json");
    for (text, expected) in [
        (
            include_str!("../../../seeds/000_65abf12ab916bebf.txt"),
            "9bc92496087accbbc85acc1f25da5e8e4fb3d0d1359f4e22a91afdbd3f5326f9",
        ),
        (
            include_str!("../../../seeds/001_066be8eb47512928.txt"),
            "779f980c388c1557cee647642c696bf93b2be0d627befa1f702d9fe6bd1a307e",
        ),
        (
            include_str!("../../../seeds/002_7b1e3c34a99ec616.txt"),
            "0c1aa7ea64258060f6293157f12302604cc952c0f3712d0a5af77b3c5a09665c",
        ),
        (
            include_str!("../../../seeds/003_d5caa7359e3878d4.txt"),
            "0062f305f1fdb4d89ae86653052276f9ef7e862e824a38436a320622e4d29bdf",
        ),
        (
            include_str!("../../../seeds/004_380562526dcc32a4.txt"),
            "ca71f375838f495c10a03794ab25cc9f33a53d416d442199a2e818536ee84527",
        ),
    ] {
        assert_eq!(sha256_hex(text), expected);
        assert!(fixture.contains(expected), "{expected} not in the fixture");
    }
}

#[test]
fn slicing_by_code_points_is_right_across_checkpoints() {
    // Long non-ASCII text: the index's checkpoints must not shift any offset.
    let text: String = (0..500)
        .map(|i| if i % 7 == 0 { "é“😀”" } else { "ab " })
        .collect();
    let a = Article::new("x", "X", text.clone());
    let chars: Vec<char> = text.chars().collect();
    for (start, end) in [
        (0, 1),
        (63, 65),
        (64, 200),
        (127, 129),
        (1000, 1003),
        (a.char_len - 2, a.char_len),
        (a.char_len, a.char_len + 5),
    ] {
        let want: String = chars
            .iter()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        assert_eq!(a.slice(start, end), want, "[{start}, {end})");
    }
    let ascii = Article::new("y", "Y", "plain ascii".into());
    assert_eq!(ascii.slice(6, 99), "ascii");
}
