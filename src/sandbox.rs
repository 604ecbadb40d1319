//! The repository sandbox: the one way sopc opens a file. sopc runs in CI on
//! pull requests from anyone, so a file named by a repository (an SOP, a
//! `_default.yaml`, `sopc.toml`, a logo, a keputusan scan, a penjelasan, a
//! `keterkaitan` target) is read only when its canonical path is a regular
//! file inside the canonical repository root. A link that leaves the root, a
//! FIFO, a device or a socket is refused before it is opened; what is read is
//! capped per [`Jenis`]; and a refusal is a typed [`Galat`] whose message
//! names the path and never the content. What `init` and `new` write goes
//! through [`Root::write_new`], which refuses a symlinked directory or file
//! that leaves the root.
//!
//! The repository root is the nearest ancestor of a *canonical* directory
//! that holds `sopc.toml` or `.git`, else that directory itself, so it never
//! depends on how a path is spelled or where sopc runs.

use crate::diag::Msg;
use crate::msg;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The repository configuration file; its directory is a repository root.
pub const CONFIG_FILE: &str = "sopc.toml";

/// What a file is to sopc, which sets how much of it may be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jenis {
    /// An SOP: 16 MiB.
    Sop,
    /// `_default.yaml` / `_default.yml`: 1 MiB.
    Bawaan,
    /// `sopc.toml`: 1 MiB.
    Konfigurasi,
    /// `instansi.logo` or the book's cover logo: 16 MiB.
    Logo,
    /// A keputusan scan (PDF, PNG, JPEG) for the book: 64 MiB.
    Keputusan,
    /// The penjelasan text of the book: 1 MiB.
    Penjelasan,
    /// A published SOP (PDF or DOCX) `sopc impor` reads: 64 MiB.
    Impor,
}

const MIB: u64 = 1024 * 1024;

impl Jenis {
    /// The most bytes sopc reads of such a file.
    pub fn batas(self) -> u64 {
        match self {
            Jenis::Sop | Jenis::Logo => 16 * MIB,
            Jenis::Bawaan | Jenis::Konfigurasi | Jenis::Penjelasan => MIB,
            Jenis::Keputusan | Jenis::Impor => 64 * MIB,
        }
    }

    /// (Indonesian, English) name, for messages.
    fn nama(self) -> Msg {
        match self {
            Jenis::Sop => Msg::fixed("berkas SOP", "SOP file"),
            Jenis::Bawaan => Msg::fixed("berkas bawaan", "defaults file"),
            Jenis::Konfigurasi => Msg::fixed("berkas konfigurasi", "configuration file"),
            Jenis::Logo => Msg::fixed("berkas logo", "logo file"),
            Jenis::Keputusan => Msg::fixed("berkas keputusan", "keputusan file"),
            Jenis::Penjelasan => Msg::fixed("berkas penjelasan", "penjelasan file"),
            Jenis::Impor => Msg::fixed("berkas yang diimpor", "imported file"),
        }
    }
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Macam {
    Direktori,
    /// A named pipe: reading one waits for a writer, possibly forever.
    Fifo,
    /// A character or block device (`/dev/zero` never ends).
    Perangkat,
    Soket,
    Lain,
}

/// Why a file cannot be read (or written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Galat {
    /// Not there (also: deleted while sopc ran).
    TidakAda,
    /// Outside the repository root, as written or through a link.
    DiLuar,
    /// In a hidden part of the repository (`.git`, `.env`, any name
    /// starting with a dot): CI keeps credentials there (actions/checkout
    /// writes the token into `.git/config`), and no SOP file lives there.
    Tersembunyi,
    /// Not a regular file.
    BukanBerkasBiasa(Macam),
    /// Larger than the cap of its [`Jenis`].
    TerlaluBesar { batas: u64 },
    /// The system refused (permission, I/O).
    TidakTerbaca(std::io::ErrorKind),
}

impl Galat {
    fn dari_io(e: &std::io::Error) -> Galat {
        match e.kind() {
            std::io::ErrorKind::NotFound => Galat::TidakAda,
            k => Galat::TidakTerbaca(k),
        }
    }

