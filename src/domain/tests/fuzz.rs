//! What the fuzz tests (`tests/fuzz_*.rs`) share: the number of cases, a runner that times every case
//! and stops the process on a hang, and the mutations that turn a valid file into a hostile one.
//!
//! Every importer and decoder is fed (a) valid files mutated in their structure: a value replaced by a
//! huge or odd number, a wrong type, a very long string or nesting thousands deep, a member dropped
//! or repeated (a duplicate key); (b) the same files edited as bytes: invalid UTF-8, a BOM, CRLF, NUL,
//! cuts and repeats; (c) random bytes. Each case must return `Ok` or an error with a message, and
//! finish within [`LIMIT`].
//!
//! `NA_FUZZ_CASES=N` sets the cases per property (default [`DEFAULT_CASES`]).

use crate::domain::json::{parse, Value, Writer};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestCaseResult, TestRunner};
use std::fmt::Debug;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Cases per property when `NA_FUZZ_CASES` is not set: 256 in a debug build (`cargo test`, about 40 s
/// for the fuzz tests on two cores), 2,048 in a release build (about ten times faster).
pub const DEFAULT_CASES: u32 = if cfg!(debug_assertions) { 256 } else { 2_048 };

/// The longest a single case may take: 2 s in release; debug builds run about ten times slower.
pub const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(20)
} else {
    Duration::from_secs(2)
};

/// A case still running after this long is a hang: the watchdog names it and ends the process.
const HANG: Duration = Duration::from_secs(LIMIT.as_secs() * 5);

/// The cases per property: `NA_FUZZ_CASES`, else [`DEFAULT_CASES`].
pub fn cases() -> u32 {
    std::env::var("NA_FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Runs `test` on [`cases`] values of `strategy`: a panic, an `Err`, or a case slower than [`LIMIT`]
/// fails the test with the (shrunk) input; a case slower than [`HANG`] ends the process, naming it.
/// Prints the count, the total time and the slowest case (`--nocapture` shows it).
pub fn run<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    };
    let started = Instant::now();
    let case_start = Arc::new(AtomicU64::new(u64::MAX));
    let current = Arc::new(Mutex::new(String::new()));
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (case_start, current, done) = (case_start.clone(), current.clone(), done.clone());
        let name = name.to_owned();
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
                let at = case_start.load(Ordering::Relaxed);
                let now = started.elapsed().as_millis() as u64;
                if at != u64::MAX && now.saturating_sub(at) > HANG.as_millis() as u64 {
                    let input = current.lock().map(|s| s.clone()).unwrap_or_default();
                    eprintln!("fuzz {name}: a case has run for over {HANG:?} (a hang): {input}");
                    std::process::exit(101);
                }
            }
        })
    };
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |value| {
        if let Ok(mut c) = current.lock() {
            *c = shorten(&format!("{value:?}"));
        }
        let t = Instant::now();
        case_start.store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
        let outcome = test(value);
        case_start.store(u64::MAX, Ordering::Relaxed);
        let took = t.elapsed();
        slowest.set(slowest.get().max(took));
        outcome?;
        if took > LIMIT {
            return Err(TestCaseError::fail(format!("one case took {took:?}")));
        }
        Ok(())
    });
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    eprintln!(
        "fuzz {name}: {} cases in {:.2?}, slowest {:.2?}",
        cases(),
        started.elapsed(),
        slowest.get()
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {}", shorten(&e.to_string()));
    }
}

/// At most 4,000 characters of `text`.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(4_000) {
        Some((at, _)) => format!("{}… ({} bytes)", &text[..at], text.len()),
        None => text.to_owned(),
    }
}

/// Passes an `Ok`, and an `Err` whose message says something; fails an empty message.
pub fn clear<T, E: std::fmt::Display>(result: &Result<T, E>) -> TestCaseResult {
    if let Err(e) = result {
        let message = e.to_string();
        prop_assert!(!message.trim().is_empty(), "an error without a message");
    }
    Ok(())
}

/// How many cases a decoder accepted and refused, so that a property can check that its mutations
/// reach both: a fuzz whose every case is refused at the first byte tests little.
#[derive(Default)]
pub struct Tally {
    ok: std::cell::Cell<u32>,
    err: std::cell::Cell<u32>,
}

