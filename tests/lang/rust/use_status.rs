//! A user of the generated module, built by tests/test_lang_rust.sh as a
//! crate that forbids unsafe code and denies missing docs; it prints
//! every code with its phrase and description, tab-separated, for the
//! test to compare with the data, and exits non-zero when a check fails.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[path = "http_status.rs"]
mod http_status;

use http_status::{HttpStatus, HttpStatusCode};
use std::convert::TryFrom;
use std::process::exit;

// The lookups are const fns, so they work in constants too.
const NOT_FOUND: Option<HttpStatus> = HttpStatus::from_name("Not_Found");
const RETRY_503: bool = HttpStatus::ServiceUnavailable.is_retryable();
const TEAPOT: Option<HttpStatus> = HttpStatus::from_phrase("i'm a teapot");

fn main() {
    let mut bad = false;
    let mut check = |ok: bool, what: &str| {
        if !ok {
            eprintln!("use_status.rs: {}", what);
            bad = true;
        }
    };
    check(HttpStatus::NotFound.code() == 404, "NotFound is not 404");
    check(
        matches!(HttpStatus::from_u16(404), Some(HttpStatus::NotFound)),
        "a status does not match as a pattern",
    );
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
    // The flags: a status that has it, one that does not.
    check(RETRY_503, "is_retryable of 503, in a const");
    check(HttpStatus::TooManyRequests.is_retryable(), "is_retryable of 429");
    check(!HttpStatus::NotFound.is_retryable(), "is_retryable of 404");
    check(HttpStatus::Ok.is_cacheable(), "is_cacheable of 200");
    check(!HttpStatus::Created.is_cacheable(), "is_cacheable of 201");
    check(HttpStatus::NoContent.is_no_content(), "is_no_content of 204");
    check(HttpStatus::NotModified.is_no_content(), "is_no_content of 304");
    check(!HttpStatus::Ok.is_no_content(), "is_no_content of 200");
    check(
        HttpStatus::NotFound.to_string() == "404 Not Found",
        "Display of 404",
    );
    // Every code of the HTTP registry fits a u16, so that stays its type.
    let code: u16 = HttpStatus::Ok.code();
    let wide: HttpStatusCode = code;
    check(wide == 200, "code() of Ok");
    check(HttpStatus::from_code(404) == Some(HttpStatus::NotFound), "404");
    check(HttpStatus::NotFound.class() == "client_error", "class of 404");
    check(HttpStatus::Continue.class() == "informational", "class of 100");
    check(NOT_FOUND == Some(HttpStatus::NotFound), "from_name in a const");
    check(TEAPOT == Some(HttpStatus::ImATeapot), "from_phrase in a const");
    check(
        HttpStatus::from_name("REQUEST_ENTITY_TOO_LARGE") == Some(HttpStatus::ContentTooLarge),
        "an alias in upper case",
    );
    check(
        HttpStatus::from_phrase("Request Entity Too Large") == Some(HttpStatus::ContentTooLarge),
        "an earlier phrase",
    );
    check(
        HttpStatus::from_phrase("moved temporarily") == Some(HttpStatus::Found),
        "302's earlier phrase",
    );
    check(HttpStatus::from_name("NotFound").is_none(), "a Rust name");
    check(format!("{:?}", HttpStatus::NotFound) == "NotFound", "Debug of 404");
    check(
        format!("{:?}", HttpStatus::PayloadTooLarge) == "ContentTooLarge",
        "Debug of an alias",
    );
    check(HttpStatus::from_name("").is_none(), "the empty name");
    check(HttpStatus::from_phrase("").is_none(), "the empty phrase");
    check(HttpStatus::ALL.first() == Some(&HttpStatus::Continue), "ALL[0]");
    check(HttpStatus::ALL.windows(2).all(|w| w[0] < w[1]), "ALL ascending");
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
