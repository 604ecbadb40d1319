//! An imported document as an SOP file in sopc's canonical style: keys in
//! the order of SPEC §2, block lists, `status: draf`, and an `# impor: …`
//! comment beside every value that was inferred rather than read.

use super::baca::{Dokumen, Isi, KOTAK, Nilai};
use crate::app::init::yaml_scalar;
use std::fmt::Write;

/// The YAML text. `modeline`: the relative path to the schema, if any;
/// `asal`: the imported file's name, for the header comment.
pub fn yaml(d: &Dokumen, modeline: Option<&str>, asal: &str) -> String {
    let mut y = String::new();
    if let Some(m) = modeline {
        let _ = writeln!(y, "# yaml-language-server: $schema={m}");
    }
    let _ = writeln!(y, "# Diimpor oleh `sopc impor` dari {asal}.");
    let _ = writeln!(
        y,
        "# Tinjau setiap nilai bertanda `# impor:` lalu ubah status menjadi final."
    );
    for c in &d.catatan {
        let _ = writeln!(y, "# impor: {c}");
    }
    nilai(&mut y, 0, "nomor", &d.nomor);
    nilai(&mut y, 0, "nama", &d.nama);
    let _ = writeln!(y, "status: draf");
    let _ = writeln!(y, "instansi:");
    nilai(&mut y, 1, "pemerintah", &d.pemerintah);
    nilai(&mut y, 1, "nama", &d.instansi);
    if !d.unit.is_empty() {
        let _ = writeln!(y, "  unit:");
        for u in &d.unit {
            let _ = writeln!(y, "    - {}", yaml_scalar(u));
        }
    }
    if d.alamat.ada() {
        nilai(&mut y, 1, "alamat", &d.alamat);
    }
    if d.telepon.ada() {
        nilai(&mut y, 1, "telepon", &d.telepon);
    }
    let _ = writeln!(y, "tanggal:");
    nilai(&mut y, 1, "pembuatan", &d.pembuatan);
    if d.revisi.ada() {
        nilai(&mut y, 1, "revisi", &d.revisi);
    }
    nilai(&mut y, 1, "efektif", &d.efektif);
    let _ = writeln!(y, "disahkan_oleh:");
    if d.atas_nama.ada() {
        nilai(&mut y, 1, "atas_nama", &d.atas_nama);
    }
    nilai(&mut y, 1, "jabatan", &d.jabatan);
    nilai(&mut y, 1, "nama", &d.pengesah);
    if d.pangkat.ada() {
        nilai(&mut y, 1, "pangkat", &d.pangkat);
    }
    let nip = Nilai {
        teks: d.nip.teks.clone(),
        catatan: d.nip.catatan.clone(),
    };
    nilai(&mut y, 1, "nip", &nip);
    for (i, (key, _)) in KOTAK.iter().enumerate() {
        daftar(&mut y, 0, key, &d.kotak[i]);
    }
    daftar(&mut y, 0, "pelaksana", &d.pelaksana);
    let _ = writeln!(y, "langkah:");
    let ids = referenced(d);
    for (i, b) in d.langkah.iter().enumerate() {
        let mut lead = "  - ";
        if ids.contains(&i) {
            let _ = writeln!(y, "{lead}id: {}", id(i));
            lead = "    ";
        }
        let _ = writeln!(y, "{lead}kegiatan: {}", yaml_scalar(&b.kegiatan));
        let _ = write!(y, "    pelaksana:");
        let mut actors: Vec<usize> = b.simbol.iter().map(|s| s.0).collect();
        actors.sort_unstable();
        actors.dedup();
        let names: Vec<String> = actors
            .iter()
            .map(|a| d.pelaksana.get(*a).cloned().unwrap_or_default())
            .collect();
        match names.as_slice() {
            // A parallel row: the same kegiatan by each actor at once.
            [_, _, ..] if b.keputusan.is_none() => {
                let _ = writeln!(
                    y,
                    "   # impor: simbol di kolom {} pada satu baris (langkah sejajar)",
                    names.join(", ")
                );
                for name in &names {
                    let _ = writeln!(y, "      - {}", yaml_scalar(name));
                }
            }
            [name, others @ ..] => {
                let _ = write!(y, " {}", yaml_scalar(name));
                if !others.is_empty() {
                    let _ = write!(
                        y,
                        "   # impor: simbol juga di kolom {} (keputusan hanya memiliki satu pelaksana; pilih yang memutuskan)",
                        others.join(", ")
                    );
                }
                y.push('\n');
            }
            [] => {
                let _ = writeln!(
                    y,
                    " \"\"   # impor: tidak ada simbol di kolom pelaksana; pilih pelaksananya"
                );
            }
        }
        isi(&mut y, "kelengkapan", &b.kelengkapan, false);
        if b.waktu.trim().is_empty() {
            // required: the form's silence said as a time the total leaves out
            let _ = writeln!(
                y,
                "    waktu: tidak tercantum   # impor: sel Waktu kosong pada formulir; ditulis waktu tak tentu (tidak dijumlahkan), periksa"
            );
        } else {
            let _ = writeln!(y, "    waktu: {}", yaml_scalar(&b.waktu));
        }
        if b.output == Isi::Kosong {
            // required and non-empty: the form's silence said as `-`, as
            // the transcriptions write it
            let _ = writeln!(
                y,
                "    output: \"-\"   # impor: sel Output kosong pada formulir; ditulis \"-\", periksa"
            );
        } else {
            isi(&mut y, "output", &b.output, true);
        }
        if d.keterangan {
            isi(&mut y, "keterangan", &b.keterangan, true);
        }
        for c in &b.catatan {
            let _ = writeln!(y, "    # impor: {c}");
        }
        if let Some(c) = &b.keputusan {
            let mut body = String::new();
            for (k, t) in [("ya", c.ya), ("tidak", c.tidak)] {
                match t {
                    Some(t) if t != i + 1 && t != usize::MAX => {
                        let _ = writeln!(body, "      {k}: {}", id(t));
                    }
                    _ => {}
                }
            }
            let default = |l: &Option<String>, w: &str| {
                l.as_deref().is_none_or(|l| l.eq_ignore_ascii_case(w))
            };
            if !default(&c.label_ya, "ya") || !default(&c.label_tidak, "tidak") {
                let _ = writeln!(body, "      label:");
                let ya = c.label_ya.as_deref().unwrap_or("Ya");
                let tidak = c.label_tidak.as_deref().unwrap_or("Tidak");
                let _ = writeln!(body, "        ya: {}", yaml_scalar(ya));
                let _ = writeln!(body, "        tidak: {}", yaml_scalar(tidak));
            }
            for n in &c.catatan {
                let _ = writeln!(y, "    # impor: {n}");
            }
            if body.is_empty() {
                // nothing was read: an empty mapping the check reports
                let _ = writeln!(y, "    keputusan: {{}}");
            } else {
                let _ = writeln!(y, "    keputusan:");
                y.push_str(&body);
            }
        }
        if let Some(t) = b.lanjut {
            let _ = writeln!(y, "    lanjut: {}", id(t));
        }
    }
    y
}

