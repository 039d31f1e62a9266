//! Two records compared field by field, each field landing on one level (exact, similar,
//! different, missing …). The levels are what the model weighs; they never decide alone,
//! except one: two different given names are two people, whatever else they share — the
//! household (same address, landline and family name) is where linkers merge wrongly.

use strsim::jaro_winkler;

use super::features::Features;
use crate::domain::nickname;

pub const FIELDS: usize = 6;
pub const GIVEN: usize = 0;
pub const FAMILY: usize = 1;
pub const EMAIL: usize = 2;
pub const PHONE: usize = 3;
pub const ADDRESS: usize = 4;
pub const POSTCODE: usize = 5;

/// Level 0 of every field is "missing" (on either side): it weighs nothing.
pub const MISSING: u8 = 0;
pub const EXACT: u8 = 1;

pub const FIELD_NAMES: [&str; FIELDS] = [
    "given name",
    "family name",
    "e-mail",
    "phone",
    "address",
    "postcode",
];

pub const LEVEL_NAMES: [&[&str]; FIELDS] = [
    &["missing", "exact", "compatible", "similar", "different"],
    &[
        "missing",
        "exact",
        "first family name",
        "similar",
        "sounds alike",
        "first same, second differs",
        "different",
    ],
    &["missing", "exact", "different"],
    &[
        "missing",
        "same mobile",
        "same landline",
        "two mobiles",
        "different",
    ],
    &["missing", "exact", "similar", "different"],
    &["missing", "exact", "same city", "different"],
];

/// The level of each field for one pair.
pub type Pattern = [u8; FIELDS];

const GIVEN_DIFFERENT: u8 = 4;
const FAMILY_SIMILAR: u8 = 3;
const FAMILY_SOUNDS_ALIKE: u8 = 4;
const FAMILY_SECOND_DIFFERS: u8 = 5;
const FAMILY_DIFFERENT: u8 = 6;

/// Per field, the first level that is a disagreement (the levels before it, from exact on,
/// are agreements: the only ones term frequency applies to).
pub const FIRST_DISAGREEMENT: [u8; FIELDS] = [4, 5, 2, 3, 3, 3];

pub fn compare(a: &Features, b: &Features) -> Pattern {
    let mut given = given_level(&a.name.given, &b.name.given);
    let mut family = family_level(a, b);
    // "García López María" first read as given name "García": try the other readings of a
    // full name before calling it a different person.
    if given == GIVEN_DIFFERENT || family == FAMILY_DIFFERENT {
        let readings = a
            .name_readings
            .iter()
            .map(|x| (x, &b.name))
            .chain(b.name_readings.iter().map(|y| (&a.name, y)));
        for (x, y) in readings {
            let g = given_level(&x.given, &y.given);
            let f = words_level(&x.family, &y.family);
            if g != GIVEN_DIFFERENT && f != FAMILY_DIFFERENT {
                (given, family) = (g, f);
                break;
            }
        }
    }
    [
        given,
        family,
        exact_or_different(a.email, b.email, 2),
        phone_level(a, b),
        address_level(a, b),
        postcode_level(a, b),
    ]
}

/// Whether two records name different people: given names that cannot be one (not equal,
/// not an initial or shortening of the other, not a typo of it), or — Spanish-speaking people
/// keep both family names for life — the same first family name with a different second.
pub fn names_conflict(a: &Features, b: &Features) -> bool {
    let quick = given_level(&a.name.given, &b.name.given) == GIVEN_DIFFERENT
        || words_level(&a.name.family, &b.name.family) == FAMILY_SECOND_DIFFERS;
    quick && {
        let p = compare(a, b);
        p[GIVEN] == GIVEN_DIFFERENT || p[FAMILY] == FAMILY_SECOND_DIFFERS
    }
}

fn exact_or_different(a: Option<u64>, b: Option<u64>, different: u8) -> u8 {
    match (a, b) {
        (Some(x), Some(y)) if x == y => EXACT,
        (Some(_), Some(_)) => different,
        _ => MISSING,
    }
}

/// exact 1, compatible 2 (an initial, or one name a prefix of the other: `J.` / `José`,
/// `José` / `José María`), similar 3 (a typo), different 4.
pub fn given_level(a: &[String], b: &[String]) -> u8 {
    if a.is_empty() || b.is_empty() {
        return MISSING;
    }
    if a == b {
        return EXACT;
    }
    let level = written_level(a, b);
    if level != GIVEN_DIFFERENT {
        return level;
    }
    // A nickname on either side (Chema for José María, Mamen for Carmen) is compatible.
    let expanded = |x: &[String], y: &[String]| {
        nickname::names_for(&x[0]).iter().any(|full| {
            let words: Vec<String> = full
                .iter()
                .map(|w| w.to_string())
                .chain(x[1..].iter().cloned())
                .collect();
            written_level(&words, y) != GIVEN_DIFFERENT
        })
    };
    if expanded(a, b) || expanded(b, a) {
        return 2;
    }
    GIVEN_DIFFERENT
}

/// The given-name level from the words as written (no nicknames).
fn written_level(a: &[String], b: &[String]) -> u8 {
    if a == b {
        return EXACT;
    }
    let mut level = 2;
    for (x, y) in a.iter().zip(b) {
        if x == y {
            continue;
        }
        // An initial, or a short form the name starts with (`Lu` for Lucía).
        let initial = (x.len() <= 2 && y.starts_with(x.as_str()))
            || (y.len() <= 2 && x.starts_with(y.as_str()));
        if initial {
            continue;
        }
        if x.len() > 2 && y.len() > 2 && jaro_winkler(x, y) >= 0.88 {
            level = 3;
            continue;
        }
        return GIVEN_DIFFERENT;
    }
    level
}

