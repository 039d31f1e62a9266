//! Phone numbers as identity evidence: one number however it was typed (`+34 612 34 56 78`,
//! `612345678`, `0034612345678`) in E.164, read with the store's default region. libphonenumber's
//! metadata (the `phonenumber` crate) knows every country's trunk prefixes and number plans,
//! which a hand-written digit filter gets wrong outside one country.

use std::str::FromStr;

use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, Type};

/// A region for numbers written without a country code (ISO 3166 alpha-2, e.g. `ES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(Id);

impl Region {
    pub fn parse(code: &str) -> Option<Region> {
        Id::from_str(&code.trim().to_ascii_uppercase())
            .ok()
            .map(Region)
    }
}

/// A valid number in E.164 and whether it is a mobile: a landline is shared by a household,
/// so it is weaker evidence of one person than a mobile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub e164: String,
    pub mobile: bool,
}

/// The number behind `raw`, or `None` when it is not a valid number (`--`, `000`, too short).
pub fn normalize(raw: &str, region: Option<Region>) -> Option<Phone> {
    let raw = raw.trim();
    if !raw.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = phonenumber::parse(region.map(|r| r.0), raw).ok()?;
    // A number is valid exactly when its plan gives it a type (what `is_valid` checks too).
    let kind = number.number_type(&DATABASE);
    if kind == Type::Unknown {
        return None;
    }
    let mobile = matches!(kind, Type::Mobile | Type::FixedLineOrMobile);
    Some(Phone {
        e164: number.format().mode(Mode::E164).to_string(),
        mobile,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(raw: &str) -> Option<String> {
        normalize(raw, Region::parse("ES")).map(|p| p.e164)
    }

    #[test]
    fn one_number_however_typed() {
        for raw in [
            "+34 612 34 56 78",
            "612345678",
            "0034612345678",
            "(+34) 612345678",
            "612-34-56-78",
            "612 345 678",
        ] {
            assert_eq!(e164(raw).as_deref(), Some("+34612345678"), "{raw}");
        }
        assert_eq!(e164("+351 912 345 678").as_deref(), Some("+351912345678"));
        assert_eq!(e164("+33 6 12 34 56 78").as_deref(), Some("+33612345678"));
    }

    #[test]
    fn mobiles_and_landlines() {
        let es = Region::parse("es");
        assert!(normalize("612345678", es).unwrap().mobile);
        assert!(!normalize("91 555 12 34", es).unwrap().mobile);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(e164("--"), None);
        assert_eq!(e164(""), None);
        assert_eq!(e164("123"), None);
        // Without a region only international numbers can be read.
        assert_eq!(normalize("612345678", None), None);
        assert!(normalize("+34612345678", None).is_some());
        assert_eq!(Region::parse("XX"), None);
    }
}