/// The id given to the step at index `i`: its printed number.
pub fn id(i: usize) -> String {
    format!("langkah-{}", i + 1)
}

/// Steps a decision or `lanjut` points to.
fn referenced(d: &Dokumen) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, b) in d.langkah.iter().enumerate() {
        if let Some(c) = &b.keputusan {
            for t in [c.ya, c.tidak].into_iter().flatten() {
                if t != i + 1 && t != usize::MAX {
                    out.push(t);
                }
            }
        }
        out.extend(b.lanjut);
    }
    out
}

fn nilai(y: &mut String, indent: usize, key: &str, v: &Nilai) {
    let pad = "  ".repeat(indent);
    let _ = write!(y, "{pad}{key}: {}", yaml_scalar(&v.teks));
    match (&v.catatan, v.teks.is_empty()) {
        (Some(c), _) => {
            let _ = write!(y, "   # impor: {c}");
        }
        (None, true) => {
            let _ = write!(y, "   # impor: tidak tercetak; isi");
        }
        _ => {}
    }
    y.push('\n');
}

fn daftar(y: &mut String, indent: usize, key: &str, items: &[String]) {
    let pad = "  ".repeat(indent);
    if items.is_empty() {
        let _ = writeln!(y, "{pad}{key}: []");
        return;
    }
    let _ = writeln!(y, "{pad}{key}:");
    for i in items {
        let _ = writeln!(y, "{pad}  - {}", yaml_scalar(i));
    }
}

fn isi(y: &mut String, key: &str, v: &Isi, always: bool) {
    match v {
        Isi::Kosong if always => {
            let _ = writeln!(y, "    {key}: \"\"");
        }
        Isi::Kosong => {}
        Isi::Teks(t) => {
            let _ = writeln!(y, "    {key}: {}", yaml_scalar(t));
        }
        Isi::Daftar(items) => {
            let _ = writeln!(y, "    {key}:");
            for i in items {
                let _ = writeln!(y, "      - {}", yaml_scalar(i));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::baca::{Baris, Dokumen};
    use super::super::geom::Kind;
    use kurbo::Rect;

    /// A row with symbols in two columns becomes a parallel step that reads
    /// back as a list of pelaksana, each name from its own column.
    #[test]
    fn a_row_with_symbols_in_several_columns_is_a_parallel_step() {
        let at = |kolom: usize| (kolom, Kind::Process, 0, Rect::ZERO);
        let d = Dokumen {
            pelaksana: vec![
                "PPK".into(),
                "Bendahara".into(),
                "Kepala, selaku KPA".into(),
            ],
            langkah: vec![Baris {
                kegiatan: "Menandatangani kontrak".into(),
                waktu: "1 hari".into(),
                simbol: vec![at(2), at(0)],
                ..Baris::default()
            }],
            ..Dokumen::default()
        };
        let text = super::yaml(&d, None, "uji.pdf");
        assert!(
            text.contains(
                "    pelaksana:   # impor: simbol di kolom PPK, Kepala, selaku KPA pada satu baris (langkah sejajar)\n      - PPK\n      - Kepala, selaku KPA\n"
            ),
            "{text}"
        );
        let sop = crate::parse::parse_str("uji.yaml", &text)
            .sop
            .expect("the YAML reads");
        let names: Vec<&str> = sop.steps()[0]
            .pelaksana_nama()
            .map(|p| p.as_str())
            .collect();
        assert_eq!(names, ["PPK", "Kepala, selaku KPA"]);
    }
}
