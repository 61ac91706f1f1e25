//! The story's planted facts, asserted directly on the generated data.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::facts::weekly_tonnage;
use super::*;
use crate::model::{PainEntry, Quality, Region, SetKind, Side, Symptom};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// 1-based story week of a date.
fn story_week(date: NaiveDate) -> i64 {
    (date - STORY_START).num_days().div_euclid(7) + 1
}

fn five_years(pain: PainModel) -> SyntheticLog {
    simulate(&SimOptions {
        seed: 7,
        start: d(2020, 1, 1),
        weeks: 260,
        pain,
    })
}

fn all_sets(
    log: &SyntheticLog,
) -> impl Iterator<Item = (&SynthWorkout, &SynthExercise, &SynthSet)> {
    log.workouts.iter().flat_map(|w| {
        w.exercises
            .iter()
            .flat_map(move |e| e.sets.iter().map(move |s| (w, e, s)))
    })
}

// ---- determinism and size ----

#[test]
fn same_seed_same_log() {
    assert_eq!(sample_story(), sample_story());
    let opts = SimOptions {
        seed: 42,
        start: d(2024, 3, 1),
        weeks: 30,
        pain: PainModel::Planted,
    };
    assert_eq!(simulate(&opts), simulate(&opts));
    let other = SimOptions { seed: 43, ..opts };
    assert_ne!(simulate(&opts).workouts, simulate(&other).workouts);
}

#[test]
fn writers_are_byte_identical_across_runs() {
    let bytes = || {
        let log = sample_story();
        let mut out = Vec::new();
        write_strong_v6(&log.workouts, &mut out).unwrap();
        write_hevy(&log.workouts, &mut out).unwrap();
        write_diary(&log.pain, &mut out).unwrap();
        out
    };
    assert_eq!(bytes(), bytes());
}

#[test]
fn five_years_give_about_30000_sets_and_500_entries() {
    for model in [
        PainModel::Planted,
        PainModel::Independent {
            entries_per_year: 100,
        },
    ] {
        let log = five_years(model);
        let sets = log.set_count();
        assert!((25_000..=35_000).contains(&sets), "{model:?}: {sets} sets");
        let n = log.pain.len();
        assert!((400..=600).contains(&n), "{model:?}: {n} pain entries");
    }
}

#[test]
fn twenty_years_are_fast() {
    let t = std::time::Instant::now();
    let log = simulate(&SimOptions {
        seed: 1,
        start: d(2000, 1, 1),
        weeks: 52 * 20,
        pain: PainModel::Independent {
            entries_per_year: 100,
        },
    });
    // About 0.1 s in a debug build.
    assert!(t.elapsed().as_secs_f64() < 1.0, "{:?}", t.elapsed());
    assert!(log.set_count() > 100_000);
}

#[test]
fn independent_pain_never_looks_at_training() {
    let opts = |entries_per_year| SimOptions {
        seed: 9,
        start: d(2021, 6, 1),
        weeks: 104,
        pain: PainModel::Independent { entries_per_year },
    };
    let a = simulate(&opts(100));
    let b = simulate(&opts(40));
    assert_eq!(
        a.workouts, b.workouts,
        "the pain model must not shift the training"
    );
    // Onsets fall on every weekday, training day or not.
    let weekdays: BTreeSet<u32> = episodes(&a.pain)
        .iter()
        .map(|e| e.onset.weekday().num_days_from_monday())
        .collect();
    assert_eq!(weekdays.len(), 7);
    let n = a.pain.len();
    assert!(
        (180..=220).contains(&n),
        "{n} entries for 2 years at 100/year"
    );
}

#[test]
fn planted_simulation_keeps_the_mechanics() {
    let log = five_years(PainModel::Planted);
    let facts = story_facts(&log);
    let jumps = facts.deadlift_jumps.len();
    let followed = facts
        .deadlift_jumps
        .iter()
        .filter(|j| j.onset.is_some())
        .count();
    assert!(jumps >= 20, "{jumps} deadlift jumps in 5 years");
    assert!(
        followed * 10 >= jumps * 7,
        "{followed} of {jumps} jumps followed by back pain"
    );
    // Nearly every lower-back onset follows a deadlift session.
    let after_deadlift = facts
        .pain
        .lower_back
        .iter()
        .filter(|o| o.after.iter().any(|(name, _)| name == "Deadlift + Pull"))
        .count();
    assert!(after_deadlift * 10 >= facts.pain.lower_back.len() * 7);
    assert!(
        facts.pain.knee.len() >= 6,
        "{} knee onsets",
        facts.pain.knee.len()
    );
}

