//! The allowed range of every threshold and the orders between them, checked once when the
//! config is loaded. A value outside would make the analysis meaningless, vanish silently
//! (NaN compares false) or overflow a date (a window of 4 294 967 295 hours is 490 000 years).

use super::Thresholds;

/// The most hours a time threshold may span: one year.
pub const MAX_HOURS: u32 = 8_760;
/// The largest percentage (a hundredfold rise).
const MAX_PCT: f64 = 10_000.0;
/// The largest minimum count of sessions or onsets.
const MAX_COUNT: f64 = 1_000_000.0;
/// The most lag windows.
const MAX_LAG_WINDOWS: usize = 16;

/// A span of whole days, up to a year.
const DAYS: Allowed = Allowed::From(1.0, 365.0, "days");
/// Whole days of one week.
const WEEKDAYS: Allowed = Allowed::From(1.0, 7.0, "days");
/// A span of hours, up to a year.
const HOURS: Allowed = Allowed::From(0.0, MAX_HOURS as f64, "hours");
/// An association window: at least an hour, up to a year.
const WINDOW: Allowed = Allowed::From(1.0, MAX_HOURS as f64, "hours");
/// A pain intensity or an RPE, on the 0–10 scale.
const SCALE: Allowed = Allowed::From(0.0, 10.0, "");
/// A ratio of loads or of set counts, never zero.
const RATIO: Allowed = Allowed::Above(0.0, 100.0, "");
/// A share or a q value.
const SHARE: Allowed = Allowed::From(0.0, 1.0, "");
const PCT: Allowed = Allowed::From(0.0, MAX_PCT, "%");
const COUNT: Allowed = Allowed::From(1.0, MAX_COUNT, "");

/// How a lower threshold must stand to the higher one it is paired with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Strictly below: an ACWR band may not be empty.
    Below,
    /// Below or equal.
    AtMost,
}

/// The pairs (lower, higher) whose order the analysis relies on, by key.
const ORDERED: [(&str, &str, Order); 9] = [
    ("acwr_low", "acwr_caution", Order::Below),
    ("acwr_caution", "acwr_danger", Order::Below),
    ("acwr_acute_days", "acwr_chronic_days", Order::AtMost),
    ("change_info_pct", "change_warning_pct", Order::AtMost),
    ("monotony_caution", "monotony_warning", Order::AtMost),
    ("soreness_min_h", "soreness_max_h", Order::AtMost),
    ("not_improving_from_h", "not_improving_to_h", Order::AtMost),
    ("persistent_days", "persistent_long_days", Order::AtMost),
    ("q_warning", "q_caution", Order::AtMost),
];

/// A threshold's value on the one scale the ranges use. Every count and score fits an f64
/// exactly well enough to be compared with its bounds.
trait Measure {
    fn measure(self) -> f64;
}

impl Measure for f64 {
    fn measure(self) -> f64 {
        self
    }
}

impl Measure for u8 {
    fn measure(self) -> f64 {
        f64::from(self)
    }
}

impl Measure for u32 {
    fn measure(self) -> f64 {
        f64::from(self)
    }
}

impl Measure for u64 {
    fn measure(self) -> f64 {
        self as f64
    }
}

/// `(key, value, range)` rows from `field: range` pairs: the key is the field's name, as the
/// config spells it, so the two cannot drift apart.
macro_rules! ranges_of {
    ($t:expr; $($field:ident: $allowed:expr,)*) => {
        [$((stringify!($field), Measure::measure($t.$field), $allowed)),*]
    };
}

impl Thresholds {
    /// Each single-valued threshold by its key, with its value and the range it must lie in,
    /// in the order of the struct (the first one out of range is the one reported).
    fn ranges(&self) -> [(&'static str, f64, Allowed); 42] {
        ranges_of!(self;
            acwr_acute_days: DAYS,
            acwr_chronic_days: DAYS,
            acwr_low: RATIO,
            acwr_caution: RATIO,
            acwr_danger: RATIO,
            change_info_pct: PCT,
            change_warning_pct: PCT,
            monotony_caution: RATIO,
            monotony_warning: RATIO,
            streak_warning_days: DAYS,
            same_region_gap_h: HOURS,
            layoff_days: DAYS,
            return_load_pct: PCT,
            episode_gap_days: DAYS,
            soreness_max_intensity: SCALE,
            soreness_min_h: HOURS,
            soreness_max_h: HOURS,
            soreness_max_days: DAYS,
            acute_window_h: HOURS,
            acute_intensity: SCALE,
            not_improving_from_h: HOURS,
            not_improving_to_h: HOURS,
            persistent_days: DAYS,
            persistent_long_days: DAYS,
            training_through_pain_above: SCALE,
            recurrence_days: DAYS,
            window_h: WINDOW,
            min_exposed_sessions: COUNT,
            min_unexposed_sessions: COUNT,
            min_onsets: COUNT,
            q_warning: SHARE,
            q_caution: SHARE,
            short_rest_h: HOURS,
            short_rest_streak_day: DAYS,
            core_days_per_week: Allowed::From(0.0, 7.0, "days"),
            push_pull_max: RATIO,
            // Outside [1/x, x] is an imbalance: below 1 that interval is empty.
            knee_hip_max: Allowed::From(1.0, 100.0, ""),
            heavy_share: SHARE,
            warmup_share_min: SHARE,
            repeat_exercise_days: WEEKDAYS,
            repeat_region_days: WEEKDAYS,
            grinding_rpe: SCALE,
        )
    }

    /// Checks every value against its allowed range, then the orders between them.
    pub fn validate(&self) -> Result<(), ThresholdError> {
        let ranges = self.ranges();
        for &(key, value, allowed) in &ranges {
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
        if let Some(&w) = self
            .lag_windows_h
            .iter()
            .find(|&&w| !WINDOW.admits(f64::from(w)))
        {
            return Err(ThresholdError::range(
                "lag_windows_h",
                w.to_string(),
                WINDOW,
            ));
        }
        // Every key of ORDERED is in the ranges (a test holds it), so no lookup misses.
        let value = |key: &str| ranges.iter().find(|r| r.0 == key).map_or(f64::NAN, |r| r.1);
        for (low, high, order) in ORDERED {
            let (a, b) = (value(low), value(high));
            let (in_order, relation) = match order {
                Order::Below => (a < b, "below"),
                Order::AtMost => (a <= b, "at most"),
            };
            if !in_order {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ordered_key_has_a_range() {
        let keys: Vec<&str> = Thresholds::default().ranges().iter().map(|r| r.0).collect();
        let missing: Vec<&str> = ORDERED
            .iter()
            .flat_map(|&(low, high, _)| [low, high])
            .filter(|k| !keys.contains(k))
            .collect();
        assert_eq!(missing, Vec::<&str>::new());
    }

    #[test]
    fn an_empty_acwr_band_names_both_keys() {
        let t = Thresholds {
            acwr_caution: 1.5,
            ..Thresholds::default()
        };
        let err = t.validate().unwrap_err();
        assert_eq!(err.key, "acwr_caution");
        assert_eq!(
            err.message,
            "thresholds.acwr_caution must be below acwr_danger (1.5 is not below 1.5)"
        );
    }
}
