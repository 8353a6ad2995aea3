//! Mutations of a file's bytes: hostile pieces inserted, cuts, repeats, flipped bits, CRLF and a BOM.

use super::hostile_value;
use proptest::prelude::*;

/// One change to a file's bytes.
#[derive(Clone, Debug)]
pub enum Edit {
    /// Insert piece `(usize)` of [`piece`] at this place.
    Insert(prop::sample::Index, usize),
    /// Delete up to this many bytes here.
    Delete(prop::sample::Index, usize),
    /// Repeat up to this many bytes from here, this many times.
    Repeat(prop::sample::Index, usize, usize),
    /// Cut the file here.
    Cut(prop::sample::Index),
    /// Flip one bit of the byte here.
    Flip(prop::sample::Index, u8),
    /// Every `\n` as `\r\n`.
    Crlf,
    /// A UTF-8 byte order mark in front.
    Bom,
}

/// One to four edits.
pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    use prop::sample::Index;
    let one = prop_oneof![
        4 => (any::<Index>(), 0..64_usize).prop_map(|(a, p)| Edit::Insert(a, p)),
        1 => (any::<Index>(), 0..200_usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        1 => (any::<Index>(), 1..200_usize, 1..500_usize).prop_map(|(a, n, k)| Edit::Repeat(a, n, k)),
        1 => any::<Index>().prop_map(Edit::Cut),
        1 => (any::<Index>(), 0..8_u8).prop_map(|(a, b)| Edit::Flip(a, b)),
        1 => Just(Edit::Crlf),
        1 => Just(Edit::Bom),
    ];
    prop::collection::vec(one, 1..5)
}

/// Bytes that break files: JSON's punctuation, escapes, NUL, line ends, a BOM, bytes that are not
/// UTF-8 (a lone continuation byte, a cut sequence, an encoded surrogate, past U+10FFFF, overlong),
/// a brat line, and the [`hostile_value`]s.
pub fn piece(i: usize) -> Vec<u8> {
    let fixed: &[&[u8]] = &[
        b"{",
        b"[",
        b"]",
        b"}",
        b"\"",
        b",",
        b":",
        b"\\",
        b"\\u",
        b"\\ud800",
        b"\0",
        b"\r\n",
        b"\n",
        b"\r",
        b"\xEF\xBB\xBF",
        b"\xFF",
        b"\x80",
        b"\xC3",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
        b"\xC0\xAF",
        b"\t",
        b"T1\tQuote 0 99999999999999999999\tx\n",
        b"R1\tsaid_by Arg1:T1 Arg2:T1\n",
        b"#1\tAnnotatorNotes T1\tnote\n",
        b"PK\x03\x04",
        b"PK\x05\x06",
        b" ",
        b"-",
        b"0",
        b"e",
    ];
    match fixed.get(i) {
        Some(bytes) => bytes.to_vec(),
        None => hostile_value(i).into_bytes(),
    }
}

/// `bytes` with the edits applied in order.
pub fn edited(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for e in edits {
        let at = |i: &prop::sample::Index, len: usize| i.index(len + 1);
        match e {
            Edit::Insert(i, p) => {
                let a = at(i, out.len());
                drop(out.splice(a..a, piece(*p)));
            }
            Edit::Delete(i, n) => {
                let a = at(i, out.len());
                let b = (a + n).min(out.len());
                out.drain(a..b);
            }
            Edit::Repeat(i, n, k) => {
                let a = at(i, out.len());
                let b = (a + n).min(out.len());
                let chunk = out[a..b].to_vec();
                let copies = chunk.repeat(*k);
                drop(out.splice(b..b, copies));
            }
            Edit::Cut(i) => out.truncate(at(i, out.len())),
            Edit::Flip(i, bit) => {
                if !out.is_empty() {
                    let a = i.index(out.len());
                    out[a] ^= 1 << bit;
                }
            }
            Edit::Crlf => {
                let text = out
                    .split(|&b| b == b'\n')
                    .collect::<Vec<_>>()
                    .join(&b"\r\n"[..]);
                out = text;
            }
            Edit::Bom => drop(out.splice(0..0, *b"\xEF\xBB\xBF")),
        }
    }
    out
}

/// Random bytes, mostly short, some up to 64 KB.
pub fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::collection::vec(any::<u8>(), 0..512),
        1 => prop::collection::vec(any::<u8>(), 0..65_536),
    ]
}
