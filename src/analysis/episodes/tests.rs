use super::*;
use crate::analysis::testing::{entry, session};

fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn entries_group_into_episodes_and_zero_ends_them() {
    let pain = vec![
        entry("2026-06-02 08:00", Region::LowerBack, 5),
        entry("2026-06-03 08:00", Region::LowerBack, 4),
        entry("2026-06-06 08:00", Region::LowerBack, 3), // 3 days later: same episode
        entry("2026-06-07 08:00", Region::LowerBack, 0),
        entry("2026-06-08 08:00", Region::LowerBack, 2), // after a 0: new episode
        entry("2026-06-20 08:00", Region::LowerBack, 2), // 12 days later: new episode
        entry("2026-06-04 08:00", Region::Knee, 3),
    ];
    let eps = episodes(&pain, &[], &Thresholds::default());
    let back: Vec<&Episode> = eps
        .iter()
        .filter(|e| e.region == Region::LowerBack)
        .collect();
    assert_eq!(back.len(), 3);
    assert_eq!(back[0].days, 5);
    assert_eq!(back[0].peak, 5);
    assert_eq!(back[0].resolved_on, NaiveDate::from_ymd_opt(2026, 6, 7));
    assert_eq!(back[1].resolved_on, None);
    assert_eq!(eps.iter().filter(|e| e.region == Region::Knee).count(), 1);
}

#[test]
fn classes_follow_science_section_3() {
    let legs = session("2026-06-04 19:00", &[Region::Thigh, Region::Knee]);
    let dead = session("2026-06-08 18:00", &[Region::LowerBack]);
    let t = Thresholds::default();
    // Mild thigh pain the morning after leg day, gone next day: soreness-like.
    let sore = episodes(
        &[
            entry("2026-06-05 08:00", Region::Thigh, 2),
            entry("2026-06-06 08:00", Region::Thigh, 0),
        ],
        std::slice::from_ref(&legs),
        &t,
    );
    assert_eq!(sore[0].classes, vec![EpisodeClass::SorenessLike]);
    // Sharp 6/10 back pain the morning after deadlifts, still 6 on day 4, 9 days long.
    let mut pain: Vec<PainEntry> = [
        "2026-06-09 08:00",
        "2026-06-10 08:00",
        "2026-06-12 09:00",
        "2026-06-14 08:00",
        "2026-06-17 08:00",
    ]
    .iter()
    .zip([6, 6, 6, 4, 3])
    .map(|(d, i)| entry(d, Region::LowerBack, i))
    .collect();
    pain[0].quality = Some(Quality::Sharp);
    let eps = episodes(
        &pain,
        &[
            legs,
            dead,
            session("2026-06-10 18:00", &[Region::LowerBack]),
        ],
        &t,
    );
    let c = &eps[0].classes;
    assert!(c.contains(&EpisodeClass::AcuteOnset), "{c:?}");
    assert!(c.contains(&EpisodeClass::NotImproving), "{c:?}");
    assert!(c.contains(&EpisodeClass::Persistent), "{c:?}");
    assert!(!c.contains(&EpisodeClass::PersistentLong), "{c:?}");
    assert!(c.contains(&EpisodeClass::TrainingThroughPain), "{c:?}");
    assert!(!c.contains(&EpisodeClass::SorenessLike), "{c:?}");
    assert_eq!(eps[0].days, 9);
}

/// A 5-day knee episode (4, 5, 4, 3, 2, then 0), a long run on 2026-09-26 19:00 and a 3/10 knee
/// entry the next morning, two days after the 0: the sample's second knee onset.
fn knee_back(t: &Thresholds) -> Vec<Episode> {
    let mut pain: Vec<PainEntry> = (20..=25)
        .zip([4, 5, 4, 3, 2, 0])
        .map(|(day, i)| entry(&format!("2026-09-{day} 09:00"), Region::Knee, i))
        .collect();
    pain.push(entry("2026-09-27 09:05", Region::Knee, 3));
    pain.push(entry("2026-09-28 09:00", Region::Knee, 2));
    pain.push(entry("2026-09-29 09:00", Region::Knee, 0));
    let run = session("2026-09-26 19:00", &[Region::Knee, Region::Calf]);
    episodes(&pain, &[run], t)
}

#[test]
fn mild_knee_pain_soon_after_a_knee_episode_is_a_recurrence_not_soreness() {
    let eps = knee_back(&Thresholds::default());
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].days, 5);
    assert_eq!(eps[0].classes, Vec::<EpisodeClass>::new());
    assert_eq!(eps[1].onset, dt("2026-09-27 09:05"));
    assert_eq!(eps[1].classes, vec![EpisodeClass::Recurrence]);
    assert_eq!(eps[1].previous_end, NaiveDate::from_ymd_opt(2026, 9, 24));
    // Three days after the end is beyond a 2-day recurrence threshold; the knee is a joint,
    // so the episode is then nothing at all, and never soreness.
    let t = Thresholds {
        recurrence_days: 2,
        ..Thresholds::default()
    };
    assert_eq!(knee_back(&t)[1].classes, Vec::<EpisodeClass>::new());
}

