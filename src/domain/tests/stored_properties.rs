//! Property tests of the saved state: no mutation of a real state makes `decode` panic, and whatever it
//! restores saves and restores again cleanly, the same.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::{articles, entities, rich_workspace};
use crate::domain::fixtures::{json, snapshot};
use proptest::prelude::*;
use serde_json::Value;

/// Values a mutation puts in place of another.
fn replacement(i: usize) -> Value {
    match i % 14 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => Value::from(0_u64),
        3 => Value::from(u64::MAX),
        4 => Value::from(-1_i64),
        5 => Value::from(1.5),
        6 => Value::from(""),
        7 => Value::from("kyiv-post"),
        8 => Value::from("o-quote"),
        9 => Value::from("ent-olena"),
        10 => Value::Array(Vec::new()),
        11 => Value::Object(serde_json::Map::new()),
        12 => Value::from(9_999_u64),
        _ => Value::from("entity"),
    }
}

/// How many values the document holds, itself included.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(members) => members.values().map(count).sum(),
        _ => 0,
    }
}

/// Applies one mutation to the `n`th value in document order: replace it, or (kind 1) drop it from its
/// parent, or (kind 2) repeat it in its parent (in an object, under another name). Returns whether a value was found.
fn mutate(v: &mut Value, n: &mut usize, kind: usize, with: usize) -> bool {
    if *n == 0 {
        *v = replacement(with);
        return true;
    }
    *n -= 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(members) => members.values_mut().collect(),
        _ => return false,
    };
    let mut at = None;
    for (i, child) in children.into_iter().enumerate() {
        let size = count(child);
        if *n < size {
            if *n == 0 && kind != 0 {
                at = Some(i);
                break;
            }
            return mutate(child, n, kind, with);
        }
        *n -= size;
    }
    let Some(i) = at else { return false };
    match v {
        Value::Array(items) if kind == 1 => {
            items.remove(i);
        }
        Value::Array(items) => items.push(items[i].clone()),
        Value::Object(members) => {
            let Some((key, value)) = members.iter().nth(i).map(|(k, v)| (k.clone(), v.clone()))
            else {
                return false;
            };
            if kind == 1 {
                members.shift_remove(&key);
            } else {
                // A member under a name the shape does not have.
                members.insert(format!("{key}-copy"), value);
            }
        }
        _ => {}
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decode_never_panics_and_what_it_restores_restores_again(
        mutations in prop::collection::vec((any::<usize>(), 0..3_usize, any::<usize>()), 1..4),
        cut in any::<Option<usize>>(),
    ) {
        let mut state = json(&encode(&rich_workspace()));
        for (at, kind, with) in mutations {
            let mut n = at % count(&state);
            mutate(&mut state, &mut n, kind, with);
        }
        let mut text = state.to_string();
        if let Some(cut) = cut.filter(|c| c % 4 == 0) {
            let mut end = (cut / 4) % (text.len() + 1);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
        }
        if let Ok(restored) = decode(&text, bundled_articles().unwrap()) {
            let again = encode(&restored.workspace);
            let back = decode(&again, bundled_articles().unwrap()).unwrap();
            prop_assert_eq!(back.warnings, Vec::<String>::new());
            prop_assert_eq!(back.reanchored, Vec::<String>::new());
            prop_assert_eq!(snapshot(&back.workspace), snapshot(&restored.workspace));
            prop_assert_eq!(entities(&back.workspace), entities(&restored.workspace));
            prop_assert_eq!(articles(&back.workspace), articles(&restored.workspace));
        }
    }
}
