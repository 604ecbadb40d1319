//! What an imported SOP must keep of the SOP it was printed or written
//! from ([`pokok`]), as lines to compare, and the differences ([`beda`]):
//! shared by the round trips of `tests/impor.rs` (PDF) and
//! `tests/impor_docx.rs` (LibreOffice-written `.docx`).

use sopc::model::{Isi, Keputusan, Sop};

pub fn parse(path: &str, text: &str) -> Sop {
    sopc::parse::parse_str(path, text)
        .sop
        .expect("the SOP parses")
}

pub fn text(v: &Option<sopc::source::Sp<String>>) -> String {
    v.as_ref()
        .map(|s| s.value.trim().to_owned())
        .unwrap_or_default()
}

pub fn lower(v: &Option<sopc::source::Sp<String>>) -> String {
    text(v).to_lowercase()
}

pub fn list(v: &Option<sopc::source::Sp<Vec<sopc::source::Sp<String>>>>) -> Vec<String> {
    v.as_ref()
        .map(|l| l.iter().map(|s| s.value.clone()).collect())
        .unwrap_or_default()
}

/// A cell's text as printed: a text written as numbered lines prints as
/// the list it is read back as.
pub fn isi(v: &Option<sopc::source::Sp<Isi>>) -> Isi {
    match v.as_ref().map(|s| &s.value) {
        None => Isi::Teks(String::new()),
        Some(Isi::Teks(t)) => {
            let items: Option<Vec<String>> = t
                .lines()
                .map(|l| {
                    l.split_once(". ")
                        .filter(|(n, _)| n.parse::<u32>().is_ok())
                        .map(|(_, r)| r.trim().to_owned())
                })
                .collect();
            match items {
                Some(items) if t.contains('\n') => Isi::Daftar(items),
                _ => Isi::Teks(t.trim().to_owned()),
            }
        }
        Some(Isi::Daftar(l)) => Isi::Daftar(l.clone()),
    }
}

/// A text as printed: a line may break after `/` whether or not a space
/// followed it, so the print cannot tell `Adc/ Agendaris` from `Adc/Agendaris`.
pub fn cetak(t: String) -> String {
    t.replace("/ ", "/")
}

/// Where a step goes: `id` resolved to an index, absent = the next step.
pub fn target(sop: &Sop, i: usize, id: &Option<sopc::source::Sp<String>>) -> usize {
    match id {
        None => i + 1,
        Some(id) => sop
            .steps()
            .iter()
            .position(|s| s.id.as_ref().is_some_and(|s| s.value == id.value))
            .expect("the target id exists"),
    }
}

pub fn keputusan(
    sop: &Sop,
    i: usize,
    k: &Option<sopc::source::Sp<Keputusan>>,
) -> Option<(usize, usize, String, String)> {
    let k = &k.as_ref()?.value;
    let label = k.label.as_ref().map(|l| &l.value);
    Some((
        target(sop, i, &k.ya),
        target(sop, i, &k.tidak),
        label.map_or("ya".into(), |l| lower(&l.ya)),
        label.map_or("tidak".into(), |l| lower(&l.tidak)),
    ))
}

