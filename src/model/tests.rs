use super::*;

#[test]
fn region_aliases_fold_to_one_region() {
    for name in [
        "lower back",
        "Low Back",
        "lumbar",
        "lower-back",
        "LOWER_BACK",
        "Back (lower)",
    ] {
        assert_eq!(name.parse::<Region>().unwrap(), Region::LowerBack, "{name}");
    }
    assert_eq!(Region::LowerBack.to_string(), "lower-back");
}

#[test]
fn unknown_region_lists_the_vocabulary() {
    let err = "elbowz".parse::<Region>().unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("\"elbowz\" is not a known body region"),
        "{msg}"
    );
    assert!(msg.contains("lower-back"), "{msg}");
}

#[test]
fn symptoms_and_set_kinds_parse() {
    assert_eq!(
        "saddle numbness".parse::<Symptom>().unwrap(),
        Symptom::SaddleNumbness
    );
    assert_eq!("Night pain".parse::<Symptom>().unwrap(), Symptom::NightPain);
    assert_eq!("dropset".parse::<SetKind>().unwrap(), SetKind::Drop);
    assert_eq!("W".parse::<SetKind>().unwrap(), SetKind::Warmup);
}

#[test]
fn iso_weeks_read_write_and_order() {
    let w: IsoWeek = "2026-W46".parse().unwrap();
    assert_eq!(w.to_string(), "2026-W46");
    assert_eq!(w.monday().to_string(), "2026-11-09");
    let first: IsoWeek = "2026W01".parse().unwrap();
    assert_eq!(first.monday().to_string(), "2025-12-29");
    assert_eq!(IsoWeek::of(first.monday()), first);
    assert_eq!(IsoWeek::from_key(first.key()), first);
    assert!(first < w);
    assert!("2026-W54".parse::<IsoWeek>().is_err());
    assert!(
        "46".parse::<IsoWeek>()
            .unwrap_err()
            .contains("expected YYYY-Www")
    );
    assert_eq!(serde_json::to_string(&w).unwrap(), "\"2026-W46\"");
}

#[test]
fn units_convert_exactly() {
    assert_eq!(WeightUnit::Lb.to_kg(100.0), 45.359237);
    assert_eq!("mi.".parse::<DistanceUnit>().unwrap(), DistanceUnit::Mi);
    assert_eq!(DistanceUnit::Km.to_m(2.5), 2500.0);
}

#[test]
fn soreness_regions_are_the_muscles_and_never_a_joint_or_the_spine() {
    let muscular: Vec<&str> = Region::ALL
        .iter()
        .filter(|r| r.is_muscular())
        .map(|r| r.as_str())
        .collect();
    assert_eq!(
        muscular,
        [
            "upper-back",
            "chest",
            "abdomen",
            "upper-arm",
            "forearm",
            "glute",
            "hamstring",
            "thigh",
            "calf"
        ]
    );
    for joint in [
        Region::Knee,
        Region::Shoulder,
        Region::Elbow,
        Region::Wrist,
        Region::Hip,
        Region::Ankle,
        Region::Neck,
        Region::LowerBack,
    ] {
        assert!(!joint.is_muscular(), "{joint}");
    }
}