// ---- the story ----

#[test]
fn story_covers_26_weeks_with_realistic_volume() {
    let log = sample_story();
    let first = log.workouts.first().unwrap().date();
    let last = log.workouts.last().unwrap().date();
    assert_eq!(first, d(2026, 5, 18));
    assert!(last <= d(2026, 11, 15) && last >= d(2026, 11, 14), "{last}");
    let sets = log.set_count();
    assert!((1500..=2500).contains(&sets), "{sets} sets");
    for (_, e, s) in all_sets(&log) {
        if let Some(rpe) = s.measures.rpe {
            assert!((6.0..=10.0).contains(&rpe), "{} rpe {rpe}", e.name);
            assert!(rpe <= 9.5 || s.kind == SetKind::Failure);
        }
    }
    // Not in the plan: they would blur the axial-loading signal.
    for (_, e, _) in all_sets(&log) {
        let name = e.name.to_lowercase();
        assert!(
            !name.contains("overhead press") && !name.contains("bent over"),
            "{name}"
        );
        assert!(!name.contains("good morning"), "{name}");
    }
}

#[test]
fn only_the_deadlift_is_a_monday_only_exercise() {
    let log = sample_story();
    let mut days: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for (w, e, _) in all_sets(&log) {
        days.entry(&e.name)
            .or_default()
            .insert(w.date().weekday().num_days_from_monday());
    }
    for (name, wd) in &days {
        if *name == names::DEADLIFT {
            continue;
        }
        assert!(wd.iter().any(|&x| x != 0), "{name} only on Mondays");
    }
    // Deadlifts: Mondays, except the week the rest Monday moved them to Tuesday.
    let dl: Vec<NaiveDate> = log
        .workouts
        .iter()
        .filter(|w| w.has(names::DEADLIFT))
        .map(|w| w.date())
        .collect();
    assert_eq!(dl.iter().filter(|x| x.weekday() != Weekday::Mon).count(), 1);
}

#[test]
fn seven_deadlift_jumps_each_followed_by_lower_back_pain() {
    let log = sample_story();
    let facts = story_facts(&log);
    assert_eq!(facts.deadlift_jumps.len(), 7, "{facts}");
    let mut strong_half = 0;
    for j in &facts.deadlift_jumps {
        assert!(j.kg > 1.3 * j.before_kg);
        let onset = j
            .onset
            .unwrap_or_else(|| panic!("no onset after {}", j.session));
        let h = (onset - j.session).num_minutes() as f64 / 60.0;
        assert!(
            (14.0..=40.0).contains(&h),
            "onset {h} h after {}",
            j.session
        );
        // The deadlift session is the only one in the 48 h before the onset.
        let before = sessions_before(&log.workouts, onset);
        assert_eq!(before.len(), 1, "{onset}");
        let first = log.pain.iter().find(|p| p.at == onset).unwrap();
        assert!((4..=6).contains(&first.intensity));
        assert!(matches!(
            first.quality,
            Some(Quality::Sharp | Quality::Ache)
        ));
        assert!(first.time_given);
        strong_half += usize::from(j.session.date() < STORY_HEVY_FROM);
    }
    assert!((2..=5).contains(&strong_half), "jumps in both apps' halves");
}

#[test]
fn deadlift_returns_to_normal_after_each_jump() {
    let log = sample_story();
    let weeks = deadlift_weekly_tonnage(&log.workouts);
    for i in 1..weeks.len() {
        let (prev, cur) = (weeks[i - 1].value, weeks[i].value);
        if prev > 0.0 && cur > 1.3 * prev {
            // The week after a jump is back below the jump and near the week before it.
            if let Some(next) = weeks.get(i + 1)
                && next.value > 0.0
            {
                assert!(
                    next.value < cur && next.value <= 1.1 * prev,
                    "{}",
                    next.monday
                );
            }
        }
        if prev == 0.0 && cur > 0.0 && i >= 4 {
            // A return from a week without deadlifts stays below the 4-week mean.
            let mean = weeks[i - 4..i].iter().map(|w| w.value).sum::<f64>() / 4.0;
            assert!(
                cur <= mean,
                "{}: {cur} after a zero week, 4-week mean {mean}",
                weeks[i].monday
            );
        }
    }
}

