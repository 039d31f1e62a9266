//! The KPIs of KPIS.md over the store's sales facts: each report is a sink fed every
//! customer's history by the ledger, so the facts are read once, in order, whatever the
//! store's size. Conventions are part of every result.

pub mod calendar;
pub mod clv;
pub mod convert;
pub mod customers;
pub mod fit;
pub mod inventory;
pub mod journey;
pub mod ledger;
pub mod lines;
pub mod retention;
pub mod rfm;
pub mod sales;
