//! Password hashing with Argon2id (OWASP parameters), always off the async threads: a hash
//! takes tens of milliseconds of CPU, which would stall every other request on that thread.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use steunkring_domain::Password;

/// Hashes a policy-checked password into a PHC string.
pub async fn hash(password: &Password) -> anyhow::Result<String> {
    let raw = password.expose().to_string();
    tokio::task::spawn_blocking(move || hash_blocking(&raw)).await?
}

/// The blocking hash, for callers that are not on an async runtime (the command line).
pub fn hash_blocking(raw: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(raw.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

/// Checks a typed password against a stored hash. With no stored hash (unknown account) it
/// still does the work of one verification, so timing does not reveal whether an account exists.
pub async fn verify(raw: &str, stored: Option<&str>) -> bool {
    let raw = raw.to_string();
    let stored = stored.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        let target = stored.as_deref().unwrap_or(DUMMY_HASH);
        let ok = PasswordHash::new(target)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(raw.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && stored.is_some()
    })
    .await
    .unwrap_or(false)
}

/// A valid Argon2id hash of a random string nobody knows, used to spend equal time on unknown
/// accounts.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$3rGUEGOzHLUDkcX0wu/M3Q$gCMbfLgPuZPQ3gCUHe4dCHA6qNx8KIFhoWQ4aNjgtE4";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_and_verify() {
        let pw = Password::parse("een-lange-zin-42").expect("valid");
        let h = hash(&pw).await.expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("een-lange-zin-42", Some(&h)).await);
        assert!(!verify("een-lange-zin-43", Some(&h)).await);
        assert!(!verify("een-lange-zin-42", None).await);
        assert!(!verify("x", Some("not a hash")).await);
    }

    #[test]
    fn dummy_hash_parses() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
