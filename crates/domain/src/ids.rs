//! Opaque identifiers. They are random-looking strings (UUID v7: time-ordered for the database
//! index, unguessable enough that an id says nothing about how many cases exist).

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh, unique id.
            pub fn generate() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }
            /// An id as it came from the database or a URL; it is only a key, so any text is
            /// accepted and simply finds nothing when it does not exist.
            pub fn from_stored(raw: impl Into<String>) -> Self {
                Self(raw.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// An organisation (*organisatie*): every piece of case data belongs to exactly one.
    OrgId
);
id_type!(
    /// A team within an organisation (*team*, e.g. a wijkteam).
    TeamId
);
id_type!(
    /// A user account: staff, or later a participant tied to a person in a case.
    UserId
);
id_type!(
    /// An audit entry (*logregel*).
    AuditId
);
id_type!(
    /// A case (*dossier*).
    CaseId
);
id_type!(
    /// A saved version of a network map (*versie*).
    VersionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_unique_and_ordered() {
        let a = UserId::generate();
        let b = UserId::generate();
        assert_ne!(a, b);
        assert!(a < b, "v7 ids sort by creation time");
    }
}