/// Everything the round trip must keep, with the case of what the form
/// prints in capitals (instansi, jabatan) not counted.
pub fn pokok(s: &Sop) -> Vec<String> {
    let ins = s.instansi.as_ref().map(|i| &i.value);
    let tgl = s.tanggal.as_ref().map(|t| &t.value);
    let date = |t: Option<
        &sopc::source::Sp<sopc::model::Parsed<sopc::model::tanggal::Tanggal>>,
    >| { format!("{:?}", t.and_then(|t| t.value.ok())) };
    let dis = s.disahkan_oleh.as_ref().map(|d| &d.value);
    let mut v = vec![
        format!("nomor {}", text(&s.nomor)),
        format!("nama {}", text(&s.nama)),
        format!(
            "pemerintah {}",
            ins.map(|i| lower(&i.pemerintah)).unwrap_or_default()
        ),
        format!(
            "instansi {}",
            ins.map(|i| lower(&i.nama)).unwrap_or_default()
        ),
        format!(
            "unit {:?}",
            ins.map(|i| list(&i.unit).join("|").to_lowercase())
        ),
        format!(
            "alamat {}",
            ins.map(|i| text(&i.alamat)).unwrap_or_default()
        ),
        format!(
            "telepon {}",
            ins.map(|i| text(&i.telepon)).unwrap_or_default()
        ),
        format!("pembuatan {}", date(tgl.and_then(|t| t.pembuatan.as_ref()))),
        format!("revisi {}", date(tgl.and_then(|t| t.revisi.as_ref()))),
        format!("efektif {}", date(tgl.and_then(|t| t.efektif.as_ref()))),
        format!(
            "jabatan {}",
            dis.map(|d| lower(&d.jabatan)).unwrap_or_default()
        ),
        format!(
            "atas_nama {}",
            dis.map(|d| lower(&d.atas_nama)).unwrap_or_default()
        ),
        format!(
            "pengesah {}",
            dis.map(|d| text(&d.nama)).unwrap_or_default()
        ),
        format!(
            "pangkat {}",
            dis.map(|d| text(&d.pangkat)).unwrap_or_default()
        ),
        format!("nip {}", dis.map(|d| text(&d.nip)).unwrap_or_default()),
        format!("dasar_hukum {:?}", list(&s.dasar_hukum)),
        format!("kualifikasi {:?}", list(&s.kualifikasi_pelaksana)),
        format!(
            "keterkaitan {:?}",
            s.keterkaitan
                .iter()
                .flat_map(|l| l.iter())
                .map(|k| k.value.text().to_owned())
                .collect::<Vec<_>>()
        ),
        format!("peralatan {:?}", list(&s.peralatan_perlengkapan)),
        format!("peringatan {:?}", list(&s.peringatan)),
        format!("pencatatan {:?}", list(&s.pencatatan_pendataan)),
        cetak(format!("pelaksana {:?}", list(&s.pelaksana))),
        format!("langkah {}", s.steps().len()),
    ];
    for (i, st) in s.steps().iter().enumerate() {
        let n = i + 1;
        v.push(format!("{n} kegiatan {}", cetak(text(&st.kegiatan))));
        let pelaksana: Vec<&str> = st.pelaksana_nama().map(|p| p.as_str()).collect();
        v.push(cetak(format!("{n} pelaksana {}", pelaksana.join(", "))));
        v.push(format!(
            "{n} waktu {}",
            st.waktu
                .as_ref()
                .map(|w| w.teks.trim().to_owned())
                .unwrap_or_default()
        ));
        v.push(cetak(format!("{n} kelengkapan {:?}", isi(&st.kelengkapan))));
        v.push(cetak(format!("{n} output {:?}", isi(&st.output))));
        v.push(cetak(format!("{n} keterangan {:?}", isi(&st.keterangan))));
        v.push(format!(
            "{n} keputusan {:?}",
            keputusan(s, i, &st.keputusan)
        ));
        v.push(format!("{n} lanjut {}", target(s, i, &st.lanjut)));
    }
    v
}

/// What of everything [`pokok`] lists of `asli` `balik` (imported) does
/// not keep, one `asli`/`impor` pair per difference; the steps (indices)
/// `lewati` are not compared.
pub fn beda(asli: &Sop, balik: &Sop, lewati: &[usize]) -> Vec<String> {
    let (a, b) = (pokok(asli), pokok(balik));
    let dilewati = |x: &str| lewati.iter().any(|i| x.starts_with(&format!("{} ", i + 1)));
    let mut beda: Vec<String> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y && !dilewati(x))
        .map(|(x, y)| format!("  asli:  {x}\n  impor: {y}"))
        .collect();
    if a.len() != b.len() {
        beda.push(format!("  {} fields, imported {}", a.len(), b.len()));
    }
    beda
}

/// Asserts that `balik` (imported) keeps everything [`pokok`] lists of
/// `asli`, naming `what` and every difference when it does not.
pub fn sama(asli: &Sop, balik: &Sop, what: &str) {
    let beda = beda(asli, balik, &[]);
    assert!(beda.is_empty(), "{what} differs:\n{}", beda.join("\n"));
}