    /// The message for the file at `path`: names the path, never its content.
    pub fn pesan(self, path: &Path, jenis: Jenis) -> Msg {
        let p = path.display();
        let Msg { id: ji, en: je } = jenis.nama();
        match self {
            Galat::TidakAda => msg!("{ji} `{p}` tidak ditemukan", "the {je} `{p}` was not found"),
            Galat::DiLuar => msg!(
                "{ji} `{p}` berada di luar repositori (secara langsung atau lewat tautan simbolik); sopc tidak membacanya",
                "the {je} `{p}` lies outside the repository (directly or through a symbolic link); sopc does not read it"
            ),
            Galat::Tersembunyi => msg!(
                "{ji} `{p}` berada di bagian tersembunyi repositori (seperti `.git`); sopc tidak membacanya",
                "the {je} `{p}` lies in a hidden part of the repository (such as `.git`); sopc does not read it"
            ),
            Galat::BukanBerkasBiasa(m) => {
                let Msg { id: mi, en: me } = match m {
                    Macam::Direktori => Msg::fixed("sebuah direktori", "a directory"),
                    Macam::Fifo => Msg::fixed("sebuah pipa bernama (FIFO)", "a named pipe (FIFO)"),
                    Macam::Perangkat => Msg::fixed("sebuah berkas perangkat", "a device file"),
                    Macam::Soket => Msg::fixed("sebuah soket", "a socket"),
                    // Not "bukan berkas biasa": the message goes on to say so.
                    Macam::Lain => Msg::fixed("jenis berkas lain", "another kind of file"),
                };
                msg!(
                    "{ji} `{p}` adalah {mi}, bukan berkas biasa; sopc tidak membacanya",
                    "the {je} `{p}` is {me}, not a regular file; sopc does not read it"
                )
            }
            Galat::TerlaluBesar { batas } => {
                let b = ukuran(batas);
                msg!(
                    "{ji} `{p}` melebihi batas {b}; sopc tidak membacanya",
                    "the {je} `{p}` is over the {b} limit; sopc does not read it"
                )
            }
            Galat::TidakTerbaca(k) => {
                let why = crate::diag::sebab_io(&k.into());
                let (ki, ke) = (why.id, why.en);
                msg!(
                    "{ji} `{p}` tidak dapat dibaca: {ki}",
                    "the {je} `{p}` cannot be read: {ke}"
                )
            }
        }
    }

    /// The message for a file sopc was to write at `path`.
    pub fn pesan_tulis(self, path: &Path) -> Msg {
        let p = path.display();
        match self {
            Galat::DiLuar => msg!(
                "`{p}` berada di luar repositori (lewat tautan simbolik); sopc tidak menulis ke sana",
                "`{p}` lies outside the repository (through a symbolic link); sopc does not write there"
            ),
            Galat::TidakTerbaca(k) => {
                crate::diag::gagal_io(crate::diag::MENULIS, format!("`{p}`"), &k.into())
            }
            Galat::BukanBerkasBiasa(_) => msg!(
                "tidak dapat menulis `{p}`: ada berkas yang bukan direktori di jalurnya",
                "cannot write `{p}`: something on its path is not a directory"
            ),
            Galat::TidakAda | Galat::Tersembunyi | Galat::TerlaluBesar { .. } => {
                msg!("tidak dapat menulis `{p}`", "cannot write `{p}`")
            }
        }
    }

    /// How to fix it.
    pub fn saran(self) -> Msg {
        match self {
            Galat::DiLuar => msg!(
                "simpan berkas itu di dalam repositori (direktori yang memuat sopc.toml atau .git) sebagai berkas biasa, bukan tautan ke luar",
                "keep the file inside the repository (the directory holding sopc.toml or .git) as a regular file, not a link out of it"
            ),
            Galat::Tersembunyi => msg!(
                "`.git` dan berkas atau direktori lain yang namanya diawali titik dapat memuat rahasia (token CI); simpan SOP, logo dan lampiran di luarnya",
                "`.git` and other files or directories whose name starts with a dot may hold secrets (CI tokens); keep SOPs, logos and attachments outside them"
            ),
            Galat::TerlaluBesar { .. } => msg!(
                "berkas sebesar itu hampir pasti keliru; perkecil atau pecah isinya",
                "a file that large is almost certainly a mistake; shrink or split it"
            ),
            Galat::TidakAda | Galat::BukanBerkasBiasa(_) | Galat::TidakTerbaca(_) => msg!(
                "pastikan berkas itu ada, berupa berkas biasa, dan dapat dibaca",
                "make sure the file exists, is a regular file and is readable"
            ),
        }
    }
}

