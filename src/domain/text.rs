//! Text for matching: Unicode-normalized, accents folded, case-folded, punctuation dropped,
//! split into tokens (José = Jose, "Bolso de yute, 30cm" → bolso de yute 30cm).

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds accents and case: `José MARÍA Núñez` → `jose maria nunez`.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folded words of letters and digits.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Similarity of two titles in [0, 1]: shared tokens over all tokens (Jaccard), so word order
/// and accents do not matter.
pub fn title_similarity(a: &str, b: &str) -> f64 {
    let ta: BTreeSet<String> = tokens(a).into_iter().collect();
    let tb: BTreeSet<String> = tokens(b).into_iter().collect();
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let shared = ta.intersection(&tb).count();
    shared as f64 / (ta.len() + tb.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("José MARÍA Núñez"), "jose maria nunez");
        assert_eq!(
            tokens("Bolso de yute, 30cm!"),
            vec!["bolso", "de", "yute", "30cm"]
        );
    }

    #[test]
    fn title_similarity_ignores_order_and_accents() {
        assert_eq!(
            title_similarity("Cuenco cerámica azul", "azul CUENCO ceramica"),
            1.0
        );
        assert!((title_similarity("Cuenco azul", "Cuenco rojo") - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(title_similarity("", "x"), 0.0);
    }
}
