//! Counts, windows and the adjusted estimates on small hand-made logs.
use super::*;
use crate::analysis::episodes::episodes;
use crate::analysis::testing::{entry, session};

#[test]
fn counts_follow_the_window_and_skip_sessions_inside_episodes() {
    let mut sessions: Vec<Session> = Vec::new();
    let mut exposures: Vec<BTreeSet<Exposure>> = Vec::new();
    let dead = Exposure {
        kind: ExposureKind::Exercise,
        id: "deadlift".into(),
        label: "Deadlift".into(),
    };
    // 10 weeks: Monday deadlift, Thursday bench.
    for week in 0..10 {
        let monday = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + chrono::Days::new(7 * week);
        sessions.push(session(&format!("{} 18:00", monday), &[Region::LowerBack]));
        exposures.push([dead.clone()].into());
        sessions.push(session(
            &format!("{} 18:00", monday + chrono::Days::new(3)),
            &[Region::Chest],
        ));
        exposures.push(BTreeSet::new());
    }
    // Pain the morning after 3 of the deadlift sessions (weeks 0, 4, 8), lasting 2 days.
    let mut pain = Vec::new();
    for week in [0u64, 4, 8] {
        let tue = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap() + chrono::Days::new(7 * week);
        pain.push(entry(&format!("{} 08:00", tue), Region::LowerBack, 5));
        pain.push(entry(
            &format!("{} 08:00", tue + chrono::Days::new(1)),
            Region::LowerBack,
            3,
        ));
        pain.push(entry(
            &format!("{} 08:00", tue + chrono::Days::new(2)),
            Region::LowerBack,
            0,
        ));
    }
    let t = Thresholds::default();
    let eps = episodes(&pain, &sessions, &t);
    let rows = associations(&sessions, &exposures, &eps, &t);
    let row = rows
        .iter()
        .find(|r| r.exposure == "deadlift" && r.window_h == 48)
        .unwrap();
    assert_eq!(
        row.table,
        Table {
            a: 3,
            b: 7,
            c: 0,
            d: 10
        }
    );
    assert!(row.enough_data);
    assert!(row.crude.rr.unwrap().haldane);
    assert_eq!(row.crude.q, row.crude.p.map(|p| p.min(1.0)));
    // 24 h: the 08:00 onsets are 14 h after the 18:00 sessions.
    let day = rows
        .iter()
        .find(|r| r.exposure == "deadlift" && r.window_h == 24)
        .unwrap();
    assert_eq!(day.table.a, 3);
    assert_eq!(day.crude.q, None);
    assert_eq!(
        row.lag_profile.as_deref(),
        Some("24 h: 3 of 10 vs 0 of 10; 48 h: 3 of 10 vs 0 of 10; 72 h: 3 of 10 vs 0 of 10")
    );
}

#[test]
fn too_few_onsets_is_not_enough_data() {
    let sessions: Vec<Session> = (0..6)
        .map(|i| session(&format!("2026-06-{:02} 18:00", i + 1), &[Region::Knee]))
        .collect();
    let dead = Exposure {
        kind: ExposureKind::Exercise,
        id: "x".into(),
        label: "X".into(),
    };
    let exposures: Vec<BTreeSet<Exposure>> = (0..6)
        .map(|i| {
            if i % 2 == 0 {
                [dead.clone()].into()
            } else {
                BTreeSet::new()
            }
        })
        .collect();
    let pain = vec![entry("2026-06-02 08:00", Region::Knee, 4)];
    let t = Thresholds::default();
    let eps = episodes(&pain, &sessions, &t);
    let rows = associations(&sessions, &exposures, &eps, &t);
    assert!(rows.iter().all(|r| !r.enough_data
        && r.crude.rr.is_none()
        && r.crude.p.is_none()
        && r.crude.q.is_none()));
}

fn exercise(id: &str) -> Exposure {
    let kind = if id == "axial-loading" {
        ExposureKind::Tag
    } else {
        ExposureKind::Exercise
    };
    Exposure {
        kind,
        id: id.into(),
        label: id.into(),
    }
}

