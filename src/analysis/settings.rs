//! Every threshold, window and minimum count the analysis uses, with the defaults of
//! science.md. Each can be changed in `strainscope.toml` under `[thresholds]`. With the
//! declared conditions and the weeks in focus they make the [`AnalysisOptions`].

use serde::{Deserialize, Serialize};

use crate::model::Condition;

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

    /// Checks every value against its allowed range, then the orders between them. A value
    /// outside would make the analysis meaningless, vanish silently (NaN compares false) or
    /// overflow a date (a window of 4 294 967 295 hours is 490 000 years).
    pub fn validate(&self) -> Result<(), ThresholdError> {
        use Allowed::{Above, From};
        const HOURS: f64 = MAX_HOURS as f64;
        let days = |v: u32| f64::from(v);
        let counts = |v: u64| v as f64;
        let checks: [(&'static str, f64, Allowed); 42] = [
            (
                "acwr_acute_days",
                days(self.acwr_acute_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "acwr_chronic_days",
                days(self.acwr_chronic_days),
                From(1.0, 365.0, "days"),
            ),
            ("acwr_low", self.acwr_low, Above(0.0, 100.0, "")),
            ("acwr_caution", self.acwr_caution, Above(0.0, 100.0, "")),
            ("acwr_danger", self.acwr_danger, Above(0.0, 100.0, "")),
            (
                "change_info_pct",
                self.change_info_pct,
                From(0.0, MAX_PCT, "%"),
            ),
            (
                "change_warning_pct",
                self.change_warning_pct,
                From(0.0, MAX_PCT, "%"),
            ),
            (
                "monotony_caution",
                self.monotony_caution,
                Above(0.0, 100.0, ""),
            ),
            (
                "monotony_warning",
                self.monotony_warning,
                Above(0.0, 100.0, ""),
            ),
            (
                "streak_warning_days",
                days(self.streak_warning_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "same_region_gap_h",
                self.same_region_gap_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "layoff_days",
                days(self.layoff_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "return_load_pct",
                self.return_load_pct,
                From(0.0, MAX_PCT, "%"),
            ),
            (
                "episode_gap_days",
                days(self.episode_gap_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "soreness_max_intensity",
                f64::from(self.soreness_max_intensity),
                From(0.0, 10.0, ""),
            ),
            (
                "soreness_min_h",
                self.soreness_min_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "soreness_max_h",
                self.soreness_max_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "soreness_max_days",
                days(self.soreness_max_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "acute_window_h",
                self.acute_window_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "acute_intensity",
                f64::from(self.acute_intensity),
                From(0.0, 10.0, ""),
            ),
            (
                "not_improving_from_h",
                self.not_improving_from_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "not_improving_to_h",
                self.not_improving_to_h,
                From(0.0, HOURS, "hours"),
            ),
            (
                "persistent_days",
                days(self.persistent_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "persistent_long_days",
                days(self.persistent_long_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "training_through_pain_above",
                f64::from(self.training_through_pain_above),
                From(0.0, 10.0, ""),
            ),
            (
                "recurrence_days",
                days(self.recurrence_days),
                From(1.0, 365.0, "days"),
            ),
            (
                "window_h",
                f64::from(self.window_h),
                From(1.0, HOURS, "hours"),
            ),
            (
                "min_exposed_sessions",
                counts(self.min_exposed_sessions),
                From(1.0, MAX_COUNT, ""),
            ),
            (
                "min_unexposed_sessions",
                counts(self.min_unexposed_sessions),
                From(1.0, MAX_COUNT, ""),
            ),
            (
                "min_onsets",
                counts(self.min_onsets),
                From(1.0, MAX_COUNT, ""),
            ),
            ("q_warning", self.q_warning, From(0.0, 1.0, "")),
            ("q_caution", self.q_caution, From(0.0, 1.0, "")),
            ("short_rest_h", self.short_rest_h, From(0.0, HOURS, "hours")),
            (
                "short_rest_streak_day",
                days(self.short_rest_streak_day),
                From(1.0, 365.0, "days"),
            ),
            (
                "core_days_per_week",
                self.core_days_per_week,
                From(0.0, 7.0, "days"),
            ),
            ("push_pull_max", self.push_pull_max, Above(0.0, 100.0, "")),
            // Outside [1/x, x] is an imbalance: below 1 that interval is empty.
            ("knee_hip_max", self.knee_hip_max, From(1.0, 100.0, "")),
            ("heavy_share", self.heavy_share, From(0.0, 1.0, "")),
            (
                "warmup_share_min",
                self.warmup_share_min,
                From(0.0, 1.0, ""),
            ),
            (
                "repeat_exercise_days",
                days(self.repeat_exercise_days),
                From(1.0, 7.0, "days"),
            ),
            (
                "repeat_region_days",
                days(self.repeat_region_days),
                From(1.0, 7.0, "days"),
            ),
            ("grinding_rpe", self.grinding_rpe, From(0.0, 10.0, "")),
        ];
        for (key, value, allowed) in checks {
            if !allowed.admits(value) {
                return Err(ThresholdError::range(key, shown(value), allowed));
            }
        }
        // Each lag window is a window like `window_h`, and each one is a pass over the log.
        if self.lag_windows_h.len() > MAX_LAG_WINDOWS {
            return Err(ThresholdError {
                key: "lag_windows_h",
                message: format!(
                    "thresholds.lag_windows_h holds {} windows (expected at most {MAX_LAG_WINDOWS})",
                    self.lag_windows_h.len()
                ),
            });
        }
        let window = From(1.0, HOURS, "hours");
        if let Some(&w) = self
            .lag_windows_h
            .iter()
            .find(|&&w| !window.admits(f64::from(w)))
        {
            return Err(ThresholdError::range(
                "lag_windows_h",
                w.to_string(),
                window,
            ));
        }
        let ordered = [
            (
                "acwr_low",
                self.acwr_low,
                "acwr_caution",
                self.acwr_caution,
                true,
            ),
            (
                "acwr_caution",
                self.acwr_caution,
                "acwr_danger",
                self.acwr_danger,
                true,
            ),
            (
                "acwr_acute_days",
                days(self.acwr_acute_days),
                "acwr_chronic_days",
                days(self.acwr_chronic_days),
                false,
            ),
            (
                "change_info_pct",
                self.change_info_pct,
                "change_warning_pct",
                self.change_warning_pct,
                false,
            ),
            (
                "monotony_caution",
                self.monotony_caution,
                "monotony_warning",
                self.monotony_warning,
                false,
            ),
            (
                "soreness_min_h",
                self.soreness_min_h,
                "soreness_max_h",
                self.soreness_max_h,
                false,
            ),
            (
                "not_improving_from_h",
                self.not_improving_from_h,
                "not_improving_to_h",
                self.not_improving_to_h,
                false,
            ),
            (
                "persistent_days",
                days(self.persistent_days),
                "persistent_long_days",
                days(self.persistent_long_days),
                false,
            ),
            (
                "q_warning",
                self.q_warning,
                "q_caution",
                self.q_caution,
                false,
            ),
        ];
        for (low, a, high, b, strict) in ordered {
            if (strict && a >= b) || a > b {
                let relation = if strict { "below" } else { "at most" };
                return Err(ThresholdError {
                    key: low,
                    message: format!(
                        "thresholds.{low} must be {relation} {high} ({} is not {relation} {})",
                        shown(a),
                        shown(b)
                    ),
                });
            }
        }
        Ok(())
    }
}

/// The most hours a time threshold may span: one year.
pub const MAX_HOURS: u32 = 8_760;
/// The largest percentage (a hundredfold rise).
const MAX_PCT: f64 = 10_000.0;
/// The largest minimum count of sessions or onsets.
const MAX_COUNT: f64 = 1_000_000.0;
/// The most lag windows.
const MAX_LAG_WINDOWS: usize = 16;

/// A value as the config would write it: `48`, `0.8`, `1e300`, `inf`, `NaN`.
fn shown(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e16 {
        v.to_string()
    } else {
        format!("{v:?}")
    }
}

/// The values a threshold may take, both ends finite, so NaN and infinity are never inside.
#[derive(Debug, Clone, Copy)]
enum Allowed {
    /// From the first to the second, both included, in the unit named.
    From(f64, f64, &'static str),
    /// Above the first (excluded) up to the second (included).
    Above(f64, f64, &'static str),
}

impl Allowed {
    fn admits(self, v: f64) -> bool {
        // NaN fails both comparisons.
        match self {
            Allowed::From(lo, hi, _) => v >= lo && v <= hi,
            Allowed::Above(lo, hi, _) => v > lo && v <= hi,
        }
    }
}

impl std::fmt::Display for Allowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (words, lo, hi, unit) = match *self {
            Allowed::From(lo, hi, unit) => ("from", lo, hi, unit),
            Allowed::Above(lo, hi, unit) => ("above", lo, hi, unit),
        };
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        match words {
            "from" => write!(f, "from {lo} to {hi}{unit}"),
            _ => write!(f, "above {lo} and at most {hi}{unit}"),
        }
    }
}

/// A threshold out of its range: the key (for the line of the config) and the whole message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdError {
    pub key: &'static str,
    pub message: String,
}

impl ThresholdError {
    fn range(key: &'static str, value: String, allowed: Allowed) -> ThresholdError {
        ThresholdError {
            key,
            message: format!("thresholds.{key} must be {allowed}, not {value}"),
        }
    }
}

impl std::fmt::Display for ThresholdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
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
