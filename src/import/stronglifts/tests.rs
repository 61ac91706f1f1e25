use super::current::set_column;
use super::wide::{agree_within_rounding, numbered};
use super::*;

#[test]
fn timed_exercises_are_told_from_their_name() {
    assert!(is_timed("Plank"));
    assert!(is_timed("Side Plank"));
    assert!(is_timed("Dead Hang"));
    assert!(is_timed("Hollow Body Hold"));
    assert!(!is_timed("Plank Shoulder Taps"));
    assert!(!is_timed("Plank Jacks"));
    assert!(!is_timed("Squat"));
    assert!(!is_timed("Chinups"));
}

#[test]
fn rounded_conversions_agree() {
    assert!(agree_within_rounding(60.0, 135.0));
    assert!(agree_within_rounding(100.0, 220.0));
    assert!(!agree_within_rounding(60.0, 60.0));
}

#[test]
fn set_columns_are_numbered() {
    assert_eq!(set_column("Set 3 (Reps)"), Some((3, "reps".into())));
    assert_eq!(set_column("Set 12 (KG)"), Some((12, "kg".into())));
    assert_eq!(set_column("Set 1"), None);
    assert_eq!(numbered("Exercise 4", "exercise"), Some(4));
    assert_eq!(numbered("Exercise", "exercise"), None);
}
