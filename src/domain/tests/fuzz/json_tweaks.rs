//! Mutations of a file's JSON structure: values replaced by hostile ones, dropped, repeated or swapped.

use proptest::prelude::*;
use serde_json::{Map, Value};

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
    /// Repeat it in its array or object (in an object: under a key of its own, `key-copy`; repeated
    /// keys come from [`hostile_value`]'s text).
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
        text.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    } else {
        serde_json::from_str(text).into_iter().collect()
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
            true => serde_json::to_string_pretty(d).unwrap_or_default(),
            false => d.to_string(),
        })
        .collect();
    let mut out = written.join("\n");
    let marker = Value::from(MARK).to_string();
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
        Value::Object(members) => members.values().map(count).sum(),
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
        Value::Object(members) => members.values().collect(),
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
        Value::Object(members) => members.values().map(count).collect(),
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
        if let Some(child) = child_mut(v, i) {
            change(child, n, tweak, with);
        }
        return;
    }
    if let Some(with) =
        with.or_else(|| matches!(tweak, Tweak::Replace(..)).then(|| Value::from(MARK)))
    {
        if let Some(child) = child_mut(v, i) {
            *child = with;
        }
        return;
    }
    match (v, tweak) {
        (Value::Array(items), Tweak::Drop(_)) => drop(items.remove(i)),
        (Value::Object(members), Tweak::Drop(_)) => drop(remove_nth(members, i)),
        (Value::Array(items), Tweak::Repeat(_)) => items.insert(i, items[i].clone()),
        (Value::Object(members), Tweak::Repeat(_)) => {
            if let Some((key, value)) = members.iter().nth(i) {
                let (key, value) = (format!("{key}-copy"), value.clone());
                members.insert(key, value);
            }
        }
        _ => {}
    }
}

/// The `i`th item of an array or member of an object.
fn child_mut(v: &mut Value, i: usize) -> Option<&mut Value> {
    match v {
        Value::Array(items) => items.get_mut(i),
        Value::Object(members) => members.values_mut().nth(i),
        _ => None,
    }
}

/// Removes the `i`th member of an object, keeping the others in order.
fn remove_nth(members: &mut Map<String, Value>, i: usize) -> Option<Value> {
    let key = members.keys().nth(i)?.clone();
    members.shift_remove(&key)
}