/// `weeks` weeks from Monday 2026-06-01 of the `plan`'s sessions (day of the week from 0,
/// time, exposures), and lower-back onsets at (week, day, time), each over the same day.
fn weekly_log(
    weeks: u64,
    plan: &[(u64, &str, &[&str])],
    onsets: &[(u64, u64, &str)],
) -> (Vec<Session>, Vec<BTreeSet<Exposure>>, Vec<Episode>) {
    let monday = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let day = |week: u64, d: u64| monday + chrono::Days::new(7 * week + d);
    let mut sessions = Vec::new();
    let mut exposures = Vec::new();
    for week in 0..weeks {
        for &(d, time, ex) in plan {
            sessions.push(session(&format!("{} {time}", day(week, d)), &[]));
            exposures.push(ex.iter().map(|id| exercise(id)).collect());
        }
    }
    let mut pain = Vec::new();
    for &(week, d, time) in onsets {
        pain.push(entry(
            &format!("{} {time}", day(week, d)),
            Region::LowerBack,
            5,
        ));
        pain.push(entry(
            &format!("{} 23:00", day(week, d)),
            Region::LowerBack,
            0,
        ));
    }
    let eps = episodes(&pain, &sessions, &Thresholds::default());
    (sessions, exposures, eps)
}

fn primary<'a>(rows: &'a [Association], id: &str) -> &'a Association {
    rows.iter()
        .find(|r| r.exposure == id && r.window_h == 48)
        .unwrap()
}

#[test]
fn tuesdays_session_is_explained_by_mondays_deadlift_through_carry_over() {
    // Onsets 30 h after Monday's deadlift also fall 6 h after Tuesday's bench press (8 weeks),
    // or 14 h after Monday, before Tuesday's session (2 weeks).
    let plan: &[(u64, &str, &[&str])] = &[
        (0, "18:00", &["deadlift", "pull-up"]),
        (1, "18:00", &["bench-press"]),
        (4, "18:00", &["pull-up"]),
        (5, "10:00", &["squat"]),
        (5, "16:00", &["squat"]),
    ];
    let mut onsets: Vec<(u64, u64, &str)> = (0..8).map(|w| (w, 2, "00:00")).collect();
    onsets.extend([(8, 1, "08:00"), (9, 1, "08:00")]);
    let (sessions, exposures, eps) = weekly_log(12, plan, &onsets);
    let rows = associations(&sessions, &exposures, &eps, &Thresholds::default());
    let dead = primary(&rows, "deadlift");
    // The two Tuesdays after a morning onset start inside the episode: 10 at risk.
    assert_eq!(
        dead.table,
        Table {
            a: 10,
            b: 2,
            c: 8,
            d: 38
        }
    );
    assert!(dead.adjusted_for.is_empty());
    assert_eq!(dead.adjusted.p, dead.crude.p);
    assert_eq!(dead.adjusted.rr, dead.crude.rr);
    assert!(dead.adjusted.q.unwrap() < 0.001);
    let bench = primary(&rows, "bench-press");
    assert_eq!(
        bench.table,
        Table {
            a: 8,
            b: 2,
            c: 10,
            d: 38
        }
    );
    assert!(bench.crude.q.unwrap() < 0.05, "crude q {:?}", bench.crude.q);
    // Every Tuesday is a day after a deadlift and every such session is a Tuesday: no
    // stratum compares bench press with anything, so nothing is left of its signal.
    assert_eq!(bench.adjusted_for, ["deadlift"]);
    assert_eq!(bench.adjusted.p, Some(1.0));
    assert_eq!(bench.adjusted.rr, None);
    assert_eq!(bench.adjusted.q, Some(1.0));
    assert_eq!(bench.explained_by.as_deref(), Some("deadlift"));
    // Rows are ordered by the adjusted q: the deadlift first.
    assert_eq!(rows[0].exposure, "deadlift");
    // Lag windows are never adjusted.
    for r in rows.iter().filter(|r| r.window_h != 48) {
        assert!(r.adjusted_for.is_empty() && r.explained_by.is_none());
        assert_eq!(
            (r.adjusted.p, r.adjusted.q, r.adjusted.rr),
            (r.crude.p, r.crude.q, r.crude.rr)
        );
    }
}

