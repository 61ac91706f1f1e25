use super::*;

#[test]
fn the_vocabulary_file_is_well_formed() {
    let w = parse_pain_words(PAIN_WORDS_TOML).expect("data/pain_words.toml parses");
    assert!(w.pain.len() >= 19 && w.negations.len() >= 11 && w.body_parts.len() >= 40);
    assert_eq!(w.body_parts.len(), words().body_parts.len());
    for phrase in w
        .pain
        .iter()
        .chain(&w.negations)
        .chain(w.body_parts.iter().map(|b| &b.0))
    {
        assert!(!phrase.trim().is_empty(), "an empty phrase");
        assert_eq!(
            phrase,
            &phrase.to_lowercase(),
            "{phrase}: notes are matched lower-cased"
        );
    }
    // Longer phrases are tried first where one contains another.
    let at = |p: &str| w.body_parts.iter().position(|b| b.0 == p).unwrap();
    assert!(at("lower back") < at("back"));
}

#[test]
fn a_malformed_word_entry_names_its_line() {
    let err = parse_pain_words(
        "pain = [\"hurt\"]\nnegations = []\nbody_parts = [\n  [\"knee\", \"knee\"],\n  [\"elbo\", \"elbowz\"],\n]\n",
    )
    .unwrap_err();
    let first = err.lines().next().unwrap();
    assert_eq!(first, "TOML parse error at line 5, column 3");
    assert!(
        err.contains("\"elbowz\" is not a known body region"),
        "{err}"
    );
}

#[test]
fn notes_from_real_exports_read_as_pain() {
    for (note, read) in [
        (
            "right shoulder tweaked",
            (Region::Shoulder, Some(Side::Right), 3),
        ),
        (
            "Lower back felt weird at the bottom",
            (Region::LowerBack, None, 3),
        ),
        (
            "Felt pain on left tricep on second set",
            (Region::UpperArm, Some(Side::Left), 3),
        ),
        (
            "Pain in lower right oblique, correcting on the way up",
            (Region::Abdomen, Some(Side::Right), 3),
        ),
        ("Shoulder a lil tweaky", (Region::Shoulder, None, 3)),
        ("knee pain 6/10 on the last set", (Region::Knee, None, 6)),
    ] {
        assert_eq!(read_note(note), Some(read), "{note:?}");
    }
}

#[test]
fn notes_without_pain_or_body_part_are_ignored() {
    assert_eq!(read_note("Headache on 3rd"), None);
    assert_eq!(read_note("Straight arm, slow"), None);
    assert_eq!(read_note("back felt great, no pain"), None);
    assert_eq!(read_note("Seat 4, chest pad 2"), None);
    assert_eq!(read_note(""), None);
}

/// The self-written labelled notes: (language, note, expected region or none).
fn labelled() -> Vec<(&'static str, &'static str, Option<Region>)> {
    include_str!("../../../tests/fixtures/notes_labelled.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "three columns: {l:?}");
            let expected = (cols[2] != "-").then(|| {
                cols[2]
                    .parse::<Region>()
                    .unwrap_or_else(|e| panic!("{l:?}: {e}"))
            });
            (cols[0], cols[1], expected)
        })
        .collect()
}

/// True positives, false positives, false negatives.
fn score<'a>(
    notes: impl Iterator<Item = &'a (&'a str, &'a str, Option<Region>)>,
) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (_, note, expected) in notes {
        let got = read_note(note).map(|r| r.0);
        match (got, expected) {
            (Some(g), Some(e)) if g == *e => tp += 1,
            (Some(_), Some(_)) => {
                fp += 1;
                fn_ += 1;
            }
            (Some(_), None) => fp += 1,
            (None, Some(_)) => fn_ += 1,
            (None, None) => {}
        }
    }
    (tp, fp, fn_)
}

const LANGUAGES: [&str; 6] = ["en", "pt", "es", "fr", "de", "it"];

#[test]
fn the_labelled_notes_meet_the_precision_and_recall_targets() {
    let notes = labelled();
    let mut misses = Vec::new();
    for (lang, note, expected) in &notes {
        let got = read_note(note).map(|r| r.0);
        if got != *expected {
            misses.push(format!(
                "{lang}: {note:?} read {got:?}, labelled {expected:?}"
            ));
        }
    }
    let (tp, fp, fn_) = score(notes.iter());
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    assert!(
        precision >= 0.95 && recall >= 0.90,
        "precision {precision:.3}, recall {recall:.3}; misread:\n{}",
        misses.join("\n")
    );
    for lang in LANGUAGES {
        let in_lang: Vec<_> = notes.iter().filter(|n| n.0 == lang).cloned().collect();
        assert!(in_lang.len() >= 25, "{lang}: {} notes", in_lang.len());
        let (tp, _, fn_) = score(in_lang.iter());
        let recall = tp as f64 / (tp + fn_) as f64;
        assert!(
            recall >= 0.80,
            "{lang}: recall {recall:.3}; misread:\n{}",
            misses.join("\n")
        );
    }
    // The numbers methods.md §4.6 states; update both together.
    assert_eq!(
        (notes.len(), tp, fp, fn_),
        (241, 151, 0, 0),
        "{}",
        misses.join("\n")
    );
}

#[test]
fn negations_and_fatigue_give_no_entry_in_every_language() {
    for (lang, pain, negated, fatigue) in [
        (
            "en",
            "knee hurts",
            "knee doesn't hurt",
            "legs cooked, totally smoked",
        ),
        (
            "pt",
            "joelho dói",
            "joelho sem dor",
            "pernas mortas, cansado",
        ),
        (
            "es",
            "me duele la rodilla",
            "rodilla sin dolor",
            "cansado, piernas muertas",
        ),
        (
            "fr",
            "j'ai mal au genou",
            "pas mal au genou",
            "fatigué, jambes cuites",
        ),
        (
            "de",
            "Knie tut weh",
            "Knie keine Schmerzen",
            "Beine kaputt, müde",
        ),
        (
            "it",
            "mi fa male il ginocchio",
            "ginocchio senza dolore",
            "gambe distrutte, stanco",
        ),
    ] {
        assert_eq!(
            read_note(pain).map(|r| r.0),
            Some(Region::Knee),
            "{lang}: {pain}"
        );
        assert_eq!(read_note(negated), None, "{lang}: {negated}");
        assert_eq!(read_note(fatigue), None, "{lang}: {fatigue}");
    }
}

#[test]
fn case_and_accents_are_folded() {
    // One note, spelled three ways a phone or a hurried thumb writes it.
    let spellings = [
        "lesión en la rodilla",
        "LESION EN LA RODILLA",
        "lesion en la rodilla",
    ];
    for note in spellings {
        assert_eq!(read_note(note).map(|r| r.0), Some(Region::Knee), "{note}");
    }
    assert_eq!(
        read_note("Lombar DOENDO"),
        Some((Region::LowerBack, None, INFERRED_INTENSITY))
    );
}

#[test]
fn a_pain_word_counts_only_near_the_body_part_in_its_clause() {
    // Six words on: too far.
    assert_eq!(read_note("shoulder stayed down and I felt pain"), None);
    // Another clause.
    assert_eq!(read_note("keep the elbow in. hurts"), None);
    // The nearer body part wins.
    assert_eq!(
        read_note("back squat hurt my right knee"),
        Some((Region::Knee, Some(Side::Right), INFERRED_INTENSITY))
    );
    assert_eq!(
        read_note("Knieschmerzen seit Montag").map(|r| r.0),
        Some(Region::Knee)
    );
}
