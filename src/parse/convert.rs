//! Syntax tree → typed [`Sop`]. Reads every key it knows, reports every key it
//! does not (with a suggestion), every repeated key and every value of the
//! wrong type — all of them, not just the first — and parses dates and
//! durations into values so that nothing downstream sees their text again.

use super::rules;
use super::tree::{Key, MAPPING, Node, NodeKind};
use crate::diag::Kesalahan;
use crate::diag::{Diagnostic, Msg, did_you_mean, suggest};
use crate::model::durasi::{Jumlah, Waktu};
use crate::model::tanggal::Tanggal;
use crate::model::*;
use crate::msg;
use crate::source::{Sp, Span};
use std::fmt;

pub const SOP_KEYS: &[&str] = &[
    "nomor",
    "nama",
    "status",
    "instansi",
    "tanggal",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
    "pelaksana",
    "langkah",
    "jumlah_waktu",
    "judul_kolom",
];
pub const INSTANSI_KEYS: &[&str] = &["pemerintah", "nama", "unit", "alamat", "telepon", "logo"];
pub const TANGGAL_KEYS: &[&str] = &["pembuatan", "revisi", "efektif"];
pub const DISAHKAN_KEYS: &[&str] = &["atas_nama", "jabatan", "nama", "pangkat", "nip"];
pub const LANGKAH_KEYS: &[&str] = &[
    "id",
    "kegiatan",
    "pelaksana",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
    "keputusan",
    "lanjut",
];
pub const KEPUTUSAN_KEYS: &[&str] = &["ya", "tidak", "label"];
pub const LABEL_KEYS: &[&str] = &["ya", "tidak"];
pub const RUJUKAN_KEYS: &[&str] = &["nomor", "nama", "berkas"];
pub const JUDUL_KOLOM_KEYS: &[&str] = &[
    "no",
    "kegiatan",
    "pelaksana",
    "mutu_baku",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
];

/// Reads a whole document. Findings go to `out`; the SOP is as complete as the
/// input allows.
pub fn sop(root: &Node, out: &mut Vec<Diagnostic>) -> Sop {
    let mut r = Reader { out };
    let mut sop = Sop {
        span: root.span,
        ..Sop::default()
    };
    match &root.kind {
        NodeKind::Map(_) => {}
        NodeKind::Null => {
            r.out.push(
                Diagnostic::new(
                    &rules::BERKAS_KOSONG,
                    Some(root.span),
                    msg!("berkas SOP kosong", "the SOP file is empty"),
                )
                .with_help(msg!(
                    "mulailah dengan `nomor:`, `nama:`, `instansi:` dan `langkah:`; `sopc new` membuat kerangkanya",
                    "start with `nomor:`, `nama:`, `instansi:` and `langkah:`; `sopc new` writes a skeleton"
                )),
            );
            return sop;
        }
        _ => {
            r.wrong_type(root, &DOKUMEN, &MAPPING);
            return sop;
        }
    }
    let Some(m) = r.fields(root, KeyPath::Akar, SOP_KEYS) else {
        return sop;
    };
    sop.nomor = r.opt_text(&m, "nomor", KeyPath::Akar);
    sop.nama = r.opt_text(&m, "nama", KeyPath::Akar);
    sop.status = m.get("status").and_then(|n| r.status(n));
    sop.instansi = m.get("instansi").and_then(|n| r.instansi(n));
    sop.tanggal = m.get("tanggal").and_then(|n| r.tanggal_sop(n));
    sop.disahkan_oleh = m.get("disahkan_oleh").and_then(|n| r.disahkan(n));
    for (key, slot) in [
        ("dasar_hukum", &mut sop.dasar_hukum),
        ("kualifikasi_pelaksana", &mut sop.kualifikasi_pelaksana),
        ("peralatan_perlengkapan", &mut sop.peralatan_perlengkapan),
        ("peringatan", &mut sop.peringatan),
        ("pencatatan_pendataan", &mut sop.pencatatan_pendataan),
        ("pelaksana", &mut sop.pelaksana),
    ] {
        *slot = m
            .get(key)
            .map(|n| r.text_list(n, KeyPath::Kunci(&KeyPath::Akar, key)));
    }
    sop.keterkaitan = m.get("keterkaitan").map(|n| r.keterkaitan(n));
    sop.langkah = m.get("langkah").map(|n| r.langkah_list(n));
    sop.jumlah_waktu = m.get("jumlah_waktu").map(|n| r.jumlah(n));
    sop.judul_kolom = m.get("judul_kolom").and_then(|n| r.judul_kolom(n));
    sop
}