#[test]
fn exercises_of_the_deadlifts_own_sessions_are_not_compared_with_the_next_days() {
    // Pull-ups on Monday with the deadlift and on Wednesday morning, 38 h later; the pain
    // comes on Tuesday morning, before any later session. Pooling "deadlift today" with
    // "deadlift yesterday" would compare Monday's pull-ups with Tuesday's bench press and
    // blame them; carry-over is its own level, so they are not. The axial-loading tag
    // (deadlift and squat) is explained the same way.
    let plan: &[(u64, &str, &[&str])] = &[
        (0, "18:00", &["deadlift", "pull-up", "axial-loading"]),
        (1, "18:00", &["bench-press"]),
        (2, "08:00", &["pull-up"]),
        (4, "18:00", &["squat", "axial-loading"]),
        (5, "10:00", &["running"]),
    ];
    let onsets: Vec<(u64, u64, &str)> = (0..8).map(|w| (w, 1, "08:00")).collect();
    let (sessions, exposures, eps) = weekly_log(12, plan, &onsets);
    let rows = associations(&sessions, &exposures, &eps, &Thresholds::default());
    // Pull-ups are done without the deadlift on Wednesdays: the log can tell them apart.
    assert!(primary(&rows, "pull-up").inseparable_from.is_empty());
    for id in ["pull-up", "axial-loading"] {
        let r = primary(&rows, id);
        assert_eq!(
            r.table,
            Table {
                a: 8,
                b: 16,
                c: 0,
                d: 28
            },
            "{id}"
        );
        assert!(r.crude.q.unwrap() < 0.01, "{id}: crude q {:?}", r.crude.q);
        assert_eq!(r.adjusted_for, ["deadlift"], "{id}");
        assert_eq!(r.adjusted.p, Some(1.0), "{id}");
        assert_eq!(r.explained_by.as_deref(), Some("deadlift"), "{id}");
    }
    // Only exercises and calendar flags are selected: the deadlift alone here.
    assert!(
        rows.iter()
            .filter(|r| r.exposure != "deadlift")
            .all(|r| r.adjusted_for.len() <= 1)
    );
}

#[test]
fn two_causes_are_each_adjusted_for_the_other() {
    // Deadlift on Mondays and running on Saturdays each precede onsets in 7 of 14 weeks.
    let plan: &[(u64, &str, &[&str])] = &[
        (0, "18:00", &["deadlift"]),
        (2, "18:00", &["bench-press"]),
        (3, "18:00", &["squat"]),
        (5, "08:00", &["running"]),
    ];
    let mut onsets: Vec<(u64, u64, &str)> = (0..7).map(|w| (w, 1, "08:00")).collect();
    onsets.extend((7..14).map(|w| (w, 6, "08:00")));
    let (sessions, exposures, eps) = weekly_log(14, plan, &onsets);
    let rows = associations(&sessions, &exposures, &eps, &Thresholds::default());
    let (dead, run) = (primary(&rows, "deadlift"), primary(&rows, "running"));
    assert_eq!(dead.adjusted_for, ["running"]);
    assert_eq!(run.adjusted_for, ["deadlift"]);
    for r in [dead, run] {
        assert!(r.adjusted.q.unwrap() < 0.05, "{r:?}");
        assert!(r.adjusted.p.unwrap() < r.crude.p.unwrap(), "{r:?}");
        assert_eq!(r.explained_by, None);
    }
}

#[test]
fn exercises_always_done_together_are_inseparable() {
    // Deadlift and Romanian deadlift together every Monday but one; curls twice alone, never
    // with them (two rare exposures that never meet are not "done together").
    let mut plan: Vec<(u64, &str, &[&str])> =
        vec![(0, "18:00", &["deadlift", "romanian-deadlift"])];
    plan.push((3, "18:00", &["squat"]));
    let (mut sessions, mut exposures, _) = weekly_log(10, &plan, &[]);
    for (when, ex) in [
        ("2026-08-11 18:00", &["deadlift"][..]),
        ("2026-08-12 18:00", &["curl"]),
        ("2026-08-13 18:00", &["curl"]),
        ("2026-08-14 18:00", &["romanian-deadlift"]),
        ("2026-08-15 18:00", &["romanian-deadlift"]),
    ] {
        sessions.push(session(when, &[]));
        exposures.push(ex.iter().map(|id| exercise(id)).collect());
    }
    let pain = [
        entry("2026-06-02 08:00", Region::Knee, 4),
        entry("2026-07-02 08:00", Region::Knee, 4),
    ];
    let eps = episodes(&pain, &sessions, &Thresholds::default());
    let rows = associations(&sessions, &exposures, &eps, &Thresholds::default());
    let of = |id: &str| primary(&rows, id).inseparable_from.clone();
    assert_eq!(of("deadlift"), ["romanian-deadlift"]);
    assert_eq!(of("romanian-deadlift"), ["deadlift"]);
    assert!(of("curl").is_empty() && of("squat").is_empty());
    // A lag-window row says the same.
    let lag = rows
        .iter()
        .find(|r| r.exposure == "deadlift" && r.window_h == 24)
        .unwrap();
    assert_eq!(lag.inseparable_from, ["romanian-deadlift"]);
}
