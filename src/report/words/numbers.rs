//! The words that explain the association statistics: once in plain text where they first
//! appear, and as tooltips in the HTML.

/// What the association numbers mean, said once per report where they first appear.
pub const NUMBERS_KEY: &str = "How to read the numbers: RR (relative risk) is how many times as often pain followed these sessions as other sessions; 1 means no difference. The range after it is the 95 % confidence interval: the true ratio is likely inside it, and a wide range means few sessions. p is how likely a difference this large would be by chance alone; q is p corrected for the many exposures tested, and a q below 0.05 is unlikely to be chance.";

/// The statistics' short names and a one-line explanation of each, for a tooltip.
pub const ABBREVIATIONS: [(&str, &str); 3] = [
    (
        "RR",
        "relative risk: how many times as often pain followed these sessions as other sessions (1 = no difference); the range is the 95 % confidence interval",
    ),
    (
        "p",
        "p-value: how likely a difference this large would be by chance alone",
    ),
    (
        "q",
        "q-value: the p-value corrected for the many exposures tested; below 0.05 is unlikely to be chance",
    ),
];
