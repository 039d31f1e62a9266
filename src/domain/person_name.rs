//! People's names for matching across channels: `José María García de la Fuente`,
//! `Jose M. Garcia`, `GARCIA DE LA FUENTE, JOSE MARIA` and `Chema García` are comparable.
//! Accents and case folded, particles dropped from family names, "Family, Given" understood
//! (nicknames are read when names are compared: `domain::nickname`).

use super::text;

/// Words that join family names (`de la Fuente`, `Puig i Ferrer`) and carry no identity.
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "y", "i", "da", "das", "do", "dos", "van", "von", "der", "di",
    "du", "le", "d", "l",
];

/// A name split into folded given and family words; initials are one-letter words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonName {
    pub given: Vec<String>,
    pub family: Vec<String>,
}

impl PersonName {
    /// From a full name and, where the channel keeps them apart, given and family names.
    pub fn parse(full: Option<&str>, given: Option<&str>, family: Option<&str>) -> PersonName {
        let given = given.map(words).unwrap_or_default();
        let family = family.map(words).unwrap_or_default();
        if !given.is_empty() || !family.is_empty() {
            return PersonName::from_parts(given, family);
        }
        let Some(full) = full else {
            return PersonName::default();
        };
        // "Ortega Prieto, Marta": family names first.
        if let Some((fam, giv)) = full.split_once(',') {
            return PersonName::from_parts(words(giv), words(fam));
        }
        let all = words(full);
        let split = given_word_count(&all);
        let (g, f) = all.split_at(split);
        PersonName::from_parts(g.to_vec(), f.to_vec())
    }

    fn from_parts(given: Vec<String>, family: Vec<String>) -> PersonName {
        let family = family
            .into_iter()
            .filter(|w| !PARTICLES.contains(&w.as_str()))
            .collect();
        PersonName { given, family }
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_empty() && self.family.is_empty()
    }

    /// The first given word, the key of "who in the household" (`jose`, or `j` for an initial).
    pub fn first_given(&self) -> Option<&str> {
        self.given.first().map(String::as_str)
    }

    /// The first family name, the one Spanish-speaking people always keep.
    pub fn first_family(&self) -> Option<&str> {
        self.family.first().map(String::as_str)
    }

    pub fn family_text(&self) -> String {
        self.family.join(" ")
    }

    /// Other readings of a full name without a comma: family names first (`GARCIA LOPEZ
    /// MARIA`), one given name (`Javier del Valle González`), two (`Juan Carllos López
    /// Rodríguez`, where a typo hides the compound name).
    pub fn other_readings(full: &str) -> Vec<PersonName> {
        let all = words(full);
        let default = given_word_count(&all);
        let family = all.len().saturating_sub(1).min(2);
        let (f, g) = all.split_at(family);
        let mut readings = vec![PersonName::from_parts(g.to_vec(), f.to_vec())];
        for given in [1, 2] {
            if given != default && all.len() > given + 1 {
                let (g, f) = all.split_at(given);
                readings.push(PersonName::from_parts(g.to_vec(), f.to_vec()));
            }
        }
        readings
    }
}

/// Folded words with initials' dots dropped (`M.` → `m`).
fn words(text: &str) -> Vec<String> {
    text::tokens(text)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// How many leading words of a full name are given names: one, or two when the second is a
/// given name itself (`José María García López`, `Jose M. Garcia`), or through the name after
/// a particle (`María del Carmen Ruiz`, `María de los Ángeles Ruiz`), family names remaining.
fn given_word_count(all: &[String]) -> usize {
    if all.len() < 3 {
        return all.len().min(1);
    }
    if matches!(all[1].as_str(), "de" | "del") {
        let after = all[2..]
            .iter()
            .position(|w| !PARTICLES.contains(&w.as_str()))
            .map_or(all.len(), |p| p + 3);
        // Only when a family name is left after it.
        return if after < all.len() { after } else { 1 };
    }
    if all[1].len() == 1 || COMPOUND_SECONDS.contains(&all[1].as_str()) {
        return 2;
    }
    1
}

/// Words that, in second place, are the second half of a compound given name.
const COMPOUND_SECONDS: &[&str] = &[
    "maria",
    "jose",
    "carlos",
    "luis",
    "antonio",
    "manuel",
    "javier",
    "angel",
    "ignacio",
    "jesus",
    "isabel",
    "teresa",
    "dolores",
    "carmen",
    "pilar",
    "belen",
    "elena",
    "victoria",
    "cristina",
    "eugenia",
    "francisco",
    "miguel",
    "pablo",
    "ramon",
    "alberto",
    "andres",
    "vicente",
    "mar",
    "rosa",
    "paz",
    "luz",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn name(full: &str) -> PersonName {
        PersonName::parse(Some(full), None, None)
    }

    #[test]
    fn accents_case_and_particles() {
        let n = name("José María García de la Fuente");
        assert_eq!(n.given, ["jose", "maria"]);
        assert_eq!(n.family, ["garcia", "fuente"]);
        let short = name("Jose M. Garcia");
        assert_eq!(short.given, ["jose", "m"]);
        assert_eq!(short.family, ["garcia"]);
        assert_eq!(short.first_family(), n.first_family());
    }

    #[test]
    fn given_names_with_particles() {
        let n = name("María del Carmen Hernández García");
        assert_eq!(n.given, ["maria", "del", "carmen"]);
        assert_eq!(n.family, ["hernandez", "garcia"]);
        assert_eq!(
            name("María de los Ángeles Ruiz").given,
            ["maria", "de", "los", "angeles"]
        );
        assert_eq!(name("Juan de la Fuente").family, ["fuente"]);
    }

    #[test]
    fn family_first_with_a_comma() {
        let n = name("ORTEGA PRIETO, Marta");
        assert_eq!(n.given, ["marta"]);
        assert_eq!(n.family, ["ortega", "prieto"]);
        let m = &PersonName::other_readings("Ortega Prieto Marta")[0];
        assert_eq!((&m.given, &m.family), (&n.given, &n.family));
        let typo = &PersonName::other_readings("Juan Carllos López Rodríguez")[1];
        assert_eq!(typo.given, ["juan", "carllos"]);
        let one = &PersonName::other_readings("Javier del Valle González")[1];
        assert_eq!(
            (&one.given[..], &one.family[..]),
            (
                &["javier".to_string()][..],
                &["valle".to_string(), "gonzalez".to_string()][..]
            )
        );
    }

    #[test]
    fn separate_fields_win_over_the_full_name() {
        let n = PersonName::parse(Some("whatever"), Some("Núria"), Some("Puig i Ferrer"));
        assert_eq!(n.given, ["nuria"]);
        assert_eq!(n.family, ["puig", "ferrer"]);
    }

    #[test]
    fn placeholders_and_blanks() {
        assert!(name("--").is_empty());
        assert!(name("").is_empty());
        assert_eq!(name("Ana").given, ["ana"]);
        assert!(name("Ana").family.is_empty());
    }
}
