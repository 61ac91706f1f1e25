//! The date reader's tests: every form the importers meet, with the values they must give.

use std::collections::HashMap;

use super::words::MONTHS;

use super::*;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

#[test]
fn epoch_seconds_become_local_wall_clock_time() {
    let ny: Tz = "America/New_York".parse().unwrap();
    let at = |raw: &str, tz: Tz| parse_epoch_local(raw, tz).map(|t| t.to_string());
    // 2014-12-17 02:20:48 UTC is the evening before in New York (EST, UTC-5).
    assert_eq!(
        at("1418782848", Tz::UTC).as_deref(),
        Some("2014-12-17 02:20:48")
    );
    assert_eq!(at("1418782848", ny).as_deref(), Some("2014-12-16 21:20:48"));
    // Summer time (EDT, UTC-4).
    assert_eq!(
        at(" 1501028141 ", ny).as_deref(),
        Some("2017-07-25 20:15:41")
    );
    assert_eq!(at("0", Tz::UTC), None);
    assert_eq!(at("-5", Tz::UTC), None);
    assert_eq!(at("1.5e9", Tz::UTC), None);
    assert_eq!(at("", Tz::UTC), None);
    assert_eq!(at("99999999999", Tz::UTC), None);
}

fn at(s: &str) -> String {
    parse_stamp(s, None)
        .map(|t| t.wall.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|| "none".into())
}

/// Each stamp, read with no date order given, and its wall-clock time (or "none").
fn stamps_read_as(cases: &[(&str, &str)]) {
    for (raw, wall) in cases {
        assert_eq!(at(raw), *wall, "{raw}");
    }
}

#[test]
fn hevy_day_first_24_hour() {
    stamps_read_as(&[
        ("1 Dec 2025, 10:53", "2025-12-01 10:53:00"),
        ("02 Jul 2025, 07:05", "2025-07-02 07:05:00"),
        ("30 Jun 2025, 19:56", "2025-06-30 19:56:00"),
    ]);
}

#[test]
fn hevy_us_month_first_12_hour() {
    stamps_read_as(&[
        ("Apr 12, 2026, 12:29 PM", "2026-04-12 12:29:00"),
        ("Apr 12, 2026, 2:01 PM", "2026-04-12 14:01:00"),
        ("Jul 28, 2026, 6:49 PM", "2026-07-28 18:49:00"),
        // 12:xx AM is just after midnight.
        ("Jan 3, 2026, 12:05 AM", "2026-01-03 00:05:00"),
        ("Jan 3, 2026, 11:59 AM", "2026-01-03 11:59:00"),
        ("Jan 3, 2026, 9:15 a.m.", "2026-01-03 09:15:00"),
        ("Jan 3, 2026, 9:15 p. m.", "2026-01-03 21:15:00"),
        ("Jan 3, 2026, 13:15 PM", "none"),
        ("Jan 3, 2026, 0:15 AM", "none"),
    ]);
}

#[test]
fn iso_8601_with_and_without_offset() {
    let s = parse_stamp("2026-04-12T12:29:00Z", None).unwrap();
    assert_eq!(s.wall.to_string(), "2026-04-12 12:29:00");
    assert_eq!(s.offset, Some(FixedOffset::east_opt(0).unwrap()));
    let berlin: Tz = "Europe/Berlin".parse().unwrap();
    assert_eq!(s.local(berlin).to_string(), "2026-04-12 14:29:00");
    assert_eq!(at("2026-04-12 12:29:00"), "2026-04-12 12:29:00");
    assert_eq!(at("2026-04-12T12:29"), "2026-04-12 12:29:00");
    let f = parse_stamp("2025-08-20 01:49:39 +0000", None).unwrap();
    assert!(f.offset.is_some());
    assert_eq!(at("2026-04-12T12:29:00.250+02:00"), "2026-04-12 12:29:00");
}