/// "16 MiB", "512 KiB".
fn ukuran(n: u64) -> String {
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{} KiB", n.div_ceil(1024))
    }
}

/// A canonical repository root.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Root {
    path: PathBuf,
}

impl Root {
    /// The repository holding the file `path`: found from its canonical
    /// directory. The file itself is not followed (it may be a link that
    /// [`Root::read`] then refuses).
    pub fn of_file(path: &Path) -> Result<Root, Galat> {
        Root::of_dir(parent(path))
    }

    /// The repository holding the directory `dir`: the nearest canonical
    /// ancestor with `sopc.toml` or `.git`, else `dir` itself.
    pub fn of_dir(dir: &Path) -> Result<Root, Galat> {
        let dir = canonical(dir)?;
        let found = dir.ancestors().find(|d| {
            [CONFIG_FILE, ".git"]
                .iter()
                .any(|m| std::fs::symlink_metadata(d.join(m)).is_ok())
        });
        Ok(Root {
            path: found.map_or(dir.clone(), Path::to_owned),
        })
    }

    /// `dir` itself as the root, whatever lies above it (what `init` writes
    /// stays in the directory it was given).
    pub fn at(dir: &Path) -> Result<Root, Galat> {
        Ok(Root {
            path: canonical(dir)?,
        })
    }

    /// The repository that will hold `path`, a file to be written: found
    /// from the nearest existing ancestor that is a real directory, so that
    /// a link on the way is judged by [`Root::write_new`], not followed.
    pub fn of_new(path: &Path) -> Result<Root, Galat> {
        let abs = lexical(&std::path::absolute(path).map_err(|e| Galat::dari_io(&e))?);
        let dir = abs
            .ancestors()
            .skip(1)
            .find(|d| std::fs::symlink_metadata(d).is_ok_and(|m| m.is_dir()))
            .ok_or(Galat::TidakAda)?;
        Root::of_dir(dir)
    }