impl Tally {
    /// Checks `result` with [`clear`] and counts it.
    pub fn note<T, E: std::fmt::Display>(&self, result: &Result<T, E>) -> TestCaseResult {
        clear(result)?;
        let cell = if result.is_ok() { &self.ok } else { &self.err };
        cell.set(cell.get() + 1);
        Ok(())
    }

    /// Panics unless some cases were accepted and some refused.
    pub fn saw_both(&self, name: &str) {
        let (ok, err) = (self.ok.get(), self.err.get());
        eprintln!("fuzz {name}: {ok} accepted, {err} refused");
        assert!(
            ok > 0 && err > 0,
            "fuzz {name}: {ok} accepted, {err} refused"
        );
    }
}

/// `n` arrays nested in each other: `[[[…]]]`.
pub fn deep_arrays(n: usize) -> String {
    format!("{}{}", "[".repeat(n), "]".repeat(n))
}

/// `n` objects nested in each other: `{"a":{"a":…}}`.
pub fn deep_objects(n: usize) -> String {
    format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))
}

/// Raw JSON text that stands for a value: huge and odd numbers, wrong types, NaN-like strings, very
/// long strings, deep nesting (past and within the parser's limit), duplicate keys, escapes.
pub fn hostile_value(i: usize) -> String {
    match i % 34 {
        0 => "1e308".into(),
        1 => "1e309".into(),
        2 => "-1".into(),
        3 => "18446744073709551616".into(),
        4 => "18446744073709551615".into(),
        5 => "-9223372036854775809".into(),
        6 => "1.7976931348623157e308".into(),
        7 => "1e-400".into(),
        8 => "0.5".into(),
        9 => "-0".into(),
        10 => "123456789012345678901234567890123456789".into(),
        11 => "1e99999999999999999999".into(),
        12 => "\"NaN\"".into(),
        13 => "\"Infinity\"".into(),
        14 => "\"-1\"".into(),
        15 => "\"\"".into(),
        16 => "null".into(),
        17 => "true".into(),
        18 => "[]".into(),
        19 => "{}".into(),
        20 => format!("\"{}\"", "a".repeat(200_000)),
        21 => format!("\"{}\"", "🇺🇦e\u{301}".repeat(20_000)),
        22 => deep_arrays(5_000),
        23 => deep_objects(5_000),
        24 => deep_arrays(120),
        25 => "\"\\ud800\"".into(),
        26 => "\"\\u0000\"".into(),
        27 => "{\"a\":1,\"a\":2}".into(),
        28 => "[1,2,3]".into(),
        29 => "9".repeat(100_000),
        30 => format!("0.{}1e400", "0".repeat(100_000)),
        31 => "NaN".into(),
        32 => format!("[{}0]", "0,".repeat(100_000)),
        _ => "4294967296".into(),
    }
}

/// One change to a JSON value, at the `at`th value of the document in document order.
#[derive(Clone, Debug)]
pub enum Tweak {
    /// Put [`hostile_value`] `(usize)` in its place.
    Replace(prop::sample::Index, usize),
    /// Drop it from its array or object.
    Drop(prop::sample::Index),
    /// Repeat it in its array or object (in an object: a duplicate key).
    Repeat(prop::sample::Index),
    /// Put a copy of another value of the same document in its place: a plausible wrong value (an
    /// offset, an id or a label from elsewhere).
    Swap(prop::sample::Index, prop::sample::Index),
}

/// One to four tweaks.
pub fn tweaks() -> impl Strategy<Value = Vec<Tweak>> {
    let one = prop_oneof![
        3 => (any::<prop::sample::Index>(), 0..64_usize).prop_map(|(a, v)| Tweak::Replace(a, v)),
        1 => any::<prop::sample::Index>().prop_map(Tweak::Drop),
        1 => any::<prop::sample::Index>().prop_map(Tweak::Repeat),
        3 => (any::<prop::sample::Index>(), any::<prop::sample::Index>()).prop_map(|(a, b)| Tweak::Swap(a, b)),
    ];
    prop::collection::vec(one, 1..5)
}

/// The text marking where a hostile value goes, replaced after writing.
const MARK: &str = "\u{1}fuzz\u{1}";

