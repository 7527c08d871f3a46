//! Time-based one-time passwords (RFC 6238) for staff: 6 digits, 30 seconds, SHA-1 — what
//! every authenticator app understands.

use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds per code.
const STEP: u64 = 30;

fn totp(secret_base32: &str) -> Option<TOTP> {
    with_skew(secret_base32, 1)
}

fn with_skew(secret_base32: &str, skew: u8) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    // One step of skew either way: phones' clocks drift.
    TOTP::new(Algorithm::SHA1, 6, skew, STEP, bytes).ok()
}

fn normalised(code: &str) -> Option<String> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// A new random secret (160 bits), base32 as authenticator apps expect.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// Whether `code` is valid now for the secret.
pub fn check(secret_base32: &str, code: &str) -> bool {
    let Some(code) = normalised(code) else {
        return false;
    };
    totp(secret_base32)
        .and_then(|t| t.check_current(&code).ok())
        .unwrap_or(false)
}

/// The time step (seconds since the epoch ÷ 30) that `code` belongs to, if it is valid at
/// `unix_time` with a step of skew either way. Logins claim this step in the store, so a code
/// that was seen once (over a shoulder, in a proxy log) cannot be used again.
pub fn accepted_step(secret_base32: &str, code: &str, unix_time: u64) -> Option<u64> {
    let code = normalised(code)?;
    let exact = with_skew(secret_base32, 0)?;
    let now = unix_time / STEP;
    [now.saturating_sub(1), now, now + 1]
        .into_iter()
        .find(|step| exact.check(&code, step * STEP))
}

/// The code for the secret at a moment (tests).
pub fn code_at(secret_base32: &str, unix_time: u64) -> Option<String> {
    totp(secret_base32).map(|t| t.generate(unix_time))
}

/// The current time step; see [`accepted_step`].
pub fn now_unix() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
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
    fn a_code_belongs_to_one_step_and_is_valid_one_step_either_side() {
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        let t = 1_800_000_000; // a multiple of 30: the start of step 60,000,000
        let code = code_at(secret, t).expect("code");
        assert_eq!(accepted_step(secret, &code, t), Some(60_000_000));
        assert_eq!(accepted_step(secret, &code, t + 29), Some(60_000_000));
        assert_eq!(
            accepted_step(secret, &code, t + 30),
            Some(60_000_000),
            "one late"
        );
        assert_eq!(
            accepted_step(secret, &code, t - 30),
            Some(60_000_000),
            "one early"
        );
        assert_eq!(accepted_step(secret, &code, t + 60), None, "two late");
        assert_eq!(accepted_step(secret, &code, t - 31), None, "two early");
        let next = code_at(secret, t + 30).expect("next");
        assert_eq!(accepted_step(secret, &next, t), Some(60_000_001));
        assert_eq!(accepted_step(secret, "12345x", t), None);
        assert_eq!(accepted_step("not base32!", &code, t), None);
    }

    #[test]
    fn uri_names_the_issuer() {
        let uri = otpauth_uri("JBSWY3DPEHPK3PXP", "anna@example.nl");
        assert!(
            uri.starts_with("otpauth://totp/Steunkring:anna@example.nl?secret=JBSWY3DPEHPK3PXP")
        );
    }
}
