//! The statistics of science.md §4: Wilson intervals, relative risk with a Katz log interval
//! (Haldane-corrected when a cell is 0), Fisher's exact test and Benjamini–Hochberg q-values.

use serde::Serialize;
use statrs::distribution::{Discrete, DiscreteCDF, Hypergeometric};

/// Φ⁻¹(0.975): the two-sided 95 % normal quantile (scipy's `norm.ppf(0.975)`).
pub const Z_95: f64 = 1.959_963_984_540_054;

/// A 2×2 table: a = exposed with onset, b = exposed without, c = unexposed with onset,
/// d = unexposed without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Table {
    pub a: u64,
    pub b: u64,
    pub c: u64,
    pub d: u64,
}

/// Wilson score interval for k successes out of n, at 95 %.
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z_95 * Z_95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Relative risk with its Katz log 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RelativeRisk {
    pub rr: f64,
    pub low: f64,
    pub high: f64,
    /// True when 0.5 was added to every cell because one was 0.
    pub haldane: bool,
}

/// (a/(a+b)) / (c/(c+d)); when any cell is 0, 0.5 is added to all four (Haldane).
pub fn relative_risk(t: Table) -> Option<RelativeRisk> {
    if t.a + t.b == 0 || t.c + t.d == 0 {
        return None;
    }
    let haldane = t.a == 0 || t.b == 0 || t.c == 0 || t.d == 0;
    let add = if haldane { 0.5 } else { 0.0 };
    let (a, b, c, d) = (
        t.a as f64 + add,
        t.b as f64 + add,
        t.c as f64 + add,
        t.d as f64 + add,
    );
    let rr = (a / (a + b)) / (c / (c + d));
    let se = (1.0 / a - 1.0 / (a + b) + 1.0 / c - 1.0 / (c + d)).sqrt();
    Some(RelativeRisk {
        rr,
        low: rr * (-Z_95 * se).exp(),
        high: rr * (Z_95 * se).exp(),
        haldane,
    })
}

/// The distribution of `a` given the table's margins.
fn margins(t: Table) -> Option<Hypergeometric> {
    let population = t.a + t.b + t.c + t.d;
    Hypergeometric::new(population, t.a + t.c, t.a + t.b).ok()
}

/// One-sided Fisher exact p (alternative: the exposed have more onsets), P(X ≥ a).
pub fn fisher_greater(t: Table) -> f64 {
    match margins(t) {
        Some(h) if t.a > 0 => h.sf(t.a - 1).clamp(0.0, 1.0),
        _ => 1.0,
    }
}

/// Two-sided Fisher exact p: the total probability of tables no more likely than this one
/// (scipy's definition, with the same relative tolerance).
pub fn fisher_two_sided(t: Table) -> f64 {
    let Some(h) = margins(t) else { return 1.0 };
    let lo = (t.a + t.b).saturating_sub(t.b + t.d);
    let hi = (t.a + t.b).min(t.a + t.c);
    let observed = h.pmf(t.a);
    let p: f64 = (lo..=hi)
        .map(|x| h.pmf(x))
        .filter(|&q| q <= observed * (1.0 + 1e-7))
        .sum();
    p.clamp(0.0, 1.0)
}

/// Benjamini–Hochberg q-values, in the order of `p`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[j].total_cmp(&p[i]));
    let mut q = vec![0.0; m];
    let mut running = 1.0f64;
    for (rank_from_top, &i) in order.iter().enumerate() {
        let rank = m - rank_from_top;
        running = running.min(p[i] * m as f64 / rank as f64);
        q[i] = running.min(1.0);
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn oracle_relative_risk_10_of_75_vs_12_of_225() {
        let t = Table {
            a: 10,
            b: 65,
            c: 12,
            d: 213,
        };
        let rr = relative_risk(t).unwrap();
        assert!(close(rr.rr, 2.5, 1e-9));
        assert!(close(rr.low, 1.1261564, 1e-6), "{}", rr.low);
        assert!(close(rr.high, 5.5498508, 1e-6), "{}", rr.high);
        assert!(!rr.haldane);
    }

    #[test]
    fn oracle_fisher_two_sided() {
        let t = Table {
            a: 8,
            b: 2,
            c: 1,
            d: 5,
        };
        assert!(
            close(fisher_two_sided(t), 0.034965035, 1e-6),
            "{}",
            fisher_two_sided(t)
        );
        // One-sided (greater): P(X >= 8) for this table, from the hypergeometric pmf.
        let one = fisher_greater(t);
        assert!(close(one, 0.024475524, 1e-6), "{one}");
    }

    #[test]
    fn oracle_wilson_7_of_50() {
        let (lo, hi) = wilson(7, 50).unwrap();
        assert!(close(lo, 0.0695083, 1e-6), "{lo}");
        assert!(close(hi, 0.2618619, 1e-6), "{hi}");
    }

    #[test]
    fn oracle_benjamini_hochberg() {
        let q = benjamini_hochberg(&[0.5, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025]);
        let want = [0.5833333, 0.0233333, 0.007, 0.69, 0.035, 0.07, 0.00875];
        for (g, w) in q.iter().zip(want) {
            assert!(close(*g, w, 1e-6), "{q:?}");
        }
    }

    #[test]
    fn haldane_correction_when_a_cell_is_zero() {
        let rr = relative_risk(Table {
            a: 5,
            b: 10,
            c: 0,
            d: 40,
        })
        .unwrap();
        assert!(rr.haldane);
        assert!(close(rr.rr, (5.5 / 16.0) / (0.5 / 41.0), 1e-9));
        assert!(rr.low < rr.rr && rr.rr < rr.high);
    }

    #[test]
    fn fisher_of_a_zero_is_one() {
        assert_eq!(
            fisher_greater(Table {
                a: 0,
                b: 10,
                c: 3,
                d: 10
            }),
            1.0
        );
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn bh_q_is_at_least_p_and_monotone_in_p(p in prop::collection::vec(0.0f64..=1.0, 1..60)) {
                let q = benjamini_hochberg(&p);
                for i in 0..p.len() {
                    prop_assert!(q[i] >= p[i] - 1e-15);
                    prop_assert!(q[i] <= 1.0);
                    for j in 0..p.len() {
                        if p[i] <= p[j] {
                            prop_assert!(q[i] <= q[j] + 1e-15, "p {} <= {} but q {} > {}", p[i], p[j], q[i], q[j]);
                        }
                    }
                }
            }

            #[test]
            fn rr_interval_contains_rr(a in 0u64..60, b in 0u64..60, c in 0u64..60, d in 0u64..60) {
                if let Some(rr) = relative_risk(Table { a, b, c, d }) {
                    prop_assert!(rr.low <= rr.rr * (1.0 + 1e-12) && rr.rr <= rr.high * (1.0 + 1e-12), "{rr:?}");
                }
            }

            #[test]
            fn fisher_p_is_a_probability(a in 0u64..40, b in 0u64..40, c in 0u64..40, d in 0u64..40) {
                let p = fisher_greater(Table { a, b, c, d });
                prop_assert!((0.0..=1.0).contains(&p));
            }
        }
    }
}
