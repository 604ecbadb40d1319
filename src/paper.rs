//! Paper and column geometry, shared by the checks (how many actor columns
//! stay legible), the flowchart plan and the renderer, so the warning and the
//! print always agree: paper sizes and margins ([`Sheet`]), and the widths of
//! the procedure table's columns ([`Columns`]), computed from the page width and
//! the number of actors: every actor column is wide enough for a symbol plus a
//! gutter on each side for the lanes of jumps, and Kegiatan keeps the rest.
//! A leaf: it imports nothing of sopc.

use serde::{Deserialize, Serialize};

/// Points per millimetre.
pub const fn mm(x: f64) -> f64 {
    x * 72.0 / 25.4
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
pub enum Kertas {
    /// F4/Folio 215 × 330 mm
    #[default]
    #[value(name = "F4")]
    F4,
    /// A4 210 × 297 mm
    #[value(name = "A4")]
    A4,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Orientasi {
    #[default]
    Lanskap,
    Potret,
}

/// Page size and margins (pt).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Sheet {
    pub lebar: f64,
    pub tinggi: f64,
    pub kiri: f64,
    pub kanan: f64,
    pub atas: f64,
    pub bawah: f64,
}

impl Sheet {
    /// Paper size and margins: F4 (215 × 330 mm) or A4, landscape by
    /// default. The left margin is wider for binding.
    pub fn of(k: Kertas, o: Orientasi) -> Sheet {
        let (pendek, panjang) = match k {
            Kertas::F4 => (215.0, 330.0),
            Kertas::A4 => (210.0, 297.0),
        };
        let (lebar, tinggi) = match o {
            Orientasi::Lanskap => (panjang, pendek),
            Orientasi::Potret => (pendek, panjang),
        };
        Sheet {
            lebar: mm(lebar),
            tinggi: mm(tinggi),
            kiri: mm(20.0),
            kanan: mm(15.0),
            atas: mm(15.0),
            bawah: mm(15.0),
        }
    }

    /// The paper of the book's front matter: this paper, upright, with the
    /// wider margins of a bound book (left for binding).
    pub fn front_matter(&self) -> Sheet {
        Sheet {
            lebar: self.lebar.min(self.tinggi),
            tinggi: self.lebar.max(self.tinggi),
            kiri: mm(30.0),
            kanan: mm(20.0),
            atas: mm(25.0),
            bawah: mm(20.0),
        }
    }

    pub fn lebar_isi(&self) -> f64 {
        self.lebar - self.kiri - self.kanan
    }

    pub fn tinggi_isi(&self) -> f64 {
        self.tinggi - self.atas - self.bawah
    }
}

/// The lembar pengesahan's geometry, as `templates/pengesahan.typ` draws
/// it: what the renderer's break marks and `tata-letak-pengesahan`'s
/// estimate both measure against.
pub mod lembar {
    /// Shares of the sheet's width of the identity table's columns: the
    /// instansi block, the labels (Nomor SOP, …), the values.
    pub const KOLOM_INSTANSI: f64 = 0.40;
    pub const KOLOM_LABEL: f64 = 0.18;
    pub const KOLOM_NILAI: f64 = 0.42;
    /// Left or right inset of a cell or a box (pt).
    pub const INSET: f64 = super::mm(2.2);
    /// Gap between an item's number and its text (em; `body-indent`).
    pub const INDEN_BUTIR: f64 = 0.6;
}

/// Widths of the table columns and the flowchart geometry inside them (pt).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Columns {
    /// Every table column left to right: No, Kegiatan, actors…,
    /// Kelengkapan, Waktu, Output[, Keterangan].
    pub widths: Vec<f64>,
    /// Number of actor columns.
    pub actors: usize,
    /// Left edge of the first actor column.
    pub actors_x: f64,
    /// Width of one actor column.
    pub actor_width: f64,
    /// Width of a symbol.
    pub symbol_width: f64,
    /// Free space between a symbol and its column rule, on each side.
    pub gutter: f64,
    /// Whether some actor columns are narrower than the readable minimum.
    pub narrow: bool,
}

