//! Pain mentioned in workout notes ("right shoulder tweaked", "lower back felt weird at the
//! bottom") becomes *inferred* pain entries: placed at the end of the session that noted it
//! (its start plus its logged duration, or plus one hour), marked inferred, with intensity 3
//! unless the note gives one ("6/10"). Placing it after the start lets the session count as
//! coming before the pain it reported.

use std::collections::BTreeSet;

use crate::model::{PainEntry, Region, Side, SourceRef, WorkoutSet};

/// Intensity of an inferred entry whose note gives no number.
pub const INFERRED_INTENSITY: u8 = 3;

/// Words that say something hurts, matched at the start of a word.
const PAIN_WORDS: &[&str] = &[
    "pain", "hurt", "tweak", "sore", "ache", "achy", "aching", "twinge", "strain", "pulled",
    "injur", "weird", "tight", "niggl", "sting", "sharp", "pinch", "throb", "tender",
];

/// Phrases that deny pain.
const NEGATIONS: &[&str] = &[
    "no pain",
    "pain free",
    "pain-free",
    "without pain",
    "didn't hurt",
    "didnt hurt",
    "doesn't hurt",
    "doesnt hurt",
    "no longer",
    "not sore",
    "no soreness",
];

/// Body-part phrases, longest first so "lower back" wins over "back".
const BODY_PARTS: &[(&str, Region)] = &[
    ("lower back", Region::LowerBack),
    ("low back", Region::LowerBack),
    ("lumbar", Region::LowerBack),
    ("upper back", Region::UpperBack),
    ("mid back", Region::UpperBack),
    ("middle back", Region::UpperBack),
    ("hip flexor", Region::Hip),
    ("rotator cuff", Region::Shoulder),
    ("back", Region::LowerBack),
    ("spine", Region::LowerBack),
    ("neck", Region::Neck),
    ("shoulder", Region::Shoulder),
    ("delt", Region::Shoulder),
    ("trap", Region::UpperBack),
    ("chest", Region::Chest),
    ("pec", Region::Chest),
    ("oblique", Region::Abdomen),
    ("abs", Region::Abdomen),
    ("abdom", Region::Abdomen),
    ("tricep", Region::UpperArm),
    ("bicep", Region::UpperArm),
    ("elbow", Region::Elbow),
    ("forearm", Region::Forearm),
    ("wrist", Region::Wrist),
    ("thumb", Region::Hand),
    ("finger", Region::Hand),
    ("hand", Region::Hand),
    ("hip", Region::Hip),
    ("groin", Region::Groin),
    ("adductor", Region::Groin),
    ("glute", Region::Glute),
    ("hamstring", Region::Hamstring),
    ("hammy", Region::Hamstring),
    ("quad", Region::Thigh),
    ("thigh", Region::Thigh),
    ("knee", Region::Knee),
    ("calf", Region::Calf),
    ("calves", Region::Calf),
    ("shin", Region::Shin),
    ("achilles", Region::Ankle),
    ("ankle", Region::Ankle),
    ("foot", Region::Foot),
    ("feet", Region::Foot),
    ("heel", Region::Foot),
];

/// One inferred entry per session and region whose notes mention pain there.
pub fn pain_from_notes(sets: &[WorkoutSet]) -> Vec<PainEntry> {
    let mut seen: BTreeSet<(String, Region)> = BTreeSet::new();
    let mut out = Vec::new();
    for s in sets {
        for note in [&s.notes, &s.workout_notes] {
            let Some((region, side, intensity)) = read_note(note) else {
                continue;
            };
            let key = (format!("{}\u{1f}{}", s.source.file, s.workout_id), region);
            if !seen.insert(key) {
                continue;
            }
            let minutes = s
                .workout_duration_s
                .filter(|d| *d > 0.0 && *d <= 6.0 * 3600.0)
                .map_or(60, |d| (d / 60.0).round() as i64);
            out.push(PainEntry {
                at: s.start + chrono::Duration::minutes(minutes),
                time_given: true,
                region,
                side,
                intensity,
                quality: None,
                symptoms: Vec::new(),
                notes: note.clone(),
                inferred: true,
                source: SourceRef {
                    file: s.source.file.clone(),
                    line: s.source.line,
                },
            });
        }
    }
    out.sort_by_key(|e| e.at);
    out
}

/// The region, side and intensity a note reports, if it reports pain at all.
pub fn read_note(note: &str) -> Option<(Region, Option<Side>, u8)> {
    let text = note.to_lowercase();
    if text.trim().is_empty() || NEGATIONS.iter().any(|n| text.contains(n)) {
        return None;
    }
    if !PAIN_WORDS.iter().any(|w| word_start(&text, w)) {
        return None;
    }
    let region = BODY_PARTS
        .iter()
        .find(|(part, _)| word_start(&text, part))
        .map(|(_, r)| *r)?;
    let side = if word_start(&text, "left") {
        Some(Side::Left)
    } else if word_start(&text, "right") {
        Some(Side::Right)
    } else {
        None
    };
    Some((
        region,
        side,
        stated_intensity(&text).unwrap_or(INFERRED_INTENSITY),
    ))
}

fn word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// "6/10" → 6.
fn stated_intensity(text: &str) -> Option<u8> {
    text.match_indices("/10").find_map(|(i, _)| {
        let digits: String = text[..i]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse::<u8>().ok().filter(|v| *v <= 10)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_from_real_exports_read_as_pain() {
        assert_eq!(
            read_note("right shoulder tweaked"),
            Some((Region::Shoulder, Some(Side::Right), 3))
        );
        assert_eq!(
            read_note("Lower back felt weird at the bottom"),
            Some((Region::LowerBack, None, 3))
        );
        assert_eq!(
            read_note("Felt pain on left tricep on second set"),
            Some((Region::UpperArm, Some(Side::Left), 3))
        );
        assert_eq!(
            read_note("Pain in lower right oblique, correcting on the way up"),
            Some((Region::Abdomen, Some(Side::Right), 3))
        );
        assert_eq!(
            read_note("Shoulder a lil tweaky"),
            Some((Region::Shoulder, None, 3))
        );
        assert_eq!(
            read_note("knee pain 6/10 on the last set"),
            Some((Region::Knee, None, 6))
        );
    }

    #[test]
    fn notes_without_pain_or_body_part_are_ignored() {
        assert_eq!(read_note("Headache on 3rd"), None);
        assert_eq!(read_note("Straight arm, slow"), None);
        assert_eq!(read_note("back felt great, no pain"), None);
        assert_eq!(read_note("Seat 4, chest pad 2"), None);
        assert_eq!(read_note(""), None);
    }
}
