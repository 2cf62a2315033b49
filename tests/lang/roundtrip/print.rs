//! Writes every code's phrase and description from the module generated
//! for tests/lang/awkward.yaml, each followed by a NUL byte, in code
//! order.  tests/test_roundtrip.sh compiles it next to the module.
#![forbid(unsafe_code)]

#[path = "awkward.rs"]
mod awkward;

use awkward::Awkward;
use std::io::Write;
use std::process::exit;

fn main() {
    let mut out = Vec::new();
    for status in Awkward::ALL {
        out.extend_from_slice(status.reason().as_bytes());
        out.push(0);
        out.extend_from_slice(status.description().as_bytes());
        out.push(0);
    }
    std::io::stdout().write_all(&out).expect("write");
    if Awkward::OldQuote != Awkward::QuoteBackslash || Awkward::from_u16(444).is_some() {
        eprintln!("print.rs: the module disagrees with itself");
        exit(1);
    }
}
