//! Charts drawn with plotters (placeholder until the charts land).
