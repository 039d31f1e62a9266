//! Postal addresses for matching: `C/ Mayor 12, 3ºB`, `Calle Mayor, 12, 3º B` and
//! `calle mayor nº 12 3b` are one street and number. Street types (Spanish, Catalan, English)
//! and their abbreviations are recognised and dropped, particles too; what remains is the
//! street's name, its number, and the floor and door after it.

use super::text;

/// Street types and their abbreviations, folded (`Pº` folds to `po`).
const STREET_TYPES: &[&str] = &[
    "c",
    "cl",
    "calle",
    "carrer",
    "cr",
    "av",
    "avd",
    "avda",
    "avenida",
    "avinguda",
    "avgda",
    "pza",
    "pz",
    "pl",
    "plaza",
    "placa",
    "pca",
    "po",
    "pso",
    "paseo",
    "passeig",
    "pg",
    "ronda",
    "rda",
    "camino",
    "cno",
    "cami",
    "ctra",
    "carretera",
    "travesia",
    "trav",
    "rambla",
    "rbla",
    "via",
    "st",
    "street",
    "rd",
    "road",
    "ave",
    "avenue",
    "lane",
    "ln",
    "rua",
    "r",
    "rue",
    "urb",
    "urbanizacion",
];

/// Words between a street type and its name (`Calle de la Iglesia`, `Carrer d'Aragó`).
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "el", "d", "l", "les", "dels", "da", "do", "the",
];

/// Words that announce the number (`nº 12`, `num. 12`).
const NUMBER_MARKS: &[&str] = &["no", "n", "num", "numero"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// The street's name words, without type or particles (`san francisco`).
    pub street: String,
    /// The house number (`12`, `12b`).
    pub number: Option<String>,
    /// Floor and door (`3ob`), what tells flats in one building apart.
    pub unit: String,
}

impl Address {
    pub fn parse(line: &str) -> Option<Address> {
        let mut words = text::tokens(line).into_iter().peekable();
        let mut number = None;
        // French and English style: the number first (`12 Rue de la Paix`).
        if let Some(w) = words.peek()
            && starts_with_digit(w)
        {
            number = words.next();
        }
        let mut street: Vec<String> = Vec::new();
        let mut unit: Vec<String> = Vec::new();
        for w in words {
            if number.is_some() && !street.is_empty() {
                unit.push(w);
                continue;
            }
            if starts_with_digit(&w) && !street.is_empty() {
                number = Some(w);
                continue;
            }
            // Types anywhere: `Baker St` and `Baker Street` are one street.
            if STREET_TYPES.contains(&w.as_str())
                || PARTICLES.contains(&w.as_str())
                || NUMBER_MARKS.contains(&w.as_str())
            {
                continue;
            }
            street.push(w);
        }
        (!street.is_empty()).then(|| Address {
            street: street.join(" "),
            number,
            unit: unit.concat(),
        })
    }
}

fn starts_with_digit(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// The postcode's digits and letters, upper-cased without spaces (`28013`, `SW1A1AA`).
pub fn postcode(raw: &str) -> Option<String> {
    let p: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (p.len() >= 3 && p.bytes().any(|b| b.is_ascii_digit())).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Address {
        Address::parse(line).unwrap()
    }

    #[test]
    fn one_street_however_written() {
        let a = parse("C/ Mayor 12, 3ºB");
        assert_eq!(a.street, "mayor");
        assert_eq!(a.number.as_deref(), Some("12"));
        assert_eq!(a.unit, "3ob");
        assert_eq!(parse("Calle Mayor, 12, 3º B"), a);
        assert_eq!(parse("calle mayor nº 12 3b").street, "mayor");
        assert_eq!(parse("calle mayor nº 12 3b").number, a.number);
        assert_eq!(
            parse("Calle de San Francisco 18, 2º 1ª").street,
            "san francisco"
        );
        assert_eq!(
            parse("Avda. de América 5").street,
            parse("Avenida de America, 5").street
        );
        assert_eq!(parse("Av. Diagonal 300").street, "diagonal");
        assert_eq!(parse("Pza. de España 1").street, "espana");
        assert_eq!(parse("Pº de la Castellana 100").street, "castellana");
        assert_eq!(parse("Carrer d'Aragó 45").street, "arago");
        assert_eq!(parse("12 Baker St").street, "baker");
        assert_eq!(parse("12 Baker St").number.as_deref(), Some("12"));
        assert_eq!(parse("Gran Vía 30").street, "gran");
        assert_eq!(parse("Abbey Road 3").street, parse("abbey rd 3").street);
    }

    #[test]
    fn no_street_no_address() {
        assert_eq!(Address::parse("--"), None);
        assert_eq!(Address::parse("12"), None);
    }

    #[test]
    fn postcodes() {
        assert_eq!(postcode(" 28013 ").as_deref(), Some("28013"));
        assert_eq!(postcode("sw1a 1aa").as_deref(), Some("SW1A1AA"));
        assert_eq!(postcode("--"), None);
    }
}
