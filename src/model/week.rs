//! The ISO week every weekly figure is keyed by.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

/// An ISO week (`2026-W46`): Monday to Sunday, numbered in its ISO year. Ordered by time,
/// written and serialized as `YYYY-Www`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The ISO week a day falls in.
    pub fn of(day: NaiveDate) -> IsoWeek {
        use chrono::Datelike;
        let w = day.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    /// The week from its sortable number `year * 100 + week` (polars groups by that number).
    pub fn from_key(key: i32) -> IsoWeek {
        IsoWeek {
            year: key.div_euclid(100),
            week: key.rem_euclid(100) as u32,
        }
    }

    /// `year * 100 + week`, sortable like the weeks.
    pub fn key(self) -> i32 {
        self.year * 100 + self.week as i32
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, chrono::Weekday::Mon)
            .unwrap_or(NaiveDate::MIN)
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday() + chrono::Days::new(6)
    }

    /// `W46`, for narrow table headers.
    pub fn short(self) -> String {
        format!("W{:02}", self.week)
    }
}

impl fmt::Display for IsoWeek {
    /// Honours width and alignment (`{:<9}` in the terminal's tables).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}-W{:02}", self.year, self.week))
    }
}

impl FromStr for IsoWeek {
    type Err = String;
    /// `2026-W46` (also `2026W46` and `2026-w46`).
    fn from_str(label: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{label:?} is not an ISO week (expected YYYY-Www, such as 2026-W46)");
        let (year, week) = label.trim().split_once(['-', 'W']).ok_or_else(bad)?;
        let week = week.trim_start_matches(['W', 'w']);
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).ok_or_else(bad)?;
        Ok(IsoWeek { year, week })
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
