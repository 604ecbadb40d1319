//! The Typst `World` of one render: the embedded template, the SOP as a
//! virtual JSON file, the logo, the fonts — and nothing else. No file system,
//! no network, no clock: the same input gives the same PDF.

use super::fonts::Huruf;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The template files, embedded in the binary.
const TEMPLATE: &[(&str, &str)] = &[
    ("/sop.typ", include_str!("../../../templates/sop.typ")),
    (
        "/pengesahan.typ",
        include_str!("../../../templates/pengesahan.typ"),
    ),
    (
        "/prosedur.typ",
        include_str!("../../../templates/prosedur.typ"),
    ),
    ("/teks.typ", include_str!("../../../templates/teks.typ")),
    (
        "/halaman.typ",
        include_str!("../../../templates/halaman.typ"),
    ),
    ("/buku.typ", include_str!("../../../templates/buku.typ")),
];

/// The main file of one SOP's document, and of a book of SOPs.
pub const SOP_TYP: &str = "/sop.typ";
pub const BUKU_TYP: &str = "/buku.typ";

/// Where the template finds the SOP data.
pub const DATA_PATH: &str = "/data.json";

/// What stays the same across renders: library, fonts, parsed template.
pub struct Dasar {
    library: LazyHash<Library>,
    huruf: Huruf,
    sources: Vec<Source>,
    data: FileId,
}

impl Dasar {
    pub fn new(huruf: Huruf) -> Dasar {
        let sources: Vec<Source> = TEMPLATE
            .iter()
            .map(|(path, text)| Source::new(file_id(path), (*text).to_owned()))
            .collect();
        Dasar {
            library: LazyHash::new(Library::default()),
            huruf,
            sources,
            data: file_id(DATA_PATH),
        }
    }

    pub fn huruf(&self) -> &Huruf {
        &self.huruf
    }
}

/// The path of a virtual file in the project root. Our own paths only
/// (constants and `/gambar/N.ext`), so a failure is a programming error.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One compilation: the shared parts plus this document's main file, data
/// and images (logos, the scanned keputusan).
pub struct SopWorld<'a> {
    dasar: &'a Dasar,
    main: FileId,
    data: Bytes,
    /// Virtual paths and bytes of the images, already checked by the caller.
    berkas: Vec<(FileId, Bytes)>,
}

impl<'a> SopWorld<'a> {
    pub fn new(
        dasar: &'a Dasar,
        main: &str,
        data: Vec<u8>,
        berkas: Vec<(String, Bytes)>,
    ) -> SopWorld<'a> {
        SopWorld {
            dasar,
            main: file_id(main),
            data: Bytes::new(data),
            berkas: berkas
                .into_iter()
                .map(|(path, bytes)| (file_id(&path), bytes))
                .collect(),
        }
    }
}

impl World for SopWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.dasar.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.dasar.huruf.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.dasar
            .sources
            .iter()
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.dasar.data {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.berkas.iter().find(|(f, _)| *f == id) {
            return Ok(bytes.clone());
        }
        match self.dasar.sources.iter().find(|s| s.id() == id) {
            Some(s) => Ok(Bytes::from_string(s.text().to_owned())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.dasar.huruf.font(index)
    }

    /// No clock reaches the document: `datetime.today()` is an error.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
