//! Money: integer minor units plus a currency. All parsing of amounts as channels write them
//! (`12.50`, `12,50 €`, `$57.76`, `12.70 USD`, `EUR 1.234,56`) lives here.

use std::fmt;

use serde::Serialize;

use super::currency::Currency;
use super::number::{self, DecimalMark, NumberError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// The exact decimal string without currency (`12.50`), as CSV and JSON carry it.
    pub fn decimal(&self) -> String {
        number::format_scaled(self.minor, self.currency.exponent())
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Money", 2)?;
        st.serialize_field("amount", &self.decimal())?;
        st.serialize_field("currency", self.currency.as_str())?;
        st.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Number(NumberError),
    NoCurrency,
    Conflict {
        written: Currency,
        expected: Currency,
    },
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Number(e) => e.fmt(f),
            MoneyError::NoCurrency => f.write_str(
                "has no currency: add a currency column, write it in the value, or set the channel's currency",
            ),
            MoneyError::Conflict { written, expected } => {
                write!(f, "is in {written} but the row's currency is {expected}")
            }
        }
    }
}

impl From<NumberError> for MoneyError {
    fn from(e: NumberError) -> Self {
        MoneyError::Number(e)
    }
}

/// What the text itself says about its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Code(Currency),
    /// A symbol; `$` is shared by many currencies, so it only means USD when nothing else is known.
    Symbol(char),
}

fn is_symbol(c: &char) -> bool {
    super::currency::SYMBOLS.iter().any(|(s, _)| s == c)
}

/// Splits `EUR 12.50`, `12,50 €`, `-$5.00` into the number text and its currency marker.
fn split_marker(text: &str) -> (String, Marker) {
    let t = text.trim();
    let t = t.strip_prefix('\'').unwrap_or(t).trim();
    let mut marker = Marker::None;
    let mut body = t.to_string();
    if let Some(code) = leading_code(t) {
        marker = Marker::Code(code);
        body = t[3..].trim().to_string();
    } else if let Some(code) = trailing_code(t) {
        marker = Marker::Code(code);
        body = t[..t.len() - 3].trim().to_string();
    }
    if let Some(sym) = body.chars().find(is_symbol) {
        if marker == Marker::None {
            marker = Marker::Symbol(sym);
        }
        body = body.replace(sym, "");
        body = body.trim().to_string();
    }
    (body, marker)
}

fn leading_code(t: &str) -> Option<Currency> {
    let head = t.get(..3)?;
    let rest = t.get(3..)?;
    let next = rest.chars().next()?;
    if head.bytes().all(|b| b.is_ascii_uppercase())
        && (next == ' ' || next.is_ascii_digit() || next == '-' || is_symbol(&next))
    {
        head.parse().ok()
    } else {
        None
    }
}

fn trailing_code(t: &str) -> Option<Currency> {
    let split = t.len().checked_sub(3)?;
    let tail = t.get(split..)?;
    let before = t.get(..split)?.chars().last()?;
    if tail.bytes().all(|b| b.is_ascii_uppercase()) && (before == ' ' || before.is_ascii_digit()) {
        tail.parse().ok()
    } else {
        None
    }
}

/// What an amount proves about its file's decimal mark (for locale sniffing).
pub fn amount_evidence(text: &str) -> Option<DecimalMark> {
    number::decimal_evidence(&split_marker(text).0)
}

/// The currency written inside an amount, if any (`12.70 USD` → USD, `12,50 €` → EUR).
pub fn written_currency(text: &str) -> Option<Currency> {
    match split_marker(text).1 {
        Marker::Code(c) => Some(c),
        Marker::Symbol(s) if s != '$' => Currency::from_symbol(s),
        _ => None,
    }
}

/// Parses an amount. `expected` is the currency of the row (its currency column or the
/// channel's default); a code or unambiguous symbol in the value must agree with it.
pub fn parse_money(
    text: &str,
    mark: Option<DecimalMark>,
    expected: Option<Currency>,
) -> Result<Money, MoneyError> {
    let (body, marker) = split_marker(text);
    let currency = match (marker, expected) {
        (Marker::Code(c), Some(e)) if c != e => {
            return Err(MoneyError::Conflict {
                written: c,
                expected: e,
            });
        }
        (Marker::Code(c), _) => c,
        (Marker::Symbol('$'), Some(e)) => e,
        (Marker::Symbol(s), e) => {
            let c = Currency::from_symbol(s).ok_or(MoneyError::NoCurrency)?;
            match e {
                Some(e) if e != c => {
                    return Err(MoneyError::Conflict {
                        written: c,
                        expected: e,
                    });
                }
                _ => c,
            }
        }
        (Marker::None, Some(e)) => e,
        (Marker::None, None) => return Err(MoneyError::NoCurrency),
    };
    let minor = number::parse_decimal(&body, mark)?.to_scaled(currency.exponent())?;
    Ok(Money::new(minor, currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Option<Currency> {
        "EUR".parse().ok()
    }

    fn parse(text: &str, expected: Option<Currency>) -> Result<String, MoneyError> {
        parse_money(text, None, expected).map(|m| m.to_string())
    }

    #[test]
    fn parses_every_documented_spelling() {
        assert_eq!(parse("12.50", eur()).unwrap(), "12.50 EUR");
        assert_eq!(parse("12,50", eur()).unwrap(), "12.50 EUR");
        assert_eq!(parse("1.234,56", eur()).unwrap(), "1234.56 EUR");
        assert_eq!(parse("$12.50", None).unwrap(), "12.50 USD");
        assert_eq!(parse("12.50 EUR", None).unwrap(), "12.50 EUR");
        assert_eq!(parse("EUR 12.50", None).unwrap(), "12.50 EUR");
        assert_eq!(parse("12,50 €", None).unwrap(), "12.50 EUR");
        assert_eq!(parse("-$5.00", None).unwrap(), "-5.00 USD");
        assert_eq!(parse("12.70 USD", None).unwrap(), "12.70 USD");
        assert_eq!(parse("1500", "JPY".parse().ok()).unwrap(), "1500 JPY");
        assert_eq!(parse("1.5", "KWD".parse().ok()).unwrap(), "1.500 KWD");
    }

    #[test]
    fn dollar_sign_takes_the_rows_currency() {
        assert_eq!(
            parse("$1.500,00", "ARS".parse().ok()).unwrap(),
            "1500.00 ARS"
        );
    }

    #[test]
    fn currency_disagreement_and_absence_are_errors() {
        assert_eq!(
            parse("12.50 GBP", eur()),
            Err(MoneyError::Conflict {
                written: "GBP".parse().unwrap(),
                expected: "EUR".parse().unwrap()
            })
        );
        assert!(matches!(
            parse("£3", eur()),
            Err(MoneyError::Conflict { .. })
        ));
        assert_eq!(parse("12.50", None), Err(MoneyError::NoCurrency));
        assert_eq!(
            parse("1,234", eur()),
            Err(MoneyError::Number(NumberError::Ambiguous))
        );
        assert_eq!(parse("1200", "JPY".parse().ok()).unwrap(), "1200 JPY");
        assert!(parse("12.5", "JPY".parse().ok()).is_err());
    }

    #[test]
    fn evidence_and_written_currency() {
        assert_eq!(amount_evidence("12,50 €"), Some(DecimalMark::Comma));
        assert_eq!(amount_evidence("EUR 1,234.5"), Some(DecimalMark::Dot));
        assert_eq!(written_currency("12.70 USD"), "USD".parse().ok());
        assert_eq!(written_currency("$3"), None);
    }
}
