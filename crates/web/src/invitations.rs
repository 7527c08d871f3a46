//! Invitation codes: what a professional hands over in person or by message.
//!
//! 16 characters from an alphabet without the look-alikes 0/O and 1/I (80 bits), shown in
//! groups of four. Only the SHA-256 of the normalised code is stored.

use chrono::{DateTime, Duration, Utc};

const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// How long an invitation stays valid.
pub const VALID_FOR: Duration = Duration::days(7);

/// A fresh code, e.g. `K7XQ-94MD-TR2B-HW6P`.
pub fn new_code() -> String {
    let bytes: [u8; 16] = rand::random();
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code as typed, made comparable: upper case, without dashes or spaces.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// What the store keeps of a code.
pub fn code_hash(typed: &str) -> String {
    crate::auth::token_hash(&normalise(typed))
}

pub fn expires_from(now: DateTime<Utc>) -> DateTime<Utc> {
    now + VALID_FOR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_typed_forgivingly() {
        let code = new_code();
        assert_eq!(code.len(), 19);
        assert_eq!(code.matches('-').count(), 3);
        assert!(
            code.chars()
                .all(|c| c == '-' || ALPHABET.contains(&(c as u8)))
        );
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(code_hash(&typed), code_hash(&code));
        assert_ne!(new_code(), new_code());
    }
}
