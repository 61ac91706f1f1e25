//! The dates a log can plausibly hold: from 1990-01-01 (before any gym app) to two days after
//! today (a phone a time zone ahead). A date outside is a typing or export error, and one far-off
//! date would otherwise stretch every per-day series of the analysis to its span.

use chrono::NaiveDate;

/// The first plausible day of a log.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1990, 1, 1) {
    Some(d) => d,
    None => panic!("1990-01-01 is a valid date"),
};

/// How many days after today a date may lie (time zones ahead of the computer's).
pub const DAYS_AHEAD: u64 = 2;

/// The range of plausible dates, fixed by "today" (the system date, or `--today`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlausibleDates {
    pub today: NaiveDate,
}

impl Default for PlausibleDates {
    /// Today is the system's local date.
    fn default() -> Self {
        PlausibleDates::ending(chrono::Local::now().date_naive())
    }
}

impl PlausibleDates {
    pub fn ending(today: NaiveDate) -> Self {
        PlausibleDates { today }
    }

    pub fn first(&self) -> NaiveDate {
        FIRST_DAY
    }

    pub fn last(&self) -> NaiveDate {
        self.today
            .checked_add_days(chrono::Days::new(DAYS_AHEAD))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first()..=self.last()).contains(&day)
    }

    /// What a row error or usage error says was expected.
    pub fn expected(&self) -> String {
        format!(
            "a date from {} to {}: today, {}, plus {DAYS_AHEAD} days; --today sets today",
            self.first(),
            self.last(),
            self.today
        )
    }

    /// `--from`, `--to`, `--at`: a usage error naming the option when the day is outside.
    pub fn check_option(&self, option: &str, day: Option<NaiveDate>) -> Result<(), String> {
        match day {
            Some(d) if !self.contains(d) => Err(format!(
                "{option} {d} is outside the plausible dates (expected {})",
                self.expected()
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::date;

    #[test]
    fn the_range_runs_from_1990_to_two_days_after_today() {
        let r = PlausibleDates::ending(date("2016-12-31"));
        assert!(!r.contains(date("1989-12-31")));
        assert!(r.contains(date("1990-01-01")));
        assert!(r.contains(date("2017-01-02")));
        assert!(!r.contains(date("2017-01-03")));
        assert_eq!(
            r.expected(),
            "a date from 1990-01-01 to 2017-01-02: today, 2016-12-31, plus 2 days; --today sets today"
        );
    }

    #[test]
    fn the_last_day_of_the_calendar_does_not_overflow() {
        let r = PlausibleDates::ending(NaiveDate::MAX);
        assert_eq!(r.last(), NaiveDate::MAX);
        assert!(r.contains(NaiveDate::MAX));
    }
}
