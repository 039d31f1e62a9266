//! Sales figures per period, channel and currency (KPIS.md § 1.1, 2.1–2.3, 2.8): orders,
//! units, gross, discounts, returns, net, AOV, customers new / returning / repeat, guests.

use std::collections::BTreeMap;

use super::calendar::{Day, Period, PeriodStarts, Window};
use super::ledger::{Fact, Sink};

/// Which group a figure belongs to: a period start (none: the whole window), a channel (none:
/// every channel) and a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub period: Option<Day>,
    pub channel: Option<u16>,
    pub currency: u16,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SalesFigures {
    pub orders: i64,
    pub units: i64,
    pub gross: i64,
    pub discounts: i64,
    pub returned_units: i64,
    pub returns: i64,
    pub guest_orders: i64,
    pub zero_value_orders: i64,
    pub customers: i64,
    pub new_customers: i64,
    pub returning_customers: i64,
    pub repeat_customers: i64,
}

impl SalesFigures {
    pub fn net(&self) -> i64 {
        self.gross - self.discounts - self.returns
    }

    /// (gross − discounts) / orders, rounded half to even; none without orders.
    pub fn aov(&self) -> Option<i64> {
        divide_round(self.gross - self.discounts, self.orders)
    }

    pub fn repeat_purchase_rate(&self) -> Option<f64> {
        ratio(self.repeat_customers, self.customers)
    }

    pub fn return_rate_units(&self) -> Option<f64> {
        ratio(self.returned_units, self.units)
    }

    pub fn return_rate_value(&self) -> Option<f64> {
        ratio(self.returns, self.gross)
    }

    pub fn guest_share(&self) -> Option<f64> {
        ratio(self.guest_orders, self.orders)
    }

    fn merge(&mut self, o: &SalesFigures) {
        self.orders += o.orders;
        self.units += o.units;
        self.gross += o.gross;
        self.discounts += o.discounts;
        self.returned_units += o.returned_units;
        self.returns += o.returns;
        self.guest_orders += o.guest_orders;
        self.zero_value_orders += o.zero_value_orders;
        self.customers += o.customers;
        self.new_customers += o.new_customers;
        self.returning_customers += o.returning_customers;
        self.repeat_customers += o.repeat_customers;
    }

    fn add(&mut self, f: &Fact) {
        if f.is_order() {
            self.orders += 1;
            if f.gross == f.discounts {
                self.zero_value_orders += 1;
            }
        }
        self.units += f.units;
        self.gross += f.gross;
        self.discounts += f.discounts;
        self.returned_units += f.returned_units;
        self.returns += f.returns;
    }
}

/// `n / d` as a fraction; none when `d` is 0.
pub fn ratio(n: i64, d: i64) -> Option<f64> {
    (d != 0).then(|| n as f64 / d as f64)
}

/// Integer division rounded half to even (banker's rounding), none when `d` is 0.
pub fn divide_round(n: i64, d: i64) -> Option<i64> {
    if d == 0 {
        return None;
    }
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    let twice = 2 * r;
    let d = d.abs();
    Some(if twice > d || (twice == d && q % 2 != 0) {
        q + 1
    } else {
        q
    })
}

/// Sums facts into groups as the ledger streams them.
#[derive(Debug, Clone)]
pub struct SalesReport {
    pub period: Option<Period>,
    starts: Option<PeriodStarts>,
    pub by_channel: bool,
    pub window: Window,
    pub groups: BTreeMap<Key, SalesFigures>,
}

impl SalesReport {
    pub fn new(period: Option<Period>, by_channel: bool, window: Window) -> SalesReport {
        SalesReport {
            period,
            starts: period.map(PeriodStarts::new),
            by_channel,
            window,
            groups: BTreeMap::new(),
        }
    }

    fn key(&mut self, f: &Fact) -> Key {
        Key {
            period: self.starts.as_mut().map(|p| p.start(f.day)),
            channel: self.by_channel.then_some(f.channel),
            currency: f.currency,
        }
    }

    /// Whether a customer whose first order was on `first` is new in the group `key`.
    fn is_new(&self, key: &Key, first: Day) -> bool {
        let in_period = match (self.period, key.period) {
            (Some(p), Some(start)) => first >= start && first < p.next(start),
            _ => true,
        };
        in_period && self.window.contains(first)
    }
}

impl Sink for SalesReport {
    fn guest(&mut self, fact: &Fact) {
        if !self.window.contains(fact.day) {
            return;
        }
        let key = self.key(fact);
        let g = self.groups.entry(key).or_default();
        g.add(fact);
        if fact.is_order() {
            g.guest_orders += 1;
        }
    }

    fn customer(&mut self, _id: i64, facts: &[Fact]) {
        let first = facts.iter().find(|f| f.is_order()).map(|f| f.day);
        // The customer's figures per group, summed here first: few groups per customer, so
        // a short list, and one map update per group instead of one per fact.
        let mut mine: Vec<(Key, SalesFigures, i64)> = Vec::new();
        let window = self.window;
        for f in facts.iter().filter(|f| window.contains(f.day)) {
            let key = self.key(f);
            let at = match mine.iter().position(|(k, _, _)| *k == key) {
                Some(i) => i,
                None => {
                    mine.push((key, SalesFigures::default(), 0));
                    mine.len() - 1
                }
            };
            let (_, figures, orders) = &mut mine[at];
            figures.add(f);
            *orders += i64::from(f.is_order());
        }
        for (key, mut figures, orders) in mine {
            if orders > 0 {
                figures.customers = 1;
                figures.repeat_customers = i64::from(orders >= 2);
                if first.is_some_and(|d| self.is_new(&key, d)) {
                    figures.new_customers = 1;
                } else {
                    figures.returning_customers = 1;
                }
            }
            self.groups.entry(key).or_default().merge(&figures);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_even() {
        assert_eq!(divide_round(5, 2), Some(2));
        assert_eq!(divide_round(7, 2), Some(4));
        assert_eq!(divide_round(10, 3), Some(3));
        assert_eq!(divide_round(-5, 2), Some(-2));
        assert_eq!(divide_round(1, 0), None);
    }
}