/// `text` (one JSON value, or JSON Lines when `lines`) with the tweaks applied, written compact or
/// (when `pretty` and not `lines`) indented. Text that does not parse is returned as it is.
pub fn tweaked(text: &str, lines: bool, tweaks: &[Tweak], pretty: bool) -> String {
    let mut docs: Vec<Value> = if lines {
        text.lines().filter_map(|l| parse(l).ok()).collect()
    } else {
        parse(text).into_iter().collect()
    };
    if docs.is_empty() {
        return text.to_owned();
    }
    let mut raw = Vec::new();
    let mut doc = Value::Array(std::mem::take(&mut docs));
    for t in tweaks {
        let size = count(&doc) - 1;
        let (at, kind) = match t {
            Tweak::Replace(at, v) => (at, Some(*v)),
            Tweak::Drop(at) | Tweak::Repeat(at) | Tweak::Swap(at, _) => (at, None),
        };
        let mut n = at.index(size.max(1)) + 1;
        if let Some(v) = kind {
            raw.push(hostile_value(v));
        }
        let with = match t {
            Tweak::Swap(_, from) => nth(&doc, from.index(size.max(1)) + 1).cloned(),
            _ => None,
        };
        change(&mut doc, &mut n, t, with);
    }
    let Value::Array(docs) = doc else {
        return text.to_owned();
    };
    let written: Vec<String> = docs
        .iter()
        .map(|d| match pretty && !lines {
            true => d.to_string_pretty(),
            false => {
                let mut w = Writer::compact();
                w.value(d);
                w.finish()
            }
        })
        .collect();
    let mut out = written.join("\n");
    let marker = {
        let mut w = Writer::compact();
        w.string(MARK);
        w.finish()
    };
    for value in raw {
        if let Some(at) = out.find(&marker) {
            out.replace_range(at..at + marker.len(), &value);
        }
    }
    out
}

/// How many values `v` holds, itself included.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(members) => members.iter().map(|(_, m)| count(m)).sum(),
        _ => 0,
    }
}

/// The `n`th value of `v` in document order (`v` itself is 0).
fn nth(v: &Value, n: usize) -> Option<&Value> {
    if n == 0 {
        return Some(v);
    }
    let mut n = n - 1;
    let children: Vec<&Value> = match v {
        Value::Array(items) => items.iter().collect(),
        Value::Object(members) => members.iter().map(|(_, m)| m).collect(),
        _ => return None,
    };
    for child in children {
        let size = count(child);
        if n < size {
            return nth(child, n);
        }
        n -= size;
    }
    None
}

/// Applies `tweak` to the `n`th value of `v` in document order (`v` itself is 0); `with` is the
/// value a [`Tweak::Swap`] puts there.
fn change(v: &mut Value, n: &mut usize, tweak: &Tweak, with: Option<Value>) {
    let sizes: Vec<usize> = match v {
        Value::Array(items) => items.iter().map(count).collect(),
        Value::Object(members) => members.iter().map(|(_, m)| count(m)).collect(),
        _ => return,
    };
    *n -= 1;
    let mut i = 0;
    while i < sizes.len() && *n >= sizes[i] {
        *n -= sizes[i];
        i += 1;
    }
    if i == sizes.len() {
        return;
    }
    if *n > 0 {
        let child = match v {
            Value::Array(items) => &mut items[i],
            Value::Object(members) => &mut members[i].1,
            _ => return,
        };
        return change(child, n, tweak, with);
    }
    if let Some(with) = with {
        match v {
            Value::Array(items) => items[i] = with,
            Value::Object(members) => members[i].1 = with,
            _ => {}
        }
        return;
    }
    match (v, tweak) {
        (Value::Array(items), Tweak::Replace(..)) => items[i] = Value::from(MARK),
        (Value::Object(members), Tweak::Replace(..)) => members[i].1 = Value::from(MARK),
        (Value::Array(items), Tweak::Drop(_)) => drop(items.remove(i)),
        (Value::Object(members), Tweak::Drop(_)) => drop(members.remove(i)),
        (Value::Array(items), Tweak::Repeat(_)) => items.insert(i, items[i].clone()),
        (Value::Object(members), Tweak::Repeat(_)) => members.insert(i, members[i].clone()),
        _ => {}
    }
}

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

/// The peak resident memory of this process so far (`VmHWM`), in bytes; `None` off Linux.
pub fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
