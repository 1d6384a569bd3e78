//! Parse time against input size: 1×, 10×, 100× and 1000× the seed.
//!
//! `cargo bench --bench scale`. Two shapes of input:
//!
//! - `concatenated`: the seed repeated, as when notices are pasted into one
//!   file (a bad input in itself: every copy after the first is a letter
//!   inside an attachment, so most of it is unrecognised lines);
//! - `tasks`: one notice whose attachment repeats the seed's sections, so
//!   that it holds 124, 1 240, 12 400 and 124 000 tasks.
//!
//! Criterion reports MB/s for each size; at the end a table gives ns/byte at
//! each size and its ratio to the 1× figure, which stays near 1 when time
//! grows linearly.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

const SIZES: [usize; 4] = [1, 10, 100, 1000];

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1c8cb5f34e52814e.txt"
    ))
    .expect("seed file is checked in")
}

/// The seed `k` times over.
fn concatenated(seed: &str, k: usize) -> String {
    seed.repeat(k)
}

/// The seed with its attachment's sections `k` times over: one notice.
fn tasks(seed: &str, k: usize) -> String {
    let sections = seed.find("\n一、2021").expect("the seed's first section") + 1;
    let (head, body) = seed.split_at(sections);
    let mut text = String::with_capacity(head.len() + body.len() * k);
    text.push_str(head);
    for _ in 0..k {
        text.push_str(body);
    }
    text
}

type Shape = (&'static str, fn(&str, usize) -> String);
const SHAPES: [Shape; 2] = [("concatenated", concatenated), ("tasks", tasks)];

fn bench(c: &mut Criterion) {
    let seed = seed();
    for (name, make) in SHAPES {
        let mut group = c.benchmark_group(format!("scale/{name}"));
        // A 1000× input takes a good fraction of a second to parse.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(8));
        for k in SIZES {
            let text = make(&seed, k);
            group.throughput(Throughput::BytesDecimal(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{k}x")),
                &text,
                |b, t| b.iter(|| fenjie::parse(black_box(t.as_str())).unwrap()),
            );
        }
        group.finish();
    }
}

/// The best of a few timed parses, in ns per byte.
fn ns_per_byte(text: &str) -> f64 {
    let runs = (200_000_000 / text.len()).clamp(3, 50);
    let best = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(fenjie::parse(black_box(text)).unwrap());
            start.elapsed()
        })
        .min()
        .unwrap_or_default();
    best.as_nanos() as f64 / text.len() as f64
}

/// ns/byte at each size, and the ratio to 1×.
fn linearity_table() {
    let seed = seed();
    println!("\nlinearity (best of several runs):");
    println!(
        "{:<14} {:>6} {:>10} {:>9} {:>8} {:>9}",
        "shape", "size", "MB", "ns/byte", "MB/s", "vs 1x"
    );
    for (name, make) in SHAPES {
        let mut base = None;
        for k in SIZES {
            let text = make(&seed, k);
            let ns = ns_per_byte(&text);
            let base = *base.get_or_insert(ns);
            println!(
                "{name:<14} {:>5}x {:>10.2} {ns:>9.2} {:>8.0} {:>8.2}x",
                k,
                text.len() as f64 / 1e6,
                1e3 / ns,
                ns / base
            );
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
    // `cargo bench` passes --bench; `cargo test --benches` does not, and
    // only checks that the benchmarks run.
    if std::env::args().any(|a| a == "--bench") {
        linearity_table();
    }
}
