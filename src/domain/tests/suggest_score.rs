//! Scoring on a hand-made labelled set.
