//! The data files' text, list and table types. Parsed from TOML (natively, in tests and
//! in build.rs) they own their contents; built into the app they are `static` data that
//! build.rs generated as Rust source, so the app carries no decoder and decodes nothing
//! when it starts. Like `prices.rs`, this file is also compiled into build.rs.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A string from a data file.
pub type Text = Cow<'static, str>;

/// A list from a data file.
pub type List<T> = Cow<'static, [T]>;

/// A table from a data file: names to values, sorted by name.
#[derive(Clone, Debug, PartialEq)]
pub struct Map<V: Clone + 'static>(pub Cow<'static, [(Text, V)]>);

impl<V: Clone + 'static> Map<V> {
    fn index(&self, key: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(key)).ok()
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.index(key).map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.index(key).is_some()
    }

    /// Names and values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.into_iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes `key` and its value, if present.
    pub fn remove(&mut self, key: &str) {
        if let Some(i) = self.index(key) {
            self.0.to_mut().remove(i);
        }
    }

    /// The value of `key`, inserted as the default value if absent (order kept).
    pub fn get_or_insert_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.0.binary_search_by(|(k, _)| (**k).cmp(key)) {
            Ok(i) => i,
            Err(i) => {
                self.0
                    .to_mut()
                    .insert(i, (Cow::Owned(key.to_string()), V::default()));
                i
            }
        };
        &mut self.0.to_mut()[i].1
    }
}

impl<'a, V: Clone + 'static> IntoIterator for &'a Map<V> {
    type Item = (&'a str, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Text, V)>, fn(&'a (Text, V)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

impl<V: Clone + 'static, K: AsRef<str> + ?Sized> std::ops::Index<&K> for Map<V> {
    type Output = V;

    /// The value for `key`; panics when there is none (like `BTreeMap`).
    fn index(&self, key: &K) -> &V {
        let key = key.as_ref();
        self.get(key)
            .unwrap_or_else(|| panic!("no entry \"{key}\" in the table"))
    }
}

impl<V: Clone + 'static> Default for Map<V> {
    fn default() -> Self {
        Map(Cow::Borrowed(&[]))
    }
}

impl<V: Clone + 'static> FromIterator<(String, V)> for Map<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let sorted: BTreeMap<String, V> = items.into_iter().collect();
        Map(Cow::Owned(
            sorted
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k), v))
                .collect(),
        ))
    }
}

impl<'de, V: Clone + Deserialize<'de> + 'static> Deserialize<'de> for Map<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<String, V>::deserialize(d)?.into_iter().collect())
    }
}

impl<V: Clone + Serialize + 'static> Serialize for Map<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