/// Narrowest actor column in which a symbol and two gutters still read.
pub const ACTOR_MIN: f64 = 16.0;
/// Widest actor column (more only stretches empty space).
pub const ACTOR_MAX: f64 = 32.0;
/// Clearance of a lane from the column rule it runs along (mm): nearer, a
/// line reads as a doubled rule.
pub const LANE_RULE: f64 = 3.0;
/// Distance between two lanes side by side (mm), so a reader tells them
/// apart.
pub const LANE_STEP: f64 = 2.0;
/// Clearance of a gutter lane from the symbols beside it (mm).
pub const LANE_SYMBOL: f64 = 1.0;
/// Narrowest gutter: one lane, [`LANE_RULE`] from the rule and
/// [`LANE_SYMBOL`] from the symbol.
const GUTTER_MIN: f64 = LANE_RULE + LANE_SYMBOL;
/// Widest gutter: two lanes with room for a side arrow.
const GUTTER_MAX: f64 = 7.0;
/// Narrowest readable Kegiatan column.
pub const KEGIATAN_MIN: f64 = 42.0;
/// Narrowest Kegiatan column when the actors are squeezed.
pub const KEGIATAN_MIN_SQUEEZED: f64 = 36.0;
/// Narrowest Kegiatan column when the actors still lack their minimum with
/// the other text columns at their floor (mm): a dozen characters a line,
/// so five pelaksana keep their minimum on A4 portrait beside the default
/// headings and a Keterangan column.
pub const KEGIATAN_MIN_SEMPIT: f64 = 22.0;
/// Narrowest Kelengkapan, Waktu, Output or Keterangan column the actor
/// columns take room from (mm): a short word (`menit`, `Berkas`) on a line.
pub const TEKS_MIN: f64 = 12.0;

/// Narrowest actor column the words of the text columns take room from
/// (mm): a symbol with two lanes on each side.
const AKTOR_LEGA: f64 = 20.0;

/// Width of a Keterangan column with no text in it (mm), its heading
/// aside: the room a hand-written remark needs.
const KETERANGAN_KOSONG: f64 = 10.0;

/// What the default headings `Kelengkapan`, `Waktu`, `Output` and
/// `Keterangan` ask of their columns at the smaller header size (mm, cell
/// inset included): the text columns of an SOP whose words are not at hand
/// ([`Columns::compute`]). `kolom` measures the same (a test keeps them
/// equal).
pub const JUDUL_BAWAAN: [f64; 4] = [20.8, 11.7, 12.5, 18.8];

/// Narrowest symbol (mm): a terminator (7 mm high) still reads as a capsule,
/// its round ends apart.
pub const SIMBOL_MIN: f64 = 9.0;

/// Narrowest symbol of a plan whose jumps find no lane beside the
/// [`SIMBOL_MIN`] symbols of its columns (mm): the 6 mm high terminator
/// still a capsule, 2 mm straight between its round ends; a 16 mm column
/// then holds a lane in each gutter ([`Columns::with_gutter_lanes`]).
pub const SIMBOL_SEMPIT: f64 = 8.0;

/// What the SOP's words ask of the table (pt, cell insets included): the
/// widest word of any pelaksana header, the narrowest Kelengkapan, Waktu,
/// Output and Keterangan can be (the widest piece of their heading, the
/// words of Waktu's texts, a line the other cells' words still break on),
/// and No's heading. Zero asks nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Isi {
    pub aktor: f64,
    pub kolom: [f64; 4],
    /// Waktu's longest text on one line (`10 menit`): what the column
    /// gets unless the actor columns need the room.
    pub waktu: f64,
    /// Whether a cell of Kelengkapan, Waktu, Output or Keterangan holds a
    /// paragraph: that column keeps its usual width, a tower of a dozen
    /// letters a line reading worse than a narrow actor column.
    pub paragraf: [bool; 4],
    pub no: f64,
    /// Whether every Keterangan cell is empty (the column printed as the
    /// original form has it): it is then only as wide as its heading.
    pub keterangan_kosong: bool,
    /// The widest word of the cells of Kelengkapan, Waktu, Output and
    /// Keterangan: granted as far as Kegiatan keeps its readable width
    /// (past it the word is hyphenated).
    pub kata: [f64; 4],
    /// The width (pt) the flowchart asks of every actor column, for a plan
    /// that broke a drawing rule in narrower ones (a label or a connector
    /// with no free place beside its exit): taken as the [`ACTOR_MIN`]
    /// is, from Kegiatan and the text columns ([`Columns::lapang`]).
    /// Zero asks nothing.
    pub bagan: f64,
}

