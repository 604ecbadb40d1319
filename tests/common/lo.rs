//! Word documents of SOPs as an office drafts them, for the LibreOffice
//! round trip of `sopc impor` (`tests/impor_docx.rs`): [`docx`] writes an
//! SOP as a `.docx` the way a Word user lays the form out — the identity
//! table with the instansi merged down its left, the six boxes, and per
//! page of the flowchart a procedure table with grouped headers (Pelaksana,
//! Mutu Baku) whose rows have the heights sopc's own plan gives them, the
//! symbols anchored in the cells, the lines, the decision labels in text
//! boxes and the off-page connectors with their letters, drawn in one of
//! the ways of [`Gaya`]; [`fodt`] writes the same as a LibreOffice Writer
//! user would (a flat ODT); [`libreoffice`] has LibreOffice open either and
//! write it as `.docx`, which is what the fixtures of `tests/fixtures/lo/`
//! are.
//!
//! The geometry comes from sopc's layout ([`sopc::layout::Plan`]) so that
//! no line crosses a symbol it does not join: a drawing a careful person
//! could have made by hand.

use sopc::layout::{Plan, Point, Rect};
use sopc::model::alur::Simbol;
use sopc::model::{Isi, Sop};
use sopc::paper::{Kertas, Orientasi, Sheet};
use sopc::render::{Bagian, RenderOptions, Renderer};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Points to EMU (DrawingML) and to twips (tables).
const EMU: f64 = 12_700.0;
const TWIP: f64 = 20.0;
/// The cell margin the tables state (Word's default, 5.4 pt).
const MARGIN: f64 = 5.4;

fn emu(v: f64) -> i64 {
    (v * EMU).round() as i64
}

fn twip(v: f64) -> i64 {
    (v * TWIP).round() as i64
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A paragraph of `text` in Arial at `pt`, what the language writes
/// between `*` in italics.
fn para(text: &str, pt: f64) -> String {
    let sz = (pt * 2.0).round() as i64;
    let runs: String = text
        .split('*')
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            let miring = if i % 2 == 1 { "<w:i/>" } else { "" };
            format!(
                r#"<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>{miring}<w:sz w:val="{sz}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                esc(t)
            )
        })
        .collect();
    format!(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{runs}</w:p>"#)
}

/// A cell `w` pt wide: its properties, its paragraphs (9 pt), and
/// `drawing` (runs) at the start of the first.
fn cell(w: f64, props: &str, paras: &[String], drawing: &str) -> String {
    let mut s = format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{props}</w:tcPr>"#,
        twip(w)
    );
    // a drawing anchored in the first paragraph, whose top is the cell's
    for (i, p) in paras.iter().enumerate() {
        let p = para(p, 9.0);
        s += &match p.split_once("</w:pPr>") {
            Some((a, b)) if i == 0 => format!("{a}</w:pPr>{drawing}{b}"),
            _ => p,
        };
    }
    if paras.is_empty() {
        s +=
            &format!(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{drawing}</w:p>"#);
    }
    s + "</w:tc>"
}

/// A table on `grid` (pt) holding `rows`, every rule drawn.
fn table(grid: &[f64], rows: &str) -> String {
    let cols: String = grid
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{}"/>"#, twip(*w)))
        .collect();
    let border =
        |n: &str| format!(r#"<w:{n} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|n| border(n))
        .collect();
    let m = twip(MARGIN);
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{rows}</w:tbl>"#,
        twip(grid.iter().sum())
    )
}

/// A row of `cells`, exactly `tinggi` pt high when given.
fn row(tinggi: Option<f64>, cells: &[String]) -> String {
    let pr = tinggi.map_or(String::new(), |h| {
        format!(
            r#"<w:trPr><w:cantSplit/><w:trHeight w:val="{}" w:hRule="exact"/></w:trPr>"#,
            twip(h)
        )
    });
    format!("<w:tr>{pr}{}</w:tr>", cells.concat())
}

const RESTART: &str = r#"<w:vMerge w:val="restart"/>"#;
const CONT: &str = "<w:vMerge/>";

fn span(n: usize) -> String {
    format!(r#"<w:gridSpan w:val="{n}"/>"#)
}

/// Numbers of the drawing objects of a document (`wp:docPr id`).
#[derive(Default)]
struct Urutan(usize);

impl Urutan {
    fn next(&mut self) -> usize {
        self.0 += 1;
        self.0
    }
}

/// What an anchor's offsets count from (`relativeFrom` across and down)
/// and whether the shape is laid out in its cell (`layoutInCell`).
#[derive(Clone, Copy)]
struct Acuan(&'static str, &'static str, bool);

/// From the cell's text and the paragraph's top, in the cell.
const DI_SEL: Acuan = Acuan("column", "paragraph", true);
/// From the page's corner, over the table.
const DI_HALAMAN: Acuan = Acuan("page", "page", false);

/// A shape `wsp` (a group when `grup`) anchored at `at` (pt from what
/// `acuan` names), `ext` big, in front of the text.
fn anchor(
    n: &mut Urutan,
    at: (f64, f64),
    ext: (f64, f64),
    wsp: &str,
    grup: bool,
    acuan: Acuan,
) -> String {
    let id = n.next();
    let Acuan(h, v, sel) = acuan;
    let sel = u8::from(sel);
    let uri = if grup {
        "wordprocessingGroup"
    } else {
        "wordprocessingShape"
    };
    format!(
        r#"<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="{sel}" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{h}"><wp:posOffset>{}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="{v}"><wp:posOffset>{}</wp:posOffset></wp:positionV><wp:extent cx="{}" cy="{}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{id}" name="Bentuk {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/{uri}">{wsp}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#,
        emu(at.0),
        emu(at.1),
        emu(ext.0),
        emu(ext.1)
    )
}

/// How the flowchart is drawn: the ways Word users draw one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gaya {
    /// DrawingML shapes, each line as straight connectors (one per
    /// segment), the last with its arrowhead.
    Konektor,
    /// Each line one freeform (`a:custGeom`) with its arrowhead; a
    /// decision grouped (`wpg:wgp`) with the labels beside it.
    Bebas,
    /// Shapes of an older Word: VML shapes, lines and text boxes.
    Vml,
    /// As [`Gaya::Konektor`], every arrowhead left off: the direction of a
    /// line only from where it runs.
    TanpaKepala,
    /// As [`Gaya::Konektor`], every shape of a row anchored in its Kegiatan
    /// cell (where the cursor was when it was drawn), over the actor
    /// columns by its offset.
    SelKegiatan,
    /// As [`Gaya::Konektor`], every shape of a page anchored to the page
    /// (`relativeFrom="page"`, not laid out in a cell) in a paragraph above
    /// the table, as a drafter draws the flowchart over a table.
    Halaman,
    /// As [`Gaya::Konektor`], the shapes anchored in the second paragraph
    /// of their actor cell, under an empty one: their offset is from that
    /// paragraph's top.
    Alinea,
    /// As [`Gaya::Vml`], each decision and the labels beside it in a
    /// `v:group` of coordinates of its own (not nested: LibreOffice 7.4
    /// loses the shapes beside a `v:group` nested in another).
    VmlGrup,
    /// As [`Gaya::Konektor`], the drawing of each drawn actor cell in its
    /// second paragraph, under a first (lines exactly 10 pt) holding at its
    /// top a plain rectangle 6 pt high, laid out in the cell and wrapped
    /// top and bottom 2 pt clear of what is under it: the drawing counts
    /// from under the paragraph the rectangle pushes down.
    Lilit,
    /// As [`Gaya::Halaman`], each procedure table nested in a drafter's
    /// layout table of one cell, its rule where it stood on the page.
    Sarang,
    /// Authored in LibreOffice Writer itself ([`fodt`]): its custom shapes,
    /// lines with an arrow marker and text frames, in cells without a
    /// margin; LibreOffice writes the `.docx` from its own model.
    Writer,
}