#[test]
fn no_other_lift_jumps_more_than_30_percent() {
    let log = sample_story();
    let names: BTreeSet<&str> = all_sets(&log)
        .filter(|(_, _, s)| s.weight_kg.is_some())
        .map(|(_, e, _)| e.name.as_str())
        .collect();
    for name in names {
        if name == names::DEADLIFT {
            continue;
        }
        let weeks = weekly_tonnage(&log.workouts, name);
        for pair in weeks.windows(2) {
            let (prev, cur) = (pair[0].value, pair[1].value);
            // Extras of the streak week (Friday arms) are the only other jumps.
            let streak_week = story_week(pair[1].monday) == 10;
            assert!(
                prev == 0.0 || cur <= 1.3 * prev || streak_week,
                "{name} {}: {prev} → {cur}",
                pair[1].monday
            );
        }
    }
}

#[test]
fn lower_back_onsets_are_the_jumps_plus_one_after_gardening() {
    let log = sample_story();
    let facts = story_facts(&log);
    assert_eq!(facts.pain.lower_back.len(), 8, "{facts}");
    let jump_onsets: BTreeSet<_> = facts
        .deadlift_jumps
        .iter()
        .filter_map(|j| j.onset)
        .collect();
    let others: Vec<_> = facts
        .pain
        .lower_back
        .iter()
        .filter(|o| !jump_onsets.contains(&o.episode.onset))
        .collect();
    assert_eq!(others.len(), 1);
    let garden = others[0];
    assert!(
        garden.after.is_empty(),
        "no session in the 48 h before: {:?}",
        garden.after
    );
    let first = log
        .pain
        .iter()
        .find(|p| p.at == garden.episode.onset)
        .unwrap();
    assert!(first.notes.contains("gardening"));
    // Episodes never overlap: each starts after the previous one's 0 entry.
    for pair in facts.pain.lower_back.windows(2) {
        let ended = pair[0]
            .episode
            .resolved_on
            .expect("every lower-back episode resolves");
        assert!(pair[1].episode.onset.date() > ended);
    }
    // All but the long one last 2–4 days.
    let short: Vec<_> = facts
        .pain
        .lower_back
        .iter()
        .filter(|o| o.episode.days() != 9)
        .collect();
    assert_eq!(short.len(), 7);
    for o in short {
        assert!((2..=4).contains(&o.episode.days()), "{:?}", o.episode);
    }
}

#[test]
fn one_nine_day_episode_with_numbness_and_no_deadlifts() {
    let log = sample_story();
    let long: Vec<_> = episodes(&log.pain)
        .into_iter()
        .filter(|e| e.region == Region::LowerBack && e.days() >= 7)
        .collect();
    assert_eq!(long.len(), 1);
    let e = &long[0];
    assert_eq!(e.days(), 9);
    let entries: Vec<&PainEntry> = log
        .pain
        .iter()
        .filter(|p| {
            p.region == Region::LowerBack && p.at.date() >= e.onset.date() && p.at.date() <= e.end
        })
        .collect();
    let levels: Vec<u8> = entries.iter().map(|p| p.intensity).collect();
    assert_eq!(levels, [6, 5, 5, 4, 4, 3, 2]);
    for pair in entries.windows(2) {
        assert!((1..=2).contains(&(pair[1].at.date() - pair[0].at.date()).num_days()));
    }
    let resolved = e.resolved_on.unwrap();
    assert!((10..=11).contains(&((resolved - e.onset.date()).num_days() + 1)));
    // The red flag, around day 3.
    let numb: Vec<&&PainEntry> = entries
        .iter()
        .filter(|p| p.symptoms.contains(&Symptom::Numbness))
        .collect();
    assert_eq!(numb.len(), 1);
    assert_eq!(numb[0].side, Some(Side::Left));
    assert!(numb[0].notes.contains("left leg"));
    assert!((2..=4).contains(&((numb[0].at.date() - e.onset.date()).num_days() + 1)));
    assert_eq!(
        log.pain.iter().filter(|p| !p.symptoms.is_empty()).count(),
        1
    );
    // No deadlifts while it lasts.
    assert!(
        !log.workouts
            .iter()
            .any(|w| w.has(names::DEADLIFT) && w.start > e.onset && w.date() <= resolved)
    );
}

#[test]
fn one_seven_day_training_streak() {
    let facts = story_facts(&sample_story());
    assert_eq!(facts.streaks.len(), 1, "{facts}");
    let (a, b) = facts.streaks[0];
    assert_eq!((b - a).num_days() + 1, 7);
    assert_eq!(a.weekday(), Weekday::Mon);
    assert_eq!(story_week(a), 10);
    assert!(
        facts
            .deadlift_jumps
            .iter()
            .all(|j| story_week(j.session.date()) != 10)
    );
}

