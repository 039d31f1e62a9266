//! Per-customer figures in a window (KPIS.md § 1.2, 2.3, 2.6, 2.9, 2.10, 2.12): one row per
//! customer and currency, from which the customer, uplift, RFM and historic CLV reports are
//! read. Guests are outside every per-customer figure; their orders are counted beside.

use super::calendar::{Day, Window};
use super::ledger::{Fact, Sink};
use super::sales::{divide_round, ratio};

/// A customer's activity in one currency inside the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRow {
    pub id: i64,
    pub orders: i64,
    /// Gross − discounts of the orders.
    pub sales: i64,
    /// Gross − discounts − returns in the window.
    pub net: i64,
    /// Distinct channels ordered on in the window.
    pub channels: u32,
    /// The channel and day of the first order in the store's data.
    pub acquired_on: u16,
    pub first_ever: Day,
    /// The last order in the window.
    pub last: Day,
    /// Orders from the first ever up to the window's end (Shopify's returning-customer basis).
    pub orders_to_end: i64,
}

/// Collects [`CustomerRow`]s per currency and the guests' orders.
#[derive(Debug, Clone, Default)]
pub struct CustomerBase {
    pub window: Window,
    /// Indexed by currency.
    pub rows: Vec<Vec<CustomerRow>>,
    pub orders: Vec<i64>,
    pub guest_orders: Vec<i64>,
}

impl CustomerBase {
    pub fn new(window: Window) -> CustomerBase {
        CustomerBase {
            window,
            ..CustomerBase::default()
        }
    }

    fn slot<T: Default + Clone>(v: &mut Vec<T>, i: u16) -> &mut T {
        if v.len() <= i as usize {
            v.resize(i as usize + 1, T::default());
        }
        &mut v[i as usize]
    }
}

impl Sink for CustomerBase {
    fn guest(&mut self, f: &Fact) {
        if f.is_order() && self.window.contains(f.day) {
            *Self::slot(&mut self.orders, f.currency) += 1;
            *Self::slot(&mut self.guest_orders, f.currency) += 1;
        }
    }

    fn customer(&mut self, id: i64, facts: &[Fact]) {
        let Some(first) = facts.iter().find(|f| f.is_order()) else {
            return;
        };
        let mut currencies: Vec<u16> = facts.iter().map(|f| f.currency).collect();
        currencies.sort_unstable();
        currencies.dedup();
        for currency in currencies {
            let mut row = CustomerRow {
                id,
                orders: 0,
                sales: 0,
                net: 0,
                channels: 0,
                acquired_on: first.channel,
                first_ever: first.day,
                last: first.day,
                orders_to_end: 0,
            };
            let mut channels: Vec<u16> = Vec::new();
            for f in facts.iter().filter(|f| f.currency == currency) {
                let before_end = self.window.to.is_none_or(|t| f.day < t);
                if f.is_order() && before_end {
                    row.orders_to_end += 1;
                }
                if !self.window.contains(f.day) {
                    continue;
                }
                row.net += f.net();
                if f.is_order() {
                    row.orders += 1;
                    row.sales += f.gross - f.discounts;
                    row.last = f.day;
                    if !channels.contains(&f.channel) {
                        channels.push(f.channel);
                    }
                }
            }
            // Only returns in the window: not a customer of the window (KPIS.md § 1.2).
            if row.orders == 0 {
                continue;
            }
            row.channels = channels.len() as u32;
            *Self::slot(&mut self.orders, currency) += row.orders;
            Self::slot(&mut self.rows, currency).push(row);
        }
    }
}

/// The customer figures of one currency.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerFigures {
    pub customers: i64,
    pub new_customers: i64,
    pub returning_customers: i64,
    pub repeat_customers: i64,
    pub repeat_purchase_rate: Option<f64>,
    pub returning_customer_rate: Option<f64>,
    pub orders: i64,
    pub guest_orders: i64,
    pub guest_share: Option<f64>,
    pub orders_per_customer: Option<f64>,
    pub net_sales: i64,
    pub net_per_customer: Option<i64>,
    pub median_net_per_customer: Option<i64>,
    pub top5_customers: i64,
    pub top5_share: Option<f64>,
}

