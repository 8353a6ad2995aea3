//! Tests of `span`.

use super::*;

#[test]
fn empty_and_reversed_spans_are_refused() {
    assert_eq!(Span::new(3, 3), Err(SpanError::Empty { start: 3, end: 3 }));
    assert!(Span::new(4, 3).is_err());
}

#[test]
fn a_span_past_the_text_is_refused_with_the_length() {
    let err = Span::within(10, 5012, 4016).unwrap_err();
    assert_eq!(
        err.to_string(),
        "end 5012 is past the end of the text (4016 characters)"
    );
}

#[test]
fn overlap_and_containment_are_end_exclusive() {
    let a = Span::new(0, 5).unwrap();
    assert!(a.contains(4) && !a.contains(5));
    assert!(!a.overlaps(Span::new(5, 9).unwrap()));
    assert!(a.overlaps(Span::new(4, 9).unwrap()));
    assert_eq!(a.to_string(), "[0, 5)");
}
