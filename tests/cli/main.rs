//! The one integration-test binary (each polars test binary is a huge link): black-box CLI
//! tests plus property tests against the library.

mod support;

mod attribution;
mod bad_input;
mod bottom_line;
mod charts;
mod config;
mod episodes;
mod hostile_text;
mod import;
mod import_fitnotes_ios;
mod import_gymbook;
mod import_jefit;
mod import_stronglifts;
mod output_safety;
mod pain;
mod plausible_dates;
mod props;
mod real_exports;
mod report;
mod report_pages;
mod robustness;
mod sample_logs;
mod snapshots;
mod terminal;
mod text_files;
mod weekly;
mod words;
