//! A bounded memory of values that are costly to make and never change for their key: the
//! parsed network of a case per network revision (see [`crate::Store::case_page`]) and, in the
//! web layer, what the case page draws from it.
//!
//! The key must name everything the value is made from, so that nothing ever needs to be
//! invalidated: a change makes a different key, and an entry nobody asks for any more ages out
//! (least recently used first, once the memory is full).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// At most `capacity` values, the least recently used dropped first.
pub struct Kept<K, V> {
    capacity: usize,
    entries: Mutex<Entries<K, V>>,
}

struct Entries<K, V> {
    /// `HashMap`'s hasher has a per-process random key, so nobody can aim for collisions.
    map: HashMap<K, (V, u64)>,
    clock: u64,
}

impl<K: Hash + Eq + Clone, V: Clone> Kept<K, V> {
    pub fn new(capacity: usize) -> Self {
        Kept {
            capacity: capacity.max(1),
            entries: Mutex::new(Entries {
                map: HashMap::new(),
                clock: 0,
            }),
        }
    }

    /// The value kept for `key`, if any (it then counts as just used).
    pub fn get(&self, key: &K) -> Option<V> {
        let mut entries = self.lock();
        entries.clock += 1;
        let now = entries.clock;
        let (value, last_used) = entries.map.get_mut(key)?;
        *last_used = now;
        Some(value.clone())
    }

    /// Keeps `value` for `key` and returns what is kept: an earlier value for the same key
    /// wins, so two first requests that both made it share one.
    pub fn insert(&self, key: K, value: V) -> V {
        let mut entries = self.lock();
        entries.clock += 1;
        let now = entries.clock;
        if let Some((kept, last_used)) = entries.map.get_mut(&key) {
            *last_used = now;
            return kept.clone();
        }
        if entries.map.len() >= self.capacity {
            entries.drop_oldest();
        }
        entries.map.insert(key, (value.clone(), now));
        value
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.lock().map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> MutexGuard<'_, Entries<K, V>> {
        // A panic while holding the lock cannot leave the map half-changed in a way that
        // matters (at worst an entry is missing), so a poisoned lock is used as it is.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<K: Hash + Eq + Clone, V> Entries<K, V> {
    /// Drops the entry used longest ago: a scan, but only when a new value is added to a full
    /// memory (after a miss, which costs far more than the scan).
    fn drop_oldest(&mut self) {
        let oldest = self
            .map
            .iter()
            .min_by_key(|(_, (_, last_used))| *last_used)
            .map(|(k, _)| k.clone());
        if let Some(key) = oldest {
            self.map.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_per_key_and_the_first_one_wins() {
        let kept = Kept::new(4);
        assert_eq!(kept.get(&"a"), None);
        assert_eq!(kept.insert("a", 1), 1);
        assert_eq!(kept.insert("a", 2), 1, "the earlier value is kept");
        assert_eq!(kept.get(&"a"), Some(1));
        assert_eq!(kept.get(&"b"), None);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn the_memory_is_bounded_and_drops_the_least_recently_used() {
        let kept = Kept::new(3);
        kept.insert(1, "one");
        kept.insert(2, "two");
        kept.insert(3, "three");
        assert_eq!(
            kept.get(&1),
            Some("one"),
            "1 is now used more recently than 2"
        );
        kept.insert(4, "four");
        assert_eq!(kept.len(), 3);
        assert_eq!(kept.get(&2), None, "2 was used longest ago");
        assert_eq!(kept.get(&1), Some("one"));
        assert_eq!(kept.get(&3), Some("three"));
        assert_eq!(kept.get(&4), Some("four"));
    }
}
