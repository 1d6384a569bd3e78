//! Parses every file of a directory in parallel and reports throughput:
//!
//! ```sh
//! cargo run --release --example parse_corpus -- DIR            # read all, then parse all
//! cargo run --release --example parse_corpus -- DIR --stream   # read and parse file by file
//! ```
//!
//! The first form times decoding and parsing alone (the files are read into
//! memory first); the second is what a batch conversion does, holding only
//! the files being parsed, and is the one to run under `/usr/bin/time -v`
//! for peak memory. Uses every core rayon finds (`RAYON_NUM_THREADS=1` for one).

use std::time::Instant;

use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: parse_corpus DIR [--stream]")?;
    let stream = args.next().as_deref() == Some("--stream");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let threads = rayon::current_num_threads();
    let start = Instant::now();
    let (bytes, tasks, failed) = if stream {
        paths
            .par_iter()
            .map(|p| std::fs::read(p).map(|b| summarize(&b)).unwrap_or((0, 0, 1)))
            .reduce(|| (0, 0, 0), add)
    } else {
        let files: Vec<Vec<u8>> = paths.iter().map(std::fs::read).collect::<Result<_, _>>()?;
        let read = start.elapsed();
        let start = Instant::now();
        let totals = files
            .par_iter()
            .map(|b| summarize(b))
            .reduce(|| (0, 0, 0), add);
        report("parse", totals.0, start.elapsed(), threads);
        println!("(reading took {:.3} s)", read.as_secs_f64());
        totals
    };
    if stream {
        report("read + parse", bytes, start.elapsed(), threads);
    }
    println!("{} files, {tasks} tasks, {failed} failed", paths.len());
    Ok(())
}

/// (bytes, tasks, failures) of one file.
fn summarize(bytes: &[u8]) -> (usize, usize, usize) {
    match fenjie::parse_bytes(bytes) {
        Ok(notice) => (bytes.len(), notice.tasks().count(), 0),
        Err(_) => (bytes.len(), 0, 1),
    }
}

fn add(a: (usize, usize, usize), b: (usize, usize, usize)) -> (usize, usize, usize) {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

fn report(what: &str, bytes: usize, took: std::time::Duration, threads: usize) {
    let mb = bytes as f64 / 1e6;
    let secs = took.as_secs_f64();
    println!(
        "{what}: {mb:.1} MB in {secs:.3} s = {:.0} MB/s on {threads} threads ({:.0} MB/s per thread)",
        mb / secs,
        mb / secs / threads as f64
    );
}
