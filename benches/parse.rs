//! Parse throughput on the seed, in bytes per second (criterion reports MB/s).
//!
//! `cargo bench --bench parse`. Target: ≥ 200 MB/s on one core, with and
//! without target extraction.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

// The allocator the `fenjie` binary uses (src/main.rs): parsing allocates
// the model's strings, and the figures should be what the tool does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1c8cb5f34e52814e.txt"
    ))
    .unwrap()
}

fn parse(c: &mut Criterion) {
    let text = seed();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    // Each iteration parses and drops the model, as `fenjie convert` does
    // for every file: the figure counts building and freeing the model.
    // (Criterion's `iter_with_large_drop` would keep every model of a
    // sample alive until the sample ends; that measured the kernel zeroing
    // hundreds of megabytes of fresh pages, a cost that moved by 3× from run
    // to run, not the parser.)
    group.bench_function("seed", |b| {
        b.iter(|| fenjie::parse(black_box(&text)).unwrap())
    });
    let no_targets = fenjie::ParseOptions {
        extract_targets: false,
    };
    group.bench_function("seed_without_targets", |b| {
        b.iter(|| fenjie::parse_with(black_box(&text), &no_targets).unwrap())
    });
    group.bench_function("render_seed", |b| {
        let notice = fenjie::parse(&text).unwrap();
        b.iter(|| fenjie::render(black_box(&notice)))
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
