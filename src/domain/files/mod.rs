//! Files and formats: JSON through serde, the annotation record, the app's own export, the other tools' formats, the saved state, importing, and the command-line converter.

pub mod batch;
#[cfg(any(test, feature = "bench"))]
pub mod bench_fixture;
pub mod bundled;
pub mod formats;
pub mod import;
pub mod json;
pub mod records;
pub mod stored;
