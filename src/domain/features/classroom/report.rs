//! The teacher's class table: each student's matches, misses and extras against the key per label,
//! exact and overlap, and the same as CSV.
//!
//! `class-table.csv` has a header and one row per student × label (the exercise's order) × matching
//! (`exact`, then `overlap`):
//!
//! ```text
//! student,file,label,matching,matched,missed,extra,precision,recall,f1
//! Ada,ada--who-said-what.submission.json,claim,exact,3,1,2,0.600,0.750,0.667
//! ```
//!
//! Ratios have three decimals and are empty when undefined (no spans, no key spans). The file is
//! UTF-8 with a byte order mark and CR LF line ends, as the CSV export. Students type their own names,
//! so a name or file name starting with `=`, `+`, `-`, `@` or a tab gets a leading apostrophe, which
//! keeps a spreadsheet from running it as a formula.

use super::agreement::{alpha, mean_pairwise_f1};
use super::class::{Class, Student};
use super::exercise::Exercise;
use super::scores::{score, Counts, Mark, Matching};
use crate::domain::files::formats::csv::{field, BOM};
use crate::domain::model::names::LabelName;

/// The CSV header.
pub const HEADER: &str = "student,file,label,matching,matched,missed,extra,precision,recall,f1";

/// Both matchings, in the table's order.
pub const MATCHINGS: [Matching; 2] = [Matching::Exact, Matching::Overlap];

/// One student's counts for one label, with both matchings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// Whose.
    pub student: &'a Student,
    /// Which label.
    pub label: LabelName,
    /// With exact matching.
    pub exact: Counts,
    /// With overlap matching.
    pub overlap: Counts,
}

impl Row<'_> {
    /// The counts with this matching.
    pub fn counts(&self, matching: Matching) -> Counts {
        match matching {
            Matching::Exact => self.exact,
            Matching::Overlap => self.overlap,
        }
    }
}

/// Every student's rows, one per label of the exercise; none without a key.
pub fn rows<'a>(exercise: &Exercise, class: &'a Class) -> Vec<Row<'a>> {
    if exercise.key.is_none() {
        return Vec::new();
    }
    let key = exercise.key_marks();
    class
        .students
        .iter()
        .flat_map(|student| student_rows(exercise, &key, student))
        .collect()
}

/// One student's rows against `key` (the exercise's key marks), one per label of the exercise.
pub fn student_rows<'a>(exercise: &Exercise, key: &[Mark], student: &'a Student) -> Vec<Row<'a>> {
    let exact = score(key, &student.marks, Matching::Exact);
    let overlap = score(key, &student.marks, Matching::Overlap);
    exercise
        .labels
        .iter()
        .map(|&label| Row {
            student,
            label,
            exact: exact.get(&label).copied().unwrap_or_default(),
            overlap: overlap.get(&label).copied().unwrap_or_default(),
        })
        .collect()
}

/// A ratio with three decimals, or empty.
pub fn ratio(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| fixed(v, 3))
}

/// `v` rounded to `places` decimals (at most 9), written without the float formatter, which would cost
/// the download some kilobytes: `fixed(2.0 / 3.0, 3)` is `0.667`, `fixed(-0.25, 1)` is `-0.3`.
pub fn fixed(v: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(9));
    // Whole units of the last place, rounded half away from zero; the cast saturates on huge values.
    let units = (v.abs() * scale as f64).round() as u64;
    let sign = if v < 0.0 && units > 0 { "-" } else { "" };
    let (whole, part) = (units / scale, units % scale);
    match places {
        0 => format!("{sign}{whole}"),
        p => format!("{sign}{whole}.{part:0width$}", width = p as usize),
    }
}

/// The class table as CSV (see the module documentation).
pub fn class_csv(exercise: &Exercise, class: &Class) -> String {
    let mut out = String::from(BOM);
    out.push_str(HEADER);
    out.push_str("\r\n");
    for row in rows(exercise, class) {
        for matching in MATCHINGS {
            let c = row.counts(matching);
            let cells = [
                safe(&row.student.name),
                safe(&row.student.file),
                row.label.name().to_owned(),
                matching_name(matching).to_owned(),
                c.matched.to_string(),
                c.missed.to_string(),
                c.extra.to_string(),
                ratio(c.precision()),
                ratio(c.recall()),
                ratio(c.f1()),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// `exact` or `overlap`.
pub fn matching_name(matching: Matching) -> &'static str {
    match matching {
        Matching::Exact => "exact",
        Matching::Overlap => "overlap",
    }
}

/// A CSV field typed by a person: quoted as needed, and never read as a formula.
fn safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        field(&format!("'{value}"))
    } else {
        field(value)
    }
}

/// One student against the key with one matching: index pairs into (key, marks), and the key spans
/// they missed and their spans that match nothing, each in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// (key index, student index) of each match.
    pub matched: Vec<(usize, usize)>,
    /// Key indexes nobody matched.
    pub missed: Vec<usize>,
    /// Student indexes that match no key span.
    pub extra: Vec<usize>,
}

/// How `marks` compare with `key`.
pub fn review(key: &[Mark], marks: &[Mark], matching: Matching) -> Review {
    let matched = super::scores::matches(key, marks, matching);
    let missed = (0..key.len())
        .filter(|k| !matched.iter().any(|(m, _)| m == k))
        .collect();
    let extra = (0..marks.len())
        .filter(|a| !matched.iter().any(|(_, m)| m == a))
        .collect();
    Review {
        matched,
        missed,
        extra,
    }
}

/// The agreement among students on one label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgreementRow {
    /// Which label.
    pub label: LabelName,
    /// Krippendorff's alpha (see [`super::agreement::ALPHA_RULE`]); `None` with fewer than two students or no variation.
    pub alpha: Option<f64>,
    /// The mean F1 over every pair of students, exact matching.
    pub f1_exact: Option<f64>,
    /// The same with overlap matching.
    pub f1_overlap: Option<f64>,
}

/// The agreement header.
pub const AGREEMENT_HEADER: &str = "label,alpha,pairwise_f1_exact,pairwise_f1_overlap,students";

/// Agreement among the class's students, one row per label of the exercise.
pub fn agreement(exercise: &Exercise, class: &Class) -> Vec<AgreementRow> {
    let lengths = exercise.lengths();
    let coders: Vec<&[Mark]> = class.students.iter().map(|s| s.marks.as_slice()).collect();
    exercise
        .labels
        .iter()
        .map(|&label| AgreementRow {
            label,
            alpha: alpha(&lengths, &coders, label),
            f1_exact: mean_pairwise_f1(&coders, label, Matching::Exact),
            f1_overlap: mean_pairwise_f1(&coders, label, Matching::Overlap),
        })
        .collect()
}

/// `agreement.csv`: a row per label, numbers with six decimals, empty when undefined.
pub fn agreement_csv(exercise: &Exercise, class: &Class) -> String {
    let six = |v: Option<f64>| v.map_or_else(String::new, |v| fixed(v, 6));
    let mut out = String::from(BOM);
    out.push_str(AGREEMENT_HEADER);
    out.push_str("\r\n");
    for row in agreement(exercise, class) {
        let cells = [
            row.label.name().to_owned(),
            six(row.alpha),
            six(row.f1_exact),
            six(row.f1_overlap),
            class.students.len().to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
