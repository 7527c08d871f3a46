//! The handout's two fonts (DejaVu Sans and DejaVu Sans Bold, compiled in from the `dejavu`
//! crate), how wide text set in them is, and how they go into the PDF: as subset TrueType CID
//! fonts with a `/ToUnicode` map, so that what a reader copies or searches is what was typed.
//!
//! Every distinct character gets its own CID, numbered in order of first use (so the same
//! input gives the same numbers), and a `/CIDToGIDMap` points each CID at its glyph. Because the
//! CID belongs to the character and not to the glyph, characters the font lacks (emoji, most
//! scripts other than Latin, Greek and Cyrillic) all show the font's empty box, yet each keeps
//! its own entry in the `/ToUnicode` map and so survives copy, search and screen readers.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::HashMap;
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

/// Which of the two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One character as placed: the glyph in the full font and its advance in PDF glyph space
/// (thousandths of the font size).
#[derive(Debug, Clone, Copy)]
struct Placed {
    gid: u16,
    width: f32,
}

/// A face in use while one handout is laid out: it measures text and hands out CIDs.
pub(crate) struct FontUse {
    weight: Weight,
    data: &'static [u8],
    face: Option<Face<'static>>,
    /// Thousandths of the font size per font unit.
    scale: f32,
    measured: HashMap<char, Placed>,
    /// CID `i + 1` is `used[i]`; CID 0 stays the missing glyph, as PDF expects.
    used: Vec<(char, Placed)>,
    cids: HashMap<char, u16>,
}

/// Characters that are not drawn but carry meaning for text (joiners, variation selectors,
/// direction marks, the soft hyphen, tag characters of flag emoji). They get no width and no
/// visible glyph, so they cannot print as boxes or push text apart, but they stay in the text.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

impl FontUse {
    pub(crate) fn new(weight: Weight) -> Self {
        let data = match weight {
            Weight::Regular => dejavu::sans::regular(),
            Weight::Bold => dejavu::sans::bold(),
        };
        // The font is compiled in, so this cannot fail for any input; the tests parse both.
        // Should a future font crate break it anyway, text is still laid out (with an average
        // width) and still extractable through the `/ToUnicode` map; only the glyphs are lost.
        let face = Face::parse(data, 0).ok();
        let scale = face
            .as_ref()
            .map_or(1.0, |f| 1000.0 / f32::from(f.units_per_em().max(1)));
        Self {
            weight,
            data,
            face,
            scale,
            measured: HashMap::new(),
            used: Vec::new(),
            cids: HashMap::new(),
        }
    }

    fn place(&mut self, c: char) -> Placed {
        if let Some(p) = self.measured.get(&c) {
            return *p;
        }
        let placed = match &self.face {
            None => Placed {
                gid: 0,
                width: if invisible(c) { 0.0 } else { 556.0 },
            },
            Some(face) => {
                let glyph = if invisible(c) {
                    // Drawn as a space (nothing), with no width.
                    Some((face.glyph_index(' ').unwrap_or(GlyphId(0)), 0.0))
                } else {
                    face.glyph_index(c).map(|g| {
                        let adv = face.glyph_hor_advance(g).unwrap_or(0);
                        (g, f32::from(adv) * self.scale)
                    })
                };
                match glyph {
                    Some((g, width)) => Placed { gid: g.0, width },
                    None => {
                        let adv = face.glyph_hor_advance(GlyphId(0)).unwrap_or(0);
                        Placed {
                            gid: 0,
                            width: f32::from(adv) * self.scale,
                        }
                    }
                }
            }
        };
        self.measured.insert(c, placed);
        placed
    }

    /// Whether the font has a real glyph for the character.
    #[cfg(test)]
    pub(crate) fn has_glyph(&mut self, c: char) -> bool {
        self.place(c).gid != 0
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// The width of one character at `size` points.
    pub(crate) fn char_width(&mut self, c: char, size: f32) -> f32 {
        self.place(c).width * size / 1000.0
    }

    /// The bytes that show `text` in a content stream: two bytes per character, big-endian
    /// CIDs (the `Identity-H` encoding).
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let cid = self.cid(c);
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    fn cid(&mut self, c: char) -> u16 {
        if let Some(cid) = self.cids.get(&c) {
            return *cid;
        }
        let placed = self.place(c);
        // CIDs are two bytes; past 65,535 distinct characters in one handout the rest print
        // as the missing glyph and cannot be copied. No plan comes near.
        let Ok(cid) = u16::try_from(self.used.len() + 1) else {
            return 0;
        };
        self.used.push((c, placed));
        self.cids.insert(c, cid);
        cid
    }

    /// Writes the font: the Type 0 font at `font_id`, and its descendant, descriptor, font
    /// program, CID-to-glyph map and `/ToUnicode` map at the following references.
    /// Returns the next free reference.
    pub(crate) fn write(&self, pdf: &mut Pdf, font_id: Ref) -> Ref {
        let cid_font_id = font_id.next();
        let descriptor_id = cid_font_id.next();
        let file_id = descriptor_id.next();
        let gid_map_id = file_id.next();
        let cmap_id = gid_map_id.next();
        let next = cmap_id.next();

        let mut remapper = GlyphRemapper::new();
        for (_, p) in &self.used {
            remapper.remap(p.gid);
        }
        let subset = match &self.face {
            Some(_) => subsetter::subset(self.data, 0, &remapper).ok(),
            None => None,
        };
        // Without a subset (the subsetter refused the font) the whole font goes in and glyph
        // ids stay as they are: a larger file, but the same page.
        let (program, new_gid): (&[u8], Box<dyn Fn(u16) -> u16>) = match &subset {
            Some(bytes) => (bytes.as_slice(), Box::new(|g| remapper.get(g).unwrap_or(0))),
            None => (self.data, Box::new(|g| g)),
        };

        let base = self.base_font_name();
        let base = Name(base.as_bytes());
        let system_info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };

        pdf.type0_font(font_id)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font_id)
            .to_unicode(cmap_id);

