//! Locale-aware parsing of decimal numbers as merchants' spreadsheets write them:
//! `12.50`, `12,50`, `1.234,56`, `1,234.56`, `1 234,56`, `1'234.56`, `-3`, `(3.00)`, `'0812`.
//! A value whose decimal mark cannot be told from the value itself or from its file's locale
//! is an error, never a guess.

use std::fmt;

/// The character that separates the integer part from the fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    Dot,
    Comma,
}

impl DecimalMark {
    pub fn as_char(self) -> char {
        match self {
            DecimalMark::Dot => '.',
            DecimalMark::Comma => ',',
        }
    }
    fn other(self) -> char {
        match self {
            DecimalMark::Dot => ',',
            DecimalMark::Comma => '.',
        }
    }
}

impl fmt::Display for DecimalMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecimalMark::Dot => "decimal dot",
            DecimalMark::Comma => "decimal comma",
        })
    }
}

/// An exact decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    Ambiguous,
    BadGrouping,
    TooManyDecimals(u32),
    TooLarge,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::NotANumber => f.write_str("is not a number"),
            NumberError::Ambiguous => f.write_str(
                "is ambiguous: the file does not show whether ',' or '.' is its decimal mark (use --decimal comma|dot)",
            ),
            NumberError::BadGrouping => {
                f.write_str("is not a number (misplaced thousands or decimal separators)")
            }
            NumberError::TooManyDecimals(0) => f.write_str("must be a whole number"),
            NumberError::TooManyDecimals(n) => write!(f, "has more than {n} decimals"),
            NumberError::TooLarge => f.write_str("is too large"),
        }
    }
}

/// The largest magnitude a parsed value may have, in its smallest unit (10¹⁵ cents is ten
/// trillion euros).
const MAX_SCALED: i128 = 1_000_000_000_000_000;

const GROUPING: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\''];

/// What a single value proves about its file's decimal mark, if anything.
pub fn decimal_evidence(text: &str) -> Option<DecimalMark> {
    let body = strip_sign(strip_quote(text.trim()).trim()).0;
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let mark_of = |c: char| {
        if c == '.' {
            DecimalMark::Dot
        } else {
            DecimalMark::Comma
        }
    };
    match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => body
            .rfind(['.', ','])
            .map(|i| mark_of(body.as_bytes()[i] as char)),
        (d, c) => {
            let sep = if d > 0 { '.' } else { ',' };
            if d + c > 1 {
                // Repeated, it can only be grouping: the other character is the decimal mark.
                return Some(mark_of(if sep == '.' { ',' } else { '.' }));
            }
            let (int, frac) = body.split_once(sep)?;
            single_separator_is_decimal(int, frac).map(|_| mark_of(sep))
        }
    }
}

/// With one `.` or `,` in a value: `Some(())` when it must be the decimal mark, `None` when
/// the value reads equally well as thousands grouping (`1,234`).
fn single_separator_is_decimal(int: &str, frac: &str) -> Option<()> {
    let grouping_shape = frac.len() == 3
        && (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.chars().all(|d| d.is_ascii_digit());
    if grouping_shape { None } else { Some(()) }
}

fn strip_quote(s: &str) -> &str {
    // Spreadsheets and Shopify protect numbers from reformatting with a leading apostrophe.
    s.strip_prefix('\'').unwrap_or(s)
}

/// Returns the unsigned body and whether the value was negative.
fn strip_sign(s: &str) -> (&str, bool) {
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return (inner.trim(), true);
    }
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        return (rest.trim_start(), true);
    }
    if let Some(rest) = s.strip_suffix('-') {
        return (rest.trim_end(), true);
    }
    (s.strip_prefix('+').unwrap_or(s).trim_start(), false)
}

