//! The master catalogue and how channel listings relate to it: for a listing without a
//! master product, the best candidate and why (an ambiguous barcode, a similar title).

use std::collections::HashMap;

use crate::domain::text::{title_similarity, tokens};
use crate::store::mapping::{ProductKey, UnmappedListing};

/// Below this title similarity a product is not worth proposing.
const MIN_TITLE_SIMILARITY: f64 = 0.5;
/// Tokens shared by more products than this say nothing about which one is meant.
const MAX_POSTINGS: usize = 2000;

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub sku: Option<String>,
    pub why: String,
}

/// Proposes candidates for unmapped listings from the master products.
pub struct CandidateFinder<'p> {
    products: &'p [ProductKey],
    by_barcode: HashMap<&'p str, Vec<usize>>,
    by_token: HashMap<String, Vec<usize>>,
}

impl<'p> CandidateFinder<'p> {
    pub fn new(products: &'p [ProductKey]) -> CandidateFinder<'p> {
        let mut by_barcode: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_token: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in products.iter().enumerate() {
            if let Some(b) = &p.barcode {
                by_barcode.entry(b.as_str()).or_default().push(i);
            }
            let mut seen: Vec<String> = tokens(&p.title);
            seen.sort();
            seen.dedup();
            for t in seen {
                by_token.entry(t).or_default().push(i);
            }
        }
        CandidateFinder {
            products,
            by_barcode,
            by_token,
        }
    }

    pub fn candidate(&self, listing: &UnmappedListing) -> Candidate {
        if let Some(hits) = listing
            .barcode
            .as_deref()
            .and_then(|b| self.by_barcode.get(b))
        {
            let skus: Vec<&str> = hits
                .iter()
                .map(|&i| self.products[i].sku.as_str())
                .collect();
            return Candidate {
                sku: None,
                why: format!(
                    "barcode {} belongs to {} products ({}): map it by hand",
                    listing.barcode.as_deref().unwrap_or(""),
                    skus.len(),
                    skus.join(", ")
                ),
            };
        }
        let mut scored: HashMap<usize, f64> = HashMap::new();
        for t in tokens(&listing.title) {
            if let Some(post) = self.by_token.get(&t).filter(|p| p.len() <= MAX_POSTINGS) {
                for &i in post {
                    scored.entry(i).or_insert_with(|| {
                        title_similarity(&listing.title, &self.products[i].title)
                    });
                }
            }
        }
        let best = scored
            .into_iter()
            .filter(|(_, s)| *s >= MIN_TITLE_SIMILARITY)
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then(self.products[b.0].sku.cmp(&self.products[a.0].sku))
            });
        let no_sku = if listing.sku.is_none() {
            "no SKU in the export; "
        } else {
            ""
        };
        match best {
            Some((i, s)) => Candidate {
                sku: Some(self.products[i].sku.clone()),
                why: format!(
                    "{no_sku}title similarity {s:.2} with \"{}\"",
                    self.products[i].title
                ),
            },
            None => Candidate {
                sku: None,
                why: format!("{no_sku}no master SKU, barcode or similar title"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(sku: &str, title: &str, barcode: Option<&str>) -> ProductKey {
        ProductKey {
            sku: sku.into(),
            title: title.into(),
            barcode: barcode.map(str::to_string),
        }
    }

    fn listing(title: &str, barcode: Option<&str>) -> UnmappedListing {
        UnmappedListing {
            channel: "ebay".into(),
            channel_sku: "X".into(),
            sku: Some("X".into()),
            title: title.into(),
            barcode: barcode.map(str::to_string),
        }
    }

    #[test]
    fn proposes_by_title_and_refuses_ambiguous_barcodes() {
        let products = vec![
            product("A", "Cuenco cerámica azul", Some("08412345678905")),
            product("B", "Cuenco cerámica rojo", Some("08412345678905")),
            product("C", "Bolso de yute", None),
        ];
        let f = CandidateFinder::new(&products);
        let c = f.candidate(&listing("cuenco ceramica AZUL", None));
        assert_eq!(c.sku.as_deref(), Some("A"));
        assert!(c.why.contains("title similarity 1.00"), "{}", c.why);
        let c = f.candidate(&listing("anything", Some("08412345678905")));
        assert_eq!(c.sku, None);
        assert!(c.why.contains("belongs to 2 products (A, B)"), "{}", c.why);
        assert_eq!(f.candidate(&listing("Gafas de sol", None)).sku, None);
    }
}
