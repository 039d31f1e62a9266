//! ISO 4217 currencies and the number of minor-unit digits each one has.

use std::fmt;
use std::str::FromStr;

/// A three-letter ISO 4217 code, upper-case. Unknown but well-formed codes are accepted
/// with two decimals, the most common exponent, so a merchant's exotic currency still imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// Currencies whose minor unit is not 1/100 (ISO 4217 exponent table).
const EXPONENTS: &[(&str, u32)] = &[
    ("BIF", 0),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("ISK", 0),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("PYG", 0),
    ("RWF", 0),
    ("UGX", 0),
    ("UYI", 0),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
    ("BHD", 3),
    ("IQD", 3),
    ("JOD", 3),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("TND", 3),
    ("CLF", 4),
    ("UYW", 4),
];

impl Currency {
    /// Digits after the decimal point in this currency's minor unit (JPY 0, EUR 2, KWD 3).
    pub fn exponent(self) -> u32 {
        EXPONENTS
            .iter()
            .find(|(code, _)| code.as_bytes() == self.0)
            .map_or(2, |&(_, e)| e)
    }

    /// The three letters, for compact storage.
    pub fn bytes(self) -> [u8; 3] {
        self.0
    }

    /// The currency stored as [`Currency::bytes`]; none unless three upper-case letters.
    pub fn from_bytes(code: [u8; 3]) -> Option<Currency> {
        code.iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Currency(code))
    }

    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// The currency a symbol stands for when the file says nothing more precise.
    pub fn from_symbol(symbol: char) -> Option<Currency> {
        SYMBOLS
            .iter()
            .find(|(s, _)| *s == symbol)
            .and_then(|(_, code)| code.parse().ok())
    }
}

/// Money symbols omni reads, and the currency each means when nothing more precise is known
/// (`$` alone is USD).
pub const SYMBOLS: [(char, &str); 5] = [
    ('€', "EUR"),
    ('£', "GBP"),
    ('$', "USD"),
    ('¥', "JPY"),
    ('₹', "INR"),
];

impl FromStr for Currency {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bytes = t.as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_alphabetic) {
            let mut code = [0u8; 3];
            for (dst, src) in code.iter_mut().zip(bytes) {
                *dst = src.to_ascii_uppercase();
            }
            Ok(Currency(code))
        } else {
            Err(format!(
                "\"{t}\" is not a three-letter ISO 4217 currency code"
            ))
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_follow_iso_4217() {
        assert_eq!("EUR".parse::<Currency>().unwrap().exponent(), 2);
        assert_eq!("jpy".parse::<Currency>().unwrap().exponent(), 0);
        assert_eq!("KWD".parse::<Currency>().unwrap().exponent(), 3);
        assert_eq!("ZZZ".parse::<Currency>().unwrap().exponent(), 2);
    }

    #[test]
    fn rejects_malformed_codes() {
        assert!("EU".parse::<Currency>().is_err());
        assert!("EURO".parse::<Currency>().is_err());
        assert!("E1R".parse::<Currency>().is_err());
        assert_eq!(" eur ".parse::<Currency>().unwrap().as_str(), "EUR");
    }
}
