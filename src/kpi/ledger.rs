//! Streams the store's sales facts as histories: every identified customer's facts together
//! (in time order), guests one fact at a time. Memory holds one customer's history, plus
//! the histories of merged customers whose records are not yet all read.

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;

use super::calendar::{Calendar, Day};
use super::convert::{Converter, Failure};
use crate::domain::currency::Currency;
use crate::store::Store;
use crate::store::kpi::{FactKind, SalesFact};

/// A sales fact in the report's terms: local day, channel and currency as small indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    pub day: Day,
    pub kind: FactKind,
    pub channel: u16,
    pub currency: u16,
    pub units: i64,
    pub gross: i64,
    pub discounts: i64,
    pub returned_units: i64,
    pub returns: i64,
}

impl Fact {
    /// An order (a sale with at least one unit).
    pub fn is_order(&self) -> bool {
        self.kind == FactKind::Sale && self.units > 0
    }

    /// Gross less discounts less returns.
    pub fn net(&self) -> i64 {
        self.gross - self.discounts - self.returns
    }
}

/// What a report does with each history.
pub trait Sink {
    fn guest(&mut self, fact: &Fact);
    /// One customer's whole history, oldest first.
    fn customer(&mut self, id: i64, facts: &[Fact]);
}

/// Two sinks fed by one pass over the facts.
pub struct Both<'a>(pub &'a mut dyn Sink, pub &'a mut dyn Sink);

impl Sink for Both<'_> {
    fn guest(&mut self, fact: &Fact) {
        self.0.guest(fact);
        self.1.guest(fact);
    }

    fn customer(&mut self, id: i64, facts: &[Fact]) {
        self.0.customer(id, facts);
        self.1.customer(id, facts);
    }
}

/// Who a customer is in this store: the channel's record, or the merged customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// `omni customers merge` has not run: each channel record is a customer.
    Records,
    /// Merged customers of run `run`; `unmerged` records came later and count on their own.
    Merged { run: i64, at: String, unmerged: i64 },
}

/// The names behind the indexes, and what the facts covered.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub channels: Vec<String>,
    pub currencies: Vec<String>,
    /// First and last local day with any fact.
    pub span: Option<(Day, Day)>,
}

pub struct Ledger<'s> {
    pub store: &'s Store,
    pub calendar: Calendar,
    pub exclude_cancelled: bool,
    /// `--convert-to`: every amount in one currency.
    pub converter: Option<Converter>,
}

impl<'s> Ledger<'s> {
    pub fn new(store: &'s Store, calendar: Calendar, exclude_cancelled: bool) -> Ledger<'s> {
        Ledger {
            store,
            calendar,
            exclude_cancelled,
            converter: None,
        }
    }

    pub fn identity(&self) -> Result<Identity> {
        Ok(match self.store.identity_state()? {
            None => Identity::Records,
            Some((run, at, unmerged)) => Identity::Merged { run, at, unmerged },
        })
    }

    /// Feeds every history to `sink`; returns the names of the indexes it used.
    pub fn stream(&self, sink: &mut dyn Sink) -> Result<Names> {
        let channel_names = self.store.channel_names()?;
        let shared = self.store.shared_customers()?;
        let mut names = Names::default();
        // Channel id → index; a handful of channels, so a short list beats hashing per fact.
        let mut channels: Vec<i64> = Vec::new();
        let mut pending: HashMap<i64, Vec<Fact>> = HashMap::new();
        // Records still to come per merged customer, so its history is handed over as soon
        // as its last record is read.
        let mut remaining: HashMap<i64, usize> = HashMap::new();
        for customer in shared.values() {
            *remaining.entry(*customer).or_default() += 1;
        }
        let mut current: Option<i64> = None;
        let mut history: Vec<Fact> = Vec::new();
        let mut flush = |record: i64, history: &mut Vec<Fact>, sink: &mut dyn Sink| {
            match shared.get(&record) {
                None => sink.customer(record, history),
                Some(&customer) => {
                    let facts = pending.entry(customer).or_default();
                    facts.append(history);
                    let left = remaining.entry(customer).or_default();
                    *left = left.saturating_sub(1);
                    if *left == 0 {
                        let mut facts = pending.remove(&customer).unwrap_or_default();
                        facts.sort_by_key(|f| f.day);
                        // Merged customers are numbered apart from records: negative ids.
                        sink.customer(-customer, &facts);
                    }
                }
            }
            history.clear();
        };
        let mut currencies: Vec<Currency> = Vec::new();
        let mut failure: Option<anyhow::Error> = None;
        // Missing rates are gathered over the whole run, so the error names the earliest.
        let mut missing: BTreeSet<(Day, Currency)> = BTreeSet::new();
        self.store.for_each_sales_fact(|mut f: SalesFact| {
            if failure.is_some() || (self.exclude_cancelled && f.cancelled) {
                return;
            }
            if let Some(c) = &self.converter {
                let day = self.calendar.day(f.ordered_at);
                let one = |minor: i64| c.convert(minor, f.currency, day);
                match (one(f.gross), one(f.discounts), one(f.returns)) {
                    (Ok(g), Ok(d), Ok(r)) => {
                        (f.gross, f.discounts, f.returns) = (g, d, r);
                        f.currency = c.target;
                    }
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                        match e {
                            Failure::NoRate(currency, day) => {
                                missing.insert((day, currency));
                            }
                            Failure::Impossible(why) => failure = Some(anyhow::anyhow!(why)),
                        }
                        return;
                    }
                }
            }
            let channel = match channels.iter().position(|c| *c == f.channel_id) {
                Some(i) => i as u16,
                None => {
                    channels.push(f.channel_id);
                    names.channels.push(
                        channel_names
                            .get(&f.channel_id)
                            .cloned()
                            .unwrap_or_else(|| format!("channel {}", f.channel_id)),
                    );
                    (channels.len() - 1) as u16
                }
            };
            let currency = match currencies.iter().position(|c| *c == f.currency) {
                Some(i) => i as u16,
                None => {
                    currencies.push(f.currency);
                    names.currencies.push(f.currency.as_str().to_string());
                    (currencies.len() - 1) as u16
                }
            };
            let day = self.calendar.day(f.at);
            names.span = Some(match names.span {
                None => (day, day),
                Some((a, b)) => (a.min(day), b.max(day)),
            });
            let fact = Fact {
                day,
                kind: f.kind,
                channel,
                currency,
                units: f.units,
                gross: f.gross,
                discounts: f.discounts,
                returned_units: f.returned_units,
                returns: f.returns,
            };
            let Some(record) = f.record else {
                sink.guest(&fact);
                return;
            };
            if current != Some(record) {
                if let Some(done) = current {
                    flush(done, &mut history, sink);
                }
                current = Some(record);
            }
            history.push(fact);
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
        if let Some(e) = self
            .converter
            .as_ref()
            .and_then(|c| c.missing_error(&missing))
        {
            return Err(e);
        }
        if let Some(done) = current {
            flush(done, &mut history, sink);
        }
        // Merged customers some of whose records had no facts.
        let mut rest: Vec<(i64, Vec<Fact>)> = pending.into_iter().collect();
        rest.sort_by_key(|(c, _)| *c);
        for (customer, mut facts) in rest {
            facts.sort_by_key(|f| f.day);
            sink.customer(-customer, &facts);
        }
        Ok(names)
    }
}
