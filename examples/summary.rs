//! Prints a one-line summary per section of a notice: `cargo run --example summary -- FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: summary FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let notice = fenjie::parse(&text)?;
    for section in notice.sections() {
        let tasks = section.tasks.len()
            + section
                .subsections
                .iter()
                .map(|s| s.tasks.len())
                .sum::<usize>();
        println!(
            "{} {} — {} subsections, {} tasks",
            section.marker,
            section.title,
            section.subsections.len(),
            tasks
        );
    }
    for d in &notice.diagnostics {
        println!(
            "{}:{}:{}: {} {}: {}",
            path, d.span.line, d.span.column, d.severity, d.code, d.message
        );
    }
    Ok(())
}
