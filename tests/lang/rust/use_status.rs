//! A user of the generated module, built by tests/test_lang_rust.sh as a
//! crate that forbids unsafe code and denies missing docs; it prints
//! every code with its phrase and description, tab-separated, for the
//! test to compare with the data, and exits non-zero when a check fails.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[path = "http_status.rs"]
mod http_status;

use http_status::HttpStatus;
use std::convert::TryFrom;
use std::process::exit;

fn main() {
    let mut bad = false;
    let mut check = |ok: bool, what: &str| {
        if !ok {
            eprintln!("use_status.rs: {}", what);
            bad = true;
        }
    };
    check(HttpStatus::NotFound as u16 == 404, "NotFound is not 404");
    check(HttpStatus::NotFound.reason() == "Not Found", "reason of 404");
    check(HttpStatus::from_u16(418) == Some(HttpStatus::ImATeapot), "418");
    check(HttpStatus::from_u16(999).is_none(), "999 is known");
    check(HttpStatus::from_u16(499).is_none(), "an unofficial code is in");
    check(HttpStatus::try_from(600u16) == Err(600), "try_from(600)");
    check(u16::from(HttpStatus::Ok) == 200, "u16::from(Ok)");
    check(
        HttpStatus::PayloadTooLarge == HttpStatus::ContentTooLarge,
        "the alias PayloadTooLarge differs",
    );
    check(
        matches!(HttpStatus::from_u16(413), Some(HttpStatus::PayloadTooLarge)),
        "an alias does not match as a pattern",
    );
    check(HttpStatus::NotFound.is_client_error(), "is_client_error");
    check(!HttpStatus::NotFound.is_server_error(), "is_server_error");
    check(
        HttpStatus::NotFound.to_string() == "404 Not Found",
        "Display of 404",
    );
    for status in HttpStatus::ALL {
        println!(
            "{}\t{}\t{}",
            status.code(),
            status.reason(),
            status.description()
        );
    }
    if bad {
        exit(1);
    }
}
