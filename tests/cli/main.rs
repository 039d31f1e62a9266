//! The integration tests: one binary that runs the real `omni` on fixtures in temp dirs.

mod util;

mod audit;
mod customers;
mod foundation;
mod kpi;
mod kpi_clv;
mod platforms;
mod reconcile;
mod report;
mod sync;
