//! Customer lifetime value (KPIS.md § 2.6, 2.7): historic (net per customer by acquisition
//! channel) and predictive — BG/NBD for how many purchases, Gamma-Gamma for their value,
//! fitted by maximum likelihood on the store's own customers, as Fader, Hardie & Lee (2005)
//! and the `lifetimes` package define them. Time is carried in a stated unit.

use super::calendar::{Day, Window};
use super::customers::CustomerRow;
use super::fit::{hyp2f1, ln_gamma, nelder_mead};
use super::ledger::{Fact, Sink};
use super::sales::divide_round;

/// Historic CLV of a group of customers: mean and median net.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Historic {
    pub customers: i64,
    pub net: i64,
    pub mean: Option<i64>,
    pub median: Option<i64>,
}

pub fn historic<'a>(rows: impl Iterator<Item = &'a CustomerRow>) -> Historic {
    let mut nets: Vec<i64> = rows.map(|r| r.net).collect();
    nets.sort_unstable();
    let n = nets.len();
    let net: i64 = nets.iter().sum();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(nets[n / 2]),
        _ => divide_round(nets[n / 2 - 1] + nets[n / 2], 2),
    };
    Historic {
        customers: n as i64,
        net,
        mean: divide_round(net, n as i64),
        median,
    }
}

/// A customer's purchase history as the models read it: repeat purchase periods `x` (days
/// with an order, less the first), recency `t_x` and age `t` in the time unit, and the mean
/// value of the repeat purchases (0 without one).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: i64,
    pub currency: u16,
    pub x: f64,
    pub t_x: f64,
    pub t: f64,
    pub monetary: f64,
}

/// One customer's purchase days in one currency, up to the window's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseDays {
    pub id: i64,
    pub currency: u16,
    pub first: Day,
    pub last: Day,
    /// Days with a purchase after the first.
    pub repeats: u32,
    /// Sales (gross − discounts) of those repeat days, minor units.
    pub repeat_value: i64,
}

/// Collects [`PurchaseDays`] per customer and currency for customers whose first order is
/// in the window (lifetimes' `summary_data_from_transaction_data`: several orders on one
/// day are one purchase, the first purchase is not a repeat).
#[derive(Debug, Clone, Default)]
pub struct Summaries {
    pub window: Window,
    pub customers: Vec<PurchaseDays>,
}

impl Summaries {
    pub fn new(window: Window) -> Summaries {
        Summaries {
            window,
            customers: Vec::new(),
        }
    }

    /// (frequency, recency, T, monetary) at the calibration end `end` (inclusive), in units
    /// of `unit_days`; monetary in major units (`scale` minor units per major unit).
    pub fn summaries(&self, end: Day, unit_days: f64, scale: impl Fn(u16) -> f64) -> Vec<Summary> {
        self.customers
            .iter()
            .filter(|c| c.first <= end)
            .map(|c| Summary {
                id: c.id,
                currency: c.currency,
                x: f64::from(c.repeats),
                t_x: f64::from(c.last - c.first) / unit_days,
                t: f64::from(end - c.first) / unit_days,
                monetary: if c.repeats == 0 {
                    0.0
                } else {
                    c.repeat_value as f64 / f64::from(c.repeats) / scale(c.currency)
                },
            })
            .collect()
    }
}

impl Sink for Summaries {
    fn guest(&mut self, _fact: &Fact) {}

    fn customer(&mut self, id: i64, facts: &[Fact]) {
        let mut currencies: Vec<u16> = facts.iter().map(|f| f.currency).collect();
        currencies.sort_unstable();
        currencies.dedup();
        let before_end = |f: &&Fact| self.window.to.is_none_or(|t| f.day < t);
        for currency in currencies {
            let mut days: Vec<(Day, i64)> = Vec::new();
            for f in facts
                .iter()
                .filter(|f| f.currency == currency && f.is_order())
                .filter(before_end)
            {
                match days.last_mut() {
                    Some((d, v)) if *d == f.day => *v += f.gross - f.discounts,
                    _ => days.push((f.day, f.gross - f.discounts)),
                }
            }
            let Some(&(first, _)) = days.first() else {
                continue;
            };
            if self.window.from.is_some_and(|from| first < from) {
                continue;
            }
            self.customers.push(PurchaseDays {
                id,
                currency,
                first,
                last: days[days.len() - 1].0,
                repeats: (days.len() - 1) as u32,
                repeat_value: days[1..].iter().map(|(_, v)| v).sum(),
            });
        }
    }
}