        let mut cid_font = pdf.cid_font(cid_font_id);
        cid_font
            .subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(system_info)
            .font_descriptor(descriptor_id)
            .default_width(0.0)
            .cid_to_gid_map_stream(gid_map_id);
        let notdef_width = self
            .face
            .as_ref()
            .and_then(|f| f.glyph_hor_advance(GlyphId(0)))
            .map_or(0.0, |a| f32::from(a) * self.scale);
        cid_font
            .widths()
            .consecutive(0, [notdef_width])
            .consecutive(1, self.used.iter().map(|(_, p)| p.width));
        cid_font.finish();

        let (bbox, ascent, descent, cap_height) = match &self.face {
            Some(f) => {
                let b = f.global_bounding_box();
                let s = self.scale;
                (
                    Rect::new(
                        f32::from(b.x_min) * s,
                        f32::from(b.y_min) * s,
                        f32::from(b.x_max) * s,
                        f32::from(b.y_max) * s,
                    ),
                    f32::from(f.ascender()) * s,
                    f32::from(f.descender()) * s,
                    f32::from(f.capital_height().unwrap_or(f.ascender())) * s,
                )
            }
            None => (Rect::new(0.0, -250.0, 1000.0, 950.0), 950.0, -250.0, 730.0),
        };
        pdf.font_descriptor(descriptor_id)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(bbox)
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(descent)
            .cap_height(cap_height)
            .stem_v(match self.weight {
                Weight::Regular => 80.0,
                Weight::Bold => 140.0,
            })
            .font_file2(file_id);

        let compressed = crate::deflate(program);
        let mut file = pdf.stream(file_id, compressed.as_deref().unwrap_or(program));
        if compressed.is_some() {
            file.filter(Filter::FlateDecode);
        }
        file.pair(
            Name(b"Length1"),
            i32::try_from(program.len()).unwrap_or(i32::MAX),
        );
        file.finish();

        let mut gid_map = Vec::with_capacity(2 * (self.used.len() + 1));
        gid_map.extend_from_slice(&0u16.to_be_bytes());
        for (_, p) in &self.used {
            gid_map.extend_from_slice(&new_gid(p.gid).to_be_bytes());
        }
        let compressed = crate::deflate(&gid_map);
        let mut map = pdf.stream(gid_map_id, compressed.as_deref().unwrap_or(&gid_map));
        if compressed.is_some() {
            map.filter(Filter::FlateDecode);
        }
        map.finish();

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (i, (c, _)) in self.used.iter().enumerate() {
            if let Ok(cid) = u16::try_from(i + 1) {
                cmap.pair(cid, *c);
            }
        }
        let cmap = cmap.finish().into_vec();
        let compressed = crate::deflate(&cmap);
        let mut stream = pdf.cmap(cmap_id, compressed.as_deref().unwrap_or(&cmap));
        if compressed.is_some() {
            stream.filter(Filter::FlateDecode);
        }
        stream.finish();

        next
    }

    /// `ABCDEF+DejaVuSans`: PDF marks a subset font with six capital letters before its name.
    /// They come from the characters used, so they are the same for the same text.
    fn base_font_name(&self) -> String {
        // FNV-1a over the characters in CID order.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (c, _) in &self.used {
            for b in u32::from(*c).to_le_bytes() {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        let mut tag = String::with_capacity(24);
        for _ in 0..6 {
            tag.push(char::from(b'A' + (hash % 26) as u8));
            hash /= 26;
        }
        tag.push('+');
        tag.push_str(match self.weight {
            Weight::Regular => "DejaVuSans",
            Weight::Bold => "DejaVuSans-Bold",
        });
        tag
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fonts_parse_and_cover_dutch() {
        for weight in [Weight::Regular, Weight::Bold] {
            let mut font = FontUse::new(weight);
            assert!(font.face.is_some(), "{weight:?} does not parse");
            for c in "aëéïüĳĲ€–—‘’“”·çàèöÄËÏÖÜ".chars() {
                assert!(font.has_glyph(c), "{weight:?} lacks {c:?}");
            }
            assert!(!font.has_glyph('🙂'), "emoji are expected to be boxes");
            assert_eq!(font.char_width('\u{200D}', 10.0), 0.0);
        }
    }

    #[test]
    fn cids_follow_first_use() {
        let mut font = FontUse::new(Weight::Regular);
        assert_eq!(font.encode("aba"), vec![0, 1, 0, 2, 0, 1]);
        assert_eq!(font.encode("🙂👍"), vec![0, 3, 0, 4]);
        assert_eq!(font.base_font_name().len(), "ABCDEF+DejaVuSans".len());
    }
}
