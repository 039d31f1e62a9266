//! The customer-journey check (with merged customers): how many of each channel's customers
//! also buy elsewhere, channels whose customers never do, and lapses by acquisition channel.
//! Informational unless a channel stands out; never an error, so it leaves scores alone.

use std::rc::Rc;

use super::{Finding, Severity};
use crate::kpi::journey::Journey;

/// Customers a channel needs before a share of them is worth a warning.
const MIN_CUSTOMERS: i64 = 20;
/// A channel's lapse rate this far above the store's is a warning.
const LAPSE_MARGIN: f64 = 0.15;

const CHECK: &str = "customer-journey";

fn pct(n: i64, d: i64) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Findings from a journey; `names` are the channel names behind its indexes.
pub fn findings(j: &Journey, names: &[String], lapse_days: i64) -> Vec<Finding> {
    let mut out = Vec::new();
    let none: Rc<str> = Rc::from("");
    let all: Rc<str> = Rc::from("(all)");
    out.push(Finding::new(
        CHECK,
        "multichannel",
        Severity::Info,
        &all,
        &none,
        format!(
            "{} of {} customers ({:.1}%) buy on more than one channel",
            j.multichannel,
            j.customers,
            100.0 * pct(j.multichannel, j.customers)
        ),
    ));
    let (eligible, lapsed) = j
        .channels
        .iter()
        .fold((0, 0), |(e, l), c| (e + c.eligible, l + c.lapsed));
    let overall = pct(lapsed, eligible);
    for (c, name) in j.channels.iter().zip(names) {
        let channel: Rc<str> = Rc::from(name.as_str());
        if c.customers > 0 {
            let (severity, kind, reason) = if c.elsewhere == 0 && c.customers >= MIN_CUSTOMERS {
                (
                    Severity::Warn,
                    "isolated",
                    format!(
                        "none of its {} customers buys on another channel",
                        c.customers
                    ),
                )
            } else {
                (
                    Severity::Info,
                    "elsewhere",
                    format!(
                        "{} of its {} customers ({:.1}%) also buy on another channel",
                        c.elsewhere,
                        c.customers,
                        100.0 * pct(c.elsewhere, c.customers)
                    ),
                )
            };
            out.push(Finding::new(CHECK, kind, severity, &channel, &none, reason));
        }
        if c.eligible > 0 {
            let share = pct(c.lapsed, c.eligible);
            let high = c.eligible >= MIN_CUSTOMERS && share - overall >= LAPSE_MARGIN;
            out.push(Finding::new(
                CHECK,
                "lapsed",
                if high { Severity::Warn } else { Severity::Info },
                &channel,
                &none,
                format!(
                    "{} of {} customers acquired here ({:.1}%) have not ordered in {lapse_days} days{}",
                    c.lapsed,
                    c.eligible,
                    100.0 * share,
                    if high {
                        format!(" ({:.1} points above the store's {:.1}%)", 100.0 * (share - overall), 100.0 * overall)
                    } else {
                        String::new()
                    }
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::journey::ChannelJourney;

    #[test]
    fn isolated_channels_and_high_lapses_warn() {
        let j = Journey {
            threshold: 0,
            customers: 60,
            multichannel: 10,
            channels: vec![
                ChannelJourney {
                    customers: 40,
                    elsewhere: 10,
                    acquired: 30,
                    eligible: 30,
                    lapsed: 6,
                },
                ChannelJourney {
                    customers: 25,
                    elsewhere: 0,
                    acquired: 30,
                    eligible: 30,
                    lapsed: 18,
                },
            ],
        };
        let f = findings(&j, &["web".into(), "store".into()], 90);
        let warn: Vec<(&str, &str)> = f
            .iter()
            .filter(|f| f.severity == Severity::Warn)
            .map(|f| (&*f.channel, f.kind))
            .collect();
        // Store lapse rate 24 / 60 = 40 %; the store's 60 % is 20 points above.
        assert_eq!(warn, vec![("store", "isolated"), ("store", "lapsed")]);
        assert!(f[0].reason.contains("10 of 60 customers (16.7%)"));
        assert!(f.iter().all(|f| f.severity != Severity::Error));
    }
}
