//! Exchange rates, and exact conversion of minor units between currencies with them.

use super::currency::Currency;
use super::number::Decimal;

/// Converts `minor` units of `from` into minor units of `to`, given each currency's rate
/// against one base (units of the currency per unit of the base, as the ECB publishes:
/// 1 EUR = 1.0823 USD). Exact rational arithmetic, rounded half to even once at the end;
/// `None` when a rate is zero or the figures overflow.
pub fn convert(
    minor: i64,
    from: Currency,
    from_rate: Decimal,
    to: Currency,
    to_rate: Decimal,
) -> Option<i64> {
    if from == to {
        return Some(minor);
    }
    if from_rate.mantissa <= 0 || to_rate.mantissa <= 0 {
        return None;
    }
    // minor × 10^(e_to − e_from) × to_rate / from_rate, with every power of ten on the side
    // where it is positive.
    let pow = |n: u32| 10i128.checked_pow(n);
    let num = i128::from(minor)
        .checked_mul(to_rate.mantissa)?
        .checked_mul(pow(from_rate.scale + to.exponent())?)?;
    let den = from_rate
        .mantissa
        .checked_mul(pow(to_rate.scale + from.exponent())?)?;
    let (q, r) = (num.div_euclid(den), num.rem_euclid(den));
    let rounded = match (2 * r).cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q % 2 != 0 => q + 1,
        _ => q,
    };
    i64::try_from(rounded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::parse_decimal;

    fn c(code: &str) -> Currency {
        code.parse().unwrap()
    }

    fn d(text: &str) -> Decimal {
        parse_decimal(text, None).unwrap()
    }

    #[test]
    fn converts_through_the_base_and_rounds_half_to_even() {
        let one = d("1");
        // 12.00 USD at 1 EUR = 1.0823 USD: 11.0875… EUR → 11.09.
        assert_eq!(
            convert(1200, c("USD"), d("1.0823"), c("EUR"), one),
            Some(1109)
        );
        // EUR → JPY (no minor unit): 10.00 EUR at 161.5 JPY = 1615 JPY.
        assert_eq!(
            convert(1000, c("EUR"), one, c("JPY"), d("161.5")),
            Some(1615)
        );
        // A cross rate: 10.00 USD → GBP with 1 EUR = 1.25 USD = 0.85 GBP: 6.80 GBP.
        assert_eq!(
            convert(1000, c("USD"), d("1.25"), c("GBP"), d("0.85")),
            Some(680)
        );
        // Half to even: 0.05 at a rate of 0.5 is 0.025 → 0.02; 0.15 → 0.075 → 0.08.
        assert_eq!(convert(5, c("EUR"), one, c("USD"), d("0.5")), Some(2));
        assert_eq!(convert(15, c("EUR"), one, c("USD"), d("0.5")), Some(8));
        assert_eq!(convert(-15, c("EUR"), one, c("USD"), d("0.5")), Some(-8));
        assert_eq!(convert(100, c("EUR"), d("0"), c("USD"), one), None);
    }
}
