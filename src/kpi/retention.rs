//! Retention per period, lapsed customers by acquisition channel (KPIS.md § 2.4) and cohort
//! tables (§ 2.5). Customers are counted once whatever the currency they paid in.

use std::collections::BTreeMap;

use super::calendar::{Day, Period, PeriodStarts, Window};
use super::ledger::{Fact, Sink};

/// The periods (starts) in which a customer ordered, oldest first, and the first order day.
fn active_periods(facts: &[Fact], starts: &mut PeriodStarts) -> (Option<Day>, Vec<Day>) {
    let mut first = None;
    let mut periods: Vec<Day> = Vec::new();
    for f in facts.iter().filter(|f| f.is_order()) {
        first.get_or_insert(f.day);
        let p = starts.start(f.day);
        if periods.last() != Some(&p) {
            periods.push(p);
        }
    }
    (first, periods)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodRetention {
    pub active: i64,
    pub new: i64,
    /// Active in this period and the one before.
    pub retained: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lapse {
    /// Customers whose first order is older than the lapse threshold.
    pub eligible: i64,
    pub lapsed: i64,
}

#[derive(Debug, Clone)]
pub struct Retention {
    pub period: Period,
    starts: PeriodStarts,
    pub window: Window,
    pub periods: BTreeMap<Day, PeriodRetention>,
    /// Per customer: first order, last order before the window's end, acquisition channel.
    spans: Vec<(Day, Day, u16)>,
}

impl Retention {
    pub fn new(period: Period, window: Window) -> Retention {
        Retention {
            period,
            starts: PeriodStarts::new(period),
            window,
            periods: BTreeMap::new(),
            spans: Vec::new(),
        }
    }

    /// Previous-period retention of the period starting `start`: none for the first period
    /// or when the one before had no active customer.
    pub fn rate(&self, start: Day) -> Option<f64> {
        let before = self.periods.keys().rev().find(|&&p| p < start)?;
        let prev = &self.periods[before];
        if self.period.next(*before) != start || prev.active == 0 {
            return None;
        }
        let retained = self.periods.get(&start).map_or(0, |p| p.retained);
        Some(retained as f64 / prev.active as f64)
    }

    /// Lapsed customers at `as_of` by acquisition channel: of the customers whose first order
    /// is more than `lapse_days` before it, those with no order since.
    pub fn lapses(&self, as_of: Day, lapse_days: i32) -> BTreeMap<u16, Lapse> {
        let threshold = as_of - lapse_days;
        let mut lapses: BTreeMap<u16, Lapse> = BTreeMap::new();
        for &(first, last, channel) in &self.spans {
            if first < threshold {
                let l = lapses.entry(channel).or_default();
                l.eligible += 1;
                l.lapsed += i64::from(last < threshold);
            }
        }
        lapses
    }
}

impl Sink for Retention {
    fn guest(&mut self, _fact: &Fact) {}

    fn customer(&mut self, _id: i64, facts: &[Fact]) {
        let (Some(first), periods) = active_periods(facts, &mut self.starts) else {
            return;
        };
        let in_window = |p: Day| {
            self.window.from.is_none_or(|f| p >= self.period.start(f))
                && self.window.to.is_none_or(|t| p < t)
        };
        for (i, &p) in periods.iter().enumerate() {
            if !in_window(p) {
                continue;
            }
            let r = self.periods.entry(p).or_default();
            r.active += 1;
            r.new += i64::from(i == 0);
            if i > 0 && self.period.next(periods[i - 1]) == p {
                r.retained += 1;
            }
        }
        let orders = || facts.iter().filter(|f| f.is_order());
        let acquired = orders().next().map_or(0, |f| f.channel);
        let last = orders()
            .filter(|f| self.window.to.is_none_or(|t| f.day < t))
            .map(|f| f.day)
            .max()
            .unwrap_or(first);
        if self.window.to.is_none_or(|t| first < t) {
            self.spans.push((first, last, acquired));
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cohorts {
    pub period: Period,
    starts: PeriodStarts,
    pub window: Window,
    pub cumulative: bool,
    /// Cohort start → (size, customers per period offset).
    pub cohorts: BTreeMap<Day, (i64, Vec<i64>)>,
}

impl Cohorts {
    pub fn new(period: Period, window: Window, cumulative: bool) -> Cohorts {
        Cohorts {
            period,
            starts: PeriodStarts::new(period),
            window,
            cumulative,
            cohorts: BTreeMap::new(),
        }
    }

    /// Periods between two period starts.
    fn offset(&self, from: Day, to: Day) -> usize {
        (self.period.index(to) - self.period.index(from)).max(0) as usize
    }
}

impl Sink for Cohorts {
    fn guest(&mut self, _fact: &Fact) {}

    fn customer(&mut self, _id: i64, facts: &[Fact]) {
        let (Some(first), periods) = active_periods(facts, &mut self.starts) else {
            return;
        };
        if !self.window.contains(first) {
            return;
        }
        let cohort = periods[0];
        let offsets: Vec<usize> = periods
            .iter()
            .filter(|&&p| self.window.to.is_none_or(|t| p < t))
            .map(|&p| self.offset(cohort, p))
            .collect();
        let entry = self.cohorts.entry(cohort).or_insert((0, Vec::new()));
        entry.0 += 1;
        let cells = &mut entry.1;
        let mut mark = |k: usize| {
            if cells.len() <= k {
                cells.resize(k + 1, 0);
            }
            cells[k] += 1;
        };
        if self.cumulative {
            // Counted once, at the first period with a repeat order; summed later.
            mark(0);
            if let Some(&k) = offsets.iter().find(|&&k| k > 0) {
                mark(k);
            }
        } else {
            offsets.iter().for_each(|&k| mark(k));
        }
    }
}

impl Cohorts {
    /// Cell counts per cohort; cumulative counts are summed over offsets ≥ 1.
    pub fn cells(&self, counts: &[i64], width: usize) -> Vec<i64> {
        let at = |k: usize| counts.get(k).copied().unwrap_or(0);
        if !self.cumulative {
            return (0..width).map(at).collect();
        }
        // Cumulative: period 0 is the whole cohort, then a running count of second orders.
        let mut run = 0;
        (0..width)
            .map(|k| {
                if k == 0 {
                    at(0)
                } else {
                    run += at(k);
                    run
                }
            })
            .collect()
    }
}
