//! Timestamps: milliseconds since the Unix epoch inside, RFC 3339 UTC text in files.

use std::fmt;

/// A moment in UTC, in whole milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Days since the epoch for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date for a number of days since the epoch (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Timestamp {
    /// Formats as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0.rem_euclid(1000);
        let secs = self.0.div_euclid(1000);
        let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
        let sod = secs.rem_euclid(86_400);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{ms:03}Z",
            sod / 3600,
            sod / 60 % 60,
            sod % 60
        )
    }
}

impl Timestamp {
    /// A short form for people: `2025-02-14 09:30 UTC`.
    pub fn short(self) -> String {
        let full = self.to_string();
        match (full.get(..10), full.get(11..16)) {
            (Some(date), Some(time)) => format!("{date} {time} UTC"),
            _ => full,
        }
    }

    /// Parses RFC 3339 UTC text such as `2025-02-14T09:30:00Z` or `2025-02-14T09:30:00.250Z`.
    ///
    /// Offsets other than `Z` (for example `+01:00`) are accepted and converted to UTC.
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let bad = || format!("\"{text}\" is not a date-time like 2025-02-14T09:30:00Z");
        let bytes = text.as_bytes();
        let num = |from: usize, to: usize| -> Result<i64, String> {
            let part = text.get(from..to).ok_or_else(bad)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse::<i64>().map_err(|_| bad())
        };
        let sep = |at: usize, allowed: &[u8]| -> Result<(), String> {
            match bytes.get(at) {
                Some(b) if allowed.contains(b) => Ok(()),
                _ => Err(bad()),
            }
        };
        sep(4, b"-")?;
        sep(7, b"-")?;
        sep(10, b"Tt ")?;
        sep(13, b":")?;
        sep(16, b":")?;
        let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
        let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
            return Err(bad());
        }
        if second > 60 {
            return Err(bad());
        }
        let mut at = 19;
        let mut millis = 0;
        if bytes.get(at) == Some(&b'.') {
            let digits = bytes
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 {
                return Err(bad());
            }
            let frac = num(at + 1, at + 1 + digits.min(3))?;
            millis = frac * 10_i64.pow(3 - digits.min(3) as u32);
            at += 1 + digits;
        }
        let offset_minutes = match bytes.get(at) {
            Some(b'Z' | b'z') if at + 1 == bytes.len() => 0,
            Some(sign @ (b'+' | b'-')) if at + 6 == bytes.len() => {
                sep(at + 3, b":")?;
                let minutes = num(at + 1, at + 3)? * 60 + num(at + 4, at + 6)?;
                if *sign == b'+' {
                    minutes
                } else {
                    -minutes
                }
            }
            _ => return Err(bad()),
        };
        let days = days_from_civil(year, month, day);
        let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
        Ok(Timestamp(secs * 1000 + millis))
    }
}

#[cfg(test)]
#[path = "../tests/time.rs"]
mod tests;
