//! Sales figures by SKU, product category or fulfilling location: what order-level facts
//! cannot split, so these read the lines. The conventions are the facts' (KPIS.md § 1.1): a
//! sale is dated at its order, a returned line when it was processed, a cancelled order's
//! lines come back at the cancellation. A money-only refund belongs to no line: left out.

use std::collections::HashMap;

use anyhow::Result;

use super::calendar::{Calendar, Day, PeriodStarts, Window};
use super::convert::{Converter, Failure};
use super::sales::SalesFigures;
use crate::domain::currency::Currency;
use crate::store::kpi::SalesLine;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKey {
    Sku,
    Category,
    Location,
}

/// (group name, period start, currency).
pub type LineGroup = (String, Option<Day>, Currency);

pub struct LineReport<'a> {
    pub key: LineKey,
    pub window: Window,
    pub exclude_cancelled: bool,
    calendar: &'a Calendar,
    converter: Option<&'a Converter>,
    starts: Option<PeriodStarts>,
    /// Display names by lower-case key (SKUs compare case-insensitively).
    names: HashMap<String, String>,
    pub groups: HashMap<LineGroup, SalesFigures>,
    /// First and last local day of any line.
    pub span: Option<(Day, Day)>,
    /// The lines of the order being read.
    order: Vec<SalesLine>,
}

impl<'a> LineReport<'a> {
    pub fn new(
        key: LineKey,
        window: Window,
        starts: Option<PeriodStarts>,
        calendar: &'a Calendar,
        converter: Option<&'a Converter>,
        exclude_cancelled: bool,
    ) -> LineReport<'a> {
        LineReport {
            key,
            window,
            exclude_cancelled,
            calendar,
            converter,
            starts,
            names: HashMap::new(),
            groups: HashMap::new(),
            span: None,
            order: Vec::new(),
        }
    }

    /// Takes the next line (an order's lines come together); `finish` after the last.
    pub fn line(&mut self, line: SalesLine) -> Result<()> {
        if self
            .order
            .first()
            .is_some_and(|l| l.order_ref != line.order_ref)
        {
            self.flush()?;
        }
        self.order.push(line);
        Ok(())
    }

    pub fn finish(&mut self) -> Result<()> {
        self.flush()
    }

    fn name(&mut self, l: &SalesLine) -> String {
        let shown = match self.key {
            LineKey::Sku => l.sku.as_str(),
            LineKey::Category => l.category.as_deref().unwrap_or("(no category)"),
            LineKey::Location => l.location.as_deref().unwrap_or("(not given)"),
        };
        let key = shown.to_lowercase();
        self.names
            .entry(key)
            .or_insert_with(|| shown.to_string())
            .clone()
    }

    /// Converts an amount of the line's order, at its order's day.
    fn amount(&self, minor: i64, l: &SalesLine) -> Result<(i64, Currency)> {
        match self.converter {
            None => Ok((minor, l.currency)),
            Some(c) => {
                let day = self.calendar.day(l.ordered_at);
                match c.convert(minor, l.currency, day) {
                    Ok(v) => Ok((v, c.target)),
                    Err(Failure::NoRate(currency, day)) => Err(c
                        .missing_error(&[(day, currency)].into_iter().collect())
                        .unwrap_or_else(|| anyhow::anyhow!("no exchange rate"))),
                    Err(Failure::Impossible(why)) => Err(anyhow::anyhow!(why)),
                }
            }
        }
    }

    fn group(&mut self, name: String, at: i64, currency: Currency) -> Option<LineGroup> {
        let day = self.calendar.day(at);
        self.span = Some(
            self.span
                .map_or((day, day), |(a, b)| (a.min(day), b.max(day))),
        );
        if !self.window.contains(day) {
            return None;
        }
        let period = self.starts.as_mut().map(|s| s.start(day));
        Some((name, period, currency))
    }

    fn flush(&mut self) -> Result<()> {
        let lines = std::mem::take(&mut self.order);
        let Some(first) = lines.first() else {
            return Ok(());
        };
        let cancelled = first.cancelled_at;
        if cancelled.is_some() && self.exclude_cancelled {
            return Ok(());
        }
        let has_returns = lines.iter().any(|l| l.quantity < 0);
        // Sales are dated at the order: its earliest line.
        let order_at = lines.iter().map(|l| l.ordered_at).min().unwrap_or(first.at);
        let mut counted: Vec<LineGroup> = Vec::new();
        for l in &lines {
            let name = self.name(l);
            if l.quantity > 0 {
                let (gross, currency) = self.amount(l.quantity * l.unit_price, l)?;
                let (discount, _) = self.amount(l.discount, l)?;
                if let Some(g) = self.group(name.clone(), order_at, currency) {
                    let f = self.groups.entry(g.clone()).or_default();
                    f.units += l.quantity;
                    f.gross += gross;
                    f.discounts += discount;
                    if !counted.contains(&g) {
                        f.orders += 1;
                        counted.push(g);
                    }
                }
                // A cancellation the export did not return line by line gives the line back.
                if let (Some(at), false) = (cancelled, has_returns) {
                    let (value, currency) =
                        self.amount(l.quantity * l.unit_price - l.discount, l)?;
                    if let Some(g) = self.group(name, at, currency) {
                        let f = self.groups.entry(g).or_default();
                        f.returned_units += l.quantity;
                        f.returns += value;
                    }
                }
            } else {
                let q = -l.quantity;
                let (value, currency) = self.amount(q * l.unit_price - l.discount.abs(), l)?;
                if let Some(g) = self.group(name, l.at, currency) {
                    let f = self.groups.entry(g).or_default();
                    f.returned_units += q;
                    f.returns += value;
                }
            }
        }
        Ok(())
    }
}
