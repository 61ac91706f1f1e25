//! Renderers: each takes the analysis as it is and computes nothing of its own.

pub mod document;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod text;
pub mod words;

/// A chart already drawn as SVG, for the renderers that embed charts (HTML, PDF).
#[derive(Debug, Clone)]
pub struct Figure {
    pub title: String,
    /// A complete `<svg>` document.
    pub svg: String,
}
