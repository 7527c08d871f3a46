//! The drawn map and the indicator sentences of a network, kept in process memory.
//!
//! Drawing the map (layout and SVG), putting the indicators into words and the member table
//! into the page's language was the largest part of the case page's own work, and it gives the
//! same result for as long as the network does.
//! So it is kept, keyed by everything it is made from: the network's revision (a new number
//! with every change of a member or tie, set by the database in the same transaction; see
//! [`steunkring_store::CasePage::network_revision`]), the case, the young person's name, the
//! view and the language. A change to the network is a different key, so nothing ever needs
//! invalidating and a stale map cannot be shown; an entry nobody asks for any more simply ages
//! out.
//!
//! Only derived text is kept, never anything that decides access: the page reads the case and
//! the network's revision from the database (through the policy) on every view before it looks
//! here, so an entry is only ever handed to someone who has just been allowed to read the same
//! network. Several server processes each keep their own.

use crate::i18n::{Lang, Tr};
use crate::network::{MapOptions, map_input, sentences};
use crate::pages::network::{NetworkSections, network_sections};
use std::sync::Arc;
use steunkring_domain::network::Indicators;
use steunkring_store::{Kept, Network};

/// What is drawn once per network, view and language.
pub struct Drawn {
    pub svg: String,
    pub sentences: Vec<String>,
    /// The member table, the ties and the member choices as HTML, in the page's language.
    pub sections: NetworkSections,
}

/// At most this many drawings are kept. For a 40-member network an entry is about 100 kB (the
/// SVG and the rows), so the cache stays under ~30 MB.
const CAPACITY: usize = 256;

/// Everything a drawing depends on: language, case, young person's name, view and the
/// network's revision.
type Key = (Lang, String, String, MapOptions, i64);

/// The kept drawings (a least-recently-used cache of [`CAPACITY`] entries).
pub struct DrawnCache {
    entries: Kept<Key, Arc<Drawn>>,
}

impl Default for DrawnCache {
    fn default() -> Self {
        DrawnCache {
            entries: Kept::new(CAPACITY),
        }
    }
}

impl DrawnCache {
    /// The map and sentences of `network` on the page of `case`, drawn now or kept from an
    /// earlier view of the same revision. `revision` is the one read with `network`; without
    /// one the network is drawn and not kept.
    #[allow(clippy::too_many_arguments)]
    pub fn get(
        &self,
        tr: &Tr,
        lang: Lang,
        case: &str,
        youth_name: &str,
        options: &MapOptions,
        network: &Network,
        revision: Option<i64>,
    ) -> Arc<Drawn> {
        let Some(revision) = revision else {
            return Arc::new(draw(tr, case, youth_name, options, network));
        };
        let key = (
            lang,
            case.to_string(),
            youth_name.to_string(),
            options.clone(),
            revision,
        );
        if let Some(found) = self.entries.get(&key) {
            return found;
        }
        // Drawn outside the lock: two first views of the same network may both draw it, which
        // is harmless (the second insert finds the first).
        let drawn = Arc::new(draw(tr, case, youth_name, options, network));
        self.entries.insert(key, drawn)
    }

    /// How many drawings are kept (for tests).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn draw(tr: &Tr, case: &str, youth_name: &str, options: &MapOptions, network: &Network) -> Drawn {
    let base = format!("/cases/{case}");
    let input = map_input(
        tr,
        youth_name,
        &network.members,
        &network.ties,
        options,
        Some(&base),
    );
    Drawn {
        svg: steunkring_netmap::render(&input),
        sentences: sentences(tr, &Indicators::compute(&network.members, &network.ties)),
        sections: network_sections(tr, case, network),
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
    fn the_same_revision_is_drawn_once_and_every_part_of_the_key_counts() {
        let cache = DrawnCache::default();
        let tr = Tr::new(Lang::Nl);
        let mut network = Network {
            members: vec![member("Oma Truus")],
            ties: Vec::new(),
        };
        let options = MapOptions::default();
        let first = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network, Some(7));
        let again = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network, Some(7));
        assert!(Arc::ptr_eq(&first, &again), "kept");
        assert!(first.svg.contains("Oma Truus"));

        // The store reads a new revision with every change of the network.
        network.members[0].name = "Opa Kees".into();
        let changed = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network, Some(8));
        assert!(!Arc::ptr_eq(&first, &changed));
        assert!(changed.svg.contains("Opa Kees") && !changed.svg.contains("Oma Truus"));

        let other_case = cache.get(&tr, Lang::Nl, "c2", "Jesse", &options, &network, Some(8));
        assert!(
            !Arc::ptr_eq(&changed, &other_case),
            "the links name the case"
        );
        let renamed = cache.get(&tr, Lang::Nl, "c1", "Jes", &options, &network, Some(8));
        assert!(
            !Arc::ptr_eq(&changed, &renamed),
            "the centre names the young person"
        );
        let english = cache.get(
            &Tr::new(Lang::En),
            Lang::En,
            "c1",
            "Jesse",
            &options,
            &network,
            Some(8),
        );
        assert!(!Arc::ptr_eq(&changed, &english));
        let pseudonymised = MapOptions {
            pseudonymise: true,
            ..MapOptions::default()
        };
        let hidden = cache.get(
            &tr,
            Lang::Nl,
            "c1",
            "Jesse",
            &pseudonymised,
            &network,
            Some(8),
        );
        assert!(
            !hidden.svg.contains("Opa Kees"),
            "the view is part of the key"
        );
        assert_eq!(cache.len(), 6);

        let unkept = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network, None);
        let unkept_again = cache.get(&tr, Lang::Nl, "c1", "Jesse", &options, &network, None);
        assert!(
            !Arc::ptr_eq(&unkept, &unkept_again),
            "no revision, nothing kept"
        );
        assert_eq!(cache.len(), 6);
    }

    #[test]
    fn the_cache_is_bounded_and_keeps_what_is_used() {
        let cache = DrawnCache::default();
        let tr = Tr::new(Lang::Nl);
        let options = MapOptions::default();
        let network = Network::default();
        let kept = cache.get(&tr, Lang::Nl, "kept", "A", &options, &network, Some(1));
        for i in 0..CAPACITY * 2 {
            cache.get(
                &tr,
                Lang::Nl,
                &format!("c{i}"),
                "A",
                &options,
                &network,
                Some(1),
            );
            // Used all the time, so never the oldest.
            cache.get(&tr, Lang::Nl, "kept", "A", &options, &network, Some(1));
        }
        assert_eq!(cache.len(), CAPACITY);
        let still = cache.get(&tr, Lang::Nl, "kept", "A", &options, &network, Some(1));
        assert!(Arc::ptr_eq(&kept, &still));
    }
}
