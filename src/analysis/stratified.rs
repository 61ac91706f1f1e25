//! Stratified 2×2 tables (science.md §4b): the Mantel–Haenszel risk ratio with the
//! Greenland–Robins interval, and the one-sided exact conditional test. With one stratum both
//! reduce to the crude statistics of `stats.rs` (Katz interval, one-sided Fisher p).

use statrs::distribution::{Discrete, Hypergeometric};

use super::stats::{RelativeRisk, Table, Z_95};

/// A stratum says something about the exposure only when it has sessions on both sides.
fn informative(strata: &[Table]) -> impl Iterator<Item = Table> + '_ {
    strata
        .iter()
        .copied()
        .filter(|t| t.a + t.b > 0 && t.c + t.d > 0)
}

/// Mantel–Haenszel risk ratio over the informative strata, with the Greenland–Robins (1985)
/// 95 % interval; `None` when no stratum is informative.
///
/// Zero cells, the crude rule carried over: when one of the four cells, summed over the
/// informative strata, is 0, 0.5 is added to every cell of every informative stratum
/// (`haldane: true`). With one stratum this is exactly `relative_risk`'s Haldane rule, and the
/// estimate and interval equal the crude RR and Katz interval. Zero cells inside single strata
/// need nothing: the MH estimator is built for sparse strata, and adding 0.5 to each would
/// invent onsets in strata that had none.
pub fn mantel_haenszel(strata: &[Table]) -> Option<RelativeRisk> {
    let cells: Vec<Table> = informative(strata).collect();
    if cells.is_empty() {
        return None;
    }
    let total = |f: fn(&Table) -> u64| cells.iter().map(f).sum::<u64>();
    let haldane = [
        total(|t| t.a),
        total(|t| t.b),
        total(|t| t.c),
        total(|t| t.d),
    ]
    .contains(&0);
    let add = if haldane { 0.5 } else { 0.0 };
    // R = Σ a·n0/N, S = Σ c·n1/N, P = Σ (n1·n0·m1 − a·c·N)/N².
    let (mut r, mut s, mut p) = (0.0, 0.0, 0.0);
    for t in &cells {
        let (a, b, c, d) = (
            t.a as f64 + add,
            t.b as f64 + add,
            t.c as f64 + add,
            t.d as f64 + add,
        );
        let (n1, n0) = (a + b, c + d);
        let n = n1 + n0;
        r += a * n0 / n;
        s += c * n1 / n;
        p += (n1 * n0 * (a + c) - a * c * n) / (n * n);
    }
    let rr = r / s;
    let se = (p / (r * s)).max(0.0).sqrt();
    Some(RelativeRisk {
        rr,
        low: rr * (-Z_95 * se).exp(),
        high: rr * (Z_95 * se).exp(),
        haldane,
    })
}

