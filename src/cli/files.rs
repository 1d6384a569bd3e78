//! Many input files: expanding directories, and working through files in
//! parallel while handing results on in input order.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::Failure;

/// The inputs in the order given; a directory stands for its `*.txt` files
/// (searched recursively, sorted by path), so that output order does not
/// depend on the file system.
pub(crate) fn expand(args: &[String]) -> Vec<Result<String, Failure>> {
    let mut paths = vec![];
    for arg in args {
        let path = Path::new(arg);
        if arg == "-" || !path.is_dir() {
            paths.push(Ok(arg.clone()));
            continue;
        }
        let mut files = vec![];
        match text_files(path, &mut files) {
            Ok(()) => {
                files.sort();
                paths.extend(files.into_iter().map(Ok));
            }
            Err(e) => paths.push(Err(Failure(format!("{arg}: cannot read directory: {e}")))),
        }
    }
    paths
}

/// True when any argument names a directory: the command works on many files.
pub(crate) fn any_directory(args: &[String]) -> bool {
    args.iter().any(|a| a != "-" && Path::new(a).is_dir())
}

fn text_files(dir: &Path, files: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            text_files(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

/// How many files are worked on at once: enough to keep every core busy,
/// few enough that memory stays a small multiple of the largest file.
fn chunk_size() -> usize {
    4 * rayon::current_num_threads().max(1)
}

/// Runs `work` on every input in parallel and gives each result to `sink` in
/// input order. A progress bar shows on stderr when it is a terminal and
/// there are many files.
///
/// The inputs are worked on a chunk at a time, and the sink (writing the
/// output) takes one chunk while the next is worked on: writing never
/// leaves the cores idle, and at most three chunks of results are held.
pub(crate) fn for_each_ordered<R: Send>(
    inputs: Vec<Result<String, Failure>>,
    work: impl Fn(&str) -> Result<R, Failure> + Sync,
    mut sink: impl FnMut(Result<R, Failure>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let progress = progress_bar(inputs.len());
    let (done, ready) = std::sync::mpsc::sync_channel::<Vec<Result<R, Failure>>>(1);
    let (inputs, work) = (&inputs, &work);
    std::thread::scope(|scope| {
        // `move`: the sender must go with the worker, so that the channel
        // closes when the last chunk is sent.
        scope.spawn(move || {
            for chunk in inputs.chunks(chunk_size()) {
                let results = chunk
                    .par_iter()
                    .map(|input| match input {
                        Ok(path) => work(path),
                        Err(Failure(message)) => Err(Failure(message.clone())),
                    })
                    .collect();
                // The receiver is gone only when the sink failed: stop.
                if done.send(results).is_err() {
                    return;
                }
            }
        });
        // Dropping `ready` on failure stops the worker at its next chunk.
        for results in ready {
            for result in results {
                progress.inc(1);
                progress.suspend(|| sink(result))?;
            }
        }
        progress.finish_and_clear();
        Ok(())
    })
}

/// Files below this count finish too fast for a bar to help.
const PROGRESS_MIN_FILES: usize = 50;

fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
