//! Pain diary entries: planted after the sessions a week plan names, or drawn at random.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::lifter::WeekSessions;
use super::plan::{BackPain, Knee, WeekPlan};
use crate::diary::DEFAULT_TIME;
use crate::model::{PainEntry, Quality, Region, Side, Symptom};

/// Rounds up to the next 5 minutes, as people write times in a diary.
fn ceil_5min(t: NaiveDateTime) -> NaiveDateTime {
    let s = i64::from(t.time().num_seconds_from_midnight());
    let up = (s + 299) / 300 * 300;
    t.date().and_time(NaiveTime::MIN) + Duration::seconds(up)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

/// 06:45–08:30 in 5-minute steps.
fn morning(rng: &mut ChaCha8Rng) -> NaiveTime {
    hm(6, 45) + Duration::minutes(5 * rng.random_range(0..=21))
}

/// A morning time or, now and then, no time at all.
fn maybe_morning(rng: &mut ChaCha8Rng, p_time: f64) -> Option<NaiveTime> {
    rng.random_bool(p_time).then(|| morning(rng))
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

struct Entry {
    region: Region,
    side: Option<Side>,
}

impl Entry {
    fn at(
        &self,
        date: NaiveDate,
        time: Option<NaiveTime>,
        intensity: u8,
        quality: Option<Quality>,
        notes: &str,
    ) -> PainEntry {
        // As the diary reads an entry without a time: at noon (science.md §3).
        PainEntry {
            at: date.and_time(time.unwrap_or(DEFAULT_TIME)),
            time_given: time.is_some(),
            region: self.region,
            side: self.side,
            intensity,
            quality,
            symptoms: Vec::new(),
            notes: notes.to_string(),
            inferred: false,
            source: super::unwritten(),
        }
    }
}

/// The entries a week plan plants, given when its sessions happened.
pub(super) fn planted(
    rng: &mut ChaCha8Rng,
    plan: &WeekPlan,
    monday: NaiveDate,
    sessions: &WeekSessions,
    out: &mut Vec<PainEntry>,
) {
    let back = Entry {
        region: Region::LowerBack,
        side: None,
    };
    if let (Some(dl), true) = (sessions.deadlift, plan.back != BackPain::None) {
        // 14–17 h after the deadlift session: the next morning, before Tuesday's session.
        let onset =
            ceil_5min(dl + Duration::hours(14) + Duration::minutes(rng.random_range(0..=200)));
        let day0 = onset.date();
        match plan.back {
            BackPain::None => {}
            BackPain::Short { days } => {
                let i0: u8 = rng.random_range(4..=6);
                let q0 = pick(rng, &[Quality::Sharp, Quality::Ache]);
                let note = if q0 == Quality::Sharp {
                    pick(
                        rng,
                        &[
                            "twinge picking up my bag",
                            "sharp pain bending over to tie my shoes",
                        ],
                    )
                } else {
                    pick(
                        rng,
                        &[
                            "low back tight all morning",
                            "lower back stiff and sore since I got up",
                        ],
                    )
                };
                out.push(back.at(day0, Some(onset.time()), i0, Some(q0), note));
                let skip = if days == 4 && rng.random_bool(0.5) {
                    Some(2)
                } else {
                    None
                };
                let mut intensity = i0;
                for d in 1..days {
                    intensity = intensity.saturating_sub(rng.random_range(1..=2)).max(1);
                    if Some(d) == skip {
                        continue;
                    }
                    let q = pick(rng, &[Quality::Ache, Quality::Stiffness, Quality::Dull]);
                    let time = maybe_morning(rng, 0.6);
                    let note = if d + 1 == days { "better" } else { "" };
                    out.push(back.at(
                        day0 + Duration::days(i64::from(d)),
                        time,
                        intensity,
                        Some(q),
                        note,
                    ));
                }
                let zero = day0 + Duration::days(i64::from(days) + i64::from(rng.random_bool(0.3)));
                let time = maybe_morning(rng, 0.5);
                out.push(back.at(zero, time, 0, None, "back feels normal"));
            }
            BackPain::Long { numbness } => {
                let days = [0, 1, 2, 4, 5, 6, 8];
                let intensity = [6, 5, 5, 4, 4, 3, 2];
                for (k, (&d, &i)) in days.iter().zip(&intensity).enumerate() {
                    let date = day0 + Duration::days(d);
                    let mut e = match k {
                        0 => back.at(
                            date,
                            Some(onset.time()),
                            i,
                            Some(Quality::Sharp),
                            "sharp pain low in the back, hard to stand up straight",
                        ),
                        2 if numbness => {
                            let mut e = back.at(
                                date,
                                Some(hm(7, 50)),
                                i,
                                Some(Quality::Ache),
                                "numb feeling down the left leg",
                            );
                            e.side = Some(Side::Left);
                            e.symptoms = vec![Symptom::Numbness];
                            e
                        }
                        _ => {
                            let q = pick(rng, &[Quality::Ache, Quality::Stiffness]);
                            back.at(date, maybe_morning(rng, 0.7), i, Some(q), "")
                        }
                    };
                    if k == 1 {
                        e.notes = "still sore, worse when sitting".to_string();
                    }
                    out.push(e);
                }
                out.push(back.at(
                    day0 + Duration::days(9),
                    Some(morning(rng)),
                    0,
                    None,
                    "pain free",
                ));
            }
        }
    }

    if let (Some(run), true) = (sessions.long_run, plan.knee != Knee::None) {
        let knee = Entry {
            region: Region::Knee,
            side: Some(Side::Right),
        };
        // The morning after the long run.
        let onset =
            ceil_5min(run + Duration::hours(24) + Duration::minutes(rng.random_range(30..=90)));
        let day0 = onset.date();
        let (levels, first_note): (&[u8], &str) = match plan.knee {
            Knee::Major => (&[4, 5, 4, 3, 2], "right knee sore on the stairs"),
            _ => (&[3, 2], "right knee achy again after the long run"),
        };
        for (d, &i) in levels.iter().enumerate() {
            let date = day0 + Duration::days(d as i64);
            let e = match d {
                0 => knee.at(date, Some(onset.time()), i, Some(Quality::Ache), first_note),
                1 if i == 5 => knee.at(
                    date,
                    maybe_morning(rng, 0.8),
                    i,
                    Some(Quality::Sharp),
                    "sharp on the outside of the knee going downstairs",
                ),
                _ => {
                    let q = pick(rng, &[Quality::Ache, Quality::Dull]);
                    knee.at(date, maybe_morning(rng, 0.6), i, Some(q), "")
                }
            };
            out.push(e);
        }
        let zero = day0 + Duration::days(levels.len() as i64);
        out.push(knee.at(zero, maybe_morning(rng, 0.6), 0, None, "knee fine"));
    }

    if let (Some(legs), true) = (sessions.legs, plan.thigh) {
        let thigh = Entry {
            region: Region::Thigh,
            side: None,
        };
        let friday = legs.date() + Duration::days(1);
        let time = hm(8, 0) + Duration::minutes(5 * rng.random_range(0..=6));
        let i0: u8 = rng.random_range(1..=2);
        let q = pick(rng, &[Quality::Ache, Quality::Stiffness]);
        let note = pick(
            rng,
            &["quads sore from leg day", "legs stiff after squats", ""],
        );
        out.push(thigh.at(friday, Some(time), i0, Some(q), note));
        let saturday = friday + Duration::days(1);
        if i0 == 2 && rng.random_bool(0.7) {
            out.push(thigh.at(
                saturday,
                Some(morning(rng)),
                1,
                Some(Quality::Stiffness),
                "",
            ));
            let sunday = saturday + Duration::days(1);
            out.push(thigh.at(sunday, maybe_morning(rng, 0.5), 0, None, ""));
        } else {
            out.push(thigh.at(saturday, Some(morning(rng)), 0, None, ""));
        }
    }

    if plan.gardening {
        // Saturday evening; the last session was Thursday's legs, more than 48 h before.
        let saturday = monday + Duration::days(5);
        let time = hm(20, 0) + Duration::minutes(5 * rng.random_range(0..=12));
        out.push(back.at(
            saturday,
            Some(time),
            4,
            Some(Quality::Ache),
            "sore back after gardening all afternoon",
        ));
        let sunday = saturday + Duration::days(1);
        out.push(back.at(sunday, None, 3, Some(Quality::Stiffness), ""));
        let next_monday = sunday + Duration::days(1);
        out.push(back.at(next_monday, Some(hm(7, 15)), 0, None, ""));
    }
}

/// Regions for pain that has nothing to do with training, by weight: the lower back four
/// times as likely as a region of weight 1. The order is the draw's order.
const RANDOM_REGIONS: [(u32, &[Region]); 4] = [
    (4, &[Region::LowerBack]),
    (3, &[Region::Knee, Region::Shoulder]),
    (2, &[Region::Neck, Region::Thigh]),
    (
        1,
        &[
            Region::UpperBack,
            Region::Elbow,
            Region::Wrist,
            Region::Hip,
            Region::Ankle,
            Region::Calf,
            Region::Foot,
        ],
    ),
];

/// Regions the planted mechanics load (lower back, knee, thigh) or sit next to (hip, calf):
/// `Planted` keeps its background noise out of them.
const PLANTED_REGIONS: [Region; 5] = [
    Region::LowerBack,
    Region::Knee,
    Region::Thigh,
    Region::Hip,
    Region::Calf,
];

/// A region drawn by weight from [`RANDOM_REGIONS`], leaving out `skip`.
fn weighted(rng: &mut ChaCha8Rng, skip: &[Region]) -> Region {
    let table = || {
        RANDOM_REGIONS
            .iter()
            .flat_map(|&(w, regions)| regions.iter().map(move |&r| (r, w)))
            .filter(|(r, _)| !skip.contains(r))
    };
    let total: u32 = table().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total);
    let mut last = RANDOM_REGIONS[0].1[0];
    for (r, w) in table() {
        if x < w {
            return r;
        }
        x -= w;
        last = r;
    }
    last
}

fn has_side(region: Region) -> bool {
    !matches!(
        region,
        Region::Neck | Region::UpperBack | Region::LowerBack | Region::Abdomen
    )
}

/// One episode with no cause: 1–4 pain entries 1–2 days apart, then a 0 entry.
fn random_episode(rng: &mut ChaCha8Rng, region: Region, onset: NaiveDate) -> Vec<PainEntry> {
    let side = if has_side(region) {
        Some(pick(rng, &[Side::Left, Side::Right]))
    } else {
        None
    };
    let entry = Entry { region, side };
    let n = rng.random_range(1..=4u32);
    let mut intensity: u8 = rng.random_range(2..=6);
    let mut date = onset;
    let mut out = Vec::new();
    // Any hour of the day, independent of when people train.
    let first = hm(6, 0) + Duration::minutes(5 * rng.random_range(0..=192));
    for k in 0..n {
        let q = pick(
            rng,
            &[
                Quality::Ache,
                Quality::Dull,
                Quality::Sharp,
                Quality::Stiffness,
            ],
        );
        let time = if k == 0 {
            Some(first)
        } else {
            maybe_morning(rng, 0.6)
        };
        let note = if k == 0 {
            pick(rng, &["", "", "woke up with it", "no idea why"])
        } else {
            ""
        };
        out.push(entry.at(date, time, intensity, Some(q), note));
        date += Duration::days(rng.random_range(1..=2));
        intensity = intensity.saturating_sub(rng.random_range(0..=2)).max(1);
    }
    out.push(entry.at(date, maybe_morning(rng, 0.5), 0, None, ""));
    out
}

/// Adds random episodes in regions other than `skip` until `keep_going` says stop, never
/// overlapping an episode of the same region (a 4-day margin keeps them separate episodes).
fn add_random(
    rng: &mut ChaCha8Rng,
    out: &mut Vec<PainEntry>,
    skip: &[Region],
    start: NaiveDate,
    end: NaiveDate,
    mut keep_going: impl FnMut(usize, usize) -> bool,
) {
    let span = (end - start).num_days().max(1);
    let mut taken: Vec<(Region, NaiveDate, NaiveDate)> = Vec::new();
    let mut episodes = 0;
    let mut tries = 0;
    while keep_going(out.len(), episodes) && tries < 100_000 {
        tries += 1;
        let region = weighted(rng, skip);
        let onset = start + Duration::days(rng.random_range(0..span));
        let ep = random_episode(rng, region, onset);
        let last = ep.last().map_or(onset, |e| e.at.date());
        let clash = |r: &Region, a: &NaiveDate, b: &NaiveDate| {
            *r == region && onset <= *b + Duration::days(4) && *a <= last + Duration::days(4)
        };
        let planted_clash = out
            .iter()
            .any(|e| e.region == region && (e.at.date() - onset).num_days().abs() <= 14);
        if taken.iter().any(|(r, a, b)| clash(r, a, b)) || planted_clash || last > end {
            continue;
        }
        taken.push((region, onset, last));
        out.extend(ep);
        episodes += 1;
    }
}

/// `PainModel::Independent`: about `entries_per_year` entries per year on random days.
pub(super) fn independent(
    rng: &mut ChaCha8Rng,
    start: NaiveDate,
    end: NaiveDate,
    entries_per_year: u32,
) -> Vec<PainEntry> {
    let mut out = Vec::new();
    add_independent(rng, &mut out, start, end, entries_per_year);
    out.sort_by_key(|e| e.at);
    out
}

/// [`independent`]'s entries added to `out`, never within 14 days of an entry of the same
/// region already there (`PainModel::PullDays`).
pub(super) fn add_independent(
    rng: &mut ChaCha8Rng,
    out: &mut Vec<PainEntry>,
    start: NaiveDate,
    end: NaiveDate,
    entries_per_year: u32,
) {
    let days = (end - start).num_days() + 1;
    let target = (f64::from(entries_per_year) * days as f64 / 365.25).round() as usize;
    let before = out.len();
    add_random(rng, out, &[], start, end, |n, _| n - before < target);
}

/// Unrelated background pain for `PainModel::Planted`: about `per_year` episodes a year in
/// regions the planted mechanics never touch.
pub(super) fn add_background(
    rng: &mut ChaCha8Rng,
    out: &mut Vec<PainEntry>,
    start: NaiveDate,
    end: NaiveDate,
    per_year: u32,
) {
    let years = ((end - start).num_days() + 1) as f64 / 365.25;
    let target = (f64::from(per_year) * years).round() as usize;
    add_random(rng, out, &PLANTED_REGIONS, start, end, |_, episodes| {
        episodes < target
    });
}
