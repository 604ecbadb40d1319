//! Helpers shared by the integration tests: the `sopc` binary and the
//! poppler-utils tools that read the PDFs it writes (`.ci/run` installs
//! them). Each test file uses only some of them.
#![allow(dead_code)]

pub mod lo;
pub mod panjang;
pub mod pokok;

use std::path::Path;

/// The `sopc` binary of this build.
pub fn sopc() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sopc").expect("the sopc binary is built")
}

/// Runs a poppler tool (`pdftotext`, `pdfinfo`, `pdfimages`) on a PDF and
/// returns its standard output; `pdftotext` writes to it.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// The number of pages of a PDF.
pub fn halaman(pdf: &Path) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// The text of page `p` (from 1), `-layout` or in reading order.
pub fn teks(pdf: &Path, p: usize, layout: bool) -> String {
    let p = p.to_string();
    let mut args = vec!["-f", &p, "-l", &p];
    if layout {
        args.push("-layout");
    }
    poppler("pdftotext", &args, pdf)
}

/// Width and height of page `p` (from 1), in points.
pub fn ukuran(pdf: &Path, p: usize) -> (f64, f64) {
    let p = p.to_string();
    let info = poppler("pdfinfo", &["-f", &p, "-l", &p], pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with("Page") && l.contains("size:"))
        .expect("pdfinfo prints the page size");
    let mut nums = line
        .split("size:")
        .nth(1)
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    (nums.next().unwrap(), nums.next().unwrap())
}
pub mod flowchart;

/// Renders `sop` with its flow graph and total time, as the check hands
/// them on.
pub fn cetak(
    r: &sopc::render::Renderer,
    sop: &sopc::model::Sop,
    logo: Option<&sopc::model::gambar::Gambar>,
    bagian: sopc::render::Bagian,
) -> Result<sopc::render::Rendered, sopc::render::RenderError> {
    let alur = sopc::model::alur::Alur::build(sop);
    let jumlah = sop.jumlah();
    let input = sopc::render::Input {
        sop,
        alur: &alur,
        jumlah: &jumlah,
        logo,
        terkait: &[],
    };
    r.render_hasil(input, bagian)
}

/// The example SOP files of `sops/`, sorted by name (a defaults file,
/// `_…`, is not an SOP).
pub fn contoh_sops() -> Vec<std::path::PathBuf> {
    let mut v: Vec<std::path::PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("sops"))
            .expect("sops/ is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('_'))
            })
            .collect();
    v.sort();
    v
}

/// A PDF from the bodies of its objects (1 = catalog, 2 = pages, 3 = page,
/// further ones as given), with a correct cross-reference table;
/// `trailer_extra` is added to the trailer's dictionary.
pub fn pdf_dari_objek(objects: &[&[u8]], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
