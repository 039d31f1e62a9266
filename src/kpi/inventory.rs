//! Inventory KPIs per SKU and location (KPIS.md § 3) from the stock history omni holds:
//! counts (`omni import stock`), changes (`--adjust`) and the order lines each location
//! fulfilled. Between events the stock is what the last one left (a step function); a day's
//! stock is its end-of-day stock.

use super::calendar::Day;

/// What happened to one SKU at one location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A count: on hand and reserved as of then.
    Count { on_hand: i64, reserved: i64 },
    /// A recorded change (a delivery, a correction).
    Change(i64),
    /// Units sold (positive) or returned and restocked (negative).
    Sale(i64),
}

/// The figures of one SKU at one location (or a sum of them) over a window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StockFigures {
    /// Units sold in the window (returns not netted).
    pub units_sold: i64,
    /// On hand at the window's start (the first count, when it falls inside the window).
    pub start_on_hand: i64,
    /// Recorded deliveries plus positive count corrections in the window.
    pub receipts: i64,
    /// Days in the window with a known stock.
    pub tracked_days: i64,
    /// Tracked days ending with nothing available (on hand − reserved ≤ 0).
    pub stockout_days: i64,
    /// Σ end-of-day on hand over tracked days.
    pub on_hand_days: i64,
    /// The average end-of-day on hand over tracked days; summed when figures are pooled.
    pub average_on_hand: Option<f64>,
    /// Available (on hand − reserved) at the window's end.
    pub available_end: i64,
    /// Units sold in the last `demand_days` days of the window, stock known then or not.
    pub recent_units: i64,
    /// Whether any stock was known: rows without it are not inventory.
    pub tracked: bool,
}

impl StockFigures {
    /// Units sold / (start on hand + receipts); none when that is 0 or less.
    pub fn sell_through(&self) -> Option<f64> {
        let base = self.start_on_hand + self.receipts;
        (base > 0).then(|| self.units_sold as f64 / base as f64)
    }

    pub fn stockout_rate(&self) -> Option<f64> {
        (self.tracked_days > 0).then(|| self.stockout_days as f64 / self.tracked_days as f64)
    }

    pub fn average_on_hand(&self) -> Option<f64> {
        self.average_on_hand
    }

    /// Units sold / average units on hand (the unit version: omni holds no costs).
    pub fn turnover(&self) -> Option<f64> {
        self.average_on_hand()
            .filter(|a| *a > 0.0)
            .map(|a| self.units_sold as f64 / a)
    }

    /// Available now / average daily units sold over the demand window; none without sales.
    pub fn days_of_supply(&self, demand_days: i64) -> Option<f64> {
        (self.recent_units > 0 && demand_days > 0).then(|| {
            self.available_end.max(0) as f64 * demand_days as f64 / self.recent_units as f64
        })
    }

    pub fn add(&mut self, o: &StockFigures) {
        self.units_sold += o.units_sold;
        self.start_on_hand += o.start_on_hand;
        self.receipts += o.receipts;
        self.tracked_days += o.tracked_days;
        self.stockout_days += o.stockout_days;
        self.on_hand_days += o.on_hand_days;
        self.average_on_hand = match (self.average_on_hand, o.average_on_hand) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        self.available_end += o.available_end;
        self.recent_units += o.recent_units;
        self.tracked |= o.tracked;
    }
}

