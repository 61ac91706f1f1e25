//! Analysis: pure functions from the normalized model to typed results, computed with polars.
//! `polars::prelude::*` stays inside this module so a polars upgrade touches few files.

pub mod frame;
pub mod totals;