impl Columns {
    /// Widths for a table `lebar` pt wide with `aktor` actor columns, as
    /// wide as the paper allows whatever their words, beside the default
    /// headings ([`JUDUL_BAWAAN`]).
    pub fn compute(lebar: f64, aktor: usize, keterangan: bool) -> Columns {
        let isi = Isi {
            kolom: JUDUL_BAWAAN.map(mm),
            ..Isi::default()
        };
        Columns::untuk(lebar, aktor, keterangan, &isi)
    }

    /// Widths for a table `lebar` pt wide with `aktor` actor columns, the
    /// text columns at least as wide as `isi` asks, the actor columns as
    /// wide as their widest word where Kegiatan keeps its readable width,
    /// and never narrower than [`ACTOR_MIN`] while the text columns have
    /// room to give (see [`Columns::lapang`]).
    pub fn untuk(lebar: f64, aktor: usize, keterangan: bool, isi: &Isi) -> Columns {
        // Fixed columns scale with the page (F4 landscape is the reference).
        let skala = (lebar / mm(295.0)).clamp(0.6, 1.2);
        let no = mm(10.0 * skala).max(mm(8.0)).max(isi.no);
        let waktu = mm(20.0 * skala)
            .max(mm(15.0))
            .max(isi.kolom[1])
            .max(isi.waktu);
        let mut lentur = vec![
            (mm(32.0) * skala).max(isi.kolom[0]),
            (mm(32.0) * skala).max(isi.kolom[2]),
        ];
        if keterangan && isi.keterangan_kosong {
            lentur.push(mm(KETERANGAN_KOSONG).max(isi.kolom[3]));
        } else if keterangan {
            lentur.push((mm(30.0) * skala).max(isi.kolom[3]));
        }
        let sisa = |lentur: &[f64]| lebar - no - waktu - lentur.iter().sum::<f64>();
        let m = aktor.max(1) as f64;
        let ideal = (sisa(&lentur) * 0.62 / m)
            .clamp(mm(ACTOR_MIN), mm(ACTOR_MAX))
            .max(isi.aktor)
            .max(isi.bagan);
        let mut a = ideal.min((sisa(&lentur) - mm(KEGIATAN_MIN)) / m);
        let mut tetap = vec![lentur[0], waktu, lentur[1]];
        tetap.extend(lentur.get(2));
        if a < mm(ACTOR_MIN).max(isi.bagan) {
            a = Columns::lapang(lebar - no, aktor, &mut tetap, isi);
        }
        let mut kegiatan = lebar - no - tetap.iter().sum::<f64>() - a * aktor as f64;
        // the cells' words, from what Kegiatan has beyond its readable
        // width, then from what the actor columns have beyond room for
        // their words and two lanes beside each symbol; shared in
        // proportion to what each column lacks
        let kurang: Vec<f64> = tetap
            .iter()
            .zip(isi.kata)
            .map(|(w, kata)| (kata - w).max(0.0))
            .collect();
        let perlu: f64 = kurang.iter().sum();
        if perlu > 0.0 {
            let dari_kegiatan = (kegiatan - mm(KEGIATAN_MIN)).clamp(0.0, perlu);
            let a_min = mm(AKTOR_LEGA).max(isi.aktor).max(isi.bagan);
            let dari_aktor = ((a - a_min).max(0.0) * aktor as f64).min(perlu - dari_kegiatan);
            kegiatan -= dari_kegiatan;
            if aktor > 0 {
                a -= dari_aktor / aktor as f64;
            }
            let bagian = (dari_kegiatan + dari_aktor) / perlu;
            for (w, k) in tetap.iter_mut().zip(&kurang) {
                *w += k * bagian;
            }
        }
        let gutter = (a * 0.25).clamp(mm(GUTTER_MIN), mm(GUTTER_MAX));
        let simbol_lebar = (a - 2.0 * gutter).min(mm(24.0)).max(mm(SIMBOL_MIN));
        let mut lebar_kolom = vec![no, kegiatan];
        lebar_kolom.extend(std::iter::repeat_n(a, aktor));
        lebar_kolom.extend(tetap);
        Columns {
            widths: lebar_kolom,
            actors: aktor,
            actors_x: no + kegiatan,
            actor_width: a,
            symbol_width: simbol_lebar,
            gutter: (a - simbol_lebar) / 2.0,
            narrow: a < mm(ACTOR_MIN) - 0.01,
        }
    }

