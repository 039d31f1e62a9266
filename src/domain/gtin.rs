//! Barcodes as GTIN-14: UPC-A (12), EAN-8 and EAN-13 padded with leading zeros, check digit verified.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Gtin([u8; 14]);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GtinError {
    /// `4.6347E+11`: a spreadsheet turned the barcode into a float and lost digits.
    ScientificNotation,
    Length(usize),
    NotDigits,
    CheckDigit,
}

impl fmt::Display for GtinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GtinError::ScientificNotation => f.write_str(
                "was turned into scientific notation by a spreadsheet and its digits are lost",
            ),
            GtinError::Length(n) => write!(f, "has {n} digits; a barcode has 8, 12, 13 or 14"),
            GtinError::NotDigits => f.write_str("is not a barcode (digits only)"),
            GtinError::CheckDigit => f.write_str("has a wrong check digit"),
        }
    }
}

impl Gtin {
    pub fn parse(text: &str) -> Result<Gtin, GtinError> {
        let t = text.trim().trim_start_matches('\'').trim();
        if t.contains(['E', 'e']) && t.contains(['.', ',', '+']) {
            return Err(GtinError::ScientificNotation);
        }
        let digits: Vec<u8> = t.bytes().filter(|b| *b != b' ' && *b != b'-').collect();
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(GtinError::NotDigits);
        }
        if ![8, 12, 13, 14].contains(&digits.len()) {
            return Err(GtinError::Length(digits.len()));
        }
        let mut code = [b'0'; 14];
        code[14 - digits.len()..].copy_from_slice(&digits);
        if check_digit(&code[..13]) != code[13] - b'0' {
            return Err(GtinError::CheckDigit);
        }
        Ok(Gtin(code))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// GS1 mod-10: weights 3,1,3,… from the rightmost data digit.
fn check_digit(data: &[u8]) -> u8 {
    let sum: u32 = data
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_every_length_to_fourteen() {
        assert_eq!(
            Gtin::parse("4006381333931").unwrap().as_str(),
            "04006381333931"
        );
        assert_eq!(
            Gtin::parse("036000291452").unwrap().as_str(),
            "00036000291452"
        );
        assert_eq!(Gtin::parse("96385074").unwrap().as_str(), "00000096385074");
        assert_eq!(
            Gtin::parse("'8412345678905").unwrap().as_str(),
            "08412345678905"
        );
        assert_eq!(
            Gtin::parse("00036000291452").unwrap(),
            Gtin::parse("036000291452").unwrap()
        );
    }

    #[test]
    fn rejects_damaged_codes() {
        assert_eq!(Gtin::parse("4006381333932"), Err(GtinError::CheckDigit));
        assert_eq!(
            Gtin::parse("4.6347E+11"),
            Err(GtinError::ScientificNotation)
        );
        assert_eq!(Gtin::parse("12345"), Err(GtinError::Length(5)));
        assert_eq!(Gtin::parse("ABC"), Err(GtinError::NotDigits));
    }
}
