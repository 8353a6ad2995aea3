//! What the fuzz tests (`tests/fuzz_*.rs`) share: the number of cases, a runner that times every case
//! and stops the process on a hang, and the mutations that turn a valid file into a hostile one.
//!
//! Every importer and decoder is fed (a) valid files mutated in their structure: a value replaced by a
//! huge or odd number, a wrong type, a very long string or nesting thousands deep, a member dropped
//! or repeated (a duplicate key); (b) the same files edited as bytes: invalid UTF-8, a BOM, CRLF, NUL,
//! cuts and repeats; (c) random bytes. Each case must return `Ok` or an error with a message, and
//! finish within [`limit`] (a number of baselines measured in the same run).
//!
//! `NA_FUZZ_CASES=N` sets the cases per property (default [`DEFAULT_CASES`]).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestCaseResult, TestRunner};
use std::fmt::Debug;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "fuzz/byte_edits.rs"]
mod byte_edits;
#[path = "fuzz/json_tweaks.rs"]
mod json_tweaks;
pub use byte_edits::{edited, edits, random_bytes, Edit};
pub use json_tweaks::{deep_arrays, deep_objects, hostile_value, tweaked, tweaks};

/// Cases per property when `NA_FUZZ_CASES` is not set: 256 in a debug build (`cargo test`, about 40 s
/// for the fuzz tests on two cores), 2,048 in a release build (about ten times faster).
pub const DEFAULT_CASES: u32 = if cfg!(debug_assertions) { 256 } else { 2_048 };

/// The longest a single case may take, in baselines measured in the same run
/// (`crate::domain::timing`; about 2 s in release and 20 s in debug where the limit was set).
pub const LIMIT_BASELINES: f64 = 150.0;

/// The longest a single case may take on this machine, in this run.
pub fn limit() -> Duration {
    crate::domain::timing::budget(LIMIT_BASELINES)
}

/// The cases per property: `NA_FUZZ_CASES`, else [`DEFAULT_CASES`].
pub fn cases() -> u32 {
    std::env::var("NA_FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Runs `test` on [`cases`] values of `strategy`: a panic, an `Err`, or a case slower than [`limit`]
/// fails the test with the (shrunk) input; a case still running after five limits is a hang, which
/// ends the process, naming it.
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
    let (limit, hang) = (limit(), limit() * 5);
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
                if at != u64::MAX && now.saturating_sub(at) > hang.as_millis() as u64 {
                    let input = current.lock().map(|s| s.clone()).unwrap_or_default();
                    eprintln!("fuzz {name}: a case has run for over {hang:?} (a hang): {input}");
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
        if took > limit {
            return Err(TestCaseError::fail(format!(
                "one case took {took:?}, over {LIMIT_BASELINES} baselines ({limit:?}) in this run"
            )));
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

/// The peak resident memory of this process so far (`VmHWM`), in bytes; `None` off Linux.
pub fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