/// Parses a plain number (no currency) with the file's decimal mark if known.
pub fn parse_decimal(text: &str, mark: Option<DecimalMark>) -> Result<Decimal, NumberError> {
    let (body, negative) = strip_sign(strip_quote(text.trim()).trim());
    if body.is_empty() {
        return Err(NumberError::NotANumber);
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || GROUPING.contains(&c))
    {
        return Err(NumberError::NotANumber);
    }
    let decimal_char = resolve_decimal_char(body, mark)?;
    let (int_part, frac_part) = match decimal_char {
        Some(d) => body.split_once(d).ok_or(NumberError::NotANumber)?,
        None => (body, ""),
    };
    if frac_part.contains(['.', ',']) || frac_part.contains(GROUPING) {
        return Err(NumberError::BadGrouping);
    }
    let int_digits = validate_grouping(int_part)?;
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let digits: String = int_digits.chars().chain(frac_part.chars()).collect();
    let digits = digits.trim_start_matches('0');
    if digits.len() > 30 {
        return Err(NumberError::TooLarge);
    }
    let mut mantissa: i128 = 0;
    for c in digits.chars() {
        mantissa = mantissa * 10 + i128::from(c as u8 - b'0');
    }
    Ok(Decimal {
        mantissa: if negative { -mantissa } else { mantissa },
        scale: frac_part.len() as u32,
    })
}

/// Which character (if any) is the decimal mark of this value.
fn resolve_decimal_char(
    body: &str,
    mark: Option<DecimalMark>,
) -> Result<Option<char>, NumberError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok(None),
        (_, _) if dots > 0 && commas > 0 => {
            let last = body
                .rfind(['.', ','])
                .and_then(|i| body[i..].chars().next());
            let last = last.ok_or(NumberError::NotANumber)?;
            let count = if last == '.' { dots } else { commas };
            if count > 1 {
                return Err(NumberError::BadGrouping);
            }
            Ok(Some(last))
        }
        _ => {
            let (c, count) = if dots > 0 { ('.', dots) } else { (',', commas) };
            if count > 1 {
                // Several of the same separator can only be thousands grouping.
                return Ok(None);
            }
            let (int, frac) = body.split_once(c).ok_or(NumberError::NotANumber)?;
            if single_separator_is_decimal(int, frac).is_some() {
                return Ok(Some(c));
            }
            match mark {
                Some(m) if m.as_char() == c => Ok(Some(c)),
                Some(m) if m.other() == c => Ok(None),
                _ => Err(NumberError::Ambiguous),
            }
        }
    }
}

/// Checks thousands grouping (groups of three after the first) and returns the bare digits.
fn validate_grouping(int_part: &str) -> Result<String, NumberError> {
    let groups: Vec<&str> = int_part
        .split(|c: char| c == '.' || c == ',' || GROUPING.contains(&c))
        .collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumberError::BadGrouping);
        }
    }
    Ok(groups.concat())
}

impl Decimal {
    /// The value in units of 10^-exponent (minor units for money, whole units for exponent 0).
    /// Extra decimals are accepted only when they are zeros (`12.500` EUR is 1250).
    pub fn to_scaled(self, exponent: u32) -> Result<i64, NumberError> {
        let value = if self.scale <= exponent {
            10i128
                .checked_pow(exponent - self.scale)
                .and_then(|f| self.mantissa.checked_mul(f))
                .ok_or(NumberError::TooLarge)?
        } else {
            let f = 10i128
                .checked_pow(self.scale - exponent)
                .ok_or(NumberError::TooLarge)?;
            if self.mantissa % f != 0 {
                return Err(NumberError::TooManyDecimals(exponent));
            }
            self.mantissa / f
        };
        // Far beyond any price or quantity, and far from overflowing the sums made of them.
        if value.abs() > MAX_SCALED {
            return Err(NumberError::TooLarge);
        }
        i64::try_from(value).map_err(|_| NumberError::TooLarge)
    }
}

/// Parses a whole number such as a quantity (`3`, `1.000` in a decimal-comma file, `2.0`).
pub fn parse_integer(text: &str, mark: Option<DecimalMark>) -> Result<i64, NumberError> {
    parse_decimal(text, mark)?.to_scaled(0)
}

