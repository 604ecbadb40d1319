//! `huruf-tidak-ada`: a character that no font of the printed form has —
//! emoji, Chinese or Japanese characters, Aksara Jawa or Bali copied from a
//! letterhead — prints as an empty box.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Warning;
use crate::msg;
use crate::rule_doc;
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "huruf-tidak-ada",
    severity: Warning,
    title: Msg::fixed(
        "karakter tidak ada pada huruf cetak",
        "character missing from the printing fonts",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Setiap karakter teks SOP yang tercetak ada pada huruf bawaan sopc (Liberation Sans, Libertinus Serif, DejaVu Sans Mono: huruf Latin, Yunani, Sirilik dan tanda baca umum) atau pada huruf `[cetak] huruf` di sopc.toml.",
            en: "Every character of the SOP's printed text is in sopc's embedded fonts (Liberation Sans, Libertinus Serif, DejaVu Sans Mono: Latin, Greek, Cyrillic and common punctuation) or in the `[cetak] huruf` font of sopc.toml.",
        },
        mengapa: {
            id: "Karakter yang tidak ada pada huruf mana pun tercetak sebagai kotak kosong pada dokumen yang ditandatangani: emoji, huruf Tionghoa/Jepang, atau Aksara Jawa dan Bali yang tersalin dari kop surat.",
            en: "A character no font has prints as an empty box on the signed document: emoji, Chinese/Japanese characters, or Aksara Jawa and Bali copied from a letterhead.",
        },
        contoh: { code: r#"```yaml
nama: Pelayanan Tamu 😀
```"# },
        perbaikan: {
            id: "Hapus karakter itu atau tulis dengan huruf Latin; untuk aksara daerah pada kop, pasang huruf yang memuatnya dan sebut namanya di `[cetak] huruf`.",
            en: "Delete the character or write it in Latin letters; for a regional script on the letterhead, install a font that has it and name it in `[cetak] huruf`.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let huruf = cx.config.cetak.huruf.clone();
    let mut found: Vec<(Span, char)> = Vec::new();
    for (span, text) in cx.sop.teks_semua() {
        let mut sebelumnya = false;
        for c in text.chars() {
            // joiners and variation selectors belong to the character
            // before them (an emoji sequence is one finding)
            if matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}') {
                continue;
            }
            let hilang = !c.is_whitespace()
                && !c.is_control()
                && !crate::huruf::ada_glyph(c, huruf.as_deref());
            if hilang && !sebelumnya {
                found.push((tempat(cx, span, c), c));
            }
            sebelumnya = hilang;
        }
    }
    for (span, c) in found {
        let kode = format!("U+{:04X}", c as u32);
        let message = match &huruf {
            Some(nama) => msg!(
                "karakter `{c}` ({kode}) tidak ada pada huruf {nama} maupun huruf bawaan sopc; tercetak sebagai kotak kosong",
                "the character `{c}` ({kode}) is in neither the {nama} font nor sopc's embedded fonts; it prints as an empty box"
            ),
            None => msg!(
                "karakter `{c}` ({kode}) tidak ada pada huruf bawaan sopc; tercetak sebagai kotak kosong",
                "the character `{c}` ({kode}) is not in sopc's embedded fonts; it prints as an empty box"
            ),
        };
        cx.report(&RULE, span, message).help = Some(msg!(
            "hapus karakter itu, atau sebut di `[cetak] huruf` huruf terpasang yang memuatnya",
            "delete the character, or name an installed font that has it in `[cetak] huruf`"
        ));
    }
}

/// The character itself in the YAML when it is written there; the value
/// when it is a YAML escape (`"\U0001F600"`).
fn tempat(cx: &Ctx, span: Span, c: char) -> Span {
    let raw = cx.sources.get(span.file).map_or("", |f| f.slice(span));
    match raw.find(c) {
        Some(at) => {
            let start = span.start + at as u32;
            Span::new(span.file, start as usize, start as usize + c.len_utf8())
        }
        None => span,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn emoji_cjk_and_aksara_are_found_at_their_column() {
        let src = valid_with(
            "Memeriksa surat",
            "Memeriksa surat 😀👍🏽 dan 中文, ꦲꦏ꧀ꦱꦫ, ᬅᬓ᭄ᬱᬭ",
        );
        let baris = line_of(&src, "Memeriksa surat");
        let kolom = |s: &str| {
            let line = src.lines().nth(baris - 1).unwrap();
            line[..line.find(s).unwrap()].chars().count() + 1
        };
        let found: Vec<(usize, usize, String)> = diagnostics(&src)
            .into_iter()
            .filter(|(d, _)| d.code == "huruf-tidak-ada")
            .map(|(d, (l, c))| (l, c, d.message.id.to_string()))
            .collect();
        let at: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
        assert_eq!(
            at,
            ["😀", "中", "ꦲ", "ᬅ"].map(|s| (baris, kolom(s))).to_vec()
        );
        assert!(found[0].2.contains("`😀` (U+1F600)"), "{}", found[0].2);
        assert!(found[3].2.contains("(U+1B05)"), "{}", found[3].2);
    }

    #[test]
    fn latin_greek_cyrillic_and_punctuation_print() {
        let src = valid_with("Memeriksa surat", "Memeriksa surat “café” – §5 € ± Ω Ж → ✓");
        let found: Vec<String> = diagnostics(&src)
            .into_iter()
            .filter(|(d, _)| d.code == "huruf-tidak-ada")
            .map(|(d, _)| d.message.id.to_string())
            .collect();
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("Memeriksa surat", "Memeriksa surat 😀 中"),
        );
    }
}
