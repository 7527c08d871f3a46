//! The drawn map and the indicator sentences of a network, kept in process memory.
//!
//! Drawing the map (layout and SVG), putting the indicators into words and the member table
//! into the page's language was the largest part of the case page's own work, and it gives the
//! same result for as long as the network does.
//! So it is kept, keyed by everything it is made from: the network itself (members and ties),
//! the case, the young person's name, the view and the language. A change to the network is
//! a different key, so nothing ever needs invalidating and a stale map cannot be shown; an
//! entry nobody asks for any more simply ages out.
//!
//! Only derived text is kept, never anything that decides access: the page reads the network
//! from the database (through the policy) on every view before it looks here, and the key
//! holds that network in full, so an entry is only ever handed to someone who has just read
//! the same content. Several server processes each keep their own.

use crate::i18n::{Lang, Tr};
use crate::network::{MapOptions, map_input, sentences};
use crate::pages::network::{MemberRow, Opt, TieRow, network_rows};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};
use steunkring_domain::network::Indicators;
use steunkring_store::Network;

/// What is drawn once per network, view and language.
pub struct Drawn {
    pub svg: String,
    pub sentences: Vec<String>,
    /// The member table, in the page's language.
    pub rows: Vec<MemberRow>,
    pub ties: Vec<TieRow>,
    /// The members as choices for the tie form.
    pub members: Vec<Opt>,
}

/// At most this many drawings are kept. For a 40-member network an entry is about 100 kB (the
/// SVG, the rows and a copy of the network for the key), so the cache stays under ~30 MB.
const CAPACITY: usize = 256;

/// Everything a drawing depends on.
#[derive(PartialEq, Eq)]
struct Key {
    lang: Lang,
    case: String,
    youth_name: String,
    options: MapOptions,
    network: Network,
}

struct Entry {
    key: Key,
    drawn: Arc<Drawn>,
    last_used: u64,
}

#[derive(Default)]
struct Entries {
    /// By the hash of the key; the key itself is compared too, so two networks with the same
    /// hash can never share a drawing.
    by_hash: HashMap<u64, Vec<Entry>>,
    len: usize,
    clock: u64,
}

/// The kept drawings (a least-recently-used cache of [`CAPACITY`] entries).
pub struct DrawnCache {
    /// A per-process random key for the hash, so that nobody can aim for collisions.
    hasher: RandomState,
    entries: Mutex<Entries>,
}

impl Default for DrawnCache {
    fn default() -> Self {
        DrawnCache {
            hasher: RandomState::new(),
            entries: Mutex::new(Entries::default()),
        }
    }
}

impl DrawnCache {
    /// The map and sentences of `network` on the page of `case`, drawn now or kept from an
    /// earlier view of the same content.
    pub fn get(
        &self,
        tr: &Tr,
        lang: Lang,
        case: &str,
        youth_name: &str,
        options: &MapOptions,
        network: &Network,
    ) -> Arc<Drawn> {
        let hash = self
            .hasher
            .hash_one((lang, case, youth_name, options, network));
        let same = |k: &Key| {
            k.lang == lang
                && k.case == case
                && k.youth_name == youth_name
                && &k.options == options
                && &k.network == network
        };
        if let Some(found) = self.lock().find(hash, same) {
            return found;
        }
        // Drawn outside the lock: two first views of the same network may both draw it, which
        // is harmless (the second insert finds the first).
        let base = format!("/cases/{case}");
        let input = map_input(
            tr,
            youth_name,
            &network.members,
            &network.ties,
            options,
            Some(&base),
        );
        let (rows, ties, members) = network_rows(tr, network);
        let drawn = Arc::new(Drawn {
            svg: steunkring_netmap::render(&input),
            sentences: sentences(tr, &Indicators::compute(&network.members, &network.ties)),
            rows,
            ties,
            members,
        });
        let key = Key {
            lang,
            case: case.to_string(),
            youth_name: youth_name.to_string(),
            options: options.clone(),
            network: network.clone(),
        };
        self.lock().insert(hash, key, drawn)
    }

