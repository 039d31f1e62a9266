//! Platform export profiles: each describes one export as data — which header names feed
//! which canonical field, how continuation rows group, which values mean empty — plus, where
//! a platform needs it, a small function for its quirks. Detection picks the profile whose
//! columns the header row matches. Profiles never decide what should change in the store.

pub mod amazon;
pub mod custom;
pub mod ebay;
pub mod etsy;
pub mod gmc;
pub mod mercadolibre;
pub mod omni;
pub mod prestashop;
pub mod shopify;
pub mod square;
pub mod tiendanube;
pub mod upload;
pub mod woocommerce;

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::{Kind, normalize_header};
use crate::ingest::shape::CanonRow;

/// Reshapes one mapped row into zero or more rows (skip an image row, mirror a refunded line
/// as a return, split a list of SKUs).
pub type Adapt = fn(CanonRow, &mut Vec<CanonRow>);

#[derive(Debug)]
pub struct Profile {
    pub name: &'static str,
    pub platform: &'static str,
    pub kind: Kind,
    /// A typical file name, for `omni formats`.
    pub example: &'static str,
    /// Where in the platform's back office the file is downloaded.
    pub download: &'static str,
    /// Canonical field ← header names that feed it (case-insensitive; a trailing `*` matches
    /// any header starting with the rest). The first header found wins.
    pub columns: &'static [(&'static str, &'static [&'static str])],
    /// Header names that must all be present for the file to be this export.
    pub signature: &'static [&'static str],
    /// Rows sharing this field's value form a group (a product's variants, an order's lines).
    pub group_key: Option<&'static str>,
    /// Fields a row of a group takes from the group's first row when it leaves them blank.
    pub fill_down: &'static [&'static str],
    /// Values that mean "no value" in this export (`--` in eBay's masked fields).
    pub empty_values: &'static [&'static str],
    /// Skip rows with at most two non-empty fields (eBay's "N record(s) downloaded" footer).
    pub skip_sparse_rows: bool,
    /// Quantity columns named `<prefix><location>` (Square's `Current Quantity Madrid`): each
    /// gives the stock of its location.
    pub location_columns: Option<&'static str>,
    /// Rows without a line id get their position within the group (1, 2, …) as one, before
    /// `adapt` runs, so lines the profile adds can be keyed from it.
    pub number_lines: bool,
    pub adapt: Option<Adapt>,
    /// The kind of channel this platform is, for channels created on import.
    pub channel_kind: ChannelKind,
    /// The canonical profile: every field is fed by the header of its own name.
    pub canonical: bool,
}

impl Profile {
    pub const fn base(
        name: &'static str,
        platform: &'static str,
        kind: Kind,
        channel_kind: ChannelKind,
    ) -> Profile {
        Profile {
            name,
            platform,
            kind,
            example: "",
            download: "",
            columns: &[],
            signature: &[],
            group_key: None,
            fill_down: &[],
            empty_values: &[],
            skip_sparse_rows: false,
            number_lines: false,
            location_columns: None,
            adapt: None,
            channel_kind,
            canonical: false,
        }
    }

    /// Header names (normalized) that feed `field`.
    pub fn aliases(&self, field: &'static str) -> Vec<String> {
        if self.canonical {
            return vec![field.to_string()];
        }
        self.columns
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, names)| names.iter().map(|n| normalize_header(n)))
            .collect()
    }

    /// The header names of the file this profile reads.
    pub fn column_names(&self) -> Vec<String> {
        if self.canonical {
            return self
                .kind
                .columns()
                .iter()
                .map(|c| c.name.to_string())
                .collect();
        }
        self.columns
            .iter()
            .flat_map(|(_, names)| names.iter().map(|n| n.to_string()))
            .collect()
    }

    /// Required header names: the signature, or the canonical required columns.
    pub fn required(&self) -> Vec<String> {
        if self.canonical {
            return self
                .kind
                .columns()
                .iter()
                .filter(|c| c.required)
                .map(|c| c.name.to_string())
                .collect();
        }
        self.signature.iter().map(|s| normalize_header(s)).collect()
    }

    /// The required names that neither a (normalized) header column nor the command line
    /// (`provided`, e.g. `--channel`) supplies. Detection and column mapping both ask this.
    pub fn missing(&self, normalized_header: &[String], provided: &[&str]) -> Vec<String> {
        let present = |c: &str| normalized_header.iter().any(|h| header_matches(h, c));
        self.required()
            .into_iter()
            .filter(|r| {
                let alternative = STANDS_IN
                    .iter()
                    .find(|(required, _)| required == r)
                    .is_some_and(|(_, alt)| present(alt));
                !provided.contains(&r.as_str()) && !present(r) && !alternative
            })
            .collect()
    }
}