pub fn customer_figures(
    rows: &[CustomerRow],
    window: &Window,
    orders: i64,
    guest_orders: i64,
) -> CustomerFigures {
    let customers = rows.len() as i64;
    let new = rows
        .iter()
        .filter(|r| window.contains(r.first_ever))
        .count() as i64;
    let repeat = rows.iter().filter(|r| r.orders >= 2).count() as i64;
    let returning_basis = rows.iter().filter(|r| r.orders_to_end >= 2).count() as i64;
    let customer_orders: i64 = rows.iter().map(|r| r.orders).sum();
    let net: i64 = rows.iter().map(|r| r.net).sum();
    let mut nets: Vec<i64> = rows.iter().map(|r| r.net).collect();
    nets.sort_unstable_by(|a, b| b.cmp(a));
    let median = match nets.len() {
        0 => None,
        n if n % 2 == 1 => Some(nets[n / 2]),
        n => divide_round(nets[n / 2 - 1] + nets[n / 2], 2),
    };
    let (top, top_share) = top_share(&nets, net);
    CustomerFigures {
        customers,
        new_customers: new,
        returning_customers: customers - new,
        repeat_customers: repeat,
        repeat_purchase_rate: ratio(repeat, customers),
        returning_customer_rate: ratio(returning_basis, customers),
        orders,
        guest_orders,
        guest_share: ratio(guest_orders, orders),
        orders_per_customer: ratio(customer_orders, customers),
        net_sales: net,
        net_per_customer: divide_round(net, customers),
        median_net_per_customer: median,
        top5_customers: top,
        top5_share: top_share,
    }
}

/// The top ⌈5 %⌉ of customers by net and their share of the customers' net (§ 2.9). `nets`
/// is sorted from the highest; ties at the boundary do not change the sum.
pub fn top_share(nets: &[i64], total: i64) -> (i64, Option<f64>) {
    let k = (nets.len() * 5).div_ceil(100);
    let top: i64 = nets[..k].iter().sum();
    (k as i64, ratio(top, total))
}

/// One side of the cross-channel comparison (§ 2.10).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Side {
    pub customers: i64,
    pub orders: i64,
    pub sales: i64,
    pub net: i64,
}

impl Side {
    /// The sums over `rows`.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a CustomerRow>) -> Side {
        let mut side = Side::default();
        rows.into_iter().for_each(|r| side.add(r));
        side
    }

    fn add(&mut self, r: &CustomerRow) {
        self.customers += 1;
        self.orders += r.orders;
        self.sales += r.sales;
        self.net += r.net;
    }

    pub fn net_per_customer(&self) -> Option<i64> {
        divide_round(self.net, self.customers)
    }

    pub fn aov(&self) -> Option<i64> {
        divide_round(self.sales, self.orders)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Uplift {
    pub cross: Side,
    pub single: Side,
    pub cross_repeat: Side,
    pub single_repeat: Side,
}

/// Relative difference `a / b − 1`; none when `b` is missing or 0.
pub fn uplift_of(a: Option<i64>, b: Option<i64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0 => Some(a as f64 / b as f64 - 1.0),
        _ => None,
    }
}

pub fn uplift(rows: &[CustomerRow]) -> Uplift {
    let mut u = Uplift::default();
    for r in rows {
        let cross = r.channels >= 2;
        if cross {
            u.cross.add(r);
        } else {
            u.single.add(r);
        }
        if r.orders >= 2 {
            if cross {
                u.cross_repeat.add(r);
            } else {
                u.single_repeat.add(r);
            }
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_five_percent_rounds_up() {
        let nets: Vec<i64> = (1..=21).rev().collect();
        let total: i64 = nets.iter().sum();
        // 5 % of 21 is 1.05: two customers, 21 + 20.
        assert_eq!(top_share(&nets, total), (2, Some(41.0 / 231.0)));
        assert_eq!(top_share(&[], 0), (0, None));
    }
}