/// The figures of one SKU at one location over `[from, to)`, from its events in time order
/// (local day, event); counts sort before the sales of their day.
pub fn figures(events: &[(Day, Event)], from: Day, to: Day, demand_days: i64) -> StockFigures {
    let mut f = StockFigures::default();
    // The stock as the events leave it: none until the first count.
    let mut stock: Option<(i64, i64)> = None;
    let mut started = false;
    let mut day = from;
    let mut i = 0;
    // Closes the days before `until`, each with the stock as it stands.
    let close = |f: &mut StockFigures, stock: Option<(i64, i64)>, from: Day, until: Day| {
        if let Some((on_hand, reserved)) = stock
            && until > from
        {
            let n = i64::from(until - from);
            f.tracked_days += n;
            f.on_hand_days += on_hand * n;
            if on_hand - reserved <= 0 {
                f.stockout_days += n;
            }
        }
    };
    while i < events.len() {
        let (d, _) = events[i];
        if d >= to {
            break;
        }
        if d >= from && !started {
            // The stock at the window's start is what the events before it left.
            f.start_on_hand = stock.map_or(0, |s| s.0);
            started = true;
        }
        if d > day && d >= from {
            close(&mut f, stock, day, d);
            day = d;
        }
        // Every event of day `d`.
        while i < events.len() && events[i].0 == d {
            let inside = d >= from;
            match events[i].1 {
                Event::Count { on_hand, reserved } => {
                    match stock {
                        Some((before, _)) if inside => f.receipts += (on_hand - before).max(0),
                        None if inside && !f.tracked && f.start_on_hand == 0 => {
                            // The first count inside the window stands for its start.
                            f.start_on_hand = on_hand;
                        }
                        _ => {}
                    }
                    stock = Some((on_hand, reserved));
                }
                Event::Change(q) => {
                    if inside && q > 0 {
                        f.receipts += q;
                    }
                    stock = stock.map(|(h, r)| (h + q, r)).or(Some((q, 0)));
                }
                Event::Sale(q) => {
                    // Sales before the first known stock are outside the stock's history;
                    // demand is demand, known stock or not.
                    if inside && q > 0 && stock.is_some() {
                        f.units_sold += q;
                    }
                    if inside && q > 0 && d >= to - demand_days as Day {
                        f.recent_units += q;
                    }
                    stock = stock.map(|(h, r)| (h - q, r));
                }
            }
            f.tracked |= stock.is_some();
            i += 1;
        }
        if d >= from {
            // Day `d` itself ends with the stock as its events left it.
            close(&mut f, stock, d, d + 1);
            day = d + 1;
        }
    }
    if !started {
        f.start_on_hand = stock.map_or(0, |s| s.0);
    }
    close(&mut f, stock, day.max(from), to);
    f.available_end = stock.map_or(0, |(h, r)| h - r);
    f.tracked |= stock.is_some();
    f.average_on_hand = (f.tracked_days > 0).then(|| f.on_hand_days as f64 / f.tracked_days as f64);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(on_hand: i64) -> Event {
        Event::Count {
            on_hand,
            reserved: 0,
        }
    }

    #[test]
    fn a_window_of_ten_days_by_hand() {
        // Day 0: count 10. Day 2: sell 4 (6 left). Day 5: sell 6 (0: out). Day 7: delivery
        // of 5. Day 8: sell 1 (4 left). Window [1, 11), demand over the last 5 days.
        let events = [
            (0, count(10)),
            (2, Event::Sale(4)),
            (5, Event::Sale(6)),
            (7, Event::Change(5)),
            (8, Event::Sale(1)),
        ];
        let f = figures(&events, 1, 11, 5);
        assert_eq!(f.start_on_hand, 10);
        assert_eq!(f.receipts, 5);
        assert_eq!(f.units_sold, 11);
        // End-of-day stock on days 1…10: 10, 6, 6, 6, 0, 0, 5, 4, 4, 4.
        assert_eq!(f.tracked_days, 10);
        assert_eq!(f.stockout_days, 2);
        assert_eq!(f.on_hand_days, 10 + 6 * 3 + 5 + 4 * 3);
        assert_eq!(f.available_end, 4);
        // Sold on days 6…10: 1 unit → 4 available / (1 / 5 per day) = 20 days.
        assert_eq!(f.recent_units, 1);
        assert_eq!(f.days_of_supply(5), Some(20.0));
        assert_eq!(f.sell_through(), Some(11.0 / 15.0));
    }

    #[test]
    fn a_recount_above_the_books_is_a_receipt_and_untracked_days_do_not_count() {
        // First count on day 3 (inside the window): days 0–2 are untracked.
        // A sale before the first count is outside the stock's history.
        let events = [
            (1, Event::Sale(5)),
            (3, count(2)),
            (4, Event::Sale(2)),
            (6, count(7)),
        ];
        let f = figures(&events, 0, 8, 30);
        assert_eq!(f.start_on_hand, 2);
        assert_eq!(f.receipts, 7);
        assert_eq!(f.tracked_days, 5);
        // Days 4 and 5 end at 0.
        assert_eq!(f.stockout_days, 2);
        assert_eq!(f.units_sold, 2);
        assert_eq!(f.recent_units, 7);
        assert_eq!(f.sell_through(), Some(2.0 / 9.0));
        // Pooled, averages add up: two such SKUs hold twice the stock on average.
        let mut pooled = f.clone();
        pooled.add(&f);
        assert_eq!(
            pooled.average_on_hand(),
            Some(2.0 * f.average_on_hand().unwrap())
        );
        assert_eq!(pooled.stockout_rate(), f.stockout_rate());
        assert!(!figures(&[], 0, 8, 30).tracked);
    }
}