#[test]
fn running_spike_then_knee_pain() {
    let log = sample_story();
    let facts = story_facts(&log);
    for w in &facts.running_km {
        let week = story_week(w.monday);
        if week == 18 || week == 19 {
            assert!(w.value >= 30.0, "week {week}: {} km", w.value);
        } else {
            assert!(
                (12.0..=16.0).contains(&w.value),
                "week {week}: {} km",
                w.value
            );
        }
    }
    assert_eq!(facts.pain.knee.len(), 2, "{facts}");
    let (first, second) = (&facts.pain.knee[0], &facts.pain.knee[1]);
    assert_eq!(
        story_week(first.episode.onset.date() - Duration::days(1)),
        18
    );
    assert_eq!(
        story_week(second.episode.onset.date() - Duration::days(1)),
        19
    );
    for o in [first, second] {
        // Only runs in the 48 h before, the last one 24–48 h before.
        assert!(!o.after.is_empty());
        assert!(
            o.after.iter().all(|(name, _)| name.contains("Run")),
            "{:?}",
            o.after
        );
        let run = o.after.iter().map(|(_, t)| *t).min().unwrap();
        let h = (o.episode.onset - run).num_minutes() as f64 / 60.0;
        assert!((24.0..=48.0).contains(&h), "{h}");
        assert!(o.episode.resolved_on.is_some());
    }
    assert!((4..=6).contains(&first.episode.days()));
    assert!(second.episode.peak < first.episode.peak);
    for p in log.pain.iter().filter(|p| p.region == Region::Knee) {
        assert_eq!(p.side, Some(Side::Right));
        assert!(p.intensity == 0 || (2..=5).contains(&p.intensity));
    }
    let achy_run = log.workouts.iter().find(|w| {
        w.exercises
            .iter()
            .any(|e| e.name == names::RUNNING && e.notes.contains("knee"))
    });
    assert_eq!(
        story_week(achy_run.expect("a run note about the knee").date()),
        18
    );
}

#[test]
fn leg_day_soreness_is_mild_and_short() {
    let log = sample_story();
    let thigh = story_facts(&log).pain.thigh;
    assert_eq!(thigh.len(), 8);
    for e in &thigh {
        assert!(e.peak <= 2);
        assert_eq!(e.onset.weekday(), Weekday::Fri);
        let legs = log
            .workouts
            .iter()
            .find(|w| w.name == "Legs" && w.date() == e.onset.date() - Duration::days(1))
            .expect("Thursday legs before the soreness");
        let h = (e.onset - legs.start).num_minutes() as f64 / 60.0;
        assert!((12.0..=16.0).contains(&h), "{h}");
        assert_eq!(sessions_before(&log.workouts, e.onset).len(), 1);
        let resolved = e.resolved_on.expect("soreness resolves");
        assert!((resolved - e.onset.date()).num_days() <= 2);
    }
    assert!(
        log.pain
            .iter()
            .filter(|p| p.region == Region::Thigh)
            .all(|p| p.intensity <= 2)
    );
}

#[test]
fn jump_week_notes_mention_the_back() {
    let log = sample_story();
    let facts = story_facts(&log);
    let noted = facts
        .deadlift_jumps
        .iter()
        .filter(|j| {
            let w = log.workouts.iter().find(|w| w.start == j.session).unwrap();
            w.exercises.iter().any(|e| {
                e.name == names::DEADLIFT
                    && (e.notes.contains("lower back") || e.notes.contains("rounded"))
            })
        })
        .count();
    assert!(noted >= 3, "{noted}");
}

// ---- writers ----