#[test]
fn soreness_is_for_muscles_and_comes_back_as_soreness() {
    let t = Thresholds::default();
    let legs = [
        session("2026-06-04 19:00", &[Region::Thigh, Region::Knee]),
        session("2026-06-11 19:00", &[Region::Thigh, Region::Knee]),
    ];
    // The same mild pain the morning after leg day: soreness in the thigh, not in the knee.
    let pain: Vec<PainEntry> = [Region::Thigh, Region::Knee]
        .iter()
        .flat_map(|&r| {
            [
                entry("2026-06-05 08:00", r, 2),
                entry("2026-06-06 08:00", r, 0),
                entry("2026-06-12 08:00", r, 2),
                entry("2026-06-13 08:00", r, 0),
            ]
        })
        .collect();
    let eps = episodes(&pain, &legs, &t);
    let classes = |r: Region| -> Vec<Vec<EpisodeClass>> {
        eps.iter()
            .filter(|e| e.region == r)
            .map(|e| e.classes.clone())
            .collect()
    };
    // A week's leg day brings the thigh's soreness back: soreness again, not a recurrence.
    assert_eq!(
        classes(Region::Thigh),
        vec![vec![EpisodeClass::SorenessLike]; 2]
    );
    // The knee's second episode follows one that was not soreness: it came back.
    assert_eq!(
        classes(Region::Knee),
        vec![vec![], vec![EpisodeClass::Recurrence]]
    );
}

#[test]
fn episodes_that_overlap_the_period_are_kept_and_those_already_open_are_marked() {
    let pain = vec![
        entry("2026-05-01 08:00", Region::Knee, 3), // ended long before the period
        entry("2026-05-02 08:00", Region::Knee, 0),
        entry("2026-05-18 08:00", Region::Shoulder, 4), // open on the first day
        entry("2026-05-21 08:00", Region::Shoulder, 5),
        entry("2026-05-23 08:00", Region::Shoulder, 3),
        entry("2026-05-25 08:00", Region::Knee, 2), // inside
    ];
    let all = episodes(&pain, &[], &Thresholds::default());
    assert_eq!(all.len(), 3);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 5, d).unwrap();
    let kept = in_period(all, day(21), day(31));
    let shown: Vec<(Region, NaiveDateTime, bool)> = kept
        .iter()
        .map(|e| (e.region, e.onset, e.began_before))
        .collect();
    assert_eq!(
        shown,
        vec![
            (Region::Shoulder, dt("2026-05-18 08:00"), true),
            (Region::Knee, dt("2026-05-25 08:00"), false),
        ]
    );
    assert_eq!(kept[0].days, 6);
}

#[test]
fn worsening_needs_three_rising_entries() {
    let pain: Vec<PainEntry> = [
        ("2026-06-01 08:00", 2),
        ("2026-06-02 08:00", 3),
        ("2026-06-03 08:00", 3),
        ("2026-06-04 08:00", 5),
    ]
    .iter()
    .map(|(d, i)| entry(d, Region::Knee, *i))
    .collect();
    let eps = episodes(&pain, &[], &Thresholds::default());
    assert!(eps[0].has(EpisodeClass::Worsening));
    assert_eq!(eps[0].onset, dt("2026-06-01 08:00"));
}

#[test]
fn red_flags_from_symptoms_and_note_keywords() {
    let mut a = entry("2026-06-02 08:00", Region::LowerBack, 4);
    a.symptoms = vec![Symptom::Numbness];
    a.notes = "numb feeling down the left leg".into();
    let mut b = entry("2026-06-03 08:00", Region::LowerBack, 3);
    b.notes = "Woke at night with it; tingly toes; no numbness".into();
    let mut c = entry("2026-06-04 08:00", Region::Knee, 3);
    c.notes = "sunburnt, fell asleep early, not numb".into();
    let mut d = entry("2026-06-05 08:00", Region::LowerBack, 3);
    d.quality = Some(Quality::Radiating);
    let flags = red_flags(&[a, b, c, d]);
    let signs: Vec<&str> = flags.iter().map(|f| f.sign.as_str()).collect();
    assert_eq!(
        signs,
        vec![
            "numbness",
            "pain spreading down a leg",
            "tingling",
            "night pain",
            "pain spreading to other body parts"
        ]
    );
    assert_eq!(flags[0].source, FlagSource::Symptoms);
    assert_eq!(flags[1].source, FlagSource::Notes);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn episodes_never_overlap_within_a_region(raw in prop::collection::vec((0u32..120, 0u8..=10, 0usize..3), 0..80)) {
            let regions = [Region::LowerBack, Region::Knee, Region::Shoulder];
            let base = dt("2026-01-01 08:00");
            let pain: Vec<PainEntry> = raw.iter().map(|&(h, i, r)| {
                let mut e = entry("2026-01-01 08:00", regions[r], i);
                e.at = base + chrono::Duration::hours(i64::from(h) * 7);
                e
            }).collect();
            let eps = episodes(&pain, &[], &Thresholds::default());
            for r in regions {
                let mine: Vec<&Episode> = eps.iter().filter(|e| e.region == r).collect();
                for w in mine.windows(2) {
                    prop_assert!(w[0].end < w[1].onset.date() || (w[0].end == w[1].onset.date() && w[0].intensities.last().unwrap().0 < w[1].onset));
                }
                for e in &mine {
                    prop_assert!(e.onset.date() <= e.end);
                    prop_assert!(e.peak >= 1);
                }
            }
        }
    }
}
