//! The app's files as JSON, through serde: [`from_str`] reads any serde type and says what is wrong
//! where ([`JsonError`]: the JSON path of the bad value, serde's reason, the line and column), and
//! [`to_compact`] and [`to_pretty`] write. [`peek`] reads the few top-level fields that say what a
//! file is before its whole shape is read. `Timestamp`s are RFC 3339 text, or milliseconds with
//! [`millis`].
//!
//! serde_json's limits hold for every file: nesting deeper than 128 is a syntax error (no input can
//! overflow the stack), strings must escape control characters and pair their surrogates, a number
//! past `f64` is refused, and nothing may follow the value but whitespace. A repeated key is refused
//! as a `duplicate field`.

mod peek;
mod serde_io;
mod timestamps;

pub use peek::{kind_of, peek, Envelope, Peeked};
pub use serde_io::{from_str, to_compact, to_pretty, JsonError};
pub use timestamps::millis;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tests/fuzz_json.rs"]
mod fuzz;
