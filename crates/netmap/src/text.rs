//! Text on the map: escaping, short labels, initials and numbers that always print the same.

use std::fmt;

/// Text made safe for SVG content and attribute values: the five XML specials become entities
/// and characters XML 1.0 cannot carry (most control characters) are dropped, so a name can
/// neither inject markup nor make the document unreadable.
pub(crate) fn escape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters; longer text ends in "…" (the full text is in the node's title).
pub(crate) fn truncate(raw: &str, max: usize) -> String {
    let raw = raw.trim();
    if raw.chars().count() <= max {
        return raw.to_string();
    }
    let mut out: String = raw.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A short visible label: the whole name when it is short, else the first word, else a cut.
pub(crate) fn short_name(name: &str, max: usize) -> String {
    let name = name.trim();
    if name.chars().count() <= max {
        return name.to_string();
    }
    match name.split_whitespace().next() {
        Some(first) if first.chars().count() <= max => first.to_string(),
        _ => truncate(name, max),
    }
}

/// Initials for the pseudonymised map: the first letter of every word, as written ("Anna de
/// Vries" → "AdV"); more than four words keep the first three and the last.
pub(crate) fn initials(name: &str) -> String {
    let letters: Vec<char> = name
        .split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let picked: String = if letters.len() > 4 {
        letters[..3].iter().chain(letters.last()).collect()
    } else {
        letters.into_iter().collect()
    };
    if picked.is_empty() {
        "?".to_string()
    } else {
        picked
    }
}

/// A member id inside a URL path: everything but unreserved characters percent-encoded.
pub(crate) fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A coordinate with one decimal, without "-0" or a trailing ".0", and 0 for anything not
/// finite: the same picture always gives the same bytes.
#[derive(Clone, Copy)]
pub(crate) struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = if self.0.is_finite() {
            (self.0 * 10.0).round()
        } else {
            0.0
        };
        // Tenths of a pixel fit an i64 for any drawing that fits a screen; clamp the rest.
        let tenths = tenths.clamp(-1e15, 1e15) as i64;
        let (whole, frac) = (tenths / 10, (tenths % 10).abs());
        let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac}")
        }
    }
}

/// A rough width of `text` in pixels at `font` size in a sans-serif face: generous, so that
/// labels checked against each other do not touch in real fonts.
pub(crate) fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.62
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("<script>&\"'</script>"),
            "&lt;script&gt;&amp;&quot;&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\nd"), "abc d");
        assert_eq!(escape("Çelik – ✓"), "Çelik – ✓");
    }

    #[test]
    fn labels() {
        assert_eq!(short_name("Anna de Vries", 14), "Anna de Vries");
        assert_eq!(short_name("Mohammed El Amrani", 14), "Mohammed");
        assert_eq!(short_name("Wolfeschlegelsteinhausen", 14), "Wolfeschlegel…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
    }

    #[test]
    fn initials_as_written() {
        assert_eq!(initials("Anna de Vries"), "AdV");
        assert_eq!(initials("Jan van der Berg"), "JvdB");
        assert_eq!(initials("a b c d e f"), "abcf");
        assert_eq!(initials("  "), "?");
        assert_eq!(initials("<script>"), "s");
        assert_eq!(initials("Çelik"), "Ç");
    }

    #[test]
    fn numbers_print_stably() {
        assert_eq!(Num(1.0).to_string(), "1");
        assert_eq!(Num(-0.04).to_string(), "0");
        assert_eq!(Num(-0.5).to_string(), "-0.5");
        assert_eq!(Num(-12.34).to_string(), "-12.3");
        assert_eq!(Num(450.06).to_string(), "450.1");
        assert_eq!(Num(f64::NAN).to_string(), "0");
        assert_eq!(Num(f64::INFINITY).to_string(), "0");
    }

    #[test]
    fn ids_in_urls() {
        assert_eq!(percent_encode("0190-ab_c.~"), "0190-ab_c.~");
        assert_eq!(percent_encode("a/b?c\"<"), "a%2Fb%3Fc%22%3C");
    }
}