impl Gaya {
    /// Its shapes are anchored to the page, over the tables.
    fn di_halaman(self) -> bool {
        matches!(self, Gaya::Halaman | Gaya::Sarang)
    }
}

/// One thing drawn, in page coordinates of the plan.
enum Unsur {
    Simbol {
        prst: &'static str,
        kotak: Rect,
        teks: String,
    },
    Garis {
        titik: Vec<Point>,
        kepala: bool,
    },
    Label {
        teks: String,
        kotak: Rect,
    },
    /// A decision and the labels beside it, grouped.
    Grup(Vec<Unsur>),
}

fn ukuran(r: &Rect) -> (f64, f64) {
    (r.x1 - r.x0, r.y1 - r.y0)
}

impl Unsur {
    /// The box around it.
    fn kotak(&self) -> Rect {
        match self {
            Unsur::Simbol { kotak, .. } | Unsur::Label { kotak, .. } => *kotak,
            Unsur::Garis { titik, .. } => {
                let mut k = Rect::new(titik[0].0, titik[0].1, titik[0].0, titik[0].1);
                for p in titik {
                    k = Rect::new(k.x0.min(p.0), k.y0.min(p.1), k.x1.max(p.0), k.y1.max(p.1));
                }
                k
            }
            Unsur::Grup(isi) => isi
                .iter()
                .map(Unsur::kotak)
                .reduce(|a, b| {
                    Rect::new(
                        a.x0.min(b.x0),
                        a.y0.min(b.y0),
                        a.x1.max(b.x1),
                        a.y1.max(b.y1),
                    )
                })
                .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0)),
        }
    }

    /// Where it is anchored: in the cell of its top left corner, as a
    /// shape dragged into place is (LibreOffice keeps a shape inside the
    /// cell it is anchored in, so one reaching above its cell would move).
    fn asal(&self) -> Point {
        let k = self.kotak();
        Point(k.x0, k.y0)
    }

    /// The ODF drawing object, anchored to its cell's paragraph at `dalam`.
    fn odf(&self, dalam: (f64, f64), z: &mut Urutan) -> String {
        let k = self.kotak();
        let (x, y) = (k.x0 - dalam.0, k.y0 - dalam.1);
        let mut kotak = |k: &Rect| {
            format!(
                r#"text:anchor-type="paragraph" draw:z-index="{}" svg:x="{:.2}pt" svg:y="{:.2}pt" svg:width="{:.2}pt" svg:height="{:.2}pt""#,
                z.next(),
                k.x0 - x,
                k.y0 - y,
                k.x1 - k.x0,
                k.y1 - k.y0
            )
        };
        match self {
            Unsur::Simbol { prst, teks, .. } => {
                let jenis = match *prst {
                    "flowChartTerminator" => "flowchart-terminator",
                    "flowChartDecision" => "flowchart-decision",
                    "flowChartOffpageConnector" => "flowchart-off-page-connector",
                    _ => "flowchart-process",
                };
                let huruf = if teks.is_empty() {
                    String::new()
                } else {
                    format!(r#"<text:p text:style-name="P8">{}</text:p>"#, esc(teks))
                };
                format!(
                    r#"<draw:custom-shape draw:style-name="gr1" {}>{huruf}<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="{jenis}"/></draw:custom-shape>"#,
                    kotak(&k)
                )
            }
            Unsur::Label { teks, .. } => format!(
                r#"<draw:frame draw:style-name="gr4" {}><draw:text-box><text:p text:style-name="P8">{}</text:p></draw:text-box></draw:frame>"#,
                kotak(&k),
                esc(teks)
            ),
            Unsur::Garis { titik, kepala } => format!(
                r#"<draw:line text:anchor-type="paragraph" draw:z-index="{}" draw:style-name="{}" svg:x1="{:.2}pt" svg:y1="{:.2}pt" svg:x2="{:.2}pt" svg:y2="{:.2}pt"/>"#,
                z.next(),
                if *kepala { "gr2" } else { "gr3" },
                titik[0].0 - x,
                titik[0].1 - y,
                titik[1].0 - x,
                titik[1].1 - y
            ),
            Unsur::Grup(isi) => isi.iter().map(|g| g.odf(dalam, z)).collect(),
        }
    }

    /// The runs drawing it, anchored at `dalam` (pt from what `acuan`
    /// names: its cell, or the page).
    fn xml(&self, dalam: (f64, f64), gaya: Gaya, acuan: Acuan, n: &mut Urutan) -> String {
        let k = self.kotak();
        if matches!(gaya, Gaya::Vml | Gaya::VmlGrup) {
            let peta = Peta::pt(Point(k.x0 - dalam.0, k.y0 - dalam.1));
            return format!("<w:r><w:pict>{}</w:pict></w:r>", self.vml(&peta, n));
        }
        let grup = matches!(self, Unsur::Grup(_));
        anchor(
            n,
            dalam,
            ukuran(&k),
            &self.wsp(Point(k.x0, k.y0), gaya),
            grup,
            acuan,
        )
    }

    /// The DrawingML shape, its offset from `asal` (a group's own corner,
    /// or its own for a shape anchored alone).
    fn wsp(&self, asal: Point, gaya: Gaya) -> String {
        let k = self.kotak();
        let off = Point(k.x0 - asal.0, k.y0 - asal.1);
        match self {
            Unsur::Simbol { prst, teks, .. } => symbol(prst, off, ukuran(&k), teks),
            Unsur::Label { teks, .. } => text_box(teks, off, ukuran(&k)),
            Unsur::Garis { titik, kepala } if gaya == Gaya::Bebas => {
                freeform(titik, off, ukuran(&k), *kepala)
            }
            Unsur::Garis { titik, kepala } => connector(titik[0], titik[1], off, *kepala),
            Unsur::Grup(isi) => {
                let (w, h) = ukuran(&k);
                let anak: String = isi.iter().map(|g| g.wsp(Point(k.x0, k.y0), gaya)).collect();
                format!(
                    r#"<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/><a:chOff x="0" y="0"/><a:chExt cx="{}" cy="{}"/></a:xfrm></wpg:grpSpPr>{anak}</wpg:wgp>"#,
                    emu(off.0),
                    emu(off.1),
                    emu(w),
                    emu(h),
                    emu(w),
                    emu(h)
                )
            }
        }
    }

    /// The VML shape, placed by `peta` (from its anchor, or in its group).
    fn vml(&self, peta: &Peta, n: &mut Urutan) -> String {
        let k = self.kotak();
        let mut style = |k: &Rect| peta.style(k, n.next());
        match self {
            Unsur::Simbol { prst, teks, .. } => {
                let (id, path) = match *prst {
                    "flowChartTerminator" => (
                        "116",
                        "m3475,qx,10800,3475,21600l18125,21600qx21600,10800,18125,xe",
                    ),
                    "flowChartDecision" => ("110", "m10800,l,10800,10800,21600,21600,10800xe"),
                    "flowChartOffpageConnector" => ("177", "m,l21600,r,17255l10800,21600,,17255xe"),
                    _ => ("109", "m,l,21600r21600,l21600,xe"),
                };
                let txbx = if teks.is_empty() {
                    String::new()
                } else {
                    format!(
                        "<v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox>",
                        para(teks, 8.0)
                    )
                };
                format!(
                    r##"<v:shapetype id="_x0000_t{id}" coordsize="21600,21600" o:spt="{id}" path="{path}"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape type="#_x0000_t{id}" style="{}" fillcolor="white" strokecolor="black">{txbx}</v:shape>"##,
                    style(&k)
                )
            }
            Unsur::Label { teks, .. } => format!(
                r#"<v:rect style="{}" filled="f" stroked="f"><v:textbox inset="0,0,0,0"><w:txbxContent>{}</w:txbxContent></v:textbox></v:rect>"#,
                style(&k),
                para(teks, 8.0)
            ),
            Unsur::Garis { titik, kepala } => {
                let stroke = if *kepala {
                    r#"<v:stroke endarrow="block"/>"#
                } else {
                    ""
                };
                let (a, b) = (titik[0], titik[1]);
                if b.0 >= a.0 && b.1 >= a.1 {
                    return format!(
                        r#"<v:line style="position:absolute;z-index:{}" from="{}" to="{}" strokecolor="black">{stroke}</v:line>"#,
                        n.next(),
                        peta.titik(a),
                        peta.titik(b)
                    );
                }
                // drawn up or to the left: Word's straight arrow connector,
                // flipped (LibreOffice 7.4 loses a `v:line` whose `to` lies
                // above or left of its `from`)
                let flip = match (b.0 < a.0, b.1 < a.1) {
                    (true, true) => ";flip:x y",
                    (true, false) => ";flip:x",
                    _ => ";flip:y",
                };
                format!(
                    r##"<v:shapetype id="_x0000_t32" coordsize="21600,21600" o:spt="32" o:oned="t" path="m,l21600,21600e" filled="f"><v:path arrowok="t" fillok="f" o:connecttype="none"/></v:shapetype><v:shape type="#_x0000_t32" style="{}{flip}" o:connectortype="straight" strokecolor="black">{stroke}</v:shape>"##,
                    style(&k)
                )
            }
            Unsur::Grup(isi) => {
                // the group's own units, a different scale when nested
                let (lebar, tinggi) = ukuran(&k);
                let skala = if peta.satuan.is_empty() { 7.5 } else { 20.0 };
                let ukuran = ((lebar * skala).round(), (tinggi * skala).round());
                let dalam = Peta {
                    asal: Point(k.x0, k.y0),
                    skala: (ukuran.0 / lebar, ukuran.1 / tinggi),
                    awal: Point(1000.0, -500.0),
                    satuan: "",
                };
                let kotak = style(&k);
                let anak: String = isi.iter().map(|g| g.vml(&dalam, n)).collect();
                format!(
                    r#"<v:group style="{kotak}" coordorigin="1000,-500" coordsize="{},{}">{anak}</v:group>"#,
                    ukuran.0, ukuran.1
                )
            }
        }
    }
}

