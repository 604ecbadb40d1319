//! No input makes sopc panic: property tests over arbitrary bytes and over
//! the example SOPs of `sops/` mutated (bytes flipped, ranges deleted, lines
//! duplicated, unicode inserted), each run through the whole check — reading,
//! every rule — and every output format (human, JSON, GitHub, GitLab,
//! SARIF), and a few through the renderer. The number of cases is bounded so
//! that the file runs in CI in about half a minute in a debug build.

mod common;

use proptest::prelude::*;
use sopc::diag::Lang;

/// The example SOPs, as bytes.
fn examples() -> &'static [Vec<u8>] {
    static EXAMPLES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let files = common::contoh_sops();
        assert!(
            files.len() >= 10,
            "the examples of sops/: five seeds and at least five BPS Bengkulu transcriptions, {} found",
            files.len()
        );
        files
            .iter()
            .map(|p| std::fs::read(p).expect("an example SOP"))
            .collect()
    })
}

/// One change to a file; positions are taken modulo its length.
#[derive(Clone, Debug)]
enum Mutasi {
    /// XOR a byte with a mask.
    Balik(usize, u8),
    /// Delete up to `n` bytes.
    Hapus(usize, usize),
    /// Write a line twice.
    Gandakan(usize),
    /// Insert a character (often one that looks like nothing).
    Sisipkan(usize, char),
}

fn mutasi() -> impl Strategy<Value = Mutasi> {
    let tricky = prop_oneof![
        Just('\u{200b}'),
        Just('\u{00a0}'),
        Just('\u{202e}'),
        Just('\u{feff}'),
        Just('\t'),
        Just('\0'),
        Just('\r'),
        Just('\n'),
        Just(':'),
        Just('&'),
        Just('*'),
        Just('['),
        Just('{'),
        Just('-'),
        Just('#'),
        Just('"'),
        any::<char>(),
    ];
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(i, m)| Mutasi::Balik(i, m)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutasi::Hapus(i, n)),
        any::<usize>().prop_map(Mutasi::Gandakan),
        (any::<usize>(), tricky).prop_map(|(i, c)| Mutasi::Sisipkan(i, c)),
    ]
}

fn terapkan(mut bytes: Vec<u8>, changes: &[Mutasi]) -> Vec<u8> {
    for m in changes {
        let len = bytes.len().max(1);
        match *m {
            Mutasi::Balik(i, mask) => {
                if let Some(b) = bytes.get_mut(i % len) {
                    *b ^= mask;
                }
            }
            Mutasi::Hapus(i, n) => {
                let start = (i % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutasi::Gandakan(i) => {
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(
                        bytes
                            .iter()
                            .enumerate()
                            .filter(|(_, b)| **b == b'\n')
                            .map(|(i, _)| i + 1),
                    )
                    .filter(|&s| s < bytes.len())
                    .collect();
                if let Some(&start) = starts.get(i % starts.len().max(1)) {
                    let end = bytes[start..]
                        .iter()
                        .position(|b| *b == b'\n')
                        .map_or(bytes.len(), |p| start + p + 1);
                    let line = bytes[start..end].to_vec();
                    bytes.splice(end..end, line);
                }
            }
            Mutasi::Sisipkan(i, c) => {
                let at = (i % len).min(bytes.len());
                let mut buf = [0u8; 4];
                bytes.splice(at..at, c.encode_utf8(&mut buf).bytes());
            }
        }
    }
    bytes
}

/// A repository with one SOP of these bytes; kept between cases (each case
/// overwrites the file).
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("sopc.toml"), "").expect("sopc.toml");
        Repo { dir }
    }

    /// Checks `bytes` as an SOP file and renders the findings in every
    /// format and both languages; a panic anywhere fails the case.
    fn check(&self, bytes: &[u8]) -> Vec<sopc::app::batch::FileReport> {
        let path = self.dir.path().join("uji.yaml");
        std::fs::write(&path, bytes).expect("the SOP file");
        let config = sopc::config::Config::default();
        let reports = sopc::app::batch::check_paths(&[path], &config).expect("the file is there");
        assert_eq!(reports.len(), 1);
        for lang in [Lang::Id, Lang::En] {
            let human = sopc::app::report::human(&reports, lang, false);
            assert!(human.contains("uji.yaml"), "{human}");
            let json: serde_json::Value =
                serde_json::from_str(&sopc::app::report::json(&reports, lang))
                    .expect("JSON output");
            assert_eq!(json["versi"], 1);
            serde_json::from_str::<serde_json::Value>(&sopc::app::report::sarif(&reports, lang))
                .expect("SARIF output");
            serde_json::from_str::<serde_json::Value>(&sopc::app::report::gitlab(&reports, lang))
                .expect("GitLab output");
            sopc::app::report::github(&reports, lang);
            sopc::app::report::github_summary(&reports, lang);
        }
        reports
    }
}

fn repo() -> &'static std::sync::Mutex<Repo> {
    static REPO: std::sync::OnceLock<std::sync::Mutex<Repo>> = std::sync::OnceLock::new();
    REPO.get_or_init(|| std::sync::Mutex::new(Repo::new()))
}

fn with_repo<T>(f: impl FnOnce(&Repo) -> T) -> T {
    let guard = repo().lock().unwrap_or_else(|e| e.into_inner());
    f(&guard)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        with_repo(|r| r.check(&bytes));
    }

    #[test]
    fn mutated_examples_never_panic(
        which in any::<proptest::sample::Index>(),
        changes in proptest::collection::vec(mutasi(), 1..8),
    ) {
        let bytes = terapkan(which.get(examples()).clone(), &changes);
        with_repo(|r| r.check(&bytes));
    }
}

proptest! {
    // Each case renders a PDF: few cases.
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn mutated_examples_build_or_say_why(
        which in any::<proptest::sample::Index>(),
        changes in proptest::collection::vec(mutasi(), 1..4),
    ) {
        let bytes = terapkan(which.get(examples()).clone(), &changes);
        with_repo(|r| {
            let reports = r.check(&bytes);
            let config = sopc::config::Config::default();
            let out = r.dir.path().join("pdf");
            for outcome in sopc::app::batch::build(&reports, &config, Some(&out), sopc::app::batch::Bagian::Lengkap) {
                if let sopc::app::batch::BuildOutcome::Failed(m) = outcome {
                    // A failure is a message of sopc's, in both languages.
                    prop_assert!(!m.id.is_empty() && !m.en.is_empty());
                }
            }
            Ok(())
        })?;
    }
}