/// One-sided exact conditional p (exposed sessions are followed by more onsets): with every
/// stratum's margins fixed, each a_i is hypergeometric and Σa_i is their convolution;
/// p = P(Σ ≥ observed). Uninformative strata have a fixed a_i and drop out; with none left,
/// p = 1. One stratum gives the one-sided Fisher p.
pub fn exact_greater(strata: &[Table]) -> f64 {
    // dist[k] = P(Σ = low + k).
    let mut dist = vec![1.0f64];
    let (mut low, mut observed) = (0u64, 0u64);
    for t in informative(strata) {
        let (n1, n0, m1) = (t.a + t.b, t.c + t.d, t.a + t.c);
        let Ok(h) = Hypergeometric::new(n1 + n0, m1, n1) else {
            return 1.0;
        };
        let (lo, hi) = (m1.saturating_sub(n0), n1.min(m1));
        let pmf: Vec<f64> = (lo..=hi).map(|k| h.pmf(k)).collect();
        let mut next = vec![0.0; dist.len() + pmf.len() - 1];
        for (i, x) in dist.iter().enumerate() {
            for (j, y) in pmf.iter().enumerate() {
                next[i + j] += x * y;
            }
        }
        dist = next;
        low += lo;
        observed += t.a;
    }
    let from = (observed - low) as usize;
    // Summed from the far tail up, so tiny p values keep their digits.
    let p: f64 = dist[from..].iter().rev().sum();
    p.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    //! Oracles computed once in Python 3.11.7 with numpy 2.4.6, scipy 1.17.1 and statsmodels
    //! 0.15.0: RR_MH = `StratifiedTable(tables).riskratio_pooled` (on the Haldane-corrected
    //! tables where the rule applies); the Greenland–Robins interval written out by hand with
    //! `norm.ppf(0.975)`; p = the tail of `np.convolve` over the strata's
    //! `scipy.stats.hypergeom(N, m1, n1).pmf` (informative strata only), and for one stratum
    //! also `fisher_exact(..., alternative='greater')`. The script:
    //!
    //! ```text
    //! dist = np.array([1.0]); lo_tot = obs = 0
    //! for a, b, c, d in informative(strata):
    //!     n1, n0 = a+b, c+d; N = n1+n0; m1 = a+c
    //!     lo, hi = max(0, m1-n0), min(n1, m1)
    //!     dist = np.convolve(dist, hypergeom(N, m1, n1).pmf(np.arange(lo, hi+1)))
    //!     lo_tot += lo; obs += a
    //! p = dist[obs-lo_tot:].sum()
    //! ```
    use super::*;
    use crate::analysis::stats::{fisher_greater, relative_risk};

    fn t(a: u64, b: u64, c: u64, d: u64) -> Table {
        Table { a, b, c, d }
    }

    fn rel(x: f64, want: f64) -> bool {
        ((x - want) / want).abs() < 1e-8
    }

    /// (strata, RR_MH, low, high, p, haldane)
    fn check(strata: &[Table], rr: f64, low: f64, high: f64, p: f64, haldane: bool) {
        let mh = mantel_haenszel(strata).unwrap();
        assert!(rel(mh.rr, rr), "rr {} vs {rr}", mh.rr);
        assert!(rel(mh.low, low), "low {} vs {low}", mh.low);
        assert!(rel(mh.high, high), "high {} vs {high}", mh.high);
        assert_eq!(mh.haldane, haldane);
        let got = exact_greater(strata);
        assert!(rel(got, p), "p {got} vs {p}");
    }

    #[test]
    fn oracle_two_strata_with_an_empty_and_a_one_sided_stratum() {
        // statsmodels riskratio_pooled 19.44670543; (0,0,0,0) and (2,3,0,0) carry nothing.
        let two = [t(7, 18, 0, 61), t(0, 4, 3, 40)];
        check(
            &two,
            19.44670543,
            2.040995622,
            185.2891539,
            0.0008830907456,
            false,
        );
        let padded = [two[0], two[1], t(0, 0, 0, 0), t(2, 3, 0, 0)];
        check(
            &padded,
            19.44670543,
            2.040995622,
            185.2891539,
            0.0008830907456,
            false,
        );
        // science.md §4b's third row: one informative stratum left = its crude statistics.
        let zero = [t(5, 10, 2, 30), t(0, 0, 0, 0), t(3, 4, 0, 0)];
        check(
            &zero,
            5.333333333,
            1.165513091,
            24.40508362,
            0.02633238238,
            false,
        );
    }

    #[test]
    fn oracle_large_and_three_strata() {
        let large = [t(40, 25, 10, 5), t(6, 80, 20, 390)];
        check(
            &large,
            1.074782609,
            0.71840942,
            1.607937791,
            0.4322866337,
            false,
        );
        let three = [t(3, 9, 1, 40), t(2, 6, 2, 30), t(1, 3, 0, 12)];
        check(
            &three,
            7.456325301,
            1.948691811,
            28.53031284,
            0.003403876835,
            false,
        );
    }

    #[test]
    fn oracle_one_stratum_is_fisher_and_the_crude_rr() {
        // fisher_exact([[8,2],[1,5]], alternative='greater') = 0.02447552448.
        let one = [t(8, 2, 1, 5)];
        check(&one, 4.8, 0.780970566, 29.50175205, 0.02447552448, false);
        assert!(rel(exact_greater(&one), fisher_greater(one[0])));
        let crude = relative_risk(one[0]).unwrap();
        let mh = mantel_haenszel(&one).unwrap();
        assert!(rel(mh.rr, crude.rr) && rel(mh.low, crude.low) && rel(mh.high, crude.high));
    }

    #[test]
    fn oracle_haldane_single_stratum_equals_the_crude_katz_row() {
        // The sample's deadlift row (methods.md §7.1): c = 0, so 0.5 in every cell.
        let one = [t(7, 18, 0, 86)];
        check(
            &one,
            50.19230769,
            2.964971532,
            849.6768768,
            1.415336801e-05,
            true,
        );
        let crude = relative_risk(one[0]).unwrap();
        let mh = mantel_haenszel(&one).unwrap();
        assert!(rel(mh.rr, crude.rr) && rel(mh.low, crude.low) && rel(mh.high, crude.high));
        assert!(rel(exact_greater(&one), fisher_greater(one[0])));
    }

    #[test]
    fn oracle_haldane_over_three_strata() {
        // No unexposed onset in any stratum: Σc = 0, so 0.5 goes into every cell of the two
        // informative strata; (0,5,0,7) has no onsets but is informative, so it is corrected too.
        let strata = [t(4, 10, 0, 30), t(2, 8, 0, 25), t(0, 5, 0, 7)];
        check(
            &strata,
            9.648847044,
            1.870959494,
            49.76069742,
            0.0005576819497,
            true,
        );
    }

    #[test]
    fn no_informative_stratum_has_no_ratio_and_p_one() {
        let strata = [t(3, 4, 0, 0), t(0, 0, 2, 9)];
        assert_eq!(mantel_haenszel(&strata), None);
        assert_eq!(exact_greater(&strata), 1.0);
        assert_eq!(exact_greater(&[]), 1.0);
    }

    mod props {
        use super::super::*;
        use crate::analysis::stats::fisher_greater;
        use proptest::prelude::*;

        fn table() -> impl Strategy<Value = Table> {
            (0u64..25, 0u64..25, 0u64..25, 0u64..25).prop_map(|(a, b, c, d)| Table { a, b, c, d })
        }

        proptest! {
            #[test]
            fn one_stratum_is_fisher(x in table()) {
                let (p, f) = (exact_greater(&[x]), fisher_greater(x));
                prop_assert!((p - f).abs() <= 1e-9 * f.max(1e-300) + 1e-15, "{p} vs {f}");
            }

            #[test]
            fn p_is_a_probability_and_the_interval_holds_the_ratio(
                strata in prop::collection::vec(table(), 1..5)
            ) {
                let p = exact_greater(&strata);
                prop_assert!((0.0..=1.0).contains(&p));
                if let Some(mh) = mantel_haenszel(&strata) {
                    let slack = 1.0 + 1e-12;
                    prop_assert!(mh.low <= mh.rr * slack && mh.rr <= mh.high * slack, "{mh:?}");
                }
            }
        }
    }
}
