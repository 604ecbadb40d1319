//! `kegiatan-subjek`: a kegiatan starts with an active verb, without a subject.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "kegiatan-subjek",
    severity: Severity::Warning,
    title: Msg::fixed(
        "kegiatan tidak diawali kata kerja aktif",
        "kegiatan does not start with an active verb",
    ),
    sumber: Some(
        "PermenPAN-RB 35/2012, Bab III (uraian prosedur: pelaksana dipisahkan dari kegiatan)",
    ),
    doc: rule_doc! {
        apa: {
            id: "`kegiatan` setiap langkah diawali kata kerja aktif, tanpa subjek.",
            en: "Each step's `kegiatan` starts with an active verb, without a subject.",
        },
        mengapa: {
            id: "Pelaksana sudah ditunjukkan oleh kolomnya; subjek atau kata benda (`Pelaksanaan …`) di awal kegiatan mengulanginya dan membuat uraian tidak seragam.",
            en: "The actor is already shown by the column; a subject or a noun (`Pelaksanaan …`) at the start of a kegiatan repeats it and makes the description uneven.",
        },
        contoh: { code: r#"```yaml
  - kegiatan: Petugas piket mencatat tamu
```"# },
        perbaikan: { code: r#"```yaml
  - kegiatan: Mencatat tamu
```"# },
    },
};

/// Imperative or base verbs common in SOP tables that do not start with me-/ber-.
const KATA_KERJA_DASAR: &[&str] = &[
    "cek",
    "input",
    "entri",
    "verifikasi",
    "validasi",
    "terima",
    "kirim",
    "buat",
    "susun",
    "periksa",
    "catat",
    "arsipkan",
    "paraf",
    "serahkan",
    "tandatangani",
    "teruskan",
    "ajukan",
    "isi",
    "unggah",
    "unduh",
    "cetak",
    "scan",
    "pindai",
    "simpan",
    "tetapkan",
    "koreksi",
    "selesai",
    "mulai",
];

pub fn check(cx: &mut Ctx) {
    for s in cx.sop.steps() {
        let Some(k) = &s.kegiatan else { continue };
        let Some(problem) = analyse(k) else { continue };
        let text = k.as_str();
        match problem {
            Masalah::Subjek { subjek, verb_at } => {
                let span = cx.sub_span(k.span, text, 0..subjek.len());
                let saran = capitalise(text[verb_at..].trim_start());
                cx.report(
                    &RULE,
                    span,
                    msg!(
                        "kegiatan diawali subjek `{subjek}`; pelaksana sudah ditunjukkan oleh kolomnya",
                        "kegiatan starts with the subject `{subjek}`; the column already shows the actor"
                    ),
                )
                .help = Some(msg!("tulis tanpa subjek: \"{saran}\"", "write it without the subject: \"{saran}\""));
            }
            Masalah::KataBenda { kata } => {
                let span = cx.sub_span(k.span, text, 0..kata.len());
                cx.report(
                    &RULE,
                    span,
                    msg!(
                        "kegiatan diawali kata benda `{kata}`, bukan kata kerja aktif",
                        "kegiatan starts with the noun `{kata}`, not an active verb"
                    ),
                )
                .help = Some(msg!(
                    "gunakan kata kerja aktif, misalnya \"Melaksanakan …\" untuk \"Pelaksanaan …\"",
                    "use an active verb, e.g. \"Melaksanakan …\" (carry out) for \"Pelaksanaan …\""
                ));
            }
        }
    }
}

enum Masalah<'a> {
    /// Words before the first verb: the subject, and where the verb starts.
    Subjek { subjek: &'a str, verb_at: usize },
    /// A nominalisation (pe-…-an, ke-…-an) where a verb belongs.
    KataBenda { kata: &'a str },
}

fn analyse(text: &str) -> Option<Masalah<'_>> {
    let words: Vec<(usize, &str)> = word_positions(text).take(6).collect();
    let &(_, first) = words.first()?;
    let first_l = first.to_lowercase();
    if is_verb(&first_l) || KATA_KERJA_DASAR.contains(&first_l.as_str()) {
        return None;
    }
    // A verb among the next few words means the words before it are a subject.
    if let Some(&(at, _)) = words
        .iter()
        .skip(1)
        .take(4)
        .find(|(_, w)| is_active_or_passive(&w.to_lowercase()))
    {
        let subjek = text[..at].trim_end().trim_end_matches(',');
        return Some(Masalah::Subjek {
            subjek,
            verb_at: at,
        });
    }
    let nominal = first_l.len() > 6
        && (first_l.starts_with("pe") || first_l.starts_with("ke"))
        && first_l.ends_with("an");
    nominal.then_some(Masalah::KataBenda { kata: first })
}

fn word_positions(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (at, w)
    })
}

/// Active verbs: me-, mem-, men-, meng-, meny-, memper-, ber-, and a few
/// others with an active prefix.
fn is_verb(w: &str) -> bool {
    w.len() > 4
        && (w.starts_with("me") || w.starts_with("ber") || w.starts_with("ter") && w.len() > 7)
}

fn is_active_or_passive(w: &str) -> bool {
    is_verb(w) || (w.starts_with("di") && w.len() > 6 && !w.starts_with("dinas"))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::*;

    #[test]
    fn subject_and_noun_forms() {
        assert!(analyse("Memverifikasi berkas").is_none());
        assert!(analyse("Berkoordinasi dengan unit kerja").is_none());
        assert!(analyse("Cek kelengkapan berkas").is_none());
        let Some(Masalah::Subjek { subjek, .. }) = analyse("Petugas piket mencatat tamu") else {
            panic!("subject expected")
        };
        assert_eq!(subjek, "Petugas piket");
        let Some(Masalah::Subjek { subjek, .. }) = analyse("Petugas 1 mengarahkan tamu") else {
            panic!("subject expected")
        };
        assert_eq!(subjek, "Petugas 1");
        assert!(matches!(
            analyse("Pelaksanaan penerimaan"),
            Some(Masalah::KataBenda { .. })
        ));
    }

    #[test]
    fn reported_on_the_step_line() {
        let src = valid_with("Memeriksa surat", "Sekretaris memeriksa surat");
        assert_eq!(
            lines_of(&src, "kegiatan-subjek"),
            vec![line_of(&src, "Sekretaris memeriksa")]
        );
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &RULE,
            &valid_with("Memeriksa surat", "Sekretaris memeriksa surat"),
        );
    }
}