    /// The actor column width when the columns at their usual widths
    /// leave less than [`ACTOR_MIN`] (or what the flowchart asks,
    /// [`Isi::bagan`]) to each of `aktor` actor columns in `lebar` pt (No
    /// aside): the flowchart's symbols and lanes come before the text's
    /// comfort, whose lines only wrap more. In turn, until the actors have
    /// their minimum: Kegiatan gives down to
    /// [`KEGIATAN_MIN_SQUEEZED`]; Kelengkapan, Waktu, Output and
    /// Keterangan (`tetap`, narrowed in place) give what they have beyond
    /// their floor — the widest piece of their heading, Waktu's widest
    /// word, a line their words still break on, at least [`TEKS_MIN`]; a
    /// column holding a paragraph gives nothing — each in proportion to
    /// what it has; Kegiatan gives down to [`KEGIATAN_MIN_SEMPIT`]. When
    /// even that leaves the actors under their minimum, nothing fits: they
    /// take what is left (`tata-letak-kolom` warns), never narrower than a
    /// capsule-shaped terminator with a lane either side needs.
    fn lapang(lebar: f64, aktor: usize, tetap: &mut [f64], isi: &Isi) -> f64 {
        let m = aktor.max(1) as f64;
        let minimum = mm(ACTOR_MIN).max(isi.bagan);
        let perlu = minimum * m;
        let bebas = |tetap: &[f64], kegiatan: f64| lebar - tetap.iter().sum::<f64>() - kegiatan;
        if bebas(tetap, mm(KEGIATAN_MIN_SQUEEZED)) >= perlu {
            return minimum;
        }
        let lantai: Vec<f64> = tetap
            .iter()
            .zip(isi.kolom)
            .zip(isi.paragraf)
            .map(|((&w, kata), paragraf)| match paragraf {
                true => w,
                false => kata.max(mm(TEKS_MIN)).min(w),
            })
            .collect();
        let lebih: f64 = tetap.iter().zip(&lantai).map(|(w, l)| w - l).sum();
        let kurang = perlu - bebas(tetap, mm(KEGIATAN_MIN_SQUEEZED));
        let bagian = if lebih > 0.0 {
            (kurang / lebih).min(1.0)
        } else {
            0.0
        };
        for (w, l) in tetap.iter_mut().zip(&lantai) {
            *w -= (*w - l) * bagian;
        }
        (bebas(tetap, mm(KEGIATAN_MIN_SEMPIT)) / m)
            .min(minimum)
            .max(mm(SIMBOL_MIN + 3.0))
    }

    /// The same columns with narrower symbols, so that each gutter holds
    /// one lane ([`LANE_RULE`] from the rule, [`LANE_SYMBOL`] from the
    /// symbol): for a plan whose jumps find no lane past a row with a
    /// symbol in every column (a 9 mm symbol leaves 3.5 mm beside it in a
    /// 16 mm column). `None` where the gutters hold a lane already, or
    /// where the symbol would be narrower than [`SIMBOL_SEMPIT`]. The
    /// table's widths stay as measured: only the drawing changes.
    pub fn with_gutter_lanes(&self) -> Option<Columns> {
        let gutter = mm(GUTTER_MIN);
        let symbol_width = self.actor_width - 2.0 * gutter;
        if self.gutter >= gutter - 1e-6 || symbol_width < mm(SIMBOL_SEMPIT) - 1e-6 {
            return None;
        }
        Some(Columns {
            symbol_width,
            gutter,
            ..self.clone()
        })
    }

    /// The same columns with symbols `step` narrower, their gutters the
    /// wider for it: room beside a decision for a label too wide for the
    /// gutter it had (`Belum lengkap` beside a 24 mm diamond in a 32 mm
    /// column). `None` where the symbol would be narrower than
    /// [`SIMBOL_SEMPIT`]. The table's widths stay as measured.
    pub fn with_narrower_symbols(&self, step: f64) -> Option<Columns> {
        let symbol_width = self.symbol_width - step;
        if symbol_width < mm(SIMBOL_SEMPIT) - 1e-6 {
            return None;
        }
        Some(Columns {
            symbol_width,
            gutter: (self.actor_width - symbol_width) / 2.0,
            ..self.clone()
        })
    }

    /// Centre of actor column `k`.
    pub fn center(&self, k: usize) -> f64 {
        self.actors_x + self.actor_width * (k as f64 + 0.5)
    }

