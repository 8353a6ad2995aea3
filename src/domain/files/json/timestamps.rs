//! How a [`Timestamp`] is written in the app's files: RFC 3339 text in UTC by default, or whole
//! milliseconds since 1970 with [`millis`] (the saved state's compact form). In a format that is not
//! human-readable (bincode: the web worker's messages) it is the milliseconds, which cost nothing to
//! read back.

use crate::domain::model::time::Timestamp;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_i64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        if !deserializer.is_human_readable() {
            return i64::deserialize(deserializer).map(Timestamp);
        }
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(de::Error::custom)
    }
}

/// A [`Timestamp`] as whole milliseconds since 1970: `#[serde(with = "crate::domain::files::json::millis")]`.
pub mod millis {
    use super::*;

    /// Writes the milliseconds.
    pub fn serialize<S: Serializer>(time: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(time.0)
    }

    /// Reads the milliseconds.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        i64::deserialize(deserializer).map(Timestamp)
    }
}