/// The entries of one mapping, after unknown and repeated keys were reported.
pub struct Fields<'n> {
    entries: Vec<(&'n Key, &'n Node)>,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| *v)
    }
}

/// Where a value sits, for messages (`langkah[3].waktu`). Written out only
/// when a message needs it: nearly every value is fine, and spelling every
/// path out cost a noticeable share of reading an SOP.
#[derive(Clone, Copy)]
enum KeyPath<'a> {
    /// The document itself.
    Akar,
    /// A key of a mapping.
    Kunci(&'a KeyPath<'a>, &'a str),
    /// An item of a list, counted from 1.
    Butir(&'a KeyPath<'a>, usize),
}

impl fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            KeyPath::Akar => Ok(()),
            KeyPath::Kunci(KeyPath::Akar, key) => f.write_str(key),
            KeyPath::Kunci(up, key) => write!(f, "{up}.{key}"),
            KeyPath::Butir(up, n) => write!(f, "{up}[{n}]"),
        }
    }
}

const TANGGAL: KeyPath = KeyPath::Kunci(&KeyPath::Akar, "tanggal");
const KETERKAITAN: KeyPath = KeyPath::Kunci(&KeyPath::Akar, "keterkaitan");
const LANGKAH: KeyPath = KeyPath::Kunci(&KeyPath::Akar, "langkah");

struct Reader<'a> {
    out: &'a mut Vec<Diagnostic>,
}

const DOKUMEN: Msg = Msg::fixed("dokumen", "document");

