//! Every threshold, window and minimum count the analysis uses, with the defaults of
//! science.md. Each can be changed in `strainscope.toml` under `[thresholds]`. With the
//! declared conditions and the weeks in focus they make the [`AnalysisOptions`].

use serde::{Deserialize, Serialize};

use crate::model::Condition;

mod validate;
pub use validate::{MAX_HOURS, ThresholdError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    // Load and overtraining (science.md §2).
    /// EWMA spans N of the acute and chronic loads (λ = 2/(N+1)).
    pub acwr_acute_days: u32,
    pub acwr_chronic_days: u32,
    /// ACWR bands: below `acwr_low` is "low", up to `acwr_caution` the "sweet spot",
    /// up to `acwr_danger` "caution", from `acwr_danger` on "danger".
    pub acwr_low: f64,
    pub acwr_caution: f64,
    pub acwr_danger: f64,
    /// Week-over-week change: above `change_info_pct` is informational, above
    /// `change_warning_pct` a warning.
    pub change_info_pct: f64,
    pub change_warning_pct: f64,
    pub monotony_caution: f64,
    pub monotony_warning: f64,
    /// Consecutive training days that earn a warning.
    pub streak_warning_days: u32,
    /// Hours between two sessions loading the same region below which it is flagged.
    pub same_region_gap_h: f64,
    /// A run of at least this many days without a session is a layoff.
    pub layoff_days: u32,
    /// First week back whose load is at least this share of the 4 weeks before the gap.
    pub return_load_pct: f64,

    // Pain episodes (science.md §3).
    /// Entries at most this many days apart belong to one episode.
    pub episode_gap_days: u32,
    pub soreness_max_intensity: u8,
    pub soreness_min_h: f64,
    pub soreness_max_h: f64,
    pub soreness_max_days: u32,
    pub acute_window_h: f64,
    pub acute_intensity: u8,
    pub not_improving_from_h: f64,
    pub not_improving_to_h: f64,
    pub persistent_days: u32,
    pub persistent_long_days: u32,
    /// Pain above this, the day before or after a session in an open episode, is training
    /// through pain (Silbernagel: > 5/10 is not acceptable).
    pub training_through_pain_above: u8,
    /// Pain that starts at most this many days after an earlier episode of the region ended
    /// is a recurrence, never soreness.
    pub recurrence_days: u32,

    // Associations (science.md §4).
    pub window_h: u32,
    pub lag_windows_h: Vec<u32>,
    pub min_exposed_sessions: u64,
    pub min_unexposed_sessions: u64,
    pub min_onsets: u64,
    pub q_warning: f64,
    pub q_caution: f64,
    /// "Short rest": less than this many hours since the previous session ...
    pub short_rest_h: f64,
    /// ... or at least this day of a streak.
    pub short_rest_streak_day: u32,

    // Habits (seed-knowledge.md §1, §5).
    pub core_days_per_week: f64,
    /// Push:pull working-set ratio above which the chest outworks the back.
    pub push_pull_max: f64,
    /// Knee-dominant:hip-dominant ratio outside [1/x, x] is an imbalance.
    pub knee_hip_max: f64,
    /// A set at or above this share of the exercise's heaviest working weight is "heavy".
    pub heavy_share: f64,
    pub warmup_share_min: f64,
    /// The same exercise on at least this many days of one week is repetitive strain.
    pub repeat_exercise_days: u32,
    /// The same region loaded on at least this many days of one week.
    pub repeat_region_days: u32,
    /// RPE at or above this is a grinding set.
    pub grinding_rpe: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            acwr_acute_days: 7,
            acwr_chronic_days: 28,
            acwr_low: 0.8,
            acwr_caution: 1.3,
            acwr_danger: 1.5,
            change_info_pct: 10.0,
            change_warning_pct: 30.0,
            monotony_caution: 1.5,
            monotony_warning: 2.0,
            streak_warning_days: 6,
            same_region_gap_h: 48.0,
            layoff_days: 14,
            return_load_pct: 80.0,
            episode_gap_days: 3,
            soreness_max_intensity: 3,
            soreness_min_h: 12.0,
            soreness_max_h: 72.0,
            soreness_max_days: 5,
            acute_window_h: 24.0,
            acute_intensity: 6,
            not_improving_from_h: 72.0,
            not_improving_to_h: 96.0,
            persistent_days: 7,
            persistent_long_days: 14,
            training_through_pain_above: 5,
            recurrence_days: 14,
            window_h: 48,
            lag_windows_h: vec![24, 72],
            min_exposed_sessions: 3,
            min_unexposed_sessions: 3,
            min_onsets: 2,
            q_warning: 0.05,
            q_caution: 0.10,
            short_rest_h: 24.0,
            short_rest_streak_day: 4,
            core_days_per_week: 2.0,
            push_pull_max: 1.5,
            knee_hip_max: 2.0,
            heavy_share: 0.8,
            warmup_share_min: 0.5,
            repeat_exercise_days: 4,
            repeat_region_days: 5,
            grinding_rpe: 9.5,
        }
    }
}

impl Thresholds {
    /// Every association window: the primary one first, then the lag profile.
    pub fn windows_h(&self) -> Vec<u32> {
        let mut w = vec![self.window_h];
        w.extend(
            self.lag_windows_h
                .iter()
                .copied()
                .filter(|&x| x != self.window_h),
        );
        w
    }
}

/// What the analysis is told besides the logs and the catalog.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    pub thresholds: Thresholds,
    /// `[conditions] declared`, each once, in the order the file names them.
    pub conditions: Vec<Condition>,
    /// `[report] focus_weeks` or `--focus-weeks`; `None` is the default (4).
    pub focus_weeks: Option<u32>,
}

impl AnalysisOptions {
    /// The weeks in focus: the flag or the file, else the default.
    pub fn focus_weeks(&self) -> u32 {
        self.focus_weeks.unwrap_or(super::FOCUS_WEEKS)
    }
}
