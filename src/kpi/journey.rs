//! How customers move between channels, for the audit's customer-journey check: per channel,
//! its customers and how many of them also buy elsewhere; per acquisition channel (the
//! first order's), how many have lapsed. Counted over merged customers, in every currency.

use super::calendar::Day;
use super::ledger::{Fact, Sink};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelJourney {
    /// Customers with an order on the channel.
    pub customers: i64,
    /// Of them, those with an order on another channel too.
    pub elsewhere: i64,
    /// Customers whose first order was on the channel.
    pub acquired: i64,
    /// Of them, those old enough to have lapsed (first order before the threshold)…
    pub eligible: i64,
    /// … and those with no order since the threshold.
    pub lapsed: i64,
}

#[derive(Debug, Clone)]
pub struct Journey {
    /// Lapsed = no order on or after this day.
    pub threshold: Day,
    /// By channel index.
    pub channels: Vec<ChannelJourney>,
    pub customers: i64,
    /// Customers with orders on two channels or more.
    pub multichannel: i64,
}

impl Journey {
    pub fn new(threshold: Day) -> Journey {
        Journey {
            threshold,
            channels: Vec::new(),
            customers: 0,
            multichannel: 0,
        }
    }

    fn at(&mut self, channel: u16) -> &mut ChannelJourney {
        let i = channel as usize;
        if self.channels.len() <= i {
            self.channels.resize(i + 1, ChannelJourney::default());
        }
        &mut self.channels[i]
    }
}

impl Sink for Journey {
    fn guest(&mut self, _fact: &Fact) {}

    fn customer(&mut self, _id: i64, facts: &[Fact]) {
        let mut channels: Vec<u16> = Vec::new();
        let mut first = None;
        let mut last = None;
        for f in facts.iter().filter(|f| f.is_order()) {
            first.get_or_insert((f.day, f.channel));
            last = Some(f.day);
            if !channels.contains(&f.channel) {
                channels.push(f.channel);
            }
        }
        let (Some((first_day, acquired_on)), Some(last)) = (first, last) else {
            return;
        };
        self.customers += 1;
        let several = channels.len() >= 2;
        self.multichannel += i64::from(several);
        for &c in &channels {
            let j = self.at(c);
            j.customers += 1;
            j.elsewhere += i64::from(several);
        }
        let threshold = self.threshold;
        let j = self.at(acquired_on);
        j.acquired += 1;
        if first_day < threshold {
            j.eligible += 1;
            j.lapsed += i64::from(last < threshold);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::kpi::FactKind;

    fn order(day: Day, channel: u16) -> Fact {
        Fact {
            day,
            kind: FactKind::Sale,
            channel,
            currency: 0,
            units: 1,
            gross: 100,
            discounts: 0,
            returned_units: 0,
            returns: 0,
        }
    }

    #[test]
    fn customers_elsewhere_and_lapses_by_acquisition_channel() {
        let mut j = Journey::new(100);
        // Acquired on 0, buys on 1 later, still active.
        j.customer(1, &[order(10, 0), order(120, 1)]);
        // Acquired on 0, lapsed.
        j.customer(2, &[order(20, 0), order(50, 0)]);
        // Acquired on 1 after the threshold: cannot have lapsed.
        j.customer(3, &[order(110, 1)]);
        assert_eq!((j.customers, j.multichannel), (3, 1));
        assert_eq!(
            j.channels[0],
            ChannelJourney {
                customers: 2,
                elsewhere: 1,
                acquired: 2,
                eligible: 2,
                lapsed: 1
            }
        );
        assert_eq!((j.channels[1].customers, j.channels[1].elsewhere), (2, 1));
        assert_eq!((j.channels[1].acquired, j.channels[1].eligible), (1, 0));
    }
}