/// What a writer puts out, as text.
fn written(write: impl FnOnce(&mut Vec<u8>) -> csv::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn strong_v6_dialect() {
    let log = sample_story();
    let strong: Vec<SynthWorkout> = log
        .workouts
        .iter()
        .filter(|w| w.date() < STORY_HEVY_FROM)
        .cloned()
        .collect();
    let text = written(|out| write_strong_v6(&strong, out));
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        r#""Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes""#
    );
    // Every field quoted: 13 fields → 26 quote characters outside the notes.
    for line in lines {
        assert!(line.starts_with('"') && line.ends_with('"'), "{line}");
        assert_eq!(line.matches("\";\"").count(), 12, "{line}");
    }

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut last_workout = 0;
    let mut last_date = String::new();
    let (mut rest, mut notes, mut sets) = (0, 0, 0);
    let mut seen_exercise_rows: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &rows {
        let n: usize = r[0].parse().unwrap();
        assert!(n == last_workout || n == last_workout + 1);
        if n != last_workout {
            assert!(&r[1] > last_date.as_str(), "oldest first");
            last_date = r[1].to_string();
        } else {
            assert_eq!(&r[12], "", "workout note only on the first row");
        }
        last_workout = n;
        match &r[5] {
            "Rest Timer" => {
                rest += 1;
                assert!(r[6].is_empty() && r[7].is_empty() && r[11].is_empty());
                assert!(r[10].ends_with(".0"));
            }
            "Note" => notes += 1,
            order => {
                sets += 1;
                assert!(
                    matches!(order, "W" | "D" | "F") || order.parse::<u32>().is_ok(),
                    "{order}"
                );
                let k = seen_exercise_rows
                    .entry((r[0].to_string(), r[4].to_string()))
                    .or_default();
                if *k > 0 {
                    assert_eq!(&r[11], "", "exercise note only on the first row");
                }
                *k += 1;
                if !r[6].is_empty() {
                    assert!(r[6].contains('.'), "weights like 100.0: {}", &r[6]);
                }
            }
        }
    }
    assert_eq!(last_workout, strong.len());
    assert_eq!(
        sets,
        strong.iter().map(SynthWorkout::set_count).sum::<usize>()
    );
    assert!(rest > 20 && notes >= 1, "{rest} rest timers, {notes} notes");
    assert!(rows.iter().any(|r| &r[5] == "W"));
}

#[test]
fn hevy_dialect() {
    let log = sample_story();
    let text = written(|out| write_hevy(&log.workouts, out));
    assert!(text.starts_with(
        "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"\n"
    ));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), log.set_count());
    let parse = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%d %b %Y, %H:%M").unwrap();
    let mut previous = None;
    let mut index_in_exercise = 0;
    for (i, r) in rows.iter().enumerate() {
        let start = parse(&r[1]);
        assert!(parse(&r[2]) > start);
        assert!(!r[1].starts_with('0'), "day unpadded: {}", &r[1]);
        if let Some(p) = previous {
            assert!(start <= p, "newest first");
        }
        previous = Some(start);
        let same = i > 0 && rows[i - 1][1] == r[1] && rows[i - 1][4] == r[4];
        index_in_exercise = if same { index_in_exercise + 1 } else { 0 };
        assert_eq!(r[7].parse::<usize>().unwrap(), index_in_exercise);
        assert!(matches!(&r[8], "normal" | "warmup" | "failure" | "dropset"));
    }
    assert!(
        rows.iter()
            .any(|r| r[6].contains('\n') && r[6].contains(','))
    );
    assert!(text.contains("\"warmup\"") && text.contains(",,\"\",0,\"normal\","));
}

#[test]
fn diary_format_round_trips() {
    let log = sample_story();
    let text = written(|out| write_diary(&log.pain, out));
    assert!(text.starts_with("date,time,region,side,intensity,quality,symptoms,notes\n"));
    assert!(text.contains("lower-back,left,5,ache,numbness,numb feeling down the left leg"));
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    let diary = crate::diary::read_diary(file.path()).unwrap();
    assert_eq!(diary.rejected, vec![]);
    // The diary gives back every entry as generated, oldest first, one a line.
    let lines: Vec<u64> = diary.entries.iter().map(|e| e.source.line).collect();
    assert_eq!(lines, (2..).take(log.pain.len()).collect::<Vec<u64>>());
    let read: Vec<PainEntry> = diary
        .entries
        .into_iter()
        .map(|e| PainEntry {
            source: unwritten(),
            ..e
        })
        .collect();
    assert_eq!(read, log.pain);
}

#[test]
fn every_generated_exercise_name_is_in_the_catalog() {
    let catalog = crate::catalog::Catalog::embedded();
    let story = sample_story();
    let long = five_years(PainModel::Planted);
    let names: BTreeSet<&str> = all_sets(&story)
        .chain(all_sets(&long))
        .map(|(_, e, _)| e.name.as_str())
        .collect();
    let mut missing = Vec::new();
    for name in names {
        for spelling in [name, hevy_exercise_name(name)] {
            if catalog.resolve(spelling).is_none() {
                missing.push(spelling);
            }
        }
    }
    assert!(missing.is_empty(), "not in data/catalog.toml: {missing:?}");
    let deadlift = catalog.resolve(names::DEADLIFT).unwrap();
    assert!(deadlift.loads(Region::LowerBack));
}