/// Where a VML shape's numbers put it: at a drawing's top, pt from its
/// anchor (`margin-left`, `12.5pt`); inside a `v:group`, the group's own
/// units (`left`, whole numbers), `skala` of them a pt from `asal`, counted
/// from the group's `coordorigin` (`awal`).
struct Peta {
    asal: Point,
    skala: (f64, f64),
    awal: Point,
    satuan: &'static str,
}

impl Peta {
    fn pt(asal: Point) -> Peta {
        Peta {
            asal,
            skala: (1.0, 1.0),
            awal: Point(0.0, 0.0),
            satuan: "pt",
        }
    }

    fn angka(&self, v: f64) -> String {
        if self.satuan.is_empty() {
            format!("{}", v.round())
        } else {
            format!("{v:.2}{}", self.satuan)
        }
    }

    fn titik(&self, p: Point) -> String {
        format!(
            "{},{}",
            self.angka(self.awal.0 + (p.0 - self.asal.0) * self.skala.0),
            self.angka(self.awal.1 + (p.1 - self.asal.1) * self.skala.1)
        )
    }

    /// A shape's `style`: its box, and at a drawing's top its place in
    /// the stack (LibreOffice 7.4 loses a group's shapes after one that
    /// states its own).
    fn style(&self, k: &Rect, z: usize) -> String {
        let (x, y, z) = if self.satuan.is_empty() {
            ("left", "top", String::new())
        } else {
            ("margin-left", "margin-top", format!(";z-index:{z}"))
        };
        format!(
            "position:absolute;{x}:{};{y}:{};width:{};height:{}{z}",
            self.angka(self.awal.0 + (k.x0 - self.asal.0) * self.skala.0),
            self.angka(self.awal.1 + (k.y0 - self.asal.1) * self.skala.1),
            self.angka((k.x1 - k.x0) * self.skala.0),
            self.angka((k.y1 - k.y0) * self.skala.1)
        )
    }
}

