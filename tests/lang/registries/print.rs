//! Writes every code's phrase and description from a module gen wrote
//! for any registry, each followed by a NUL byte, in code order.
//! tests/test_registries.sh puts the module's file and enum names in
//! place of the @...@ words and compiles this file next to the module.
#![forbid(unsafe_code)]

#[path = "@FILE@.rs"]
mod registry;

use registry::@NAME@ as Registry;
use std::io::Write;
use std::process::exit;

fn main() {
    let mut out = Vec::new();
    for status in Registry::ALL {
        out.extend_from_slice(status.reason().as_bytes());
        out.push(0);
        out.extend_from_slice(status.description().as_bytes());
        out.push(0);
        if Registry::from_code(status.code()) != Some(*status) {
            eprintln!("print.rs: from_code({}) disagrees", status.code());
            exit(1);
        }
    }
    std::io::stdout().write_all(&out).expect("write");
}
