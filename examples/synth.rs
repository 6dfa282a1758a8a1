//! Writes a generated register, the one the benchmarks use, for trying commands at scale:
//!
//!   cargo run --release --example synth -- N DIR [--processors P]
//!
//! N activities over 20 business functions, each using 1–3 processors from a pool of P (by
//! default N/50, at least 20; some without a contract, some working in the US), with comments,
//! multi-line strings, lawful bases, special category data, retention, transfers and findings
//! at about a real register's rate. The files are already in `ropa fmt`'s layout.

#[path = "../benches/support/mod.rs"]
mod support;

fn usage() -> ! {
    eprintln!("usage: cargo run --release --example synth -- N DIR [--processors P]");
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut processors = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--processors" {
            processors = Some(
                it.next()
                    .and_then(|p| p.parse::<usize>().ok())
                    .unwrap_or_else(|| usage()),
            );
        } else {
            positional.push(arg);
        }
    }
    let (Some(n), Some(dir), None) = (
        positional.first().and_then(|n| n.parse::<usize>().ok()),
        positional.get(1),
        positional.get(2),
    ) else {
        usage()
    };
    let mut synth = support::Synth::new(n);
    if let Some(p) = processors {
        synth.processors = p;
    }
    let dir = std::path::Path::new(dir);
    if dir.join("ropa.toml").exists() {
        eprintln!("error: {} already holds a register", dir.display());
        std::process::exit(2);
    }
    std::fs::create_dir_all(dir).unwrap_or_else(|e| {
        eprintln!("error: cannot create {}: {e}", dir.display());
        std::process::exit(2);
    });
    support::generate_with(dir, synth);
    println!(
        "wrote a register of {n} activities and {} processors to {}",
        synth.processors,
        dir.display()
    );
}
