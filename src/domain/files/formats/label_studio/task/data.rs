//! A task's `data`: every field in the file's order, as Label Studio lets a project name its text
//! field (`<Text name="text" value="$body"/>`) and add fields of its own.

use crate::domain::files::formats::shapes::Loose;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::HashMap;
use std::fmt;

/// A task's data: each key with its value, in the order of the file (strings and whole numbers kept,
/// other values as a message shows them). Written as `text`, then `article` when known, then `title`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Data(pub Vec<(String, Loose)>);

impl Data {
    /// The data of an article's task: its `text`, the app's `article` id and its `title`.
    pub fn new(text: &str, article: Option<&str>, title: &str) -> Data {
        let mut fields = vec![("text".to_owned(), Loose::from(text))];
        if let Some(article) = article {
            fields.push(("article".to_owned(), Loose::from(article)));
        }
        fields.push(("title".to_owned(), Loose::from(title)));
        Data(fields)
    }

    /// The value of `key` when it is a string.
    pub fn string(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.text())
    }

    /// The fields whose values are strings, as `(key, text)`, in the file's order.
    pub fn strings(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .filter_map(|(k, v)| v.text().map(|t| (k.as_str(), t)))
    }

    /// The keys, in the file's order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

impl Serialize for Data {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Reads an object's entries in order; a key given twice keeps its first place and its last value,
/// as JSON readers commonly do.
struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of the task's fields, such as \"text\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
        let mut fields: Vec<(String, Loose)> = Vec::new();
        let mut places: HashMap<String, usize> = HashMap::new();
        while let Some((key, value)) = map.next_entry::<String, Loose>()? {
            match places.get(&key).and_then(|&at| fields.get_mut(at)) {
                Some(field) => field.1 = value,
                None => {
                    places.insert(key.clone(), fields.len());
                    fields.push((key, value));
                }
            }
        }
        Ok(Data(fields))
    }
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Data, D::Error> {
        d.deserialize_map(DataVisitor)
    }
}