/// What `drawing` draws, in the style `gaya`.
fn bentuk(drawing: &sopc::layout::Drawing, gaya: Gaya) -> Vec<Unsur> {
    let mut out: Vec<Unsur> = Vec::new();
    let mut labels: Vec<Unsur> = drawing
        .labels
        .iter()
        .map(|l| Unsur::Label {
            teks: l.text.lines().collect::<Vec<_>>().join(" "),
            kotak: l.rect,
        })
        .collect();
    for s in &drawing.symbols {
        let prst = match s.shape {
            Simbol::Terminator => "flowChartTerminator",
            Simbol::Proses => "flowChartProcess",
            Simbol::Keputusan => "flowChartDecision",
        };
        let simbol = Unsur::Simbol {
            prst,
            kotak: s.rect,
            teks: String::new(),
        };
        let grup = matches!(gaya, Gaya::Bebas | Gaya::VmlGrup);
        if grup && s.shape == Simbol::Keputusan {
            // the labels beside this diamond, grouped with it
            let dekat = |g: &Unsur| {
                let (a, b) = (g.kotak(), s.rect.grow(30.0));
                a.intersects(&b)
            };
            let (grup, lain): (Vec<Unsur>, Vec<Unsur>) = labels.into_iter().partition(dekat);
            labels = lain;
            out.push(Unsur::Grup(std::iter::once(simbol).chain(grup).collect()));
        } else {
            out.push(simbol);
        }
    }
    for c in &drawing.connectors {
        out.push(Unsur::Simbol {
            prst: "flowChartOffpageConnector",
            kotak: c.rect,
            teks: c.letter.clone(),
        });
    }
    for l in &drawing.lines {
        let kepala = l.arrowhead.is_some() && gaya != Gaya::TanpaKepala;
        if gaya == Gaya::Bebas {
            out.push(Unsur::Garis {
                titik: l.points.clone(),
                kepala,
            });
            continue;
        }
        // one straight line per segment, the arrowhead on the last
        let last = l.points.len().saturating_sub(2);
        out.extend(l.points.windows(2).enumerate().map(|(i, w)| Unsur::Garis {
            titik: w.to_vec(),
            kepala: kepala && i == last,
        }));
    }
    out.extend(labels);
    out
}

/// A flowchart symbol (`prst`) at `off` (in its group or drawing), `ext`
/// big, with `teks` typed in it.
fn symbol(prst: &str, off: Point, ext: (f64, f64), teks: &str) -> String {
    let txbx = if teks.is_empty() {
        String::new()
    } else {
        format!(
            "<wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx>",
            para(teks, 8.0)
        )
    };
    format!(
        r#"<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>{txbx}<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/></wps:wsp>"#,
        emu(off.0),
        emu(off.1),
        emu(ext.0),
        emu(ext.1)
    )
}

