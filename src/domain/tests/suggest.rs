//! Suggestion rules on short sentences.