/// Writes `minor / 10^exponent` as an exact decimal string with a dot (`-12.50`, `1234`, `0.005`).
pub fn format_scaled(value: i64, exponent: u32) -> String {
    if exponent == 0 {
        return value.to_string();
    }
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let factor = 10u64.pow(exponent);
    format!(
        "{sign}{}.{:0width$}",
        abs / factor,
        abs % factor,
        width = exponent as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalMark::*;

    fn cents(s: &str, mark: Option<DecimalMark>) -> Result<i64, NumberError> {
        parse_decimal(s, mark)?.to_scaled(2)
    }

    #[test]
    fn self_evident_values_parse_in_any_file() {
        assert_eq!(cents("12.50", None), Ok(1250));
        assert_eq!(cents("12,50", None), Ok(1250));
        assert_eq!(cents("1.234,56", None), Ok(123456));
        assert_eq!(cents("1,234.56", None), Ok(123456));
        assert_eq!(cents("1 234,56", None), Ok(123456));
        assert_eq!(cents("1\u{a0}234,5", None), Ok(123450));
        assert_eq!(cents("1'234.56", None), Ok(123456));
        assert_eq!(cents("1.234.567", None), Ok(123456700));
        assert_eq!(
            cents("0,125", Some(Comma)),
            Err(NumberError::TooManyDecimals(2))
        );
        assert_eq!(cents("7", None), Ok(700));
        assert_eq!(cents(".5", None), Ok(50));
    }

    #[test]
    fn three_digits_after_one_separator_need_the_file_locale() {
        assert_eq!(cents("1,234", None), Err(NumberError::Ambiguous));
        assert_eq!(cents("1,234", Some(Dot)), Ok(123400));
        assert_eq!(cents("1.234", Some(Comma)), Ok(123400));
        assert_eq!(parse_integer("1.000", Some(Comma)), Ok(1000));
        assert_eq!(parse_integer("1.000", Some(Dot)), Ok(1));
    }

    #[test]
    fn signs_quotes_and_garbage() {
        assert_eq!(cents("-3", None), Ok(-300));
        assert_eq!(cents("(3.00)", None), Ok(-300));
        assert_eq!(cents("3.00-", None), Ok(-300));
        assert_eq!(cents("'0812", None), Ok(81200));
        assert_eq!(cents("x3", None), Err(NumberError::NotANumber));
        assert_eq!(cents("", None), Err(NumberError::NotANumber));
        assert_eq!(cents("1.2.3", None), Err(NumberError::BadGrouping));
        assert_eq!(cents("1,2,3.4", None), Err(NumberError::BadGrouping));
        assert_eq!(cents("1.234,56,7", None), Err(NumberError::BadGrouping));
        assert_eq!(
            cents("12.345", Some(Dot)),
            Err(NumberError::TooManyDecimals(2))
        );
        assert_eq!(cents("12.500", Some(Dot)), Ok(1250));
        assert_eq!(
            cents("99999999999999999999999", None),
            Err(NumberError::TooLarge)
        );
    }

    #[test]
    fn evidence_reads_what_a_value_proves() {
        assert_eq!(decimal_evidence("12,50"), Some(Comma));
        assert_eq!(decimal_evidence("12.5"), Some(Dot));
        assert_eq!(decimal_evidence("1.234.567"), Some(Comma));
        assert_eq!(decimal_evidence("1,234"), None);
        assert_eq!(decimal_evidence("0,125"), Some(Comma));
        assert_eq!(decimal_evidence("12"), None);
    }

    #[test]
    fn formats_exact_decimals() {
        assert_eq!(format_scaled(1250, 2), "12.50");
        assert_eq!(format_scaled(-5, 2), "-0.05");
        assert_eq!(format_scaled(5, 3), "0.005");
        assert_eq!(format_scaled(1234, 0), "1234");
    }
}
