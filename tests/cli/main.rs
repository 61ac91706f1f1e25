//! The one integration-test binary (each polars test binary is a huge link): black-box CLI
//! tests plus property tests against the library.

mod support;

mod bad_input;
mod charts;
mod import;
mod pain;
mod props;
mod real_exports;
mod report;
mod sample_logs;