/// Required sales columns another column can stand in for (README: `line_total` instead
/// of `unit_price`, `title` instead of `sku`).
const STANDS_IN: &[(&str, &str)] = &[("unit_price", "line_total"), ("sku", "title")];

/// Does a normalized header match an alias (exact, or prefix when the alias ends in `*`)?
/// A header whose encoding was already mangled before omni saw it (`N�mero de orden`) matches
/// with each U+FFFD standing for one character.
/// Upload files omni writes (Amazon Price & Quantity, eBay revise) carry no title: the SKU
/// stands in when one is read back.
pub fn title_from_sku(
    mut row: crate::ingest::shape::CanonRow,
    out: &mut Vec<crate::ingest::shape::CanonRow>,
) {
    if row.get("title").is_none() {
        let sku = row
            .get("sku")
            .or(row.get("channel_sku"))
            .map(str::to_string);
        row.set("title", sku);
    }
    out.push(row);
}

pub fn header_matches(header: &str, alias: &str) -> bool {
    let (pattern, prefix) = match alias.strip_suffix('*') {
        Some(p) => (p, true),
        None => (alias, false),
    };
    if !header.contains('\u{fffd}') {
        return if prefix {
            header.starts_with(pattern)
        } else {
            header == pattern
        };
    }
    let h: Vec<char> = header.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    let len_ok = if prefix {
        h.len() >= p.len()
    } else {
        h.len() == p.len()
    };
    len_ok
        && p.iter()
            .zip(&h)
            .all(|(pc, hc)| pc == hc || *hc == '\u{fffd}')
}

/// Every profile omni knows, canonical ones first.
pub fn all() -> Vec<&'static Profile> {
    let groups: [&'static [Profile]; 12] = [
        omni::PROFILES,
        shopify::PROFILES,
        woocommerce::PROFILES,
        amazon::PROFILES,
        ebay::PROFILES,
        etsy::PROFILES,
        square::PROFILES,
        gmc::PROFILES,
        prestashop::PROFILES,
        tiendanube::PROFILES,
        mercadolibre::PROFILES,
        custom::PROFILES,
    ];
    groups.iter().flat_map(|g| g.iter()).collect()
}

pub fn by_name(name: &str) -> Option<&'static Profile> {
    all()
        .into_iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

/// How well a header row matches a profile.
#[derive(Debug, Clone)]
pub struct Match {
    pub profile: &'static Profile,
    /// Header columns that feed one of the profile's fields.
    pub matched: usize,
    /// Required names absent from the header.
    pub missing: Vec<String>,
}

impl Match {
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }
}

pub fn score(profile: &'static Profile, header: &[String], provided: &[&str]) -> Match {
    let norm: Vec<String> = header.iter().map(|h| normalize_header(h)).collect();
    let matched = norm
        .iter()
        .filter(|h| {
            profile
                .kind
                .columns()
                .iter()
                .any(|c| profile.aliases(c.name).iter().any(|a| header_matches(h, a)))
        })
        .count();
    let missing = profile.missing(&norm, provided);
    Match {
        profile,
        matched,
        missing,
    }
}

/// The profile of `kind` a header row belongs to: the complete match with most matched
/// columns, platform profiles before the canonical one on a tie. Otherwise the closest.
pub fn detect(kind: Kind, header: &[String], provided: &[&str]) -> Result<Match, Vec<Match>> {
    let mut matches: Vec<Match> = all()
        .into_iter()
        .filter(|p| p.kind == kind)
        .map(|p| score(p, header, provided))
        .collect();
    matches.sort_by(|a, b| {
        b.complete()
            .cmp(&a.complete())
            .then(b.matched.cmp(&a.matched))
            .then(a.profile.canonical.cmp(&b.profile.canonical))
    });
    match matches.first() {
        Some(m) if m.complete() && m.matched > 0 => Ok(m.clone()),
        _ => {
            // Closest first: fewest missing relative to what they need, then most matched.
            matches.sort_by(|a, b| {
                let ra = a.missing.len() as f64 / a.profile.required().len().max(1) as f64;
                let rb = b.missing.len() as f64 / b.profile.required().len().max(1) as f64;
                ra.total_cmp(&rb).then(b.matched.cmp(&a.matched))
            });
            Err(matches)
        }
    }
}

/// The best complete match among profiles of any kind (to tell a user who chose the wrong kind).
pub fn detect_any_kind(header: &[String]) -> Option<Match> {
    all()
        .into_iter()
        .map(|p| score(p, header, &[]))
        .filter(|m| m.complete() && m.matched > 1 && !m.profile.canonical)
        .max_by_key(|m| m.matched)
}
