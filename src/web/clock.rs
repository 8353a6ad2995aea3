//! The clock and id source, kept out of the reducer so that actions arrive with their id and time.

use crate::domain::model::names::AnnotationId;
use crate::domain::model::time::Timestamp;
use std::cell::Cell;

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// The current time.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A new annotation id, unique across tabs and sessions: time, a counter and randomness, in base 36.
pub fn new_id() -> AnnotationId {
    let count = COUNTER.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let random = (js_sys::Math::random() * 1_679_616.0) as u32; // 36^4
    let id = format!(
        "a{}{}{}",
        base36(now().0 as u64),
        base36(u64::from(count)),
        base36(u64::from(random))
    );
    AnnotationId::from(id.as_str())
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS.get((n % 36) as usize).copied().unwrap_or(b'0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A new registry entry id, unique like [`new_id`]'s, starting with `e`.
pub fn new_entity_id() -> crate::domain::model::names::EntityId {
    let id = new_id();
    let unique = id.as_str().get(1..).unwrap_or_default();
    crate::domain::model::names::EntityId::from(format!("e{unique}").as_str())
}
