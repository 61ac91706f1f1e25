//! The words of the associations: each region's rows, and each row said in plain counts
//! before its statistics.

use super::*;

/// One region's rows at the primary window.
pub struct RegionAssociations<'a> {
    pub region: Region,
    pub onsets: u64,
    /// Every episode in the region was soreness-like: its rows go in the soreness section.
    pub soreness: bool,
    /// Tested rows as the report shows them ([`display_groups`]), at most
    /// [`ASSOCIATIONS_SHOWN`], in the analysis's order (adjusted q first).
    pub shown: Vec<DisplayGroup<'a>>,
    /// Tested rows beyond those shown.
    pub more: usize,
    /// Rows without enough data to test.
    pub untested: usize,
}

/// The associations at the primary window, grouped by region in the analysis's order.
pub fn primary_associations(a: &Analysis) -> Vec<RegionAssociations<'_>> {
    let w = a.thresholds.window_h;
    let primary: Vec<&Association> = a.associations.iter().filter(|r| r.window_h == w).collect();
    let mut regions: Vec<Region> = primary.iter().map(|r| r.region).collect();
    regions.dedup();
    regions
        .into_iter()
        .map(|region| {
            let rows: Vec<&Association> = primary
                .iter()
                .copied()
                .filter(|r| r.region == region)
                .collect();
            let tested: Vec<&Association> =
                rows.iter().copied().filter(|r| r.enough_data).collect();
            let groups = display_groups(&tested);
            RegionAssociations {
                region,
                onsets: rows.first().map_or(0, |r| r.onsets),
                soreness: soreness_only(&a.pain.episodes, region),
                more: groups.len().saturating_sub(ASSOCIATIONS_SHOWN),
                untested: rows.len() - tested.len(),
                shown: groups.into_iter().take(ASSOCIATIONS_SHOWN).collect(),
            }
        })
        .collect()
}

/// "In 3 of your 7 sessions with X, lower back pain started within 48 hours; after other
/// sessions, 1 of 40. RR …": the counts in plain words first, then the statistics, then the
/// adjusted estimate when there was something to adjust for, why a crude signal does not
/// count ("explained by Deadlift"), and what the row joins: exposures the log cannot tell
/// apart, or exposures with the same numbers.
pub fn association_sentence(group: &DisplayGroup, label_of: impl Fn(&str) -> String) -> String {
    let r = group.best();
    let label = group.label();
    let exposed = (r.table.a + r.table.b) as usize;
    let (rr, low, high) = r.crude.interval();
    // Several exposures with the same numbers: each had them, so the row says so first.
    let lead = if group.merged() {
        format!(
            "With each of {label}: in {} of your {}",
            r.table.a,
            plural(exposed, "session", "sessions")
        )
    } else {
        format!(
            "In {} of your {}",
            r.table.a,
            plural(
                exposed,
                &format!("session with {label}"),
                &format!("sessions with {label}")
            )
        )
    };
    let mut s = format!(
        "{lead}, {} pain started within {} hours; after other sessions, {} of {}. RR {:.1} ({:.1}–{:.1}), p {}, q {}",
        r.region.words(),
        r.window_h,
        r.table.c,
        r.table.c + r.table.d,
        rr,
        low,
        high,
        fmt_p(r.crude.p.unwrap_or(1.0)),
        fmt_p(r.crude.q.unwrap_or(1.0)),
    );
    if !r.adjusted_for.is_empty() {
        let (rr, low, high) = r.adjusted.interval();
        let names: Vec<String> = r.adjusted_for.iter().map(|id| label_of(id)).collect();
        s.push_str(&format!(
            "; adjusted for {}: RR {:.1} ({:.1}–{:.1}), q {}",
            names.join(" and "),
            rr,
            low,
            high,
            fmt_p(r.adjusted.q.unwrap_or(1.0)),
        ));
    }
    if let Some(by) = &r.explained_by {
        s.push_str(&format!(
            ". Explained by {} (done in the same sessions)",
            label_of(by)
        ));
    }
    match (group.merged(), group.inseparable()) {
        (false, true) => {
            s.push_str(". Always done together in this log: it cannot tell them apart")
        }
        (true, true) => s.push_str(
            ". Those joined by + were always done together in this log: it cannot tell them apart",
        ),
        _ => {}
    }
    s
}

pub fn more_associations(more: usize) -> String {
    format!(
        "… {} tested (see --format json)",
        plural(more, "more exposure", "more exposures")
    )
}

pub fn untested_associations(a: &Analysis, untested: usize) -> String {
    format!(
        "{}: not enough data (fewer than {} exposed or unexposed sessions, or {} onsets)",
        plural(untested, "exposure", "exposures"),
        a.thresholds.min_exposed_sessions,
        a.thresholds.min_onsets
    )
}
