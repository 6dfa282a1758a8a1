//! The hostile-input corpus: registers a careless editor, a broken export or an attacker might
//! produce, each with its exact expected output (file:line:col, message) and exit code, in
//! `tests/hostile/*.toml` (the command), `.stdout`, `.stderr` and `.in/` (the register).
//! Every case must also finish within the harness's time limit.
//!
//! After a deliberate change of a message: `TRYCMD=overwrite cargo test --test hostile`.

use std::time::Duration;

#[test]
fn hostile_registers_fail_as_documented_in_bounded_time() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(20))
        .case("tests/hostile/*.toml");
}
