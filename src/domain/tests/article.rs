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
fn paragraph_at_finds_the_line() {
    let a = Article::new("x", "X", "one\ntwo\n".into());
    assert_eq!(a.paragraph_at(0), 0);
    assert_eq!(a.paragraph_at(3), 0);
    assert_eq!(a.paragraph_at(4), 1);
    assert_eq!(a.paragraph_at(8), 2);
}

#[test]
fn hash_is_sha256_of_the_utf8_text() {
    assert_eq!(
        sha256_hex("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
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