/// A straight connector from `a` to `b` (its box at `off`, flipped as it
/// runs), with an arrowhead at `b` when `kepala`.
fn connector(a: Point, b: Point, off: Point, kepala: bool) -> String {
    let flip = format!(
        "{}{}",
        if b.0 < a.0 { r#" flipH="1""# } else { "" },
        if b.1 < a.1 { r#" flipV="1""# } else { "" }
    );
    let tail = if kepala { "triangle" } else { "none" };
    format!(
        r#"<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm{flip}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:headEnd type="none"/><a:tailEnd type="{tail}"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
        emu(off.0),
        emu(off.1),
        emu((b.0 - a.0).abs()),
        emu((b.1 - a.1).abs())
    )
}

/// A text box without a border holding `teks`, at `off`.
fn text_box(teks: &str, off: Point, ext: (f64, f64)) -> String {
    format!(
        r#"<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp>"#,
        emu(off.0),
        emu(off.1),
        emu(ext.0),
        emu(ext.1),
        para(teks, 8.0)
    )
}

/// A text's lines as paragraphs.
fn baris(t: &str) -> Vec<String> {
    t.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A line drawn as one freeform shape (`a:custGeom`) through `titik`, its
/// box at `off`, `ext` big, with an arrowhead at its end when `kepala`.
fn freeform(titik: &[Point], off: Point, ext: (f64, f64), kepala: bool) -> String {
    let x0 = titik.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    let y0 = titik.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let pt = |p: &Point| format!(r#"<a:pt x="{}" y="{}"/>"#, emu(p.0 - x0), emu(p.1 - y0));
    let mut path = format!("<a:moveTo>{}</a:moveTo>", pt(&titik[0]));
    for p in &titik[1..] {
        path += &format!("<a:lnTo>{}</a:lnTo>", pt(p));
    }
    let tail = if kepala { "triangle" } else { "none" };
    format!(
        r#"<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{}" h="{}">{path}</a:path></a:pathLst></a:custGeom><a:noFill/><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:headEnd type="none"/><a:tailEnd type="{tail}"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
        emu(off.0),
        emu(off.1),
        emu(ext.0),
        emu(ext.1),
        emu(ext.0),
        emu(ext.1)
    )
}

/// A cell's text as paragraphs: a list numbered as the form prints it,
/// a text by its lines.
fn isi(v: &Option<sopc::source::Sp<Isi>>) -> Vec<String> {
    match v.as_ref().map(|v| &v.value) {
        None => Vec::new(),
        Some(Isi::Teks(t)) => baris(t),
        Some(Isi::Daftar(l)) => l
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}. {t}", i + 1))
            .collect(),
    }
}

fn teks(v: &Option<sopc::source::Sp<String>>) -> String {
    v.as_ref()
        .map(|s| s.value.trim().to_owned())
        .unwrap_or_default()
}

/// The flowchart plan sopc makes of `sop` on `kertas` in `orientasi`.
fn rencana(sop: &Sop, kertas: Kertas, orientasi: Orientasi) -> (Plan, sopc::layout::Flow, usize) {
    let r = Renderer::new(&RenderOptions {
        kertas,
        orientasi,
        ..RenderOptions::default()
    });
    let hasil = super::cetak(&r, sop, None, Bagian::Lengkap).expect("the SOP renders");
    hasil.denah.expect("a flowchart plan")
}

/// The signature block's paragraphs: a.n. line, jabatan, a space for the
/// signature, name, pangkat, NIP.
fn pengesah(id: &sopc::render::data::Identitas) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = &id.disahkan {
        if !d.atas_nama.is_empty() {
            out.push(format!("a.n. {}", d.atas_nama));
        }
        out.push(d.jabatan.clone());
        out.push(String::new());
        out.push(d.nama.clone());
        if !d.pangkat.is_empty() {
            out.push(d.pangkat.clone());
        }
        if !d.nip.is_empty() {
            out.push(format!("NIP. {}", d.nip));
        }
    }
    out
}

/// The six boxes: each title and its entries.
fn enam_kotak(sop: &Sop) -> [(&'static str, Vec<String>); 6] {
    let list = |l: &Option<sopc::source::Sp<Vec<sopc::source::Sp<String>>>>| -> Vec<String> {
        l.iter()
            .flat_map(|l| l.iter())
            .map(|s| s.value.clone())
            .collect()
    };
    let keterkaitan: Vec<String> = sop
        .keterkaitan
        .iter()
        .flat_map(|l| l.iter())
        .map(|k| k.value.text().to_owned())
        .collect();
    [
        ("Dasar Hukum:", list(&sop.dasar_hukum)),
        ("Kualifikasi Pelaksana:", list(&sop.kualifikasi_pelaksana)),
        ("Keterkaitan:", keterkaitan),
        ("Peralatan/Perlengkapan:", list(&sop.peralatan_perlengkapan)),
        ("Peringatan:", list(&sop.peringatan)),
        ("Pencatatan dan Pendataan:", list(&sop.pencatatan_pendataan)),
    ]
}

/// A box's entries numbered as typed, `-` for none.
fn bernomor(l: &[String]) -> Vec<String> {
    if l.is_empty() {
        return vec!["-".into()];
    }
    l.iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {t}", i + 1))
        .collect()
}

/// Step `i`'s cells as paragraphs: its number, its kegiatan, and those
/// right of the actors (Kelengkapan, Waktu, Output, Keterangan when the
/// table has it).
fn sel_langkah(sop: &Sop, i: usize, keterangan: bool) -> (String, Vec<String>, Vec<Vec<String>>) {
    let st = &sop.steps()[i].value;
    let waktu = st
        .waktu
        .as_ref()
        .map(|w| w.teks.trim().to_owned())
        .unwrap_or_default();
    let mut kanan = vec![isi(&st.kelengkapan), vec![waktu], isi(&st.output)];
    if keterangan {
        kanan.push(isi(&st.keterangan));
    }
    ((i + 1).to_string(), baris(&teks(&st.kegiatan)), kanan)
}

/// The identity table and the six boxes.
fn identitas(sop: &Sop, kertas: &Sheet) -> String {
    let id = sopc::render::data::Identitas::dari(sop, kertas, None, None, &[]);
    let lebar = kertas.lebar - kertas.kiri - kertas.kanan;
    let grid = [lebar * 0.4, lebar * 0.2, lebar * 0.4];
    let mut kop: Vec<String> = [&id.pemerintah, &id.instansi]
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(|t| para(&t.to_uppercase(), 11.0))
        .collect();
    kop.extend(id.unit.iter().map(|u| para(&u.to_uppercase(), 11.0)));
    // the address and telephone in smaller type, as the printed kop
    if !id.alamat.is_empty() {
        kop.push(para(&id.alamat, 8.0));
    }
    if !id.telepon.is_empty() {
        kop.push(para(&format!("Telp. {}", id.telepon), 8.0));
    }
    let kop_cell = format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{RESTART}</w:tcPr>{}</w:tc>"#,
        twip(grid[0]),
        kop.concat()
    );
    let cont = cell(grid[0], CONT, &[], "");
    let label = |t: &str| cell(grid[1], "", &[t.to_owned()], "");
    let value = |ps: Vec<String>| cell(grid[2], "", &ps, "");
    let rows = [
        row(
            None,
            &[kop_cell, label("Nomor SOP"), value(vec![id.nomor.clone()])],
        ),
        row(
            None,
            &[
                cont.clone(),
                label("Tanggal Pembuatan"),
                value(vec![id.tanggal.pembuatan.clone()]),
            ],
        ),
        row(
            None,
            &[
                cont.clone(),
                label("Tanggal Revisi"),
                value(vec![id.tanggal.revisi.clone()]),
            ],
        ),
        row(
            None,
            &[
                cont.clone(),
                label("Tanggal Efektif"),
                value(vec![id.tanggal.efektif.clone()]),
            ],
        ),
        row(
            None,
            &[cont.clone(), label("Disahkan oleh"), value(pengesah(&id))],
        ),
        row(
            None,
            &[cont, label("Nama SOP"), value(vec![id.nama.clone()])],
        ),
    ]
    .concat();
    let kotak = enam_kotak(sop);
    let half = lebar / 2.0;
    let mut kotak_rows = String::new();
    for pair in kotak.chunks(2) {
        kotak_rows += &row(
            None,
            &pair
                .iter()
                .map(|(j, _)| cell(half, "", &[(*j).to_owned()], ""))
                .collect::<Vec<_>>(),
        );
        kotak_rows += &row(
            None,
            &pair
                .iter()
                .map(|(_, l)| cell(half, "", &bernomor(l), ""))
                .collect::<Vec<_>>(),
        );
    }
    format!(
        "{}{}{}",
        table(&grid, &rows),
        para("", 9.0),
        table(&[half, half], &kotak_rows)
    )
}

/// What one cell holds of the drawing: each thing with its offset (pt)
/// from the cell's text and its row's top.
type Jangkar = Vec<(Unsur, (f64, f64))>;

/// What page `p` of `plan` draws, per step row and per column from
/// Kegiatan on (Kegiatan, then the actors): each thing anchored in the
/// actor cell of its top left corner ([`Gaya::SelKegiatan`]: in the row's
/// Kegiatan cell), with its offset from the cell's text (inside a cell
/// margin of `margin`) and the row's top.
fn letakkan(plan: &Plan, p: usize, gaya: Gaya, margin: f64) -> Vec<Vec<Jangkar>> {
    let k = &plan.kolom;
    let page = &plan.pages[p];
    let x: Vec<f64> = std::iter::once(0.0)
        .chain(k.widths.iter().scan(0.0, |s, w| {
            *s += w;
            Some(*s)
        }))
        .collect();
    // the actor columns follow No and Kegiatan
    let (kegiatan, aktor0) = (1, 2);
    let rows = page.end - page.from;
    let mut out: Vec<Vec<Jangkar>> = (0..rows)
        .map(|_| (0..=k.actors).map(|_| Vec::new()).collect())
        .collect();
    // (drawn over the table, anchored to the page: in no cell)
    for b in bentuk(&plan.drawings[p], gaya)
        .into_iter()
        .filter(|_| !gaya.di_halaman())
    {
        let at = b.asal();
        let r = (0..rows)
            .rev()
            .find(|r| page.rows[*r].top <= at.1 + 0.01)
            .unwrap_or(0);
        let c = if gaya == Gaya::SelKegiatan {
            kegiatan
        } else {
            (0..k.actors)
                .rev()
                .find(|c| x[aktor0 + c] <= at.0 + 0.01)
                .map_or(aktor0, |c| aktor0 + c)
        };
        let dalam = (at.0 - x[c] - margin, at.1 - page.rows[r].top);
        out[r][c - kegiatan].push((b, dalam));
    }
    out
}

/// The procedure table of page `p` of `plan`, its drawing anchored in the
/// actor cells.
fn prosedur(sop: &Sop, plan: &Plan, p: usize, gaya: Gaya, n: &mut Urutan) -> String {
    let k = &plan.kolom;
    let page = &plan.pages[p];
    let widths = &k.widths;
    let keterangan = widths.len() > 5 + k.actors;
    let jangkar: Vec<Vec<String>> = letakkan(plan, p, gaya, MARGIN)
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| {
                    c.iter()
                        .map(|(b, dalam)| match gaya {
                            // from the second paragraph's top, under the first
                            Gaya::Alinea => b.xml((dalam.0, dalam.1 - ALINEA), gaya, DI_SEL, n),
                            Gaya::Lilit => b.xml((dalam.0, dalam.1 - LILIT), gaya, DI_SEL, n),
                            _ => b.xml(*dalam, gaya, DI_SEL, n),
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let kepala_tinggi = (page.rows.first().map_or(page.top, |r| r.top) - page.top) / 2.0;
    let kepala = |t: &str| vec![t.to_owned()];
    let mut atas = vec![
        cell(widths[0], RESTART, &kepala("No"), ""),
        cell(widths[1], RESTART, &kepala("Kegiatan"), ""),
        cell(
            widths[2..2 + k.actors].iter().sum(),
            &span(k.actors),
            &kepala("Pelaksana"),
            "",
        ),
        cell(
            widths[2 + k.actors..5 + k.actors].iter().sum(),
            &span(3),
            &kepala("Mutu Baku"),
            "",
        ),
    ];
    let mut bawah = vec![
        cell(widths[0], CONT, &[], ""),
        cell(widths[1], CONT, &[], ""),
    ];
    for (i, a) in sop.actors().iter().enumerate() {
        bawah.push(cell(widths[2 + i], "", std::slice::from_ref(&a.value), ""));
    }
    for (i, t) in ["Kelengkapan", "Waktu", "Output"].iter().enumerate() {
        bawah.push(cell(widths[2 + k.actors + i], "", &kepala(t), ""));
    }
    if keterangan {
        let w = widths[5 + k.actors];
        atas.push(cell(w, RESTART, &kepala("Keterangan"), ""));
        bawah.push(cell(w, CONT, &[], ""));
    }
    let mut body = row(Some(kepala_tinggi), &atas) + &row(Some(kepala_tinggi), &bawah);
    for (r, i) in (page.from..page.end).enumerate() {
        let (nomor, kiri, kanan) = sel_langkah(sop, i, keterangan);
        let mut cells = vec![
            cell(widths[0], "", &[nomor], ""),
            cell(widths[1], "", &kiri, &jangkar[r][0]),
        ];
        for (c, d) in jangkar[r][1..].iter().enumerate() {
            cells.push(match gaya {
                Gaya::Alinea => cell_alinea(widths[2 + c], d),
                Gaya::Lilit if !d.is_empty() => cell_lilit(widths[2 + c], d, n),
                _ => cell(widths[2 + c], "", &[], d),
            });
        }
        for (j, ps) in kanan.iter().enumerate() {
            cells.push(cell(widths[2 + k.actors + j], "", ps, ""));
        }
        let row_ = &page.rows[r];
        body += &row(Some(row_.bottom - row_.top), &cells);
    }
    table(widths, &body)
}

/// The height of the empty paragraph above the drawing of an actor cell
/// ([`Gaya::Alinea`]): a line of 9 pt Arial, Word's 1.15 times its size,
/// and 4 pt after it.
const ALINEA: f64 = 9.0 * 1.15 + 4.0;

/// An actor cell whose drawing is anchored in its second paragraph.
fn cell_alinea(w: f64, drawing: &str) -> String {
    let kosong = r#"<w:p><w:pPr><w:spacing w:before="0" w:after="80"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="18"/></w:rPr></w:pPr></w:p>"#;
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>{kosong}<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{drawing}</w:p></w:tc>"#,
        twip(w)
    )
}

/// How far down the paragraph of an actor cell's drawing starts
/// ([`Gaya::Lilit`]): under the 6 pt rectangle, its 2 pt clear, and the
/// 10 pt line of the paragraph it pushes down.
const LILIT: f64 = 6.0 + 2.0 + 10.0;

/// An actor cell whose drawing is anchored in its second paragraph, under
/// a first holding a plain rectangle wrapped top and bottom
/// ([`Gaya::Lilit`]).
fn cell_lilit(w: f64, drawing: &str, n: &mut Urutan) -> String {
    let id = n.next();
    let (lebar, tinggi) = (emu(4.0), emu(6.0));
    let kotak = format!(
        r#"<w:r><w:drawing><wp:anchor distT="0" distB="{}" distL="0" distR="0" simplePos="0" relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{lebar}" cy="{tinggi}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="{id}" name="Penghalang {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{lebar}" cy="{tinggi}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#,
        emu(2.0)
    );
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/></w:pPr>{kotak}</w:p><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{drawing}</w:p></w:tc>"#,
        twip(w)
    )
}

/// The height of the paragraph above a procedure table holding the
/// drawing anchored to the page ([`Gaya::Halaman`]): its line exactly so.
const DI_ATAS_TABEL: f64 = 10.0;

/// The paragraph starting page `p`'s table on a page of its own: for
/// [`Gaya::Halaman`] it holds every shape of the page, anchored to the page
/// at the place over the table where the plan draws it (the table's left
/// rule a cell margin left of the page margin, as Word before 2013 and
/// LibreOffice lay a table out; its top under this paragraph).
fn di_atas_tabel(plan: &Plan, p: usize, gaya: Gaya, lembar: &Sheet, n: &mut Urutan) -> String {
    let putus = r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#;
    if !gaya.di_halaman() {
        return putus.into();
    }
    let top = plan.pages[p].top;
    let (x, y) = (lembar.kiri - MARGIN, lembar.atas + DI_ATAS_TABEL - top);
    let gambar: String = bentuk(&plan.drawings[p], gaya)
        .iter()
        .map(|b| {
            let at = b.asal();
            b.xml((at.0 + x, at.1 + y), gaya, DI_HALAMAN, n)
        })
        .collect();
    format!(
        r#"{putus}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr>{gambar}</w:p>"#,
        twip(DI_ATAS_TABEL)
    )
}

/// `tabel` (`lebar` pt wide) nested in a drafter's layout table
/// ([`Gaya::Sarang`]) of one cell, unruled, with Word's cell margins: its
/// rule where the nested table's would stand alone (the cell's text at the
/// page margin, as Word before 2013 and LibreOffice lay a table out), the
/// nested table at the top of the cell, an empty paragraph of an exact
/// 1 pt line under it.
fn tabel_tata_letak(tabel: &str, lebar: f64) -> String {
    let w = twip(lebar + 2.0 * MARGIN);
    let m = twip(MARGIN);
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{w}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{w}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{tabel}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p></w:tc></w:tr></w:tbl>"#
    )
}

/// `sop` as a `.docx` a Word user would have made of it, its flowchart as
/// sopc draws it on `kertas` in `orientasi`, drawn in the style `gaya`.
pub fn docx(sop: &Sop, kertas: Kertas, orientasi: Orientasi, gaya: Gaya) -> Vec<u8> {
    let (plan, ..) = rencana(sop, kertas, orientasi);
    let plan = &plan;
    let lembar = Sheet::of(kertas, orientasi);
    let mut body = identitas(sop, &lembar);
    let mut n = Urutan::default();
    for p in 0..plan.pages.len() {
        body += &di_atas_tabel(plan, p, gaya, &lembar, &mut n);
        let tabel = prosedur(sop, plan, p, gaya, &mut n);
        body += &if gaya == Gaya::Sarang {
            tabel_tata_letak(&tabel, plan.kolom.widths.iter().sum())
        } else {
            tabel
        };
    }
    let _ = write!(
        body,
        r#"<w:p/><w:sectPr><w:pgSz w:w="{}" w:h="{}"{}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>"#,
        twip(lembar.lebar),
        twip(lembar.tinggi),
        if lembar.lebar > lembar.tinggi {
            r#" w:orient="landscape""#
        } else {
            ""
        },
        twip(lembar.atas),
        twip(lembar.kanan),
        twip(lembar.bawah),
        twip(lembar.kiri)
    );
    paket(&body)
}

/// A `.docx` package around a `document.xml` body.
pub fn paket(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
    );
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = zip::write::SimpleFileOptions::default();
    let entries = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", xml.as_str()),
    ];
    for (name, text) in entries {
        z.start_file(name, opt).expect("an entry");
        z.write_all(text.as_bytes()).expect("written");
    }
    z.finish().expect("finished").into_inner()
}