    /// The repository a path named on the command line lies in, judged
    /// where it is named: a real directory finds its root from itself; a
    /// link or a file from the nearest real directory above it, so that a
    /// `sops -> /elsewhere` link in a pull request cannot carry a run of
    /// `sopc check sops` out of the repository.
    pub fn of_named(path: &Path) -> Result<Root, Galat> {
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => Root::of_dir(path),
            Ok(_) => Root::of_new(path),
            Err(e) => Err(Galat::dari_io(&e)),
        }
    }

    /// Whether `path` really lies inside the root. A path that cannot be
    /// resolved (a dangling link) is left for [`Root::read`] to report.
    pub fn holds(&self, path: &Path) -> bool {
        canonical(path).map_or(true, |real| self.contains(&real))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the canonical path `p` lies inside the root.
    pub fn contains(&self, p: &Path) -> bool {
        p.starts_with(&self.path)
    }

    /// The canonical path of a regular file inside the root and outside
    /// its hidden parts, without opening it.
    pub fn locate(&self, path: &Path) -> Result<PathBuf, Galat> {
        let real = canonical(path)?;
        let Ok(rel) = real.strip_prefix(&self.path) else {
            return Err(Galat::DiLuar);
        };
        if rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return Err(Galat::Tersembunyi);
        }
        let meta = std::fs::symlink_metadata(&real).map_err(|e| Galat::dari_io(&e))?;
        macam(&meta.file_type()).map_or(Ok(real), |m| Err(Galat::BukanBerkasBiasa(m)))
    }

    /// A path written in a repository file (`logo: logo/kab.png`), relative
    /// to `base_dir`: its canonical path, a regular file inside the root. A
    /// path that leaves the root as written is refused before the file
    /// system is asked anything about it.
    pub fn resolve(&self, base_dir: &Path, written: &str) -> Result<PathBuf, Galat> {
        let joined = lexical(&canonical(base_dir)?.join(written));
        if !self.contains(&joined) {
            return Err(Galat::DiLuar);
        }
        self.locate(&joined)
    }

    /// Reads a whole file of the repository, at most `jenis.batas()` bytes.
    pub fn read(&self, path: &Path, jenis: Jenis) -> Result<Vec<u8>, Galat> {
        let (file, len) = self.open(path, jenis)?;
        let batas = jenis.batas();
        let mut bytes = Vec::with_capacity(len as usize);
        // `/proc` files claim to be empty: the cap holds whatever the size says.
        file.take(batas + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Galat::dari_io(&e))?;
        if bytes.len() as u64 > batas {
            return Err(Galat::TerlaluBesar { batas });
        }
        Ok(bytes)
    }

    /// The first `n` bytes of a file of the repository (to tell an image's
    /// format), with the same checks as [`Root::read`].
    pub fn read_head(&self, path: &Path, jenis: Jenis, n: usize) -> Result<Vec<u8>, Galat> {
        let (file, _) = self.open(path, jenis)?;
        let mut bytes = Vec::with_capacity(n);
        file.take(n as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| Galat::dari_io(&e))?;
        Ok(bytes)
    }

    /// Opens a regular file inside the root that is within its cap; its
    /// size as the file system tells it.
    fn open(&self, path: &Path, jenis: Jenis) -> Result<(std::fs::File, u64), Galat> {
        let real = self.locate(path)?;
        let file = open_nonblocking(&real)?;
        let meta = file.metadata().map_err(|e| Galat::dari_io(&e))?;
        // Swapped for a FIFO or a device after it was located.
        if let Some(m) = macam(&meta.file_type()) {
            return Err(Galat::BukanBerkasBiasa(m));
        }
        let batas = jenis.batas();
        if meta.len() > batas {
            return Err(Galat::TerlaluBesar { batas });
        }
        Ok((file, meta.len()))
    }

    /// Writes `bytes` to `path` inside the root unless something is there
    /// already (`Ok(false)`, nothing touched). Missing directories are made;
    /// a directory or file on the way that is a link leaving the root, or
    /// not a directory, is refused.
    pub fn write_new(&self, path: &Path, bytes: &[u8]) -> Result<bool, Galat> {
        use std::io::Write;
        let path = lexical(&std::path::absolute(path).map_err(|e| Galat::dari_io(&e))?);
        let (Some(name), Some(parent)) = (path.file_name(), path.parent()) else {
            return Err(Galat::BukanBerkasBiasa(Macam::Direktori));
        };
        // The directories as they really are; the file itself not followed.
        let Ok(dirs) = absolute(parent)
            .strip_prefix(&self.path)
            .map(Path::to_owned)
        else {
            return Err(Galat::DiLuar);
        };
        let dir = self.make_dirs(&dirs)?;
        let target = dir.join(name);
        // `create_new` never follows a link at the last component: an
        // existing link, even one pointing nowhere, is "already there".
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut f) => f
                .write_all(bytes)
                .map(|()| true)
                .map_err(|e| Galat::dari_io(&e)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(Galat::dari_io(&e)),
        }
    }

    /// Makes `rel` below the root one directory at a time, following a link
    /// only when it stays inside; the real directory.
    fn make_dirs(&self, rel: &Path) -> Result<PathBuf, Galat> {
        let mut dir = self.path.clone();
        for part in rel.components() {
            let next = dir.join(part);
            match std::fs::symlink_metadata(&next) {
                Ok(m) if m.is_dir() => dir = next,
                Ok(m) if m.file_type().is_symlink() => {
                    let real = canonical(&next)?;
                    if !self.contains(&real) {
                        return Err(Galat::DiLuar);
                    }
                    if !real.is_dir() {
                        return Err(Galat::BukanBerkasBiasa(Macam::Lain));
                    }
                    dir = real;
                }
                Ok(_) => return Err(Galat::BukanBerkasBiasa(Macam::Lain)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    match std::fs::create_dir(&next) {
                        Ok(()) => dir = next,
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                            return self.make_dirs(rel);
                        }
                        Err(e) => return Err(Galat::dari_io(&e)),
                    }
                }
                Err(e) => return Err(Galat::dari_io(&e)),
            }
        }
        Ok(dir)
    }
}

