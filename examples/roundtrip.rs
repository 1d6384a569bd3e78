//! Parses a notice and writes it back: `cargo run --example roundtrip -- FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: roundtrip FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let rendered = fenjie::render(&fenjie::parse(&text)?);
    print!("{rendered}");
    Ok(())
}