#[test]
fn month_names_in_the_phone_language() {
    stamps_read_as(&[
        // French, with and without the dot, and the three names that broke another importer.
        ("1 déc. 2025, 10:53", "2025-12-01 10:53:00"),
        ("14 févr. 2025, 08:00", "2025-02-14 08:00:00"),
        ("3 août 2025, 18:20", "2025-08-03 18:20:00"),
        ("3 aout 2025, 18:20", "2025-08-03 18:20:00"),
        ("3 juil. 2025, 18:20", "2025-07-03 18:20:00"),
        ("3 juin 2025, 18:20", "2025-06-03 18:20:00"),
        ("1 DÉC 2025, 10:53", "2025-12-01 10:53:00"),
        // German, Spanish, Portuguese, Italian, Dutch.
        ("1. Dez. 2025, 10:53", "2025-12-01 10:53:00"),
        ("5. März 2025, 10:53", "2025-03-05 10:53:00"),
        ("5 mar 2025, 10:53", "2025-03-05 10:53:00"),
        ("1 dic 2025, 10:53", "2025-12-01 10:53:00"),
        ("1 de dic. de 2025, 10:53", "2025-12-01 10:53:00"),
        ("1 de dez. de 2025 10:53", "2025-12-01 10:53:00"),
        ("9 set 2025, 10:53", "2025-09-09 10:53:00"),
        ("9 out 2025, 10:53", "2025-10-09 10:53:00"),
        ("1 gen 2025, 10:53", "2025-01-01 10:53:00"),
        ("7 mrt 2025, 10:53", "2025-03-07 10:53:00"),
        // Polish, Turkish, Russian, Ukrainian, Greek.
        ("1 gru 2025, 10:53", "2025-12-01 10:53:00"),
        ("12 października 2025, 10:53", "2025-10-12 10:53:00"),
        ("1 Ara 2025 10:53", "2025-12-01 10:53:00"),
        ("3 Mayıs 2025 10:53", "2025-05-03 10:53:00"),
        ("1 дек. 2025 г., 10:53", "2025-12-01 10:53:00"),
        ("3 мая 2025 г., 10:53", "2025-05-03 10:53:00"),
        ("1 груд. 2025 р., 10:53", "2025-12-01 10:53:00"),
        ("1 Δεκ 2025, 10:53", "2025-12-01 10:53:00"),
        // East Asian numbers with markers, Korean with dots, Vietnamese, Thai (Buddhist era).
        ("2025年12月1日 10:53", "2025-12-01 10:53:00"),
        ("2025년 12월 1일 오후 3:05", "2025-12-01 15:05:00"),
        ("2025/12/01 午前 9:05", "2025-12-01 09:05:00"),
        ("1 thg 12, 2025, 10:53", "2025-12-01 10:53:00"),
        ("1 ธ.ค. 2568 10:53", "2025-12-01 10:53:00"),
    ]);
}

#[test]
fn impossible_or_unknown_dates_are_refused() {
    stamps_read_as(&[
        ("31 Feb 2025, 10:53", "none"),
        ("1 Foo 2025, 10:53", "none"),
        ("1 Dec 2025, 25:00", "none"),
        ("", "none"),
        ("soon", "none"),
        ("99999999999999 Dec 2025", "none"),
    ]);
}

#[test]
fn numeric_dates_need_a_settled_order() {
    assert_eq!(at("05/16/18"), "2018-05-16 00:00:00"); // only month-first fits
    assert_eq!(at("16/05/18"), "2018-05-16 00:00:00");
    assert_eq!(at("03/04/18"), "none"); // either order: the caller must say
    let mdy = parse_stamp("03/04/18", Some(DateOrder::Mdy)).unwrap();
    assert_eq!(mdy.wall.date().to_string(), "2018-03-04");
    let dmy = parse_stamp("03/04/2018", Some(DateOrder::Dmy)).unwrap();
    assert_eq!(dmy.wall.date().to_string(), "2018-04-03");
    assert_eq!(at("16.05.2018 19:30"), "2018-05-16 19:30:00");
    assert_eq!(at("2018/05/16"), "2018-05-16 00:00:00");
}