/// Whether something is at `path` (a link counts, wherever it points);
/// nothing is opened or followed.
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Whether `path` is a directory (following links: a directory the user
/// names on the command line may be a link).
pub fn is_dir(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// Makes the output directory a user named on the command line.
pub fn create_output_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Appends to a file the CI runner names for sopc (`$GITHUB_STEP_SUMMARY`):
/// the runner's file, not the repository's, and never read.
pub fn append_to(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?
        .write_all(text.as_bytes())
}

/// The directory of a file path ("" is the working directory).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `canonicalize` with sopc's errors; asks the file system about names only
/// (a FIFO is not opened).
pub fn canonical(path: &Path) -> Result<PathBuf, Galat> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path).map_err(|e| Galat::dari_io(&e))
}

/// The path made absolute against the working directory, with the existing
/// part canonical (a path to be created has a missing tail).
pub fn absolute(path: &Path) -> PathBuf {
    let abs = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()));
    for head in abs.ancestors() {
        if let Ok(real) = std::fs::canonicalize(head) {
            let tail = abs.strip_prefix(head).unwrap_or(Path::new(""));
            return if tail.as_os_str().is_empty() {
                real
            } else {
                real.join(tail)
            };
        }
    }
    abs
}

/// What a file type is when it is not a regular file.
fn macam(t: &std::fs::FileType) -> Option<Macam> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(Macam::Direktori);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(Macam::Fifo);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(Macam::Perangkat);
        }
        if t.is_socket() {
            return Some(Macam::Soket);
        }
    }
    Some(Macam::Lain)
}

/// Opens for reading without waiting: a FIFO swapped in after the check
/// opens at once (and is then refused) instead of waiting for a writer; a
/// link swapped in at the last component is not followed.
fn open_nonblocking(path: &Path) -> Result<std::fs::File, Galat> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| Galat::dari_io(&e))
}

