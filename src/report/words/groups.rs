//! Display grouping of a region's association rows. The analysis already joins exposures the
//! log cannot tell apart (`inseparable_groups`); on top of that, exposures whose 2×2 tables and
//! estimates are identical read as one row listing them all ("Back squat, Calf raise, Leg
//! curl, Leg press: 8 of 26 vs 0 of 107") instead of four identical rows. Display only: the
//! JSON keeps one association per exposure.

use crate::analysis::associations::{Association, group_label, inseparable_groups};

/// One row as the report shows it: one or more inseparable groups with the same numbers.
#[derive(Debug, Clone)]
pub struct DisplayGroup<'a> {
    /// The inseparable groups, in the analysis's order; each group's first row is its best.
    pub parts: Vec<Vec<&'a Association>>,
}

impl<'a> DisplayGroup<'a> {
    /// The row whose numbers the sentence quotes (every part's best has the same ones).
    pub fn best(&self) -> &'a Association {
        self.parts[0][0]
    }

    /// "Back squat + Leg press, Leg curl": inseparable parts joined with " + ", parts with ", ".
    pub fn label(&self) -> String {
        let parts: Vec<String> = self.parts.iter().map(|p| group_label(p)).collect();
        parts.join(", ")
    }

    /// True when some exposures in it were always done together.
    pub fn inseparable(&self) -> bool {
        self.parts.iter().any(|p| p.len() > 1)
    }

    /// True when it joins exposures only because their numbers are the same.
    pub fn merged(&self) -> bool {
        self.parts.len() > 1
    }
}

/// True when a sentence about `x` says exactly what one about `y` would: same region, 2×2
/// table, crude and adjusted estimates, and the same reason to discount it.
fn same_numbers(x: &Association, y: &Association) -> bool {
    x.region == y.region
        && x.table == y.table
        && x.crude == y.crude
        && x.adjusted == y.adjusted
        && x.adjusted_for == y.adjusted_for
        && x.explained_by == y.explained_by
}

/// The rows of one window as the report shows them: inseparable groups, then groups with the
/// same numbers in a region merged into the first of them, in the rows' order.
pub fn display_groups<'a>(rows: &[&'a Association]) -> Vec<DisplayGroup<'a>> {
    let mut out: Vec<DisplayGroup<'a>> = Vec::new();
    for part in inseparable_groups(rows) {
        match out.iter_mut().find(|g| same_numbers(g.best(), part[0])) {
            Some(g) => g.parts.push(part),
            None => out.push(DisplayGroup { parts: vec![part] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::Table;
    use crate::analysis::testing::association;
    use crate::model::Region;

    fn row(id: &str, region: Region, t: (u64, u64, u64, u64)) -> Association {
        let mut r = association(&id.replace('-', " "), t.0, t.1, t.2, t.3);
        r.exposure = id.into();
        r.region = region;
        r
    }

    #[test]
    fn identical_tables_in_a_region_are_one_row_listing_them_all() {
        let rows = [
            row("back-squat", Region::Thigh, (8, 18, 0, 107)),
            row("calf-raise", Region::Thigh, (8, 18, 0, 107)),
            row("deadlift", Region::Thigh, (0, 25, 8, 100)),
            row("leg-curl", Region::Thigh, (8, 18, 0, 107)),
            // The same numbers in another region stay apart.
            row("leg-press", Region::Knee, (8, 18, 0, 107)),
        ];
        let refs: Vec<&Association> = rows.iter().collect();
        let groups = display_groups(&refs);
        let labels: Vec<String> = groups.iter().map(DisplayGroup::label).collect();
        assert_eq!(
            labels,
            ["back squat, calf raise, leg curl", "deadlift", "leg press"]
        );
        assert!(groups[0].merged() && !groups[0].inseparable());
        assert_eq!(
            groups[0].best().table,
            Table {
                a: 8,
                b: 18,
                c: 0,
                d: 107
            }
        );
    }

    #[test]
    fn inseparable_parts_keep_their_plus_and_merge_by_numbers() {
        let mut squat = row("back-squat", Region::Thigh, (8, 18, 0, 107));
        squat.inseparable_from = vec!["leg-press".into()];
        let press = row("leg-press", Region::Thigh, (8, 18, 0, 107));
        let curl = row("leg-curl", Region::Thigh, (8, 18, 0, 107));
        let mut other = row("lunge", Region::Thigh, (8, 18, 0, 107));
        // A different adjusted estimate makes a different sentence: not merged.
        other.adjusted_for = vec!["back-squat".into()];
        let rows = [&squat, &press, &curl, &other];
        let groups = display_groups(&rows);
        let labels: Vec<String> = groups.iter().map(DisplayGroup::label).collect();
        assert_eq!(labels, ["back squat + leg press, leg curl", "lunge"]);
        assert!(groups[0].inseparable() && groups[0].merged());
    }
}
