//! Where Typst runs. Typst's layout recurses as deep as the document nests,
//! and it parallelises with rayon (the page runs of a document, the PDF's
//! fonts and images). A rayon worker that waits for those jobs steals other
//! jobs meanwhile: when the jobs are the SOPs of a batch on the same pool,
//! it starts another SOP's compilation on top of the waiting one's stack,
//! and again, until the stack overflows — and every half-done compilation
//! on that stack keeps its memory. So:
//!
//! - a batch runs on [`map`]'s workers, each its own one-thread rayon pool:
//!   a compilation's parallel jobs run on its own worker, and no other SOP
//!   can start on that stack;
//! - any other compilation ([`run`]) goes to one shared pool;
//! - every thread that runs Typst has a stack of [`STACK`] bytes, enough
//!   for the deepest document sopc accepts (see the test in
//!   `tests/build.rs`).

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The stack of a thread that runs Typst. Only the pages a compilation
/// touches are ever mapped, so a generous reservation costs nothing.
pub const STACK: usize = 256 << 20;

thread_local! {
    /// Whether this thread is one of ours, with a stack of [`STACK`].
    static OURS: Cell<bool> = const { Cell::new(false) };
}

fn pool(threads: usize, name: &'static str) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(STACK)
        .thread_name(move |i| format!("{name}-{i}"))
        .start_handler(|_| OURS.set(true))
        .build()
        .expect("the operating system gives a few threads")
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `f` on a thread with a deep stack: here when this is one already,
/// else on the shared pool (one thread per core, so one large compilation
/// — a book — still lays its page runs out in parallel).
pub fn run<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if OURS.get() {
        return f();
    }
    static SHARED: OnceLock<rayon::ThreadPool> = OnceLock::new();
    SHARED
        .get_or_init(|| pool(cores(), "sopc-typst"))
        .install(f)
}

/// `f` of every item, in the items' order, computed on one worker per core
/// (fewer for fewer items). Each worker takes the next item when it is
/// done with one, so at most one compilation per core is alive at a time.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let workers = cores().min(items.len());
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    pool(1, "sopc-batch").install(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(i) else {
                                return mine;
                            };
                            mine.push((i, f(item)));
                        }
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    thread_local! {
        /// Items of `map` in progress on this thread.
        static DEPTH: Cell<usize> = const { Cell::new(0) };
    }

    /// Each item waits for parallel jobs of its own, as a compilation does
    /// for its page runs; a waiting worker must never start another item
    /// on its stack (rayon's par_iter over the items did: 300 SOPs
    /// overflowed the stack).
    #[test]
    fn one_item_per_stack_in_item_order() {
        let items: Vec<usize> = (0..64).collect();
        let out = map(&items, |&i| {
            let depth = DEPTH.get() + 1;
            DEPTH.set(depth);
            let inner: usize = (0..8)
                .into_par_iter()
                .map(|k| {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    k
                })
                .sum();
            DEPTH.set(depth - 1);
            (i, depth, inner, OURS.get())
        });
        assert_eq!(out.len(), 64);
        for (k, (i, depth, inner, ours)) in out.into_iter().enumerate() {
            assert_eq!((i, depth, inner, ours), (k, 1, 28, true));
        }
    }

    #[test]
    fn run_moves_to_a_deep_stack_once() {
        assert!(!OURS.get(), "a test thread is not ours");
        assert!(run(|| OURS.get() && run(|| OURS.get())));
    }
}
