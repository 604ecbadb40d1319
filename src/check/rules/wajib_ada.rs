//! `wajib-ada`: keys the form cannot do without.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::model::Status;
use crate::msg;
use crate::rule_doc;
use crate::source::{Sp, Span};
use crate::teks::tampak;

/// ## What it does
/// Finds required keys that are absent or empty: `nomor`, `nama`, `instansi`
/// (with `nama`), `tanggal.pembuatan`, the six boxes, `pelaksana`, and in every
/// step `kegiatan`, `pelaksana`, `waktu` and `output`. A `final` SOP also needs
/// `tanggal.efektif` and a complete `disahkan_oleh` (jabatan, nama, pangkat, nip).
/// A step's list of pelaksana (a parallel step) may be neither empty nor hold
/// a blank entry.
pub static RULE: Rule = Rule {
    code: "wajib-ada",
    severity: Severity::Error,
    title: Msg::fixed(
        "kunci wajib tidak ada atau kosong",
        "required key missing or empty",
    ),
    sumber: Some("Permendagri 52/2011, Lampiran (format SOP)"),
    doc: rule_doc! {
        apa: {
            id: "Kunci yang dimuat lembar pengesahan dan tabel prosedur: nomor, nama, instansi, tanggal pembuatan, enam kotak (dasar hukum, kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, peringatan, pencatatan dan pendataan) dan, untuk setiap langkah, kegiatan, pelaksana, waktu dan output. SOP `final` juga memerlukan tanggal efektif dan pejabat pengesah lengkap (jabatan, nama, pangkat, NIP). Butir daftar `pelaksana` dan `pelaksana` langkah yang kosong atau hanya berisi spasi juga dilaporkan, begitu pula daftar pelaksana langkah sejajar yang kosong (`pelaksana: []`) atau berbutir kosong.",
            en: "The keys the lembar pengesahan and the procedure table hold: nomor, nama, instansi, date of creation, the six boxes (dasar hukum, kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, peringatan, pencatatan dan pendataan) and, for every step, kegiatan, pelaksana, waktu and output. A `final` SOP also needs the effective date and a complete signing official (jabatan, nama, pangkat, NIP). An item of the `pelaksana` list or a step's `pelaksana` that is empty or only spaces is reported too, and so is a parallel step's list of pelaksana that is empty (`pelaksana: []`) or has a blank entry.",
        },
        mengapa: {
            id: "Permendagri 52/2011 menetapkan isi lembar pengesahan dan tabel prosedur; bagian yang hilang membuat dokumen tidak lengkap untuk disahkan.",
            en: "Permendagri 52/2011 sets out what the lembar pengesahan and the procedure table contain; a missing part leaves the document incomplete for signing.",
        },
        contoh: { code: r#"```yaml
langkah:
  - kegiatan: Menerima surat
    pelaksana: Pelaksana
    waktu: 5 menit
```"# },
        perbaikan: {
            id: "Isi kunci yang disebut (di sini `output`). Kotak yang memang kosong ditulis sebagai daftar kosong (`peringatan: []`) — itu hanya peringatan `kotak-kosong`.",
            en: "Fill in the key named (here `output`). A box that is really empty is written as an empty list (`peringatan: []`) — that is only the warning `kotak-kosong`.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let sop = cx.sop;
    let doc = cx.doc_start();
    let final_ = sop.status() == Status::Final;
    text(cx, &sop.nomor, doc, "nomor");
    text(cx, &sop.nama, doc, "nama");
    match &sop.instansi {
        None => missing(cx, doc, "instansi"),
        Some(i) => text(cx, &i.nama, i.span, "instansi.nama"),
    }
    match &sop.tanggal {
        None => missing(cx, doc, "tanggal"),
        Some(t) => {
            if t.pembuatan.as_ref().is_none_or(|p| p.teks.is_empty()) {
                missing(
                    cx,
                    t.pembuatan.as_ref().map_or(t.span, |p| p.span),
                    "tanggal.pembuatan",
                );
            }
            if final_ && t.efektif.as_ref().is_none_or(|p| p.teks.is_empty()) {
                missing_final(
                    cx,
                    t.efektif.as_ref().map_or(t.span, |p| p.span),
                    "tanggal.efektif",
                );
            }
        }
    }
    if final_ {
        disahkan(cx);
    }
    for (key, value) in [
        ("dasar_hukum", &sop.dasar_hukum),
        ("kualifikasi_pelaksana", &sop.kualifikasi_pelaksana),
        ("peralatan_perlengkapan", &sop.peralatan_perlengkapan),
        ("peringatan", &sop.peringatan),
        ("pencatatan_pendataan", &sop.pencatatan_pendataan),
        ("pelaksana", &sop.pelaksana),
    ] {
        if value.is_none() {
            missing(cx, doc, key);
        }
    }
    if sop.keterkaitan.is_none() {
        missing(cx, doc, "keterkaitan");
    }
    actors(cx);
    steps(cx);
}

fn disahkan(cx: &mut Ctx) {
    let Some(d) = &cx.sop.disahkan_oleh else {
        missing_final(cx, cx.doc_start(), "disahkan_oleh");
        return;
    };
    for (key, value) in [
        ("jabatan", &d.jabatan),
        ("nama", &d.nama),
        ("pangkat", &d.pangkat),
        ("nip", &d.nip),
    ] {
        if value.as_ref().is_none_or(|v| v.is_empty()) {
            let at = value.as_ref().map_or(d.span, |v| v.span);
            missing_final(cx, at, &format!("disahkan_oleh.{key}"));
        }
    }
}

/// A blank column of the `pelaksana` list: an empty header nobody can be
/// assigned to. Blank as printed: spaces and invisible characters only.
fn actors(cx: &mut Ctx) {
    blank_entries(cx, cx.sop.actors(), "pelaksana");
}

/// The blank entries of a list of pelaksana named `list`.
fn blank_entries(cx: &mut Ctx, entries: &[Sp<String>], list: &str) {
    for (i, a) in entries.iter().enumerate() {
        if tampak(a).is_empty() {
            let no = i + 1;
            cx.report(
                &RULE,
                a.span,
                msg!(
                    "butir ke-{no} daftar `{list}` kosong",
                    "entry {no} of the `{list}` list is empty"
                ),
            )
            .help = Some(msg!(
                "tulis nama pelaksananya, atau hapus butir ini",
                "write the pelaksana's name, or remove this entry"
            ));
        }
    }
}

fn steps(cx: &mut Ctx) {
    for (i, s) in cx.sop.steps().iter().enumerate() {
        let no = i + 1;
        let at = |v: Option<Span>| v.unwrap_or(s.span);
        if s.kegiatan.as_ref().is_none_or(|v| v.is_empty()) {
            missing(
                cx,
                at(s.kegiatan.as_ref().map(|v| v.span)),
                &format!("langkah[{no}].kegiatan"),
            );
        }
        step_actors(cx, s, no);
        if s.waktu.as_ref().is_none_or(|v| v.teks.is_empty()) {
            missing(
                cx,
                at(s.waktu.as_ref().map(|v| v.span)),
                &format!("langkah[{no}].waktu"),
            );
        }
        let empty_output = match s.output.as_ref().map(|o| &o.value) {
            None => true,
            Some(crate::model::Isi::Teks(t)) => t.is_empty(),
            Some(crate::model::Isi::Daftar(l)) => l.is_empty(),
        };
        if empty_output {
            missing(
                cx,
                at(s.output.as_ref().map(|v| v.span)),
                &format!("langkah[{no}].output"),
            );
        }
    }
}

/// A step's `pelaksana`: absent or blank, an empty list, or a blank entry
/// of a list (a parallel row).
fn step_actors(cx: &mut Ctx, s: &Sp<crate::model::Langkah>, no: usize) {
    let key = format!("langkah[{no}].pelaksana");
    let Some(p) = &s.pelaksana else {
        missing(cx, s.span, &key);
        return;
    };
    if !p.daftar {
        if p.iter().all(|n| tampak(n).is_empty()) {
            missing(cx, p.span, &key);
        }
        return;
    }
    if p.nama.is_empty() {
        cx.report(
            &RULE,
            p.span,
            msg!("daftar `{key}` kosong", "the list `{key}` is empty"),
        )
        .help = Some(msg!(
            "tulis sekurang-kurangnya satu pelaksana, misalnya `pelaksana: [PPK, KPA]` untuk dua pelaksana yang bekerja bersamaan",
            "write at least one pelaksana, e.g. `pelaksana: [PPK, KPA]` for two actors working at once"
        ));
    }
    blank_entries(cx, &p.nama, &key);
}

fn text(cx: &mut Ctx, value: &Option<Sp<String>>, parent: Span, key: &str) {
    match value {
        None => missing(cx, parent, key),
        Some(v) if v.is_empty() => missing(cx, v.span, key),
        Some(_) => {}
    }
}

fn missing(cx: &mut Ctx, at: Span, key: &str) {
    cx.report(
        &RULE,
        at,
        msg!("`{key}` wajib diisi", "`{key}` is required"),
    )
    .help = Some(msg!(
        "tambahkan `{key}`; lihat contoh di `sopc explain wajib-ada`",
        "add `{key}`; see the example in `sopc explain wajib-ada`"
    ));
}

fn missing_final(cx: &mut Ctx, at: Span, key: &str) {
    cx.report(
        &RULE,
        at,
        msg!(
            "`{key}` wajib diisi pada SOP berstatus `final`",
            "`{key}` is required in a `final` SOP"
        ),
    )
    .help = Some(msg!(
        "lengkapi `{key}`, atau tetapkan `status: draf` selama SOP belum disahkan",
        "fill in `{key}`, or set `status: draf` until the SOP is signed"
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn valid_sop_has_no_findings() {
        assert_eq!(findings(VALID), vec![]);
    }

    #[test]
    fn empty_nomor_is_reported_on_its_line() {
        let src = valid_with("nomor: 800/12/DPMD/2023", "nomor: \"\"");
        assert_eq!(lines_of(&src, "wajib-ada"), vec![1]);
    }

    #[test]
    fn a_blank_pelaksana_is_an_error() {
        for blank in ["\"\"", "\"  \"", "\"\u{200B}\""] {
            let src = valid_with(
                "  - Sekretaris\n",
                &format!("  - Sekretaris\n  - {blank}\n"),
            );
            let line = line_of(&src, &format!("  - {blank}"));
            assert_eq!(lines_of(&src, "wajib-ada"), vec![line], "{blank}");
            assert!(
                lines_of(&src, "pelaksana-tidak-dipakai").is_empty(),
                "{blank}"
            );
            let src = valid_with(
                "    pelaksana: Sekretaris\n",
                &format!("    pelaksana: {blank}\n"),
            );
            let line = line_of(&src, &format!("pelaksana: {blank}"));
            assert_eq!(lines_of(&src, "wajib-ada"), vec![line], "{blank}");
            assert!(
                lines_of(&src, "pelaksana-tidak-dikenal").is_empty(),
                "{blank}"
            );
        }
    }

    #[test]
    fn missing_box_and_step_field() {
        let src = valid_with("pencatatan_pendataan:\n  - Buku agenda surat masuk\n", "");
        assert_eq!(lines_of(&src, "wajib-ada"), vec![1]);
        let src = valid_with("    output: Surat diperiksa\n", "");
        assert_eq!(
            lines_of(&src, "wajib-ada"),
            vec![line_of(&src, "  - id: periksa")]
        );
    }

    #[test]
    fn final_needs_efektif_and_nip_draf_does_not() {
        let src = valid_with("  efektif: 2023-06-05\n", "");
        assert_eq!(
            lines_of(&src, "wajib-ada"),
            vec![line_of(&src, "  pembuatan")]
        );
        let draf = src.replace("status: final", "status: draf");
        assert_eq!(lines_of(&draf, "wajib-ada"), Vec::<usize>::new());
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("    output: Surat tercatat\n", ""),
        );
    }
}
