//! Writes the sample plan as a PDF to the path given, to look at the layout:
//! `cargo run -p steunkring-pdf --example handout -- plan.pdf`.

#[path = "../tests/support/mod.rs"]
mod sample;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "handout.pdf".into());
    std::fs::write(path, steunkring_pdf::plan_handout(&sample::sample(true)))
}