    /// The rule left of actor column `k` (`k == aktor`: right of the last).
    pub fn rule_x(&self, k: usize) -> f64 {
        self.actors_x + self.actor_width * k as f64
    }

    /// Lane positions in channel `k`, the gutters either side of rule `k`
    /// between the symbols of columns `k-1` and `k`, nearest the rule
    /// first. Lanes keep [`LANE_RULE`] from the rule (nearer, a line reads
    /// as a doubled rule), [`LANE_STEP`] from each other and
    /// [`LANE_SYMBOL`] from the symbols; a gutter too narrow has none.
    pub fn lanes(&self, k: usize) -> Vec<f64> {
        let x = self.rule_x(k);
        let mut d = Vec::new();
        let mut off = mm(LANE_RULE);
        while off <= self.gutter - mm(LANE_SYMBOL) + 1e-6 {
            d.push(off);
            off += mm(LANE_STEP);
        }
        let mut out = Vec::new();
        if k > 0 {
            out.extend(d.iter().map(|d| x - d));
        }
        if k < self.actors {
            out.extend(d.iter().map(|d| x + d));
        }
        out
    }

    /// Lane positions inside actor column `k`, across its symbols' width:
    /// usable over the rows where the column holds no symbol.
    pub fn inner_lanes(&self, k: usize) -> Vec<f64> {
        let c = self.center(k);
        let reach = self.actor_width / 2.0 - mm(LANE_RULE);
        let mut out = vec![c];
        let mut off = mm(LANE_STEP);
        while off <= reach + 1e-6 {
            out.extend([c - off, c + off]);
            off += mm(LANE_STEP);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_table() {
        for aktor in 1..=8 {
            for ket in [false, true] {
                let k = Columns::compute(mm(295.0), aktor, ket);
                let total: f64 = k.widths.iter().sum();
                assert!((total - mm(295.0)).abs() < 1e-6, "{aktor} {ket}: {total}");
                assert_eq!(k.widths.len(), 2 + aktor + 3 + usize::from(ket));
            }
        }
    }

    /// Symbols 2 mm narrower widen each gutter by 1 mm, the table's widths
    /// as they were, down to an 8 mm symbol and no further.
    #[test]
    fn narrower_symbols_widen_the_gutters_down_to_8_mm() {
        let lebar = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let k = Columns::compute(lebar, 2, true);
        let n = k.with_narrower_symbols(mm(2.0)).expect("room to narrow");
        assert!((k.symbol_width - n.symbol_width - mm(2.0)).abs() < 1e-6);
        assert!((n.gutter - k.gutter - mm(1.0)).abs() < 1e-6);
        assert_eq!(n.widths, k.widths);
        let least = Columns {
            symbol_width: mm(SIMBOL_SEMPIT + 1.0),
            ..k
        };
        assert!(least.with_narrower_symbols(mm(2.0)).is_none());
        assert!(least.with_narrower_symbols(mm(1.0)).is_some());
    }

    /// A 16 mm column holds a lane beside an 8 mm symbol but not beside a
    /// 9 mm one; a narrower column holds none even so, a wider one has its
    /// lanes already.
    #[test]
    fn narrower_symbols_give_a_16_mm_column_its_gutter_lanes() {
        let lebar = Sheet::of(Kertas::F4, Orientasi::Potret).lebar_isi();
        let k = Columns::compute(lebar, 5, true);
        assert!((k.actor_width - mm(ACTOR_MIN)).abs() < 1e-6);
        assert!(k.lanes(1).is_empty());
        let n = k.with_gutter_lanes().expect("8 mm symbols fit");
        assert!((n.symbol_width - mm(SIMBOL_SEMPIT)).abs() < 1e-6);
        assert_eq!(n.widths, k.widths);
        let rule = n.rule_x(1);
        let lanes = n.lanes(1);
        assert_eq!(lanes.len(), 2, "{lanes:?}");
        for x in lanes {
            assert!(((x - rule).abs() - mm(LANE_RULE)).abs() < 1e-6);
        }
        let narrow = Columns::compute(
            Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi(),
            6,
            true,
        );
        assert!(narrow.narrow);
        assert_eq!(narrow.with_gutter_lanes(), None);
        assert_eq!(
            Columns::compute(mm(295.0), 3, true).with_gutter_lanes(),
            None
        );
    }

    #[test]
    fn symbols_leave_gutters_for_lanes() {
        // Every width that is not too narrow (past that the terminator's
        // shape comes first, and `tata-letak-kolom` warns).
        for aktor in 1..=7 {
            let k = Columns::compute(mm(262.0), aktor, true);
            assert!(!k.narrow, "{aktor}");
            assert!(k.symbol_width + 2.0 * k.gutter <= k.actor_width + 1e-9);
            assert!(k.symbol_width >= mm(SIMBOL_MIN) - 1e-9);
            if k.actor_width < mm(SIMBOL_MIN + 2.0 * GUTTER_MIN) {
                // too narrow for a gutter lane beside the smallest symbol:
                // the symbol keeps its width, jumps use the columns' own
                // lanes (`Columns::inner_lanes`)
                continue;
            }
            assert!(k.gutter >= mm(GUTTER_MIN) - 1e-9, "{aktor}: {}", k.gutter);
            for c in 0..=aktor {
                assert!(
                    !k.lanes(c).is_empty(),
                    "{aktor} actors: no lane at rule {c}"
                );
                for x in k.lanes(c) {
                    // 3 mm off the rule, never inside a symbol
                    assert!((x - k.rule_x(c)).abs() >= mm(LANE_RULE) - 1e-9);
                    for s in 0..aktor {
                        assert!(
                            (x - k.center(s)).abs()
                                >= k.symbol_width / 2.0 + mm(LANE_SYMBOL) - 1e-9
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn more_actors_narrow_the_columns_but_keep_kegiatan_readable() {
        let four = Columns::compute(mm(295.0), 4, true);
        let seven = Columns::compute(mm(295.0), 7, true);
        assert!(seven.actor_width < four.actor_width);
        assert!(seven.widths[1] >= mm(KEGIATAN_MIN) - 1e-9);
        assert!(!seven.narrow);
        let twelve = Columns::compute(mm(262.0), 12, true);
        assert!(twelve.narrow);
    }

    /// What the default headings ask at the 8 pt header size (mm):
    /// `Kelengkapan`, `Waktu` (and `menit`), `Output`, `Keterangan`.
    fn judul_bawaan() -> Isi {
        Isi {
            kolom: JUDUL_BAWAAN.map(mm),
            waktu: mm(15.4),
            no: mm(6.0),
            ..Isi::default()
        }
    }

    /// What the flowchart asks of the actor columns ([`Isi::bagan`]) is
    /// taken as their minimum is: from Kegiatan first, then from the
    /// text columns, the table as wide as before; where the table has no
    /// more to give, the columns stay as wide as they can be.
    #[test]
    fn the_flowchart_widens_the_actor_columns_from_kegiatan() {
        let a4 = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let lebar = |c: &Columns| c.widths.iter().map(|w| w * 25.4 / 72.0).collect::<Vec<_>>();
        let isi = judul_bawaan();
        let sempit = Columns::untuk(a4, 4, true, &isi);
        assert!((sempit.actor_width - mm(ACTOR_MIN)).abs() < 1e-6);
        let lebar_bagan = Isi {
            bagan: mm(19.0),
            ..judul_bawaan()
        };
        let c = Columns::untuk(a4, 4, true, &lebar_bagan);
        assert!((c.actor_width - mm(19.0)).abs() < 1e-6, "{:?}", lebar(&c));
        // the 12 mm from Kegiatan and the text columns, none below its floor
        let teks = |c: &Columns| c.widths[1] + c.widths[6..].iter().sum::<f64>();
        assert!(
            (teks(&sempit) - teks(&c) - mm(12.0)).abs() < 1e-6,
            "{:?}",
            lebar(&c)
        );
        assert!(c.widths[1] < sempit.widths[1], "{:?}", lebar(&c));
        assert!(c.widths[1] >= mm(KEGIATAN_MIN_SEMPIT) - 1e-6);
        assert!(c.widths[7] >= mm(TEKS_MIN) - 1e-6, "{:?}", lebar(&c));
        assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
        // six columns of 30 mm do not fit A4 portrait: as wide as the
        // floors of Kegiatan and the text columns leave them
        let rakus = Isi {
            bagan: mm(30.0),
            ..judul_bawaan()
        };
        let c = Columns::untuk(a4, 6, true, &rakus);
        assert!(c.actor_width < mm(30.0), "{:?}", lebar(&c));
        assert!((c.widths[1] - mm(KEGIATAN_MIN_SEMPIT)).abs() < 1e-6);
        assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
    }

    #[test]
    fn actor_columns_take_their_minimum_from_the_text_columns() {
        let a4 = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let isi = judul_bawaan();
        let lebar = |c: &Columns| c.widths.iter().map(|w| w * 25.4 / 72.0).collect::<Vec<_>>();
        // three pelaksana: Kegiatan gives down to 36 mm, the Mutu Baku
        // columns keep their usual widths
        let c = Columns::untuk(a4, 3, true, &isi);
        assert!(c.actor_width >= mm(ACTOR_MIN) - 1e-6, "{:?}", lebar(&c));
        assert!(
            c.widths[1] >= mm(KEGIATAN_MIN_SQUEEZED) - 1e-6,
            "{:?}",
            lebar(&c)
        );
        assert!(
            (c.widths[6] - mm(15.4)).abs() < 1e-6,
            "Waktu: {:?}",
            lebar(&c)
        );
        // five, with Keterangan: Kelengkapan, Waktu, Output and
        // Keterangan give too, never below their heading, and Kegiatan
        // goes below 36 mm but keeps 25
        for (aktor, keterangan) in [(4, true), (5, true), (6, false)] {
            let c = Columns::untuk(a4, aktor, keterangan, &isi);
            assert!(!c.narrow, "{aktor}: {:?}", lebar(&c));
            assert!(
                (c.actor_width - mm(ACTOR_MIN)).abs() < 1e-6,
                "{:?}",
                lebar(&c)
            );
            assert!(
                c.widths[1] >= mm(KEGIATAN_MIN_SEMPIT) - 1e-6,
                "{:?}",
                lebar(&c)
            );
            let mutu = &c.widths[2 + aktor..];
            for (w, kata) in mutu.iter().zip(isi.kolom) {
                assert!(
                    *w >= kata.max(mm(TEKS_MIN)) - 1e-6,
                    "{aktor}: {:?}",
                    lebar(&c)
                );
            }
            assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
        }
        // seven: nothing fits; the actors are narrower than their
        // minimum (`tata-letak-kolom` warns) but hold a capsule and a lane
        // either side, the text columns keep their floors
        let c = Columns::untuk(a4, 7, true, &isi);
        assert!(c.narrow, "{:?}", lebar(&c));
        assert!(c.actor_width >= mm(SIMBOL_MIN + 3.0) - 1e-6);
        assert!(c.symbol_width >= mm(SIMBOL_MIN) - 1e-6);
        assert!((c.widths[9] - mm(20.8)).abs() < 1e-6, "{:?}", lebar(&c));
        assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
        // on F4 landscape nothing is taken from the text columns
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let c = Columns::untuk(f4, 7, true, &isi);
        let skala = f4 / mm(295.0);
        assert!(
            (c.widths[9] - mm(32.0) * skala).abs() < 1e-6,
            "{:?}",
            lebar(&c)
        );
        assert!(c.widths[1] >= mm(KEGIATAN_MIN) - 1e-6);
    }

    #[test]
    fn terminators_keep_their_capsule_shape_in_every_column() {
        for (k, o) in [
            (Kertas::F4, Orientasi::Lanskap),
            (Kertas::A4, Orientasi::Lanskap),
            (Kertas::F4, Orientasi::Potret),
            (Kertas::A4, Orientasi::Potret),
        ] {
            for aktor in 1..=16 {
                for ket in [false, true] {
                    let c = Columns::compute(Sheet::of(k, o).lebar_isi(), aktor, ket);
                    // wider than the terminator is high, inside its column
                    assert!(
                        c.symbol_width >= mm(SIMBOL_MIN) - 1e-9,
                        "{k:?} {o:?} {aktor}"
                    );
                    assert!(c.symbol_width <= c.actor_width, "{k:?} {o:?} {aktor}");
                }
            }
        }
    }

    #[test]
    fn columns_grow_for_their_words() {
        let a4 = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let polos = Columns::compute(a4, 3, false);
        let isi = Isi {
            aktor: mm(24.0),
            kolom: [mm(23.0), mm(16.0), mm(23.0), 0.0],
            no: mm(11.0),
            ..Isi::default()
        };
        let c = Columns::untuk(a4, 3, false, &isi);
        assert!(polos.widths[5] < mm(23.0));
        assert!(c.widths[5] >= mm(23.0) && c.widths[7] >= mm(23.0));
        assert!(c.widths[6] >= mm(16.0));
        assert!(polos.widths[0] < mm(11.0) && c.widths[0] >= mm(11.0));
        assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
        // the actors get their word while Kegiatan stays readable
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let c = Columns::untuk(f4, 4, true, &isi);
        assert!((c.actor_width - mm(24.0)).abs() < 1e-6 || c.actor_width > mm(24.0));
        assert!(c.widths[1] >= mm(KEGIATAN_MIN));
    }

    #[test]
    fn an_empty_keterangan_column_is_as_wide_as_its_heading() {
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let isi = |kosong, judul| Isi {
            kolom: [0.0, 0.0, 0.0, judul],
            keterangan_kosong: kosong,
            ..Isi::default()
        };
        let berisi = Columns::untuk(f4, 4, true, &isi(false, mm(8.0)));
        let kosong = Columns::untuk(f4, 4, true, &isi(true, mm(8.0)));
        let ket = |c: &Columns| *c.widths.last().unwrap();
        assert!((ket(&berisi) - mm(30.0 * f4 / mm(295.0))).abs() < 1e-6);
        assert!((ket(&kosong) - mm(KETERANGAN_KOSONG)).abs() < 1e-6);
        // the room goes to Kegiatan and the actors
        assert!(kosong.widths[1] > berisi.widths[1]);
        assert!((kosong.widths.iter().sum::<f64>() - f4).abs() < 1e-6);
        // "Keterangan" in full still fits
        let panjang = Columns::untuk(f4, 4, true, &isi(true, mm(21.0)));
        assert!((ket(&panjang) - mm(21.0)).abs() < 1e-6);
    }

    #[test]
    fn the_cells_words_widen_their_column_while_kegiatan_stays_readable() {
        let a4 = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let kata = |kata| Isi {
            kata,
            ..Isi::default()
        };
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let polos = Columns::untuk(f4, 2, true, &Isi::default());
        // Output's widest word asks 40 mm: granted, from Kegiatan
        let c = Columns::untuk(f4, 2, true, &kata([0.0, 0.0, mm(40.0), 0.0]));
        assert!((c.widths[6] - mm(40.0)).abs() < 1e-6, "{:?}", c.widths);
        assert!((polos.widths[1] - c.widths[1] - (mm(40.0) - polos.widths[6])).abs() < 1e-6);
        assert_eq!(c.actor_width, polos.actor_width);
        // on A4 portrait Kegiatan has no more than its 42 mm: the actor
        // columns give what they have beyond 20 mm
        let polos = Columns::untuk(a4, 2, true, &Isi::default());
        assert!((polos.widths[1] - mm(KEGIATAN_MIN)).abs() < 1e-6);
        let c = Columns::untuk(
            a4,
            2,
            true,
            &kata([0.0, 0.0, polos.widths[6] + mm(4.0), 0.0]),
        );
        assert!((c.widths[6] - polos.widths[6] - mm(4.0)).abs() < 1e-6);
        assert!((polos.actor_width - c.actor_width - mm(2.0)).abs() < 1e-6);
        // asked more than both can give: shared, Kegiatan keeps 42 mm,
        // the actors 20 mm
        let c = Columns::untuk(a4, 2, true, &kata([mm(60.0), 0.0, mm(60.0), mm(60.0)]));
        assert!(
            (c.widths[1] - mm(KEGIATAN_MIN)).abs() < 1e-6,
            "{:?}",
            c.widths
        );
        assert!((c.actor_width - mm(AKTOR_LEGA)).abs() < 1e-6);
        assert!((c.widths[4] - c.widths[6]).abs() < 1e-6);
        assert!((c.widths.iter().sum::<f64>() - a4).abs() < 1e-6);
    }

    #[test]
    fn paper_sizes() {
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap);
        assert!((f4.lebar - mm(330.0)).abs() < 1e-9 && (f4.tinggi - mm(215.0)).abs() < 1e-9);
        let a4 = Sheet::of(Kertas::A4, Orientasi::Potret);
        assert!((a4.lebar - mm(210.0)).abs() < 1e-9 && (a4.tinggi - mm(297.0)).abs() < 1e-9);
    }
}