    /// How many drawings are kept (for tests).
    pub fn len(&self) -> usize {
        self.lock().len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        // A panic while holding the lock cannot leave the map half-changed in a way that
        // matters (at worst an entry is missing), so a poisoned lock is used as it is.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Entries {
    fn find(&mut self, hash: u64, same: impl Fn(&Key) -> bool) -> Option<Arc<Drawn>> {
        self.clock += 1;
        let now = self.clock;
        let entry = self
            .by_hash
            .get_mut(&hash)?
            .iter_mut()
            .find(|e| same(&e.key))?;
        entry.last_used = now;
        Some(entry.drawn.clone())
    }

    fn insert(&mut self, hash: u64, key: Key, drawn: Arc<Drawn>) -> Arc<Drawn> {
        if let Some(kept) = self.find(hash, |k| k == &key) {
            return kept;
        }
        if self.len >= CAPACITY {
            self.evict_oldest();
        }
        self.clock += 1;
        self.by_hash.entry(hash).or_default().push(Entry {
            key,
            drawn: drawn.clone(),
            last_used: self.clock,
        });
        self.len += 1;
        drawn
    }

    /// Drops the entry used longest ago: a scan, but only when a new drawing is added to a
    /// full cache.
    fn evict_oldest(&mut self) {
        let oldest = self
            .by_hash
            .iter()
            .flat_map(|(h, list)| {
                list.iter()
                    .enumerate()
                    .map(move |(i, e)| (e.last_used, *h, i))
            })
            .min();
        if let Some((_, hash, index)) = oldest
            && let Some(list) = self.by_hash.get_mut(&hash)
        {
            list.swap_remove(index);
            if list.is_empty() {
                self.by_hash.remove(&hash);
            }
            self.len -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use steunkring_domain::network::{MemberId, NetworkMember, NewMember, RawMember};

    fn member(name: &str) -> NetworkMember {
        let raw = RawMember {
            name: name.into(),
            relation: "oom".into(),
            ring: Some(steunkring_domain::network::NumberOrText::Number(1)),
            sector: "family".into(),
            ..Default::default()
        };
        NewMember::parse(&raw)
            .expect("valid member")
            .into_member(MemberId::generate())
    }

    #[test]
    fn the_same_content_is_drawn_once_and_any_change_draws_again() {
        let cache = DrawnCache::default();
        let tr = Tr::new(Lang::Nl);
        let mut network = Network {
            members: vec![member("Oma Truus")],
            ties: Vec::new(),
        };
        let options = MapOptions::default();
        let first = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network);
        let again = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network);
        assert!(Arc::ptr_eq(&first, &again), "kept");
        assert!(first.svg.contains("Oma Truus"));

        network.members[0].name = "Opa Kees".into();
        let changed = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network);
        assert!(!Arc::ptr_eq(&first, &changed));
        assert!(changed.svg.contains("Opa Kees") && !changed.svg.contains("Oma Truus"));

        let other_case = cache.get(&tr, Lang::Nl, "c2", "Jesse", &options, &network);
        assert!(
            !Arc::ptr_eq(&changed, &other_case),
            "the links name the case"
        );
        let english = cache.get(
            &Tr::new(Lang::En),
            Lang::En,
            "c1",
            "Jesse",
            &options,
            &network,
        );
        assert!(!Arc::ptr_eq(&changed, &english));
        let pseudonymised = MapOptions {
            pseudonymise: true,
            ..MapOptions::default()
        };
        let hidden = cache.get(&tr, Lang::Nl, "c1", "Jesse", &pseudonymised, &network);
        assert!(
            !hidden.svg.contains("Opa Kees"),
            "the view is part of the key"
        );
        assert_eq!(cache.len(), 5);
    }

    #[test]
    fn the_cache_is_bounded_and_keeps_what_is_used() {
        let cache = DrawnCache::default();
        let tr = Tr::new(Lang::Nl);
        let options = MapOptions::default();
        let network = Network::default();
        let kept = cache.get(&tr, Lang::Nl, "kept", "A", &options, &network);
        for i in 0..CAPACITY * 2 {
            cache.get(&tr, Lang::Nl, &format!("c{i}"), "A", &options, &network);
            // Used all the time, so never the oldest.
            cache.get(&tr, Lang::Nl, "kept", "A", &options, &network);
        }
        assert_eq!(cache.len(), CAPACITY);
        let still = cache.get(&tr, Lang::Nl, "kept", "A", &options, &network);
        assert!(Arc::ptr_eq(&kept, &still));
    }
}
