//! Tests of `time`.

use super::*;

#[test]
fn formats_known_moments() {
    assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00.000Z");
    // 2025-02-14T09:30:00.250Z, checked with `date -u -d @1739525400`.
    assert_eq!(
        Timestamp(1_739_525_400_250).to_string(),
        "2025-02-14T09:30:00.250Z"
    );
}

#[test]
fn short_form_is_for_people() {
    assert_eq!(Timestamp(1_739_525_400_250).short(), "2025-02-14 09:30 UTC");
}

#[test]
fn parses_what_it_formats_and_common_variants() {
    for ms in [0, 1_739_525_400_250, 951_782_400_000, 4_102_444_799_999] {
        let ts = Timestamp(ms);
        assert_eq!(Timestamp::parse(&ts.to_string()), Ok(ts));
    }
    assert_eq!(
        Timestamp::parse("2025-02-14T09:30:00Z"),
        Ok(Timestamp(1_739_525_400_000))
    );
    assert_eq!(
        Timestamp::parse("2025-02-14T10:30:00+01:00"),
        Ok(Timestamp(1_739_525_400_000))
    );
}

#[test]
fn rejects_garbage_with_the_text_in_the_message() {
    for bad in [
        "",
        "yesterday",
        "2025-13-01T00:00:00Z",
        "2025-02-14T09:30:00",
        "2025-02-14T09:30:00.Z",
    ] {
        let err = Timestamp::parse(bad).unwrap_err();
        assert!(err.contains(bad), "{err}");
    }
}