/// The document `isi` (a `.docx` or a flat ODT, as `nama` says) opened
/// by LibreOffice and saved as `.docx` (`soffice --headless --convert-to
/// docx`, with a profile of its own in `dir`). LibreOffice is needed: only
/// the fixtures' generator calls this.
pub fn libreoffice(isi: &[u8], nama: &str, dir: &Path) -> Vec<u8> {
    let masuk = dir.join("masuk");
    let keluar = dir.join("keluar");
    std::fs::create_dir_all(&masuk).expect("a directory");
    std::fs::write(masuk.join(nama), isi).expect("written");
    let profil = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profil").display()
    );
    let out = std::process::Command::new("soffice")
        .args([
            profil.as_str(),
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(&keluar)
        .arg(masuk.join(nama))
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) is needed to regenerate: {e}"));
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docx = Path::new(nama).with_extension("docx");
    std::fs::read(keluar.join(docx)).expect("LibreOffice wrote the .docx")
}

// --- LibreOffice Writer's own document (flat ODT) -----------------------------------

/// An ODF paragraph in the style `gaya` (P9: 9 pt, P11: 11 pt, P8: 8 pt),
/// what the language writes between `*` in italics.
fn odf_para(text: &str, gaya: &str) -> String {
    let isi: String = text
        .split('*')
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            if i % 2 == 1 {
                format!(r#"<text:span text:style-name="T1">{}</text:span>"#, esc(t))
            } else {
                esc(t)
            }
        })
        .collect();
    format!(r#"<text:p text:style-name="{gaya}">{isi}</text:p>"#)
}