fn family_level(a: &Features, b: &Features) -> u8 {
    let level = words_level(&a.name.family, &b.name.family);
    if level == FAMILY_DIFFERENT
        && a.family1_sound.is_some()
        && (a.family1_sound == b.family1_sound)
    {
        return match (a.name.family.get(1), b.name.family.get(1)) {
            (Some(x), Some(y)) if jaro_winkler(x, y) < 0.8 => FAMILY_SECOND_DIFFERS,
            _ => FAMILY_SOUNDS_ALIKE,
        };
    }
    level
}

/// exact 1; the first family name equal and the other side has no second 2; similar 3;
/// the first alike and a clearly different second 5; different 6 (4, sounds alike, is decided
/// on the phonetic keys by the caller).
fn words_level(a: &[String], b: &[String]) -> u8 {
    if a.is_empty() || b.is_empty() {
        return MISSING;
    }
    if a == b {
        return EXACT;
    }
    let similar = |x: &str, y: &str| x == y || jaro_winkler(x, y) >= 0.92;
    if similar(&a[0], &b[0]) {
        if let (Some(x), Some(y)) = (a.get(1), b.get(1))
            && jaro_winkler(x, y) < 0.8
        {
            return FAMILY_SECOND_DIFFERS;
        }
        return if a[0] == b[0] && (a.len() == 1 || b.len() == 1) {
            2
        } else {
            FAMILY_SIMILAR
        };
    }
    // Words run together or split (`San Martín` / `Sanmartín`).
    if (a.len() > 1 || b.len() > 1) && jaro_winkler(&a.join(" "), &b.join(" ")) >= 0.92 {
        return FAMILY_SIMILAR;
    }
    FAMILY_DIFFERENT
}

/// A person has one mobile, often beside a landline: two different mobiles say more against
/// a match than a mobile and a landline.
fn phone_level(a: &Features, b: &Features) -> u8 {
    match exact_or_different(a.phone, b.phone, 4) {
        EXACT if a.mobile => 1,
        EXACT => 2,
        4 if a.mobile && b.mobile => 3,
        other => other,
    }
}

fn address_level(a: &Features, b: &Features) -> u8 {
    if a.street.is_empty() || b.street.is_empty() {
        return MISSING;
    }
    if a.address == b.address {
        return EXACT;
    }
    // One street written with a word the other leaves out (`Ríos Rosas` / `Rosas`).
    let within = |x: &str, y: &str| y.split(' ').all(|w| x.split(' ').any(|v| v == w));
    if a.street_number == b.street_number
        && (jaro_winkler(&a.street, &b.street) >= 0.9
            || within(&a.street, &b.street)
            || within(&b.street, &a.street))
    {
        return 2;
    }
    3
}

fn postcode_level(a: &Features, b: &Features) -> u8 {
    match exact_or_different(a.postcode, b.postcode, 3) {
        MISSING => match exact_or_different(a.city, b.city, 3) {
            EXACT => 2,
            other => other,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::features::SourceRecord;

    fn rec(name: &str, address: &str, phone: &str) -> Features {
        let r = SourceRecord {
            name: Some(name.into()),
            address: Some(address.into()),
            phone: Some(phone.into()),
            postcode: Some("28013".into()),
            ..SourceRecord::default()
        };
        Features::of(&r, crate::domain::phone::Region::parse("ES"))
    }

    #[test]
    fn levels_of_one_person_written_twice() {
        let a = rec(
            "José María García de la Fuente",
            "C/ Mayor 12, 3ºB",
            "612345678",
        );
        let b = rec(
            "Jose M. Garcia",
            "Calle Mayor, 12, 3º B",
            "+34 612 34 56 78",
        );
        assert_eq!(compare(&a, &b), [2, 2, 0, 1, 1, 1]);
        let c = rec("José María García Fuentes", "", "");
        assert_eq!(
            compare(&a, &c)[FAMILY],
            3,
            "a typo in the second family name"
        );
        assert!(!names_conflict(&a, &b));
    }

    #[test]
    fn a_household_is_not_one_person() {
        let a = rec("Ana García López", "C/ Mayor 12, 3ºB", "915551234");
        let b = rec("Pedro García Ruiz", "C/ Mayor 12, 3ºB", "91 555 12 34");
        let p = compare(&a, &b);
        assert_eq!(p[GIVEN], 4);
        assert_eq!(p[PHONE], 2, "a shared landline");
        assert!(names_conflict(&a, &b));
    }

    #[test]
    fn nicknames_are_compatible() {
        let chema = rec("Chema López", "", "");
        assert_eq!(compare(&chema, &rec("José Manuel López", "", ""))[GIVEN], 2);
        assert_eq!(compare(&chema, &rec("José María López", "", ""))[GIVEN], 2);
        assert_eq!(compare(&chema, &rec("Pedro López", "", ""))[GIVEN], 4);
        assert_eq!(
            compare(&rec("Mamen Peña", "", ""), &rec("Carmen Peña", "", ""))[GIVEN],
            2
        );
    }

    #[test]
    fn swapped_names_and_typos() {
        let a = rec("García López María", "", "");
        let b = rec("María García López", "", "");
        assert_eq!(compare(&a, &b)[..2], [1, 1]);
        let typo = rec("Mraía García Lpoez", "", "");
        assert_eq!(compare(&typo, &b)[..2], [3, 3]);
        let cousin = rec("María García Ruiz", "", "");
        assert_eq!(compare(&cousin, &b)[FAMILY], 5);
        assert!(names_conflict(&cousin, &b));
        let sound = rec("María Jiménez", "", "");
        let other = rec("María Giménez", "", "");
        assert_eq!(compare(&sound, &other)[FAMILY], 4, "sounds alike");
    }
}