/// Removes `.` and `..` without touching the file system.
pub fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository (`sopc.toml` at its root) in a temporary directory, with
    /// a secret file beside it.
    fn repo() -> (tempfile::TempDir, Root) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(root.join("sops/sub")).unwrap();
        std::fs::write(root.join(CONFIG_FILE), "").unwrap();
        std::fs::write(root.join("sops/a.yaml"), "nomor: 1\n").unwrap();
        std::fs::write(dir.path().join("rahasia.txt"), "SECRET").unwrap();
        let r = Root::of_dir(&root.join("sops/sub")).unwrap();
        (dir, r)
    }

    #[test]
    fn root_is_the_nearest_marker_from_the_canonical_directory() {
        let (dir, root) = repo();
        let real = dir.path().join("repo").canonicalize().unwrap();
        assert_eq!(root.path(), real);
        // The same root however the directory is spelled.
        let spelled = dir.path().join("repo/sops/sub/../sub/.");
        assert_eq!(Root::of_dir(&spelled).unwrap(), root);
        assert_eq!(Root::of_file(&real.join("sops/a.yaml")).unwrap(), root);
        // Without a marker the directory itself.
        let bare = tempfile::tempdir().unwrap();
        let bare_real = bare.path().canonicalize().unwrap();
        assert_eq!(Root::of_dir(bare.path()).unwrap().path(), bare_real);
    }

    #[cfg(unix)]
    #[test]
    fn reads_regular_files_inside_and_refuses_everything_else() {
        let (dir, root) = repo();
        let sops = root.path().join("sops");
        assert_eq!(
            root.read(&sops.join("a.yaml"), Jenis::Sop).unwrap(),
            b"nomor: 1\n"
        );
        use std::os::unix::fs::symlink;
        symlink(dir.path().join("rahasia.txt"), sops.join("out.yaml")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", sops.join("zero.yaml")).unwrap();
        std::os::unix::fs::symlink("a.yaml", sops.join("in.yaml")).unwrap();
        let fifo = sops.join("fifo.yaml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let read = |name: &str| root.read(&sops.join(name), Jenis::Sop);
        assert_eq!(read("out.yaml"), Err(Galat::DiLuar));
        assert_eq!(read("zero.yaml"), Err(Galat::DiLuar));
        assert_eq!(read("fifo.yaml"), Err(Galat::BukanBerkasBiasa(Macam::Fifo)));
        assert_eq!(read("sub"), Err(Galat::BukanBerkasBiasa(Macam::Direktori)));
        assert_eq!(read("none.yaml"), Err(Galat::TidakAda));
        assert_eq!(read("in.yaml").unwrap(), b"nomor: 1\n");
        std::fs::create_dir(root.path().join(".git")).unwrap();
        std::fs::write(root.path().join(".git/config"), "token").unwrap();
        symlink("../.git/config", sops.join("git.yaml")).unwrap();
        assert_eq!(read("git.yaml"), Err(Galat::Tersembunyi));
        std::fs::write(sops.join("big.yaml"), vec![b'#'; 2 * MIB as usize]).unwrap();
        assert_eq!(
            root.read(&sops.join("big.yaml"), Jenis::Bawaan),
            Err(Galat::TerlaluBesar { batas: MIB })
        );
    }

    #[test]
    fn written_paths_stay_inside() {
        let (_dir, root) = repo();
        let sops = root.path().join("sops");
        assert_eq!(root.resolve(&sops, "../../rahasia.txt"), Err(Galat::DiLuar));
        assert_eq!(root.resolve(&sops, "/etc/passwd"), Err(Galat::DiLuar));
        assert_eq!(
            root.resolve(&sops, "sub/../a.yaml").unwrap(),
            sops.join("a.yaml")
        );
        assert_eq!(root.resolve(&sops, "b.yaml"), Err(Galat::TidakAda));
    }

    #[cfg(unix)]
    #[test]
    fn writes_never_go_through_a_link_out_of_the_root() {
        let (dir, root) = repo();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.path().join("schema")).unwrap();
        assert_eq!(
            root.write_new(&root.path().join("schema/x.json"), b"{}"),
            Err(Galat::DiLuar)
        );
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
        // A link to a file out of the root is left alone, never written through.
        std::os::unix::fs::symlink(dir.path().join("rahasia.txt"), root.path().join("t.txt"))
            .unwrap();
        assert_eq!(root.write_new(&root.path().join("t.txt"), b"x"), Ok(false));
        assert_eq!(
            std::fs::read(dir.path().join("rahasia.txt")).unwrap(),
            b"SECRET"
        );
        assert_eq!(
            root.write_new(&root.path().join("a/b/c.txt"), b"x"),
            Ok(true)
        );
        assert_eq!(
            root.write_new(&dir.path().join("x.txt"), b"x"),
            Err(Galat::DiLuar)
        );
    }

    /// Every file is opened here: outside this module, only the PDF writer
    /// (`app::atomic::write_atomic`) and the system font search (`[cetak]
    /// huruf`, never a repository file) touch the file system, and tests.
    #[test]
    fn no_other_module_opens_files() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        // system fonts, and the atomic write of output files
        let allowed = ["sandbox.rs", "huruf.rs", "app/atomic.rs"];
        let mut offenders = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            let rel = entry
                .path()
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !rel.ends_with(".rs") || allowed.contains(&rel.as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for needle in ["std::fs", "File::open", "read_to_string(", "read_dir("] {
                if code.contains(needle) {
                    offenders.push(format!("{rel}: {needle}"));
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "open files through crate::sandbox: {offenders:?}"
        );
    }

    #[test]
    fn messages_name_the_path_and_the_cap() {
        let m = Galat::TerlaluBesar { batas: MIB }
            .pesan(Path::new("sops/_default.yaml"), Jenis::Bawaan);
        assert_eq!(
            m.id,
            "berkas bawaan `sops/_default.yaml` melebihi batas 1 MiB; sopc tidak membacanya"
        );
        assert_eq!(
            m.en,
            "the defaults file `sops/_default.yaml` is over the 1 MiB limit; sopc does not read it"
        );
    }
}
