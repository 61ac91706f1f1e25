//! Exposures the log cannot tell apart, as one group: the report shows them as one row and
//! one finding ("Deadlift + Romanian deadlift: always done together in this log"), never as
//! two findings that would each blame the other's evidence.

use super::Association;

/// Groups rows of one window by inseparability, in the rows' order: a group is a row and
/// every later row of the same region it cannot be told apart from (directly or through
/// another member). Each group's first row is its best, since the rows come ordered by
/// adjusted q.
pub fn inseparable_groups<'a>(rows: &[&'a Association]) -> Vec<Vec<&'a Association>> {
    let mut group_of: Vec<Option<usize>> = vec![None; rows.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..rows.len() {
        if group_of[i].is_some() {
            continue;
        }
        let g = groups.len();
        group_of[i] = Some(g);
        let mut members = vec![i];
        // Grow the group until no row outside it is inseparable from a member.
        let mut k = 0;
        while k < members.len() {
            let m = rows[members[k]];
            for (j, r) in rows.iter().enumerate() {
                let together = r.region == m.region
                    && (m.inseparable_from.contains(&r.exposure)
                        || r.inseparable_from.contains(&m.exposure));
                if group_of[j].is_none() && together {
                    group_of[j] = Some(g);
                    members.push(j);
                }
            }
            k += 1;
        }
        members.sort_unstable();
        groups.push(members);
    }
    groups
        .into_iter()
        .map(|m| m.into_iter().map(|i| rows[i]).collect())
        .collect()
}

/// "Pull-up + Seated cable or band row": the group's labels joined.
pub fn group_label(group: &[&Association]) -> String {
    let labels: Vec<&str> = group.iter().map(|r| r.label.as_str()).collect();
    labels.join(" + ")
}
