//! Time-based one-time passwords (RFC 6238) for staff: 6 digits, 30 seconds, SHA-1 — what
//! every authenticator app understands.

use totp_rs::{Algorithm, Secret, TOTP};

fn totp(secret_base32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    // One step of skew either way: phones' clocks drift.
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).ok()
}

/// A new random secret (160 bits), base32 as authenticator apps expect.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// Whether `code` is valid now for the secret.
pub fn check(secret_base32: &str, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    totp(secret_base32)
        .and_then(|t| t.check_current(&code).ok())
        .unwrap_or(false)
}

/// The code for the secret at the current time (tests and the enrolment check).
pub fn current_code(secret_base32: &str) -> Option<String> {
    totp(secret_base32).and_then(|t| t.generate_current().ok())
}

/// The `otpauth://` URI an authenticator app can import.
pub fn otpauth_uri(secret_base32: &str, account: &str) -> String {
    let label: String = format!("Steunkring:{account}")
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"@.-_:".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!(
        "otpauth://totp/{label}?secret={secret_base32}&issuer=Steunkring&algorithm=SHA1&digits=6&period=30"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_secret_accepts_its_current_code() {
        let secret = new_secret();
        let code = current_code(&secret).expect("code");
        assert!(check(&secret, &code));
        assert!(
            check(&secret, &format!("{} {}", &code[..3], &code[3..])),
            "spaces are ignored"
        );
        let wrong = if code == "000000" { "000001" } else { "000000" };
        assert!(!check(&secret, wrong));
        assert!(!check(&secret, "abcdef"));
        assert!(!check("not base32!", "123456"));
    }

    #[test]
    fn uri_names_the_issuer() {
        let uri = otpauth_uri("JBSWY3DPEHPK3PXP", "anna@example.nl");
        assert!(
            uri.starts_with("otpauth://totp/Steunkring:anna@example.nl?secret=JBSWY3DPEHPK3PXP")
        );
    }
}
