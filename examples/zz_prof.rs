fn main() {
    let text = std::fs::read_to_string("seeds/000_1c8cb5f34e52814e.txt").unwrap();
    let n: usize = std::env::args().nth(1).map_or(20, |a| a.parse().unwrap());
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n { k += fenjie::parse(text.as_str()).unwrap().tasks().count(); }
    let dt = t.elapsed();
    println!("{k} {:?} {:.1} MB/s", dt, (text.len() * n) as f64 / dt.as_secs_f64() / 1e6);
}
