//! The native grapheme rule for tests: [`Graphemes`] from the `unicode-segmentation` crate, a
//! dev-dependency, so it is never part of the app. Shared by the domain's tests and the browser test
//! that checks `Intl.Segmenter` against it (`tests/browser_graphemes.rs`).

use super::Graphemes;
use unicode_segmentation::UnicodeSegmentation;

/// Grapheme clusters as `unicode-segmentation` finds them.
pub struct Uax29;

impl Graphemes for Uax29 {
    fn cluster_at(&self, text: &str, at: usize) -> (usize, usize) {
        let mut start = 0;
        for cluster in text.graphemes(true) {
            let end = start + cluster.chars().count();
            if at < end {
                return (start, end);
            }
            start = end;
        }
        (at, at + 1)
    }
}
