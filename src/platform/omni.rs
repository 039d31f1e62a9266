//! omni's own canonical CSV of each kind (README: "Canonical CSV files").

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;

use super::Profile;

const fn canonical(name: &'static str, kind: Kind, example: &'static str) -> Profile {
    let mut p = Profile::base(name, "omni", kind, ChannelKind::Web);
    p.canonical = true;
    p.example = example;
    p.download = "written by hand, by a script, or by `omni export`";
    p
}

pub const PROFILES: &[Profile] = &[
    canonical("omni-catalog", Kind::Catalog, "catalog.csv"),
    canonical("omni-stock", Kind::Stock, "stock.csv"),
    canonical("omni-sales", Kind::Sales, "sales.csv"),
    canonical("omni-customers", Kind::Customers, "customers.csv"),
    canonical("omni-sku-map", Kind::SkuMap, "sku_map.csv"),
    canonical("omni-bundles", Kind::Bundles, "bundles.csv"),
];
