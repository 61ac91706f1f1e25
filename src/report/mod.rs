//! Renderers: each takes the analysis as it is and computes nothing of its own.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
