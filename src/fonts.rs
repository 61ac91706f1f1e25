//! The one font strainscope draws with: DejaVu Sans, embedded in the binary (licence in
//! `assets/fonts/LICENSE-DejaVu.txt`). Charts (plotters through ab_glyph) and the weekly PDF
//! (krilla, and usvg for the charts inside it) all use these bytes, so output never depends
//! on the fonts a machine happens to have.

pub static SANS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub static SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name inside the font files; usvg resolves SVG `sans-serif` to it.
pub const FAMILY: &str = "DejaVu Sans";
