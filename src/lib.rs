//! strainscope: joins gym-app exports to a pain diary and finds what comes before pain.
//!
//! Data flows one way: `import`/`diary` (files → [`model`]) → `analysis` (typed results) →
//! renderers. See `docs/` for the user guide, formats and methods.

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod chart;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diary;
pub mod error;
pub mod fonts;
pub mod import;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod synth;
pub mod text;