impl Reader<'_> {
    /// Checks the keys of a mapping; `path` names it in messages.
    fn fields<'n>(&mut self, node: &'n Node, path: KeyPath, known: &[&str]) -> Option<Fields<'n>> {
        let NodeKind::Map(entries) = &node.kind else {
            let label = match path {
                KeyPath::Akar => DOKUMEN,
                _ => Msg::new(path.to_string(), path.to_string()),
            };
            self.wrong_type(node, &label, &MAPPING);
            return None;
        };
        let mut kept: Vec<(&Key, &Node)> = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            if let Some((first, _)) = kept.iter().find(|(k, _)| k.name == key.name) {
                self.duplicate(key, first.span);
                continue;
            }
            if !known.contains(&key.name.as_str()) {
                self.unknown_key(key, path, known);
                continue;
            }
            kept.push((key, value));
        }
        Some(Fields { entries: kept })
    }

    fn duplicate(&mut self, key: &Key, first: Span) {
        let name = &key.name;
        self.out.push(
            Diagnostic::new(
                &rules::KUNCI_GANDA,
                Some(key.span),
                msg!(
                    "kunci `{name}` ditulis dua kali",
                    "key `{name}` is written twice"
                ),
            )
            .with_label(
                first,
                msg!("pertama kali ditulis di sini", "first written here"),
            )
            .with_help(msg!(
                "hapus salah satunya atau gabungkan isinya; sopc tidak menggabungkan diam-diam",
                "remove one of them or merge their contents; sopc never merges silently"
            )),
        );
    }

    fn unknown_key(&mut self, key: &Key, path: KeyPath, known: &[&str]) {
        let name = &key.name;
        let (place_id, place_en) = match path {
            KeyPath::Akar => (String::new(), String::new()),
            _ => (format!(" di `{path}`"), format!(" in `{path}`")),
        };
        let mut d = Diagnostic::new(
            &rules::KUNCI_TIDAK_DIKENAL,
            Some(key.span),
            msg!(
                "kunci `{name}` tidak dikenal{place_id}",
                "unknown key `{name}`{place_en}"
            ),
        );
        d = match suggest(name, known.iter().copied()) {
            Some(s) => d.with_help(did_you_mean(s)),
            None => {
                let list = known.join("`, `");
                d.with_help(msg!("kunci yang dikenal: `{list}`", "known keys: `{list}`"))
            }
        };
        self.out.push(d);
    }

    /// `key` (a path, or the document) holds a `node` that is not the `want`ed type.
    fn wrong_type(&mut self, node: &Node, key: &Msg, want: &Msg) {
        let got = node.type_name();
        let (key_id, key_en, want_id, want_en) = (&key.id, &key.en, &want.id, &want.en);
        let (got_id, got_en) = (&got.id, &got.en);
        self.out.push(Diagnostic::new(
            &rules::TIPE_SALAH,
            Some(node.span),
            msg!(
                "`{key_id}` harus berupa {want_id}, bukan {got_id}",
                "`{key_en}` must be a {want_en}, not a {got_en}"
            ),
        ));
    }

    /// A text value. An empty value reads as empty text, so that the rules can
    /// say "kosong" at the right line.
    fn text(&mut self, node: &Node, path: KeyPath) -> Sp<String> {
        match &node.kind {
            NodeKind::Scalar(s) => Sp::new(s.trim().to_owned(), node.span),
            NodeKind::Null => Sp::new(String::new(), node.span),
            _ => {
                let path = path.to_string();
                let key = Msg::new(path.to_string(), path.to_string());
                self.wrong_type(node, &key, &Msg::fixed("teks", "text"));
                Sp::new(String::new(), node.span)
            }
        }
    }

    fn opt_text(&mut self, m: &Fields, key: &str, path: KeyPath) -> Option<Sp<String>> {
        m.get(key).map(|n| self.text(n, KeyPath::Kunci(&path, key)))
    }

    /// A list of texts; a single text is taken as a one-item list.
    fn text_list(&mut self, node: &Node, path: KeyPath) -> Sp<Vec<Sp<String>>> {
        let items = match &node.kind {
            NodeKind::Null => Vec::new(),
            NodeKind::Scalar(_) => vec![self.text(node, path)],
            NodeKind::Seq(items) => items
                .iter()
                .enumerate()
                .map(|(i, n)| self.text(n, KeyPath::Butir(&path, i + 1)))
                .collect(),
            NodeKind::Map(_) => {
                let path = path.to_string();
                let key = Msg::new(path.to_string(), path.to_string());
                self.wrong_type(node, &key, &Msg::fixed("daftar teks", "list of texts"));
                Vec::new()
            }
        };
        Sp::new(items, node.span)
    }

    fn isi(&mut self, node: &Node, path: KeyPath) -> Sp<Isi> {
        let value = match &node.kind {
            NodeKind::Seq(items) => Isi::Daftar(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| self.text(n, KeyPath::Butir(&path, i + 1)).value)
                    .collect(),
            ),
            _ => Isi::Teks(self.text(node, path).value),
        };
        Sp::new(value, node.span)
    }

    fn status(&mut self, node: &Node) -> Option<Sp<Status>> {
        let text = self.text(node, KeyPath::Kunci(&KeyPath::Akar, "status"));
        match text.to_lowercase().as_str() {
            "draf" | "" => Some(Sp::new(Status::Draf, node.span)),
            "final" => Some(Sp::new(Status::Final, node.span)),
            other => {
                let mut d = Diagnostic::new(
                    &rules::STATUS_TIDAK_DIKENAL,
                    Some(node.span),
                    msg!(
                        "status `{other}` tidak dikenal; pilih `draf` atau `final`",
                        "unknown status `{other}`; choose `draf` or `final`"
                    ),
                );
                if let Some(s) = suggest(other, ["draf", "final"]) {
                    d = d.with_help(did_you_mean(s));
                }
                self.out.push(d);
                None
            }
        }
    }

    fn instansi(&mut self, node: &Node) -> Option<Sp<Instansi>> {
        let p = KeyPath::Kunci(&KeyPath::Akar, "instansi");
        let m = self.fields(node, p, INSTANSI_KEYS)?;
        Some(Sp::new(
            Instansi {
                pemerintah: self.opt_text(&m, "pemerintah", p),
                nama: self.opt_text(&m, "nama", p),
                unit: m
                    .get("unit")
                    .map(|n| self.text_list(n, KeyPath::Kunci(&p, "unit"))),
                alamat: self.opt_text(&m, "alamat", p),
                telepon: self.opt_text(&m, "telepon", p),
                logo: self.opt_text(&m, "logo", p),
            },
            node.span,
        ))
    }

    fn tanggal_sop(&mut self, node: &Node) -> Option<Sp<TanggalSop>> {
        let m = self.fields(node, TANGGAL, TANGGAL_KEYS)?;
        let mut date = |key: &str| m.get(key).map(|n| self.tanggal(n, key));
        Some(Sp::new(
            TanggalSop {
                pembuatan: date("pembuatan"),
                revisi: date("revisi"),
                efektif: date("efektif"),
            },
            node.span,
        ))
    }

    fn tanggal(&mut self, node: &Node, key: &str) -> Sp<Parsed<Tanggal>> {
        self.parsed(node, KeyPath::Kunci(&TANGGAL, key), |r, text| {
            Tanggal::parse(text)
                .map_err(|e| {
                    let mut d = Diagnostic::new(
                        &rules::TANGGAL_TIDAK_VALID,
                        Some(node.span),
                        e.message().within(|m| format!("tanggal.{key}: {m}")),
                    );
                    d.help = e.help();
                    r.out.push(d);
                })
                .ok()
        })
    }

    /// A text value that is also parsed; `parse` reports its own errors. An
    /// empty value is left unparsed (the `wajib-ada` rule speaks of it).
    fn parsed<T>(
        &mut self,
        node: &Node,
        path: KeyPath,
        parse: impl FnOnce(&mut Self, &str) -> Option<T>,
    ) -> Sp<Parsed<T>> {
        let text = self.text(node, path);
        let nilai = if text.is_empty() {
            None
        } else {
            parse(self, &text)
        };
        Sp::new(
            Parsed {
                teks: text.value,
                nilai,
            },
            node.span,
        )
    }

    fn disahkan(&mut self, node: &Node) -> Option<Sp<DisahkanOleh>> {
        let p = KeyPath::Kunci(&KeyPath::Akar, "disahkan_oleh");
        let m = self.fields(node, p, DISAHKAN_KEYS)?;
        Some(Sp::new(
            DisahkanOleh {
                atas_nama: self.opt_text(&m, "atas_nama", p),
                jabatan: self.opt_text(&m, "jabatan", p),
                nama: self.opt_text(&m, "nama", p),
                pangkat: self.opt_text(&m, "pangkat", p),
                nip: self.opt_text(&m, "nip", p),
            },
            node.span,
        ))
    }

    fn judul_kolom(&mut self, node: &Node) -> Option<Sp<JudulKolom>> {
        let p = KeyPath::Kunci(&KeyPath::Akar, "judul_kolom");
        let m = self.fields(node, p, JUDUL_KOLOM_KEYS)?;
        Some(Sp::new(
            JudulKolom {
                no: self.opt_text(&m, "no", p),
                kegiatan: self.opt_text(&m, "kegiatan", p),
                pelaksana: self.opt_text(&m, "pelaksana", p),
                mutu_baku: self.opt_text(&m, "mutu_baku", p),
                kelengkapan: self.opt_text(&m, "kelengkapan", p),
                waktu: self.opt_text(&m, "waktu", p),
                output: self.opt_text(&m, "output", p),
                keterangan: self.opt_text(&m, "keterangan", p),
            },
            node.span,
        ))
    }

    fn keterkaitan(&mut self, node: &Node) -> Sp<Vec<Sp<Keterkaitan>>> {
        let items: Vec<&Node> = match &node.kind {
            NodeKind::Seq(items) => items.iter().collect(),
            NodeKind::Null => Vec::new(),
            _ => vec![node],
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let path = KeyPath::Butir(&KETERKAITAN, i + 1);
            if let NodeKind::Map(_) = item.kind {
                let Some(m) = self.fields(item, path, RUJUKAN_KEYS) else {
                    continue;
                };
                let found: Vec<(&str, &Node)> = RUJUKAN_KEYS
                    .iter()
                    .filter_map(|k| m.get(k).map(|n| (*k, n)))
                    .collect();
                let [(kind, value)] = found.as_slice() else {
                    self.out.push(Diagnostic::new(
                        &rules::TIPE_SALAH,
                        Some(item.span),
                        msg!(
                            "`{path}` harus berisi tepat satu dari `nomor`, `nama` atau `berkas`",
                            "`{path}` must hold exactly one of `nomor`, `nama` or `berkas`"
                        ),
                    ));
                    continue;
                };
                let text = self.text(value, KeyPath::Kunci(&path, kind)).value;
                let r = match *kind {
                    "nomor" => Rujukan::Nomor(text),
                    "nama" => Rujukan::Nama(text),
                    _ => Rujukan::Berkas(text),
                };
                out.push(Sp::new(Keterkaitan::Rujukan(r), item.span));
            } else {
                let t = self.text(item, path);
                out.push(t.map(Keterkaitan::Teks));
            }
        }
        Sp::new(out, node.span)
    }

    fn langkah_list(&mut self, node: &Node) -> Sp<Vec<Sp<Langkah>>> {
        let steps = match &node.kind {
            NodeKind::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| self.langkah(n, i + 1))
                .collect(),
            NodeKind::Null => Vec::new(),
            _ => {
                let want = Msg::fixed("daftar langkah", "list of steps");
                self.wrong_type(node, &Msg::fixed("langkah", "langkah"), &want);
                Vec::new()
            }
        };
        Sp::new(steps, node.span)
    }

    fn langkah(&mut self, node: &Node, no: usize) -> Option<Sp<Langkah>> {
        let p = KeyPath::Butir(&LANGKAH, no);
        let m = self.fields(node, p, LANGKAH_KEYS)?;
        let at = |key| KeyPath::Kunci(&p, key);
        Some(Sp::new(
            Langkah {
                id: self.opt_text(&m, "id", p),
                kegiatan: self.opt_text(&m, "kegiatan", p),
                pelaksana: m
                    .get("pelaksana")
                    .map(|n| self.pelaksana_langkah(n, at("pelaksana"))),
                kelengkapan: m.get("kelengkapan").map(|n| self.isi(n, at("kelengkapan"))),
                waktu: m.get("waktu").map(|n| self.waktu(n, at("waktu"))),
                output: m.get("output").map(|n| self.isi(n, at("output"))),
                keterangan: m.get("keterangan").map(|n| self.isi(n, at("keterangan"))),
                keputusan: m
                    .get("keputusan")
                    .and_then(|n| self.keputusan(n, at("keputusan"))),
                lanjut: self.opt_text(&m, "lanjut", p),
            },
            node.span,
        ))
    }

    /// A step's `pelaksana`: one name, or a list of names each keeping its
    /// own span (a parallel row). The rules judge an empty or repeated list.
    fn pelaksana_langkah(&mut self, node: &Node, path: KeyPath) -> Sp<PelaksanaLangkah> {
        let value = match &node.kind {
            NodeKind::Seq(items) => PelaksanaLangkah {
                nama: items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| self.text(n, KeyPath::Butir(&path, i + 1)))
                    .collect(),
                daftar: true,
            },
            NodeKind::Map(_) => {
                let path = path.to_string();
                let key = Msg::new(path.clone(), path);
                let want = Msg::fixed("teks atau daftar teks", "text or list of texts");
                self.wrong_type(node, &key, &want);
                PelaksanaLangkah::satu(Sp::new(String::new(), node.span))
            }
            _ => PelaksanaLangkah::satu(self.text(node, path)),
        };
        Sp::new(value, node.span)
    }

    fn keputusan(&mut self, node: &Node, path: KeyPath) -> Option<Sp<Keputusan>> {
        if let NodeKind::Null = node.kind {
            return Some(Sp::new(Keputusan::default(), node.span));
        }
        let m = self.fields(node, path, KEPUTUSAN_KEYS)?;
        let label = match m.get("label") {
            Some(n) => {
                let lp = KeyPath::Kunci(&path, "label");
                self.fields(n, lp, LABEL_KEYS).map(|lm| {
                    Sp::new(
                        LabelKeputusan {
                            ya: self.opt_text(&lm, "ya", lp),
                            tidak: self.opt_text(&lm, "tidak", lp),
                        },
                        n.span,
                    )
                })
            }
            None => None,
        };
        Some(Sp::new(
            Keputusan {
                ya: self.opt_text(&m, "ya", path),
                tidak: self.opt_text(&m, "tidak", path),
                label,
            },
            node.span,
        ))
    }

    fn waktu(&mut self, node: &Node, path: KeyPath) -> Sp<Parsed<Waktu>> {
        self.parsed(node, path, |r, text| {
            Waktu::parse(text)
                .map_err(|e| r.waktu_error(node, text, &e, path))
                .ok()
        })
    }

    fn waktu_error(
        &mut self,
        node: &Node,
        text: &str,
        e: &crate::model::durasi::WaktuError,
        path: KeyPath,
    ) {
        // Underline the offending word when the value is written plainly on
        // one line, so that its offsets match the source.
        let span = if node.span.end - node.span.start == text.len() as u32 {
            node.span.part(e.range.clone())
        } else {
            node.span
        };
        let mut d = Diagnostic::new(
            &rules::WAKTU_TIDAK_VALID,
            Some(span),
            e.message().within(|m| format!("{path}: {m}")),
        );
        d.help = e.help();
        self.out.push(d);
    }

    fn jumlah(&mut self, node: &Node) -> Sp<Parsed<Jumlah>> {
        let path = KeyPath::Kunci(&KeyPath::Akar, "jumlah_waktu");
        let text = self.text(node, path);
        let nilai = match Jumlah::parse_stated(&text) {
            Ok(j) => Some(j),
            Err(e) => {
                self.waktu_error(node, &text, &e, path);
                None
            }
        };
        Sp::new(
            Parsed {
                teks: text.value,
                nilai,
            },
            node.span,
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{VALID, valid_with};
    use crate::model::Sop;

    fn read(src: &str) -> Sop {
        let loaded = crate::parse::parse_str("uji.yaml", src);
        assert_eq!(loaded.diagnostics, vec![], "reading {src}");
        loaded.sop.expect("the SOP reads")
    }

    /// The text of `src` each name of step `i`'s `pelaksana` spans.
    fn spanned(src: &str, i: usize) -> (Vec<&str>, bool) {
        let sop = read(src);
        let p = sop.steps()[i].pelaksana.clone().expect("pelaksana");
        let names = p.iter().map(|n| &src[n.span.range()]).collect();
        (names, p.daftar)
    }

    #[test]
    fn a_plain_pelaksana_reads_as_before() {
        assert_eq!(spanned(VALID, 1), (vec!["Sekretaris"], false));
        let sop = read(VALID);
        let p = sop.steps()[1].pelaksana.as_ref().unwrap();
        assert!(!p.sejajar());
        assert_eq!(&VALID[p.span.range()], "Sekretaris");
        let json = serde_json::to_value(&sop.steps()[1].value).unwrap();
        assert_eq!(json["pelaksana"], "Sekretaris");
    }

    #[test]
    fn a_list_keeps_the_span_of_every_entry() {
        let flow = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, \"Pelaksana\"]\n",
        );
        assert_eq!(
            spanned(&flow, 1),
            (vec!["Sekretaris", "\"Pelaksana\""], true)
        );
        let sop = read(&flow);
        let p = sop.steps()[1].pelaksana.as_ref().unwrap();
        assert!(p.sejajar());
        let names: Vec<&str> = p.iter().map(|n| n.as_str()).collect();
        assert_eq!(names, ["Sekretaris", "Pelaksana"]);
        let json = serde_json::to_value(&sop.steps()[1].value).unwrap();
        assert_eq!(
            json["pelaksana"],
            serde_json::json!(["Sekretaris", "Pelaksana"])
        );

        let block = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana:\n      - Sekretaris\n      - Kepala Dinas\n",
        );
        assert_eq!(
            spanned(&block, 1),
            (vec!["Sekretaris", "Kepala Dinas"], true)
        );
        let one = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris]\n",
        );
        assert_eq!(spanned(&one, 1), (vec!["Sekretaris"], true));
        let json = serde_json::to_value(&read(&one).steps()[1].value).unwrap();
        assert_eq!(json["pelaksana"], serde_json::json!(["Sekretaris"]));
    }

    #[test]
    fn a_mapping_is_no_pelaksana() {
        let src = valid_with("    pelaksana: Sekretaris\n", "    pelaksana: {a: b}\n");
        let loaded = crate::parse::parse_str("uji.yaml", &src);
        let messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .map(|d| d.message.get(crate::diag::Lang::Id))
            .collect();
        assert_eq!(
            messages,
            [
                "`langkah[2].pelaksana` harus berupa teks atau daftar teks, bukan pemetaan (kunci: nilai)"
            ]
        );
    }

    /// A parallel row is one row of the table: its `waktu` counts once in
    /// JUMLAH and on the paths.
    #[test]
    fn a_parallel_row_counts_its_waktu_once() {
        let plain = read(VALID);
        let parallel = read(&valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana, Kepala Dinas]\n",
        ));
        assert_eq!(parallel.jumlah(), plain.jumlah());
        assert_eq!(parallel.jumlah().format(None), "1 jam 30 menit");
    }
}