#[test]
fn a_file_settles_the_order_or_says_why_not() {
    assert_eq!(
        infer_order(["03/04/18", "05/16/18"]),
        FileOrder::Settled(DateOrder::Mdy)
    );
    assert_eq!(
        infer_order(["03/04/18", "16/05/18"]),
        FileOrder::Settled(DateOrder::Dmy)
    );
    assert_eq!(infer_order(["03/04/18", "01/02/18"]), FileOrder::Ambiguous);
    assert_eq!(
        infer_order(["2/5/2017", "15/05/17", "05/16/17"]),
        FileOrder::Mixed {
            day_first: "15/05/17".into(),
            month_first: "05/16/17".into()
        }
    );
    assert_eq!(order_evidence("Dec 1, 2025"), OrderEvidence::None);
}

#[test]
fn settling_a_whole_file() {
    let col = |v: &[&'static str]| settle_order("f.csv", "Date", v.iter().copied(), None, None);
    assert_eq!(
        col(&["03/04/18", "05/16/18"]).unwrap(),
        Some(DateOrder::Mdy)
    );
    assert_eq!(col(&["1 Dec 2025, 10:53", "2026-01-02"]).unwrap(), None);
    let err = col(&["03/04/18", "03/04/18", "01/02/18"])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("\"03/04/18\" reads as 3 April 2018 or as March 4, 2018"),
        "{err}"
    );
    assert!(err.contains("--date-order dmy"), "{err}");
    assert!(err.contains("date_order = \"dmy\" under [import]"), "{err}");
    let err = col(&["15/05/17", "05/16/17"]).unwrap_err().to_string();
    assert!(
        err.contains("day first (\"15/05/17\") and month first (\"05/16/17\")"),
        "{err}"
    );
    let given = settle_order("f.csv", "Date", ["03/04/18"], Some(DateOrder::Dmy), None);
    assert_eq!(given.unwrap(), Some(DateOrder::Dmy));
    // A file that shows its order is read in it, whatever the option says.
    let shown = settle_order("f.csv", "Date", ["05/16/18"], Some(DateOrder::Dmy), None);
    assert_eq!(shown.unwrap(), Some(DateOrder::Mdy));
}

#[test]
fn a_file_order_comes_from_the_user_the_dates_or_the_language() {
    let settle = |dates: &[&'static str], given, default| {
        settle_order("f.csv", "Data", dates.iter().copied(), given, default)
    };
    let ambiguous = ["03/04/18", "01/02/18"];
    assert!(settle(&ambiguous, None, None).is_err());
    assert_eq!(
        settle(&ambiguous, None, Some(DateOrder::Dmy)).unwrap(),
        Some(DateOrder::Dmy)
    );
    assert_eq!(
        settle(&ambiguous, Some(DateOrder::Mdy), Some(DateOrder::Dmy)).unwrap(),
        Some(DateOrder::Mdy)
    );
    // The dates outrank the language's default.
    assert_eq!(
        settle(&["03/04/18", "04/13/18"], None, Some(DateOrder::Dmy)).unwrap(),
        Some(DateOrder::Mdy)
    );
    assert_eq!(
        settle(&["16.05.2018 19:30"], None, None).unwrap(),
        Some(DateOrder::Dmy)
    );
    assert_eq!(
        settle(&["Jan 9, 2025", "2025-01-09"], None, None).unwrap(),
        None
    );
    // Mixed dates are refused even where the language has an order.
    let mixed = settle(&["13/01/18", "01/13/18"], None, Some(DateOrder::Dmy));
    let message = mixed.unwrap_err().to_string();
    assert!(
        message.contains("mix day first (\"13/01/18\") and month first (\"01/13/18\")"),
        "{message}"
    );
}