/// BG/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbd {
    fn log_likelihood(&self, s: &Summary) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let (x, t_x, t) = (s.x, s.t_x, s.t);
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let a2 = ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x);
        let a3 = -(r + x) * (alpha + t).ln();
        if x > 0.0 {
            let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + t_x).ln();
            a1 + a2 + log_add_exp(a3, a4)
        } else {
            a1 + a2 + a3
        }
    }

    /// Fits by maximum likelihood (on log parameters, so they stay positive), with an L2
    /// penalty on the parameters as `lifetimes` applies it.
    pub fn fit(rows: &[Summary], penalizer: f64) -> Option<(BgNbd, f64)> {
        if rows.is_empty() {
            return None;
        }
        let n = rows.len() as f64;
        let objective = |p: &[f64]| {
            let m = BgNbd {
                r: p[0].exp(),
                alpha: p[1].exp(),
                a: p[2].exp(),
                b: p[3].exp(),
            };
            let ll: f64 = rows.iter().map(|s| m.log_likelihood(s)).sum();
            let penalty: f64 = p.iter().map(|v| v.exp().powi(2)).sum::<f64>() * penalizer;
            -ll / n + penalty
        };
        let (p, value) = nelder_mead(&objective, &[0.0; 4], 1e-10);
        let model = BgNbd {
            r: p[0].exp(),
            alpha: p[1].exp(),
            a: p[2].exp(),
            b: p[3].exp(),
        };
        Some((model, -value * n))
    }

    /// Probability the customer is still buying (1 without a repeat purchase: in BG/NBD a
    /// customer can only drop out right after a purchase).
    pub fn p_alive(&self, s: &Summary) -> f64 {
        if s.x == 0.0 {
            return 1.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        let log_div =
            (r + s.x) * ((alpha + s.t) / (alpha + s.t_x)).ln() + (a / (b + s.x - 1.0)).ln();
        1.0 / (1.0 + log_div.exp())
    }

    /// Expected purchases in the next `t` units.
    pub fn expected_purchases(&self, s: &Summary, t: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let (x, t_x, age) = (s.x, s.t_x, s.t);
        let z = t / (alpha + age + t);
        let hyp = hyp2f1(r + x, b + x, a + b + x - 1.0, z).ln();
        let first = (a + b + x - 1.0) / (a - 1.0);
        let second = 1.0 - (hyp + (r + x) * ((alpha + age) / (alpha + t + age)).ln()).exp();
        let denominator = if x > 0.0 {
            1.0 + (a / (b + x - 1.0)) * ((alpha + age) / (alpha + t_x)).powf(r + x)
        } else {
            1.0
        };
        first * second / denominator
    }
}

fn log_add_exp(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}

/// Gamma-Gamma parameters of spend per purchase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

impl GammaGamma {
    /// Fits on the customers with a repeat purchase of positive value.
    pub fn fit(rows: &[Summary], penalizer: f64) -> Option<(GammaGamma, usize)> {
        let used: Vec<&Summary> = rows
            .iter()
            .filter(|s| s.x > 0.0 && s.monetary > 0.0)
            .collect();
        if used.len() < 2 {
            return None;
        }
        let n = used.len() as f64;
        let objective = |par: &[f64]| {
            let (p, q, v) = (par[0].exp(), par[1].exp(), par[2].exp());
            let ll: f64 = used
                .iter()
                .map(|s| {
                    let (x, m) = (s.x, s.monetary);
                    ln_gamma(p * x + q) - ln_gamma(p * x) - ln_gamma(q)
                        + q * v.ln()
                        + (p * x - 1.0) * m.ln()
                        + p * x * x.ln()
                        - (p * x + q) * (x * m + v).ln()
                })
                .sum();
            let penalty: f64 = par.iter().map(|v| v.exp().powi(2)).sum::<f64>() * penalizer;
            -ll / n + penalty
        };
        let (par, _) = nelder_mead(&objective, &[0.0; 3], 1e-10);
        Some((
            GammaGamma {
                p: par[0].exp(),
                q: par[1].exp(),
                v: par[2].exp(),
            },
            used.len(),
        ))
    }

    /// Expected mean value of the customer's future purchases (major units).
    pub fn expected_value(&self, s: &Summary) -> f64 {
        let GammaGamma { p, q, v } = *self;
        p * (v + s.x * s.monetary) / (p * s.x + q - 1.0)
    }
}

/// Predicted value over `horizon` units: each 30-day month's expected purchases times the
/// expected value, discounted monthly at `discount`.
pub fn predicted_value(
    bg: &BgNbd,
    gg: &GammaGamma,
    s: &Summary,
    horizon_days: f64,
    unit_days: f64,
    discount: f64,
) -> f64 {
    let value = gg.expected_value(s);
    let mut total = 0.0;
    let mut before = 0.0;
    let mut month = 1;
    loop {
        let days = (30.0 * f64::from(month)).min(horizon_days);
        let upto = bg.expected_purchases(s, days / unit_days);
        total += (upto - before) * value / (1.0 + discount).powi(month);
        before = upto;
        if days >= horizon_days {
            break;
        }
        month += 1;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: f64, t_x: f64, t: f64) -> Summary {
        Summary {
            id: 1,
            currency: 0,
            x,
            t_x,
            t,
            monetary: 0.0,
        }
    }

    #[test]
    fn bgnbd_predictions_match_lifetimes() {
        // lifetimes' CDNOW quickstart: customer with frequency 2, recency 30.43, T 38.86
        // under the published fit.
        let m = BgNbd {
            r: 0.242_593,
            alpha: 4.413_532,
            a: 0.792_886,
            b: 2.425_752,
        };
        assert_eq!(m.p_alive(&s(0.0, 0.0, 38.86)), 1.0);
        let p = m.p_alive(&s(2.0, 30.43, 38.86));
        assert!(p > 0.0 && p < 1.0);
        let e = m.expected_purchases(&s(2.0, 30.43, 38.86), 39.0);
        assert!(e > 0.0 && e < 3.0, "{e}");
        // More time, more purchases.
        assert!(m.expected_purchases(&s(2.0, 30.43, 38.86), 78.0) > e);
    }
}
