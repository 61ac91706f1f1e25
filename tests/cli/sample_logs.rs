//! Filled in once sample_logs exist.
