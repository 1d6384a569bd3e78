//! Many input files: expanding directories, and working through files in
//! parallel while handing results on in input order.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use indicatif::{ProgressBar, ProgressStyle};

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

/// How many files may be worked on ahead of the one the sink waits for:
/// enough to keep every core busy past a slow file, few enough that memory
/// stays a small multiple of the largest file.
fn window() -> usize {
    16 * rayon::current_num_threads().max(1)
}

/// Runs `work` on every input in parallel and gives each result to `sink` in
/// input order. A progress bar shows on stderr when it is a terminal and
/// there are many files.
///
/// Each of rayon's threads takes the next input as soon as it is free, so
/// one slow file never holds the others up; none runs more than
/// [`window`] inputs ahead of the sink, so at most that many results are
/// held. The sink (writing the output) runs on the calling thread.
pub(crate) fn for_each_ordered<R: Send>(
    inputs: Vec<Result<String, Failure>>,
    work: impl Fn(&str) -> Result<R, Failure> + Sync,
    mut sink: impl FnMut(Result<R, Failure>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let progress = progress_bar(inputs.len());
    let gate = Gate::new(window());
    let next = AtomicUsize::new(0);
    let (done, ready) = std::sync::mpsc::channel::<(usize, Result<R, Failure>)>();
    let (inputs, work, gate, next) = (&inputs, &work, &gate, &next);
    std::thread::scope(|scope| {
        // `move`: the first sender goes with the workers' thread, so the
        // channel closes when the last worker is done.
        scope.spawn(move || {
            rayon::scope(|s| {
                for _ in 0..rayon::current_num_threads().max(1) {
                    let done = done.clone();
                    s.spawn(move |_| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= inputs.len() || !gate.wait_for(i) {
                            return;
                        }
                        let result = match &inputs[i] {
                            Ok(path) => work(path),
                            Err(Failure(message)) => Err(Failure(message.clone())),
                        };
                        // The receiver is gone only when the sink failed: stop.
                        if done.send((i, result)).is_err() {
                            return;
                        }
                    });
                }
            });
        });
        // Results arrive in any order; they leave in input order.
        let mut pending = BTreeMap::new();
        let mut wanted = 0;
        let outcome = ready.iter().try_for_each(|(i, result)| {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&wanted) {
                progress.inc(1);
                progress.suspend(|| sink(result))?;
                wanted += 1;
                gate.passed(wanted);
            }
            Ok(())
        });
        // On failure, the workers waiting at the gate are let go; dropping
        // `ready` makes the others stop at their next result.
        gate.close();
        drop(ready);
        progress.finish_and_clear();
        outcome
    })
}

/// Holds workers back until the sink is near the input they took.
struct Gate {
    window: usize,
    /// How many results the sink has taken, or `None` once it stopped.
    passed: Mutex<Option<usize>>,
    moved: Condvar,
}

impl Gate {
    fn new(window: usize) -> Self {
        Gate {
            window,
            passed: Mutex::new(Some(0)),
            moved: Condvar::new(),
        }
    }

    /// Waits until input `i` is within the window; false once closed.
    fn wait_for(&self, i: usize) -> bool {
        let mut passed = self.passed.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            match *passed {
                None => return false,
                Some(n) if i < n + self.window => return true,
                Some(_) => {
                    passed = self
                        .moved
                        .wait(passed)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
        }
    }

    fn passed(&self, n: usize) {
        let mut passed = self.passed.lock().unwrap_or_else(PoisonError::into_inner);
        if passed.is_some() {
            *passed = Some(n);
        }
        self.moved.notify_all();
    }

    fn close(&self) {
        *self.passed.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.moved.notify_all();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(n: usize) -> Vec<Result<String, Failure>> {
        (0..n).map(|i| Ok(i.to_string())).collect()
    }

    #[test]
    fn results_leave_in_input_order_whatever_order_they_finish_in() {
        let mut seen = vec![];
        for_each_ordered(
            inputs(200),
            |s| {
                let i: u64 = s.parse().expect("index");
                // Early inputs take longest: they finish after later ones.
                std::thread::sleep(std::time::Duration::from_micros(200 - i));
                Ok(i)
            },
            |r| {
                seen.push(r.expect("no failure"));
                Ok(())
            },
        )
        .expect("no sink failure");
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_sink_stops_the_work_without_hanging() {
        let started = AtomicUsize::new(0);
        let mut taken = 0;
        let outcome = for_each_ordered(
            inputs(10_000),
            |s| {
                started.fetch_add(1, Ordering::Relaxed);
                Ok(s.to_string())
            },
            |_| {
                taken += 1;
                if taken == 5 {
                    return Err(Failure("disk full".into()));
                }
                Ok(())
            },
        );
        assert_eq!(outcome.map_err(|f| f.0), Err("disk full".to_string()));
        assert_eq!(taken, 5);
        // Nobody ran more than a window ahead of the sink.
        let threads = rayon::current_num_threads();
        assert!(started.into_inner() <= 5 + window() + threads);
    }

    #[test]
    fn failed_inputs_are_handed_on_in_their_place() {
        let mut items = inputs(3);
        items[1] = Err(Failure("b.txt: cannot read".into()));
        let mut seen = vec![];
        for_each_ordered(
            items,
            |s| Ok(s.to_string()),
            |r| {
                seen.push(r.map_err(|f| f.0));
                Ok(())
            },
        )
        .expect("no sink failure");
        assert_eq!(
            seen,
            [
                Ok("0".to_string()),
                Err("b.txt: cannot read".to_string()),
                Ok("2".to_string())
            ]
        );
    }
}
