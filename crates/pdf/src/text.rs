//! Typed text made printable: line breaks normalised, control characters dropped, and lines
//! broken to a width.

use crate::font::FontUse;

/// The text as it will be printed: CR LF, CR and the Unicode line and paragraph separators
/// become a line break, a tab becomes a space, every other control character (NUL, escape,
/// the C1 range) is dropped. Nothing else changes: a control character has no glyph and no
/// place in a printed plan, everything else a person typed stays.
pub(crate) fn printable(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`printable`] on one line: line breaks become spaces too.
pub(crate) fn one_line(raw: &str) -> String {
    printable(raw).replace('\n', " ")
}

/// Breaks `raw` into lines no wider than `max_width` points at `size`: at spaces where it can,
/// inside a word only when the word alone is wider than the line (a pasted link, a 10,000
/// character cell without a space). Line breaks in the text are kept, so an empty line stays
/// empty. Every line holds at least one character, so a column narrower than a letter still
/// makes progress. Text that is empty gives no lines.
pub(crate) fn wrap(font: &mut FontUse, size: f32, raw: &str, max_width: f32) -> Vec<String> {
    let text = printable(raw);
    let mut lines = Vec::new();
    if text.is_empty() {
        return lines;
    }
    let space = font.char_width(' ', size);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0.0f32;
        for word in paragraph.split(' ') {
            let word_width = font.width(word, size);
            let gap = if line.is_empty() { 0.0 } else { space };
            if width + gap + word_width <= max_width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                width += gap + word_width;
                continue;
            }
            // The word does not fit behind what is there: start a new line with it.
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if word_width <= max_width {
                line.push_str(word);
                width = word_width;
                continue;
            }
            // Wider than a whole line: break it between characters.
            for c in word.chars() {
                let w = font.char_width(c, size);
                if width + w > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                line.push(c);
                width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// The longest start of `raw` (on one line) that fits `max_width` with an ellipsis after it, or
/// all of it if it fits.
pub(crate) fn truncate(font: &mut FontUse, size: f32, raw: &str, max_width: f32) -> String {
    let text = one_line(raw);
    if font.width(&text, size) <= max_width {
        return text;
    }
    let room = max_width - font.char_width('…', size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = font.char_width(c, size);
        if width + w > room {
            break;
        }
        out.push(c);
        width += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Weight;

    #[test]
    fn printable_keeps_text_and_drops_controls() {
        assert_eq!(printable("a\r\nb\rc\nd\u{2028}e"), "a\nb\nc\nd\ne");
        assert_eq!(printable("x\ty\u{0}z\u{1b}[31m\u{85}"), "x yz[31m");
        assert_eq!(
            printable("Zoë 🙂 (a) \\ <script>"),
            "Zoë 🙂 (a) \\ <script>"
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_and_inside_long_words() {
        let mut font = FontUse::new(Weight::Regular);
        let lines = wrap(&mut font, 10.0, "Oma haalt Sanne op van school", 60.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), "Oma haalt Sanne op van school");
        for line in &lines {
            assert!(font.width(line, 10.0) <= 60.0, "{line:?}");
        }
        let long = "x".repeat(500);
        let lines = wrap(&mut font, 10.0, &long, 50.0);
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| font.width(l, 10.0) <= 50.0));
        // Narrower than one letter: one letter a line, never an endless loop.
        assert_eq!(wrap(&mut font, 10.0, "abc", 0.5), vec!["a", "b", "c"]);
        assert_eq!(wrap(&mut font, 10.0, "a\n\nb", 100.0), vec!["a", "", "b"]);
        assert!(wrap(&mut font, 10.0, "", 100.0).is_empty());
    }

    #[test]
    fn truncate_adds_an_ellipsis_only_when_needed() {
        let mut font = FontUse::new(Weight::Regular);
        assert_eq!(
            truncate(&mut font, 8.0, "Vertrouwelijk", 500.0),
            "Vertrouwelijk"
        );
        let cut = truncate(&mut font, 8.0, &"woord ".repeat(100), 100.0);
        assert!(
            cut.ends_with('…') && font.width(&cut, 8.0) <= 100.0,
            "{cut}"
        );
    }
}
