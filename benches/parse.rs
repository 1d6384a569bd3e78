//! Parse throughput on the seed, in bytes per second (criterion reports MB/s).
//!
//! `cargo bench --bench parse`. Target: ≥ 200 MB/s on one core, with and
//! without target extraction.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
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
    // Parsing proper: the model is dropped after each iteration, outside
    // the timed part, as a program that keeps what it parsed would. One
    // model at a time: criterion's `iter_with_large_drop` kept a whole
    // sample's models alive, and then timed the kernel zeroing hundreds of
    // megabytes of fresh pages (a cost that moved 3× from run to run), not
    // the parser. Timing each 200 µs parse alone costs well under 0.1 %.
    let parse_only = |b: &mut criterion::Bencher, options: &fenjie::ParseOptions| {
        b.iter_batched(
            || (),
            |()| fenjie::parse_with(black_box(&text), options).unwrap(),
            BatchSize::PerIteration,
        )
    };
    group.bench_function("seed", |b| parse_only(b, &fenjie::ParseOptions::default()));
    group.bench_function("seed_without_targets", |b| {
        parse_only(
            b,
            &fenjie::ParseOptions {
                extract_targets: false,
            },
        )
    });
    // The whole cycle, freeing the model included: what `fenjie convert`
    // does for every file.
    group.bench_function("seed_parse_and_drop", |b| {
        b.iter(|| fenjie::parse(black_box(&text)).unwrap())
    });
    group.bench_function("render_seed", |b| {
        let notice = fenjie::parse(&text).unwrap();
        b.iter(|| fenjie::render(black_box(&notice)))
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