/// An ODF table cell: spanning `span` (columns, rows), its paragraphs, and
/// `drawing` in a paragraph of its own.
fn odf_cell(span: (usize, usize), paras: &[String], drawing: &str) -> String {
    let mut a = String::new();
    if span.0 > 1 {
        a += &format!(r#" table:number-columns-spanned="{}""#, span.0);
    }
    if span.1 > 1 {
        a += &format!(r#" table:number-rows-spanned="{}""#, span.1);
    }
    let mut isi: String = paras.iter().map(|p| odf_para(p, "P9")).collect();
    if paras.is_empty() || !drawing.is_empty() {
        isi += &format!(r#"<text:p text:style-name="P9">{drawing}</text:p>"#);
    }
    let mut s = format!(
        r#"<table:table-cell table:style-name="Sel" office:value-type="string"{a}>{isi}</table:table-cell>"#
    );
    // the cells a span covers
    for _ in 1..span.0 {
        s += "<table:covered-table-cell/>";
    }
    s
}

/// Styles of the columns and rows of the document's tables, named as they
/// are made.
#[derive(Default)]
struct GayaOdf {
    gaya: String,
    n: usize,
}

impl GayaOdf {
    fn kolom(&mut self, w: f64) -> String {
        self.n += 1;
        let nama = format!("K{}", self.n);
        let _ = write!(
            self.gaya,
            r#"<style:style style:name="{nama}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2}pt"/></style:style>"#
        );
        nama
    }
    fn baris(&mut self, tinggi: Option<f64>) -> String {
        self.n += 1;
        let nama = format!("B{}", self.n);
        let h = tinggi.map_or(String::new(), |h| {
            format!(r#" style:min-row-height="{h:.2}pt""#)
        });
        let _ = write!(
            self.gaya,
            r#"<style:style style:name="{nama}" style:family="table-row"><style:table-row-properties{h} fo:keep-together="always"/></style:style>"#
        );
        nama
    }
    fn tabel(&mut self, lebar: f64, halaman_baru: bool) -> String {
        self.n += 1;
        let nama = format!("T{}", self.n);
        let putus = if halaman_baru {
            r#" fo:break-before="page""#
        } else {
            ""
        };
        let _ = write!(
            self.gaya,
            r#"<style:style style:name="{nama}" style:family="table"><style:table-properties style:width="{lebar:.2}pt" table:align="left"{putus}/></style:style>"#
        );
        nama
    }
}

/// An ODF table on `grid` (pt) of `rows` (each its height, if set, and its
/// cells' XML).
fn odf_table(
    g: &mut GayaOdf,
    grid: &[f64],
    halaman_baru: bool,
    rows: &[(Option<f64>, String)],
) -> String {
    let nama = g.tabel(grid.iter().sum(), halaman_baru);
    let mut s = format!(r#"<table:table table:style-name="{nama}">"#);
    for w in grid {
        s += &format!(
            r#"<table:table-column table:style-name="{}"/>"#,
            g.kolom(*w)
        );
    }
    for (h, cells) in rows {
        s += &format!(
            r#"<table:table-row table:style-name="{}">{cells}</table:table-row>"#,
            g.baris(*h)
        );
    }
    s + "</table:table>"
}

/// `sop` as a Writer user drafts it in LibreOffice's own format (a flat
/// ODT): the tables of [`docx`] with ODF's merged cells (spans and covered
/// cells), the flowchart as custom shapes, lines with an arrow marker and
/// text frames anchored to the actor cells' paragraphs, cells without a
/// margin.
pub fn fodt(sop: &Sop, kertas: Kertas, orientasi: Orientasi) -> String {
    let (plan, ..) = rencana(sop, kertas, orientasi);
    let lembar = Sheet::of(kertas, orientasi);
    let mut g = GayaOdf::default();
    let mut body = identitas_odf(sop, &lembar, &mut g);
    let mut z = Urutan::default();
    for p in 0..plan.pages.len() {
        body += &prosedur_odf(sop, &plan, p, &mut g, &mut z);
    }
    let halaman = format!(
        r#"<style:page-layout style:name="H1"><style:page-layout-properties fo:page-width="{:.2}pt" fo:page-height="{:.2}pt" style:print-orientation="{}" fo:margin-top="{:.2}pt" fo:margin-bottom="{:.2}pt" fo:margin-left="{:.2}pt" fo:margin-right="{:.2}pt"/></style:page-layout>"#,
        lembar.lebar,
        lembar.tinggi,
        if lembar.lebar > lembar.tinggi {
            "landscape"
        } else {
            "portrait"
        },
        lembar.atas,
        lembar.bawah,
        lembar.kiri,
        lembar.kanan
    );
    let para = |nama: &str, pt: f64| {
        format!(
            r#"<style:style style:name="{nama}" style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties style:font-name="Arial" fo:font-family="Arial" fo:font-size="{pt}pt"/></style:style>"#
        )
    };
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:styles><draw:marker draw:name="Panah" svg:viewBox="0 0 20 30" svg:d="M10 0l-10 30h20z"/></office:styles><office:automatic-styles>{halaman}{}{}{}{}<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style><style:style style:name="Sel" style:family="table-cell"><style:table-cell-properties fo:padding="0pt" fo:border="0.5pt solid #000000"/></style:style><style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:fill="solid" draw:fill-color="#ffffff" svg:stroke-color="#000000" style:wrap="run-through" style:run-through="foreground"/></style:style><style:style style:name="gr2" style:family="graphic"><style:graphic-properties draw:fill="none" svg:stroke-color="#000000" draw:marker-end="Panah" draw:marker-end-width="5pt" style:wrap="run-through" style:run-through="foreground"/></style:style><style:style style:name="gr3" style:family="graphic"><style:graphic-properties draw:fill="none" svg:stroke-color="#000000" style:wrap="run-through" style:run-through="foreground"/></style:style><style:style style:name="gr4" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" fo:padding="0pt" style:wrap="run-through" style:run-through="foreground"/></style:style>{}</office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="H1"/></office:master-styles><office:body><office:text>{body}</office:text></office:body></office:document>"##,
        para("P8", 8.0),
        para("P9", 9.0),
        para("P11", 11.0),
        para("P0", 9.0),
        g.gaya
    )
}

/// The identity table and the six boxes, as [`identitas`] lays them out.
fn identitas_odf(sop: &Sop, kertas: &Sheet, g: &mut GayaOdf) -> String {
    let id = sopc::render::data::Identitas::dari(sop, kertas, None, None, &[]);
    let lebar = kertas.lebar - kertas.kiri - kertas.kanan;
    let grid = [lebar * 0.4, lebar * 0.2, lebar * 0.4];
    let mut kop: String = [&id.pemerintah, &id.instansi]
        .into_iter()
        .chain(&id.unit)
        .filter(|t| !t.is_empty())
        .map(|t| odf_para(&t.to_uppercase(), "P11"))
        .collect();
    if !id.alamat.is_empty() {
        kop += &odf_para(&id.alamat, "P8");
    }
    if !id.telepon.is_empty() {
        kop += &odf_para(&format!("Telp. {}", id.telepon), "P8");
    }
    let kop = format!(
        r#"<table:table-cell table:style-name="Sel" office:value-type="string" table:number-rows-spanned="6">{kop}</table:table-cell>"#
    );
    let baris = |label: &str, nilai: Vec<String>| {
        format!(
            "{}{}",
            odf_cell((1, 1), &[label.to_owned()], ""),
            odf_cell((1, 1), &nilai, "")
        )
    };
    let rows = [
        (kop, "Nomor SOP", vec![id.nomor.clone()]),
        (
            String::new(),
            "Tanggal Pembuatan",
            vec![id.tanggal.pembuatan.clone()],
        ),
        (
            String::new(),
            "Tanggal Revisi",
            vec![id.tanggal.revisi.clone()],
        ),
        (
            String::new(),
            "Tanggal Efektif",
            vec![id.tanggal.efektif.clone()],
        ),
        (String::new(), "Disahkan oleh", pengesah(&id)),
        (String::new(), "Nama SOP", vec![id.nama.clone()]),
    ]
    .into_iter()
    .map(|(kiri, label, nilai)| {
        let kiri = if kiri.is_empty() {
            "<table:covered-table-cell/>".to_owned()
        } else {
            kiri
        };
        (None, format!("{kiri}{}", baris(label, nilai)))
    })
    .collect::<Vec<_>>();
    let half = lebar / 2.0;
    let kotak: Vec<(Option<f64>, String)> = enam_kotak(sop)
        .chunks(2)
        .flat_map(|pair| {
            [
                (
                    None,
                    pair.iter()
                        .map(|(j, _)| odf_cell((1, 1), &[(*j).to_owned()], ""))
                        .collect(),
                ),
                (
                    None,
                    pair.iter()
                        .map(|(_, l)| odf_cell((1, 1), &bernomor(l), ""))
                        .collect(),
                ),
            ]
        })
        .collect();
    format!(
        "{}{}{}",
        odf_table(g, &grid, false, &rows),
        odf_para("", "P9"),
        odf_table(g, &[half, half], false, &kotak)
    )
}

/// The procedure table of page `p` of `plan`, on a page of its own.
fn prosedur_odf(sop: &Sop, plan: &Plan, p: usize, g: &mut GayaOdf, z: &mut Urutan) -> String {
    let k = &plan.kolom;
    let page = &plan.pages[p];
    let keterangan = k.widths.len() > 5 + k.actors;
    let jangkar = letakkan(plan, p, Gaya::Writer, 0.0);
    let kepala_tinggi = (page.rows.first().map_or(page.top, |r| r.top) - page.top) / 2.0;
    let t = |s: &str| vec![s.to_owned()];
    let mut atas = odf_cell((1, 2), &t("No"), "")
        + &odf_cell((1, 2), &t("Kegiatan"), "")
        + &odf_cell((k.actors, 1), &t("Pelaksana"), "")
        + &odf_cell((3, 1), &t("Mutu Baku"), "");
    let mut bawah = "<table:covered-table-cell/>".repeat(2);
    for a in sop.actors() {
        bawah += &odf_cell((1, 1), std::slice::from_ref(&a.value), "");
    }
    for h in ["Kelengkapan", "Waktu", "Output"] {
        bawah += &odf_cell((1, 1), &t(h), "");
    }
    if keterangan {
        atas += &odf_cell((1, 2), &t("Keterangan"), "");
        bawah += "<table:covered-table-cell/>";
    }
    let mut rows = vec![(Some(kepala_tinggi), atas), (Some(kepala_tinggi), bawah)];
    for (r, i) in (page.from..page.end).enumerate() {
        let (nomor, kiri, kanan) = sel_langkah(sop, i, keterangan);
        let mut cells = odf_cell((1, 1), &[nomor], "") + &odf_cell((1, 1), &kiri, "");
        for c in &jangkar[r][1..] {
            let d: String = c.iter().map(|(b, dalam)| b.odf(*dalam, z)).collect();
            cells += &odf_cell((1, 1), &[], &d);
        }
        for ps in &kanan {
            cells += &odf_cell((1, 1), ps, "");
        }
        let row = &page.rows[r];
        rows.push((Some(row.bottom - row.top), cells));
    }
    odf_table(g, &k.widths, true, &rows)
}
