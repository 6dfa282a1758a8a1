//! Writes a generated register, the one the benchmarks use, for trying commands at scale:
//!
//!   cargo run --release --example synth -- N DIR
//!
//! N activities over 20 business functions, with 50 processors (some without a contract,
//! some working in the US), lawful bases, retention and transfers.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: cargo run --example synth -- N DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    if dir.join("ropa.toml").exists() {
        eprintln!("error: {} already holds a register", dir.display());
        std::process::exit(2);
    }
    std::fs::create_dir_all(dir).unwrap_or_else(|e| {
        eprintln!("error: cannot create {}: {e}", dir.display());
        std::process::exit(2);
    });
    support::generate(dir, n);
    println!("wrote a register of {n} activities to {}", dir.display());
}