#[test]
fn duration_words_in_several_languages() {
    let units: [(&[&str], Option<f64>); 4] = [
        (&["secondi", "Sekunden", "seconds"], Some(1.0)),
        (&["minuti", "Minuten", "min."], Some(60.0)),
        (&["ore"], Some(3600.0)),
        (&["ripetizioni", "kg"], None),
    ];
    for (words, seconds) in units {
        for word in words {
            assert_eq!(duration_unit_s(word), seconds, "{word}");
        }
    }
}

#[test]
fn the_iso_fast_path_agrees_with_chrono() {
    for raw in [
        "2026-04-12",
        "2026-04-12 12:29",
        "2026-04-12T12:29:05",
        "2026-04-12T12:29:05.125",
        "2026-04-12T12:29:05Z",
        "2025-08-20 01:49:39 +0000",
        "2026-04-12T12:29:00+02:00",
        "2026-04-12T12:29:00-0530",
    ] {
        let fast = iso_fast(raw.as_bytes()).unwrap_or_else(|| panic!("{raw}"));
        let slow = DateTime::parse_from_rfc3339(raw)
            .ok()
            .map(|t| (t.naive_local(), Some(*t.offset())))
            .or_else(|| {
                DateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S %z")
                    .or_else(|_| DateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%z"))
                    .ok()
                    .map(|t| (t.naive_local(), Some(*t.offset())))
            })
            .or_else(|| {
                ISO_FORMATS
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
                    .or_else(|| {
                        NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                            .ok()
                            .map(|d| d.and_time(NaiveTime::MIN))
                    })
                    .map(|t| (t, None))
            })
            .unwrap();
        assert_eq!((fast.wall, fast.offset), slow, "{raw}");
    }
    for raw in [
        "2026-02-30",
        "2026-04-12 25:00",
        "2026-04-12T12:29:00+2",
        "2026-4-12",
    ] {
        assert!(iso_fast(raw.as_bytes()).is_none(), "{raw}");
    }
}

#[test]
fn times_of_day() {
    assert_eq!(
        parse_time_of_day("10:56 PM").unwrap().to_string(),
        "22:56:00"
    );
    assert_eq!(
        parse_time_of_day("12:10 AM").unwrap().to_string(),
        "00:10:00"
    );
    assert_eq!(
        parse_time_of_day("12:10 PM").unwrap().to_string(),
        "12:10:00"
    );
    assert_eq!(parse_time_of_day("19:30").unwrap().to_string(), "19:30:00");
    assert_eq!(parse_time_of_day("7:30 xx"), None);
    assert_eq!(parse_time_of_day("noon"), None);
}

#[test]
fn strong_durations_parse() {
    for (raw, seconds) in [
        ("1h 5m", 3900.0),
        ("58m", 3480.0),
        ("22s", 22.0),
        ("264h 1m", 264.0 * 3600.0 + 60.0),
        ("38min", 2280.0),
        ("1h", 3600.0),
        ("2176", 2176.0),
        ("1:59:30", 7170.0),
    ] {
        assert_eq!(parse_duration_s(raw), Some(seconds), "{raw}");
    }
    for raw in ["soon", "5x"] {
        assert_eq!(parse_duration_s(raw), None, "{raw}");
    }
}

#[test]
fn fixed_formats_refuse_impossible_dates() {
    assert!(parse_datetime("2026-02-30 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_none());
    assert!(parse_datetime("2026-02-28 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_some());
    let d = parse_datetime("2025-04-29", &["%Y-%m-%d"]).unwrap();
    assert_eq!(d.to_string(), "2025-04-29 00:00:00");
}

#[test]
fn no_month_word_is_ambiguous_between_months() {
    // Every listed name maps to one month: a word that two tables give different months
    // would make dates depend on table order.
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (_, names) in MONTHS {
        for (i, n) in names.iter().enumerate() {
            let key = crate::text::fold(n);
            if let Some(&m) = seen.get(&key) {
                assert_eq!(m, i as u32 + 1, "{n} names two months");
            }
            seen.insert(key, i as u32 + 1);
        }
    }
}
