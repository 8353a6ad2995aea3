//! Time limits for tests that guard against slow (quadratic, hanging) code, measured against a baseline
//! taken in the same run rather than in seconds: machines, builds and a busy neighbour change how long
//! everything takes by 2× and more, and they change the baseline alike.
//!
//! The baseline ([`reference`]) is a fixed piece of work compiled in the same profile as the code
//! under test: splitting 1.5 MB of mixed-script text into words, counting their code points, hashing
//! their bytes and sorting them, four times. It took about 15 ms in release and 250 ms in debug (with
//! a build beside it) on the machine the limits were set on. A limit is a number of these
//! ([`budget`]), about ten times what the guarded work took there; the slow code each guard catches
//! takes a hundred times more or never ends.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The baseline: the fastest of three rounds of the reference work, measured once per test binary.
pub fn reference() -> Duration {
    static REFERENCE: OnceLock<Duration> = OnceLock::new();
    *REFERENCE.get_or_init(|| {
        let text = "Kyiv — Київ, 🇺🇦 said “we hold”. ".repeat(1 << 15);
        (0..3)
            .map(|_| reference_round(&text))
            .min()
            .unwrap_or(Duration::MAX)
    })
}

fn reference_round(text: &str) -> Duration {
    let started = Instant::now();
    for _ in 0..4 {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        let mut words: Vec<(usize, usize)> = Vec::new();
        for word in std::hint::black_box(text).split(' ') {
            words.push((word.chars().count(), word.len()));
            for b in word.bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        words.sort_unstable();
        std::hint::black_box((hash, words));
    }
    started.elapsed()
}

/// `times` baselines: the longest a guarded piece of work may take on this machine, in this run.
pub fn budget(times: f64) -> Duration {
    reference().mul_f64(times)
}

/// Runs `work`, fails (naming `what` and both times) when it takes longer than `times` baselines, and
/// returns its result. Prints the time in baselines, which is how a limit is chosen
/// (`cargo test -- --nocapture`).
pub fn within<T>(what: &str, times: f64, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = work();
    let took = started.elapsed();
    let ratio = took.as_secs_f64() / reference().as_secs_f64();
    eprintln!("timing {what}: {took:.2?} = {ratio:.1} baselines (limit {times})");
    assert!(
        took <= budget(times),
        "{what} took {took:.2?}, {ratio:.1} times the baseline of {:.2?} measured in this run; the \
         limit is {times} (a linear-time version takes a tenth of it)",
        reference()
    );
    out
}
