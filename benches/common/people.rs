//! Synthetic retail customers with known truth, for benchmarking customer identity resolution.
//!
//! An espadrille shop sells on its web site, on Amazon and eBay, and in two stores; each channel
//! exports its own customer records. `generate` makes people (mostly Spanish, some Portuguese
//! and French), gives each 1–5 records shaped like those exports, and keeps the person behind
//! every record as truth. The hard parts of real data are here on purpose: households at one
//! address, different people with the same common name, marketplace relay e-mails, masked eBay
//! buyers, nicknames, initials, typos, accent loss, one surname only, inverted store names, and
//! many phone and address spellings. `score` measures a clustering against that truth.
//!
//! Only std, and its own PRNG: the same seed gives the same records on every machine.
#![allow(dead_code)]

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use super::cumulative;

// ───────────────────────────── Output ─────────────────────────────

/// One customer record as a channel export would hold it (empty string = field absent).
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    /// Truth: the person behind the record.
    pub person: u32,
    /// "web", "amazon-es", "ebay", "store-madrid", "store-barcelona".
    pub channel: &'static str,
    /// "web", "marketplace", "store".
    pub kind: &'static str,
    /// The channel's own id: web account number, Amazon buyer id, eBay username, loyalty card.
    pub customer_id: String,
    pub email: String,
    pub phone: String,
    /// Full name as the channel shows it.
    pub name: String,
    /// Only web records fill given/family separately; else empty.
    pub given_name: String,
    pub family_name: String,
    pub address: String,
    pub city: String,
    pub postcode: String,
    /// "ES", "PT", "FR".
    pub country: String,
}

// ───────────────────────────── Rates ─────────────────────────────

/// How often each hard case happens (probabilities in 0..=1); `describe` says what each means.
#[derive(Debug, Clone)]
pub struct Rates {
    // Per person.
    pub household_rate: f64,
    pub collision_rate: f64,
    pub foreign_rate: f64,
    pub landline_rate: f64,
    pub household_landline: f64,
    pub alt_email_rate: f64,
    pub moved_rate: f64,
    pub new_mobile_rate: f64,
    // Channel shapes, per record.
    pub web_phone: f64,
    pub web_postcode_missing: f64,
    pub web_split_error: f64,
    pub amazon_phone: f64,
    pub amazon_address: f64,
    pub ebay_masked: f64,
    pub ebay_phone: f64,
    pub ebay_address: f64,
    pub store_email: f64,
    pub store_phone: f64,
    pub store_inverted: f64,
    pub store_upper: f64,
    // Errors, per record.
    pub typo: f64,
    pub initials: f64,
    pub nickname: f64,
    pub one_surname: f64,
    pub accent_loss: f64,
    pub lowercase: f64,
    pub uppercase: f64,
    pub alt_email_use: f64,
    pub email_variant: f64,
    pub email_typo: f64,
    pub landline_use: f64,
    pub phone_typo: f64,
    pub city_variant: f64,
    pub postcode_mangled: f64,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            household_rate: 0.06,
            collision_rate: 0.01,
            foreign_rate: 0.05,
            landline_rate: 0.30,
            household_landline: 0.60,
            alt_email_rate: 0.25,
            moved_rate: 0.04,
            new_mobile_rate: 0.03,
            web_phone: 0.85,
            web_postcode_missing: 0.05,
            web_split_error: 0.03,
            amazon_phone: 0.50,
            amazon_address: 0.70,
            // eBay masks buyer data some time after the sale; a nightly import reads it before.
            ebay_masked: 0.05,
            ebay_phone: 0.45,
            ebay_address: 0.60,
            store_email: 0.60,
            store_phone: 0.50,
            store_inverted: 0.30,
            store_upper: 0.22,
            typo: 0.05,
            initials: 0.08,
            nickname: 0.06,
            one_surname: 0.20,
            accent_loss: 0.15,
            lowercase: 0.06,
            uppercase: 0.04,
            alt_email_use: 0.30,
            email_variant: 0.15,
            email_typo: 0.005,
            landline_use: 0.35,
            phone_typo: 0.01,
            city_variant: 0.12,
            postcode_mangled: 0.05,
        }
    }
}

impl Rates {
    /// The rates as a markdown list, for the benchmark README.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        for (name, value, what) in self.entries() {
            let _ = writeln!(s, "- `{name}` = {}: {what}", percent(value));
        }
        s.push_str("- records per person: 1–5, weighted 55/25/12/5/3 % (mean 1.76)\n");
        s.push_str(
            "- channels: web (up to two accounts), amazon-es, ebay, store-madrid and \
             store-barcelona (one loyalty card in both), about 45/25/10/20 % of records; \
             store visits are likelier near Madrid and Barcelona\n",
        );
        s
    }

    #[rustfmt::skip]
    fn entries(&self) -> Vec<(&'static str, f64, &'static str)> {
        vec![
            ("household_rate", self.household_rate, "persons in a 2–3 person household: same address and first surname, different given names, often a shared landline, own mobile and e-mail"),
            ("collision_rate", self.collision_rate, "persons given one of 12 very common full names (e.g. María García López) in Madrid, Barcelona or Valencia"),
            ("foreign_rate", self.foreign_rate, "persons living in Portugal or France (own names, addresses, phone formats)"),
            ("landline_rate", self.landline_rate, "persons living alone with a landline besides their mobile"),
            ("household_landline", self.household_landline, "households with a landline; each member shares it with 85% probability"),
            ("alt_email_rate", self.alt_email_rate, "persons with a second e-mail address (forced when they hold two web accounts)"),
            ("moved_rate", self.moved_rate, "persons who moved: each address-bearing record shows the old address half the time"),
            ("new_mobile_rate", self.new_mobile_rate, "persons who changed mobile: records show the old number 40% of the time"),
            ("web_phone", self.web_phone, "web records with a phone"),
            ("web_postcode_missing", self.web_postcode_missing, "web records without a postcode"),
            ("web_split_error", self.web_split_error, "web records with given/family fields mis-split (all in given, one surname moved over, swapped)"),
            ("amazon_phone", self.amazon_phone, "Amazon records with a phone (mobile)"),
            ("amazon_address", self.amazon_address, "Amazon records with a shipping address, city and postcode"),
            ("ebay_masked", self.ebay_masked, "eBay records fully masked (name and phone \"--\", no address)"),
            ("ebay_phone", self.ebay_phone, "unmasked eBay records with a phone"),
            ("ebay_address", self.ebay_address, "unmasked eBay records with an address"),
            ("store_email", self.store_email, "store records with an e-mail"),
            ("store_phone", self.store_phone, "store records with a phone"),
            ("store_inverted", self.store_inverted, "store names written \"Family Family, Given\""),
            ("store_upper", self.store_upper, "store names in UPPERCASE"),
            ("typo", self.typo, "names with a typo in the given or family name (swap, drop, double letter)"),
            ("initials", self.initials, "names with initials (\"J. M. García\", \"Mª Carmen\"); a quarter of it on web"),
            ("nickname", self.nickname, "names with a nickname (Pepe, Paco, Lola, Montse…); a quarter of it on web"),
            ("one_surname", self.one_surname, "names with the first surname only; half of it on web"),
            ("accent_loss", self.accent_loss, "names and addresses without accents (ñ→n too)"),
            ("lowercase", self.lowercase, "names and addresses in lowercase"),
            ("uppercase", self.uppercase, "marketplace names and addresses in UPPERCASE"),
            ("alt_email_use", self.alt_email_use, "web and store records showing the second e-mail when there is one"),
            ("email_variant", self.email_variant, "e-mails respelled: case, Gmail dots, +tag, googlemail.com"),
            ("email_typo", self.email_typo, "e-mails with a typo (gmial.com, hotmail.con…)"),
            ("landline_use", self.landline_use, "web and store phones showing the landline when there is one"),
            ("phone_typo", self.phone_typo, "phones with two digits swapped"),
            ("city_variant", self.city_variant, "cities lowercased, uppercased, accentless or in the other language (Gerona, Donostia)"),
            ("postcode_mangled", self.postcode_mangled, "postcodes that lost their leading zero (08001 → 8001)"),
        ]
    }
}

/// 0.06 → "6%", 0.005 → "0.5%".
fn percent(p: f64) -> String {
    let v = p * 100.0;
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}%")
    } else {
        format!("{v:.1}%")
    }
}

// ───────────────────────────── Randomness ─────────────────────────────

/// SplitMix64: tiny, fast, and the same sequence for the same seed on every machine.
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.state)
    }

    /// Uniform in 0..n; multiply-shift instead of a division.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in lo..=hi.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Pick from a short `(item, weight)` table by walking it.
    pub fn pick_weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total as usize) as u32;
        for &(item, w) in items {
            if r < w {
                return item;
            }
            r -= w;
        }
        items[items.len() - 1].0
    }

    /// Index into a long table by its cumulative weights (see `cumulative`): binary search.
    pub fn weighted(&mut self, cumulative: &[u32]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0);
        let r = self.below(total as usize) as u32;
        cumulative.partition_point(|&c| c <= r)
    }
}

/// The SplitMix64 finaliser.
fn mix(x: u64) -> u64 {
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A bijection on 0..2^bits: sequential counters become unique ids that look random.
fn scramble(x: u64, bits: u32, key: u64) -> u64 {
    let mask = (1u64 << bits) - 1;
    let shift = bits / 2;
    let mut v = (x ^ key) & mask;
    v = v.wrapping_mul(0x9e37_79b9_7f4a_7c15 | 1) & mask; // odd multiplier: invertible
    v ^= v >> shift;
    v = v.wrapping_mul(0xbf58_476d_1ce4_e5b9 | 1) & mask;
    v ^ (v >> shift)
}

/// A cheap deterministic hasher: keys here are integers, and std's SipHash costs more than
/// generating the data. Deterministic, so float sums over maps are reproducible too.
#[derive(Default)]
struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(29) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type FastSet = HashSet<u64, BuildHasherDefault<MixHasher>>;
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<MixHasher>>;

/// FNV-1a over bytes: a stable 64-bit fingerprint for uniqueness sets.
fn fnv(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes
        .into_iter()
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

// ───────────────────────────── Names ─────────────────────────────

/// A given name, its weight, and the nicknames people use for it.
type Given = (&'static str, u32, &'static [&'static str]);
/// A surname and its weight.
type Surname = (&'static str, u32);

#[rustfmt::skip]
static SPANISH_GIVEN: &[Given] = &[
    // Women.
    ("María", 30, &["Mari"]),
    ("María Carmen", 28, &["Mari Carmen", "Maricarmen", "Carmen"]),
    ("Carmen", 30, &["Menchu", "Mamen"]),
    ("Josefa", 12, &["Pepa", "Pepi"]),
    ("Isabel", 14, &["Isa", "Chabeli"]),
    ("Ana María", 12, &["Ana", "Anamari"]),
    ("María Pilar", 10, &["Pili", "Pilar"]),
    ("Pilar", 10, &["Pili"]),
    ("María Dolores", 12, &["Lola", "Loli", "Mariló"]),
    ("Dolores", 8, &["Lola", "Loli"]),
    ("Laura", 18, &[]),
    ("Lucía", 16, &["Lu"]),
    ("Ana", 16, &[]),
    ("Cristina", 14, &["Cris"]),
    ("Marta", 14, &[]),
    ("María Ángeles", 9, &["Marian", "Angelines"]),
    ("Francisca", 9, &["Paqui", "Paca"]),
    ("Antonia", 9, &["Toñi"]),
    ("Elena", 12, &["Nena"]),
    ("Sara", 11, &[]),
    ("María Isabel", 10, &["Maribel"]),
    ("María José", 12, &["Majo", "Mariajo", "Marijose"]),
    ("Raquel", 10, &[]),
    ("Paula", 12, &[]),
    ("Rosa", 8, &["Rosi"]),
    ("Manuela", 7, &["Manoli"]),
    ("Mercedes", 8, &["Merche"]),
    ("Teresa", 7, &["Tere"]),
    ("María Teresa", 8, &["Maite", "Tere"]),
    ("Rosario", 6, &["Charo", "Chari"]),
    ("Beatriz", 9, &["Bea"]),
    ("Silvia", 9, &[]),
    ("Alba", 9, &[]),
    ("Patricia", 9, &["Patri"]),
    ("Encarnación", 5, &["Encarna", "Encarni"]),
    ("Irene", 9, &[]),
    ("Andrea", 9, &[]),
    ("Concepción", 5, &["Concha", "Conchi"]),
    ("Inmaculada", 6, &["Inma"]),
    ("Ana Belén", 6, &["Anabel", "Belén"]),
    ("Inés", 6, &[]),
    ("Nerea", 6, &[]),
    ("Alicia", 6, &[]),
    ("Julia", 6, &[]),
    ("Yolanda", 5, &["Yoli"]),
    ("Sonia", 6, &[]),
    ("Noelia", 5, &["Noe"]),
    ("Esther", 5, &[]),
    ("María Luisa", 6, &["Marisa", "Malú"]),
    ("María Jesús", 5, &["Chus", "Marichu"]),
    ("Susana", 5, &["Susi"]),
    ("Begoña", 4, &["Bego"]),
    ("Rocío", 6, &[]),
    ("Amparo", 4, &[]),
    ("Purificación", 2, &["Puri"]),
    ("Asunción", 3, &["Asun"]),
    ("Consuelo", 3, &["Chelo"]),
    ("Guadalupe", 3, &["Lupe"]),
    ("Macarena", 3, &["Maca"]),
    // Men.
    ("Antonio", 30, &["Toni", "Toño"]),
    ("José", 30, &["Pepe", "Pepito"]),
    ("Manuel", 26, &["Manolo", "Manu"]),
    ("Francisco", 24, &["Paco", "Curro", "Fran"]),
    ("David", 22, &[]),
    ("Juan", 22, &["Juanito"]),
    ("José Antonio", 18, &["Josean"]),
    ("Javier", 18, &["Javi"]),
    ("Daniel", 18, &["Dani"]),
    ("José Luis", 18, &["Pepelu", "Joselu"]),
    ("Francisco Javier", 16, &["Javi", "Javier", "Fran"]),
    ("Carlos", 16, &[]),
    ("Jesús", 14, &["Chus", "Suso"]),
    ("Alejandro", 15, &["Álex", "Alex"]),
    ("Miguel", 13, &["Migue"]),
    ("José Manuel", 14, &["Josema", "Chema"]),
    ("Rafael", 12, &["Rafa"]),
    ("Pablo", 12, &[]),
    ("Miguel Ángel", 12, &["Migue"]),
    ("Pedro", 11, &[]),
    ("Ángel", 10, &[]),
    ("Sergio", 11, &[]),
    ("José María", 10, &["Chema", "Josemari"]),
    ("Fernando", 10, &["Fer", "Nando"]),
    ("Jorge", 10, &["Coque"]),
    ("Luis", 10, &[]),
    ("Alberto", 9, &["Berto"]),
    ("Juan Carlos", 9, &["Juanca"]),
    ("Álvaro", 8, &[]),
    ("Adrián", 8, &[]),
    ("Juan José", 7, &["Juanjo"]),
    ("Diego", 7, &[]),
    ("Raúl", 7, &[]),
    ("Iván", 6, &[]),
    ("Enrique", 6, &["Quique", "Kike"]),
    ("Ramón", 6, &["Moncho"]),
    ("Rubén", 6, &[]),
    ("Vicente", 6, &["Chente"]),
    ("Óscar", 6, &[]),
    ("Andrés", 6, &[]),
    ("Joaquín", 5, &["Quino", "Ximo"]),
    ("Santiago", 5, &["Santi"]),
    ("Víctor", 5, &[]),
    ("Eduardo", 5, &["Edu"]),
    ("Mario", 5, &[]),
    ("Roberto", 5, &["Rober"]),
    ("Ignacio", 5, &["Nacho"]),
    ("Marcos", 5, &[]),
    ("Hugo", 5, &[]),
    ("Alfonso", 4, &["Fonsi"]),
    ("Jaime", 4, &[]),
    ("Guillermo", 4, &["Guille"]),
    ("Gonzalo", 4, &[]),
    ("Íñigo", 3, &[]),
    ("Salvador", 4, &["Salva"]),
    ("Gregorio", 2, &["Goyo"]),
    ("José Ramón", 3, &[]),
    ("Juan Antonio", 4, &["Juanan"]),
    ("Emilio", 3, &[]),
    ("Tomás", 3, &[]),
    ("Agustín", 3, &["Agus"]),
    ("Nicolás", 3, &["Nico"]),
    ("Mateo", 4, &[]),
    ("Martín", 4, &[]),
];

#[rustfmt::skip]
static SPANISH_SURNAMES: &[Surname] = &[
    ("García", 145), ("Rodríguez", 93), ("González", 92), ("Fernández", 90), ("López", 87),
    ("Martínez", 83), ("Sánchez", 81), ("Pérez", 77), ("Gómez", 49), ("Martín", 49),
    ("Jiménez", 39), ("Hernández", 37), ("Ruiz", 37), ("Díaz", 36), ("Moreno", 34),
    ("Muñoz", 29), ("Álvarez", 29), ("Romero", 25), ("Gutiérrez", 24), ("Alonso", 24),
    ("Navarro", 23), ("Torres", 23), ("Domínguez", 23), ("Ramos", 21), ("Vázquez", 21),
    ("Ramírez", 20), ("Gil", 20), ("Serrano", 20), ("Morales", 19), ("Molina", 19),
    ("Blanco", 19), ("Suárez", 19), ("Castro", 18), ("Ortega", 18), ("Delgado", 18),
    ("Ortiz", 18), ("Marín", 18), ("Rubio", 18), ("Núñez", 17), ("Medina", 17),
    ("Sanz", 17), ("Castillo", 17), ("Iglesias", 16), ("Cortés", 16), ("Garrido", 16),
    ("Santos", 16), ("Guerrero", 15), ("Lozano", 15), ("Cano", 15), ("Cruz", 15),
    ("Méndez", 15), ("Flores", 14), ("Prieto", 14), ("Herrera", 14), ("Peña", 13),
    ("León", 13), ("Márquez", 13), ("Cabrera", 13), ("Gallego", 13), ("Calvo", 13),
    ("Vidal", 13), ("Campos", 12), ("Reyes", 12), ("Vega", 12), ("Fuentes", 12),
    ("Carrasco", 12), ("Díez", 12), ("Aguilar", 11), ("Caballero", 11), ("Nieto", 11),
    ("Santana", 11), ("Vargas", 11), ("Pascual", 11), ("Giménez", 11), ("Herrero", 11),
    ("Hidalgo", 11), ("Montero", 11), ("Lorenzo", 11), ("Santiago", 10), ("Benítez", 10),
    ("Durán", 10), ("Ibáñez", 10), ("Arias", 10), ("Mora", 10), ("Ferrer", 10),
    ("Carmona", 10), ("Vicente", 10), ("Rojas", 9), ("Soto", 9), ("Crespo", 9),
    ("Román", 9), ("Pastor", 9), ("Velasco", 9), ("Parra", 9), ("Sáez", 9),
    ("Moya", 9), ("Bravo", 9), ("Rivera", 8), ("Gallardo", 8), ("Soler", 8),
    ("Esteban", 8), ("Pardo", 8), ("Rey", 8), ("Otero", 7), ("Ordóñez", 6),
    ("Benito", 6), ("Lara", 6), ("Robles", 6), ("Sierra", 6), ("Manzano", 5),
    ("Rivas", 5), ("Redondo", 5), ("Hurtado", 5), ("Luque", 5), ("Beltrán", 5),
    ("Miranda", 5), ("Tomás", 5), ("Mateo", 5), ("Aguirre", 5), ("Trujillo", 4),
    ("Salazar", 4), ("Aranda", 4), ("Paredes", 4), ("Salas", 4), ("Mendoza", 4),
    ("Ávila", 4), ("Palacios", 4), ("Bermúdez", 4), ("Toledo", 4), ("Espinosa", 4),
    ("Cuesta", 4), ("Calderón", 4), ("Rico", 4), ("Mesa", 4), ("Montes", 4),
    ("Villar", 4), ("Simón", 4), ("Conde", 4), ("Arroyo", 4), ("Bustamante", 4),
    ("Pozo", 4), ("Rosales", 3), ("Quintana", 3), ("Escobar", 3), ("Acosta", 3),
    ("Barroso", 3), ("Jurado", 3), ("Quesada", 3), ("Solís", 3), ("Maldonado", 3),
    ("Valverde", 3), ("Bernal", 3), ("Heredia", 3), ("Pacheco", 3), ("Carrillo", 3),
    ("Polo", 3), ("Ballesteros", 3), ("Cuenca", 3), ("Llorente", 3), ("Rueda", 3),
    ("Villalobos", 3), ("Cifuentes", 3), ("Sepúlveda", 3), ("Figueroa", 2), ("Chacón", 2),
    ("Osorio", 2), ("Tapia", 2), ("Valcárcel", 2), ("Peñalver", 2), ("Zamorano", 2),
    ("Altamirano", 1),
    // Surnames with particles.
    ("de la Fuente", 6), ("del Río", 5), ("de los Santos", 3), ("San Martín", 4),
    ("de la Cruz", 4), ("del Castillo", 2), ("de la Torre", 4), ("de Miguel", 2),
    ("de Diego", 2), ("del Pino", 2),
    // Rare everywhere, so that term frequency matters.
    ("Oyarzábal", 1), ("Urquijo", 1), ("Echeverría", 2), ("Zubizarreta", 1), ("Goicoechea", 1),
    ("Arrieta", 1), ("Olaizola", 1), ("Villaescusa", 1), ("Lasheras", 1), ("Barrionuevo", 1),
];

#[rustfmt::skip]
static CATALAN_GIVEN: &[Given] = &[
    ("Jordi", 20, &[]),
    ("Núria", 16, &[]),
    ("Montserrat", 14, &["Montse"]),
    ("Josep", 16, &["Pep", "Pepe"]),
    ("Pau", 12, &[]),
    ("Laia", 12, &[]),
    ("Marc", 14, &[]),
    ("Joan", 14, &[]),
    ("Mireia", 8, &[]),
    ("Arnau", 8, &[]),
    ("Jaume", 8, &[]),
    ("Meritxell", 6, &["Txell"]),
    ("Pol", 8, &[]),
    ("Roser", 5, &[]),
    ("Ferran", 6, &[]),
    ("Oriol", 6, &["Uri"]),
    ("Neus", 5, &[]),
    ("Xavier", 7, &["Xavi"]),
    ("Anna", 10, &[]),
    ("Maria", 8, &[]),
    ("Josep Maria", 5, &["Pep", "Josep Mª"]),
];

#[rustfmt::skip]
static CATALAN_SURNAMES: &[Surname] = &[
    ("Puig", 40), ("Vila", 35), ("Font", 30), ("Serra", 35), ("Roca", 30), ("Pujol", 25),
    ("Casas", 30), ("Riera", 20), ("Sala", 25), ("Mas", 25), ("Bosch", 25), ("Vives", 15),
    ("Camps", 15), ("Ribas", 20), ("Martí", 35), ("Prat", 20), ("Costa", 30), ("Badia", 10),
    ("Planas", 12), ("Esteve", 15), ("Coll", 20), ("Torrent", 10), ("Oliveras", 8),
    ("Fabregat", 6), ("Canals", 10), ("Llopis", 12), ("Sabaté", 6), ("Vilanova", 10),
    ("Soler", 25), ("Ferrer", 30), ("Vidal", 25), ("Pons", 20), ("Bonet", 12),
    ("Carbonell", 10), ("Rovira", 18), ("Sabater", 10), ("Gispert", 4), ("Vilaró", 3),
    ("Ferrés", 3), ("Güell", 3), ("Comas", 10), ("Roig", 15),
];

#[rustfmt::skip]
static BASQUE_GIVEN: &[Given] = &[
    ("Iker", 10, &[]), ("Aitor", 8, &[]), ("Unai", 8, &[]), ("Mikel", 10, &[]),
    ("Jon", 10, &[]), ("Iñaki", 8, &[]), ("Asier", 6, &[]), ("Ane", 8, &[]),
    ("Amaia", 8, &[]), ("Itziar", 6, &[]), ("Maite", 6, &[]), ("Leire", 8, &[]),
    ("Ainhoa", 8, &[]), ("Garazi", 4, &[]), ("Edurne", 4, &[]), ("Josu", 4, &[]),
    ("Koldo", 3, &[]), ("Xabier", 5, &["Xabi"]),
];

#[rustfmt::skip]
static BASQUE_SURNAMES: &[Surname] = &[
    ("Etxeberria", 10), ("Aguirre", 10), ("Zabala", 6), ("Goikoetxea", 6), ("Urrutia", 6),
    ("Garmendia", 6), ("Arrizabalaga", 4), ("Larrañaga", 5), ("Elorza", 4), ("Mendizábal", 4),
    ("Ugarte", 6), ("Iturriaga", 4), ("Bengoechea", 3), ("Olabarrieta", 2), ("Gorostiza", 2),
    ("Aramburu", 4), ("Lasa", 5), ("Otxoa", 3), ("Irigoyen", 3), ("Zubizarreta", 2),
    ("Oyarzábal", 2), ("Urquijo", 2), ("Echeverría", 4), ("Arteaga", 4), ("Ibarra", 5),
];

#[rustfmt::skip]
static GALICIAN_GIVEN: &[Given] = &[
    ("Xosé", 6, &[]), ("Uxía", 5, &[]), ("Brais", 5, &[]), ("Antía", 4, &[]), ("Iria", 5, &[]),
    ("Xoán", 4, &[]), ("Breixo", 3, &[]), ("Sabela", 3, &[]), ("Anxo", 3, &[]), ("Noa", 5, &[]),
];

#[rustfmt::skip]
static GALICIAN_SURNAMES: &[Surname] = &[
    ("Otero", 10), ("Varela", 10), ("Rey", 10), ("Pardo", 8), ("Souto", 6), ("Lago", 6),
    ("Fraga", 6), ("Barreiro", 6), ("Vilas", 4), ("Quintela", 3), ("Castro", 10), ("Seoane", 5),
    ("Rial", 4), ("Pazos", 5), ("Piñeiro", 6), ("Dopazo", 2), ("Outeiral", 1), ("Vázquez", 15),
];

#[rustfmt::skip]
static PORTUGUESE_GIVEN: &[Given] = &[
    ("João", 20, &[]), ("Maria", 20, &[]), ("Ana", 15, &[]), ("José", 12, &["Zé"]),
    ("Francisco", 10, &["Chico"]), ("Pedro", 10, &[]), ("Tiago", 10, &[]), ("Rita", 8, &[]),
    ("Inês", 10, &[]), ("Beatriz", 8, &[]), ("Manuel", 8, &["Manel"]), ("António", 10, &["Tó"]),
    ("Catarina", 10, &[]), ("Sofia", 8, &[]), ("Miguel", 8, &[]), ("Rui", 8, &[]),
    ("Luís", 8, &[]), ("Joana", 8, &[]), ("Mariana", 8, &[]), ("Gonçalo", 6, &[]),
];

#[rustfmt::skip]
static PORTUGUESE_SURNAMES: &[Surname] = &[
    ("Silva", 30), ("Santos", 20), ("Ferreira", 15), ("Pereira", 15), ("Oliveira", 12),
    ("Costa", 12), ("Rodrigues", 12), ("Martins", 10), ("Jesus", 8), ("Sousa", 10),
    ("Fernandes", 9), ("Gonçalves", 9), ("Gomes", 8), ("Lopes", 8), ("Marques", 8),
    ("Alves", 8), ("Almeida", 7), ("Ribeiro", 7), ("Pinto", 7), ("Carvalho", 7),
    ("Teixeira", 5), ("Moreira", 5), ("Correia", 5), ("Mendes", 5), ("Nunes", 5),
    ("Soares", 5), ("Vieira", 4), ("Monteiro", 4), ("Cardoso", 4), ("Rocha", 4),
];

#[rustfmt::skip]
static FRENCH_GIVEN: &[Given] = &[
    ("Jean", 12, &[]), ("Marie", 12, &[]), ("Pierre", 10, &[]), ("Nathalie", 8, &[]),
    ("Isabelle", 8, &["Isa"]), ("Philippe", 8, &[]), ("Sophie", 8, &[]), ("Nicolas", 8, &["Nico"]),
    ("Julien", 8, &[]), ("Camille", 8, &[]), ("Léa", 6, &[]), ("Thomas", 8, &[]),
    ("Céline", 6, &[]), ("François", 6, &[]), ("Hélène", 5, &[]), ("Amélie", 5, &[]),
    ("Jean-Pierre", 5, &["JP"]), ("Marie-Claire", 3, &[]), ("Stéphane", 5, &[]), ("Émilie", 5, &[]),
];

#[rustfmt::skip]
static FRENCH_SURNAMES: &[Surname] = &[
    ("Martin", 20), ("Bernard", 12), ("Dubois", 10), ("Thomas", 10), ("Robert", 9),
    ("Richard", 9), ("Petit", 8), ("Durand", 8), ("Leroy", 7), ("Moreau", 7), ("Simon", 7),
    ("Laurent", 7), ("Lefèvre", 6), ("Michel", 6), ("Garcia", 6), ("Roux", 5), ("Fournier", 5),
    ("Girard", 5), ("Bonnet", 5), ("Dupont", 5), ("Lambert", 5), ("Fontaine", 4),
    ("Rousseau", 4), ("Vincent", 4), ("Muller", 4), ("Lefebvre", 4), ("Faure", 4),
    ("André", 4), ("Mercier", 4), ("Blanc", 4),
];

/// The commonest full names: several distinct people share each one in the same city.
static COMMON_FULL_NAMES: &[(&str, &str, &str)] = &[
    ("María", "García", "López"),
    ("José", "García", "García"),
    ("Antonio", "Fernández", "García"),
    ("María Carmen", "Martínez", "Sánchez"),
    ("David", "López", "Martínez"),
    ("Juan", "Rodríguez", "González"),
    ("Manuel", "González", "Rodríguez"),
    ("Laura", "Pérez", "Gómez"),
    ("Javier", "Martín", "Fernández"),
    ("Carmen", "Sánchez", "Pérez"),
    ("Francisco", "Gómez", "Martín"),
    ("Ana", "López", "García"),
];

/// Words people build e-mail addresses and usernames from when not from their name.
#[rustfmt::skip]
static HANDLE_WORDS: &[&str] = &[
    "lamorena", "solete", "pitufa", "elrubio", "chiqui", "peque", "luna", "estrella", "tigre",
    "dragon", "cielo", "gatita", "rayo", "pirata", "princesa", "lobito", "chollos", "ofertas",
    "compras", "playa", "viajero", "zapatero", "alpargata", "vintage", "culer", "madridista",
];

// ───────────────────────────── Places ─────────────────────────────

/// A street type: its full word, the abbreviations people write, and whether the number leads.
struct Kind {
    full: &'static str,
    short: &'static [&'static str],
    number_first: bool,
}

const fn kind(full: &'static str, short: &'static [&'static str]) -> Kind {
    Kind {
        full,
        short,
        number_first: false,
    }
}

const CALLE: Kind = kind("Calle", &["C/", "C/", "c/", "Cl.", "C."]);
const AVENIDA: Kind = kind("Avenida", &["Avda.", "Av.", "Avda", "Avd."]);
const PASEO: Kind = kind("Paseo", &["Pº", "P.º", "Pso.", "Pº."]);
const PLAZA: Kind = kind("Plaza", &["Pza.", "Pl.", "Plza.", "Pza"]);
const RONDA: Kind = kind("Ronda", &["Rda.", "Ronda"]);
const CAMINO: Kind = kind("Camino", &["Cno.", "Cmno."]);
const CARRER: Kind = kind("Carrer", &["C/", "c/", "Calle", "Cr."]);
const AVINGUDA: Kind = kind("Avinguda", &["Av.", "Avda.", "Avgda.", "Avenida"]);
const PASSEIG: Kind = kind("Passeig", &["Pg.", "Pº", "Paseo"]);
const PLACA: Kind = kind("Plaça", &["Pl.", "Plaza", "Pça."]);
const NO_KIND: Kind = kind("", &[]);
const RUA: Kind = kind("Rua", &["R.", "Rua"]);
const AVENIDA_PT: Kind = kind("Avenida", &["Av.", "Avda."]);
const TRAVESSA: Kind = kind("Travessa", &["Tv.", "Trav."]);
const RUE: Kind = Kind {
    full: "rue",
    short: &["r.", "Rue"],
    number_first: true,
};
const AVENUE: Kind = Kind {
    full: "avenue",
    short: &["av.", "Av."],
    number_first: true,
};
const BOULEVARD: Kind = Kind {
    full: "boulevard",
    short: &["bd", "Bd"],
    number_first: true,
};
const PLACE: Kind = Kind {
    full: "place",
    short: &["pl.", "Place"],
    number_first: true,
};

type Street = (&'static Kind, &'static str);

#[rustfmt::skip]
const MADRID_STREETS: &[Street] = &[
    (&CALLE, "Mayor"), (&CALLE, "de Alcalá"), (&NO_KIND, "Gran Vía"),
    (&PASEO, "de la Castellana"), (&CALLE, "de Serrano"), (&CALLE, "de Velázquez"),
    (&AVENIDA, "de América"), (&CALLE, "de Bravo Murillo"), (&CALLE, "de Atocha"),
    (&CALLE, "de Toledo"), (&CALLE, "de Goya"), (&CALLE, "de Fuencarral"),
    (&CALLE, "de la Princesa"), (&PLAZA, "de España"), (&CALLE, "de Embajadores"),
    (&AVENIDA, "de la Albufera"), (&CALLE, "de Arturo Soria"), (&CALLE, "de López de Hoyos"),
    (&PASEO, "de las Delicias"), (&CALLE, "de Francisco Silvela"), (&RONDA, "de Segovia"),
    (&CAMINO, "de Vinateros"), (&CALLE, "de Ríos Rosas"), (&CALLE, "del General Ricardos"),
    (&AVENIDA, "de los Poblados"), (&CALLE, "de Hortaleza"), (&CALLE, "de O'Donnell"),
    (&PASEO, "de Extremadura"),
];

#[rustfmt::skip]
const BARCELONA_STREETS: &[Street] = &[
    (&CARRER, "de Balmes"), (&AVINGUDA, "Diagonal"), (&PASSEIG, "de Gràcia"),
    (&CARRER, "de Mallorca"), (&CARRER, "d'Aragó"), (&CARRER, "de València"),
    (&NO_KIND, "Gran Via de les Corts Catalanes"), (&CARRER, "de Sants"),
    (&RONDA, "de Sant Antoni"), (&CARRER, "de Muntaner"), (&CARRER, "del Consell de Cent"),
    (&CARRER, "de Provença"), (&PASSEIG, "de Sant Joan"), (&AVINGUDA, "Meridiana"),
    (&CARRER, "de Pujades"), (&CARRER, "Gran de Gràcia"), (&CARRER, "de Còrsega"),
    (&CARRER, "de Sardenya"), (&CARRER, "de la Marina"), (&PLACA, "de Catalunya"),
    (&CARRER, "d'Enric Granados"), (&AVINGUDA, "de Madrid"),
];

#[rustfmt::skip]
const VALENCIA_STREETS: &[Street] = &[
    (&AVENIDA, "del Puerto"), (&CALLE, "de Colón"), (&NO_KIND, "Gran Vía del Marqués del Turia"),
    (&AVENIDA, "de Blasco Ibáñez"), (&CALLE, "de Cuba"), (&CALLE, "de Sueca"),
    (&AVENIDA, "del Cid"), (&CALLE, "de San Vicente Mártir"), (&AVENIDA, "de Aragón"),
    (&CALLE, "de Xàtiva"),
];

#[rustfmt::skip]
const SEVILLA_STREETS: &[Street] = &[
    (&CALLE, "Sierpes"), (&AVENIDA, "de la Constitución"), (&CALLE, "Betis"),
    (&AVENIDA, "de la Buhaira"), (&CALLE, "Feria"), (&CALLE, "Asunción"),
    (&AVENIDA, "de Eduardo Dato"), (&CALLE, "San Jacinto"), (&RONDA, "de Triana"),
    (&AVENIDA, "de la República Argentina"),
];

#[rustfmt::skip]
const ZARAGOZA_STREETS: &[Street] = &[
    (&PASEO, "de la Independencia"), (&CALLE, "de Alfonso I"), (&AVENIDA, "de César Augusto"),
    (&CALLE, "del Coso"), (&AVENIDA, "de Madrid"), (&CALLE, "de Delicias"),
    (&PASEO, "de Sagasta"), (&AVENIDA, "de las Torres"),
];

#[rustfmt::skip]
const BILBAO_STREETS: &[Street] = &[
    (&NO_KIND, "Gran Vía de Don Diego López de Haro"), (&CALLE, "de Ercilla"),
    (&NO_KIND, "Alameda de Urquijo"), (&CALLE, "Licenciado Poza"), (&CALLE, "de Iparraguirre"),
    (&CALLE, "de Autonomía"), (&CALLE, "de Rodríguez Arias"), (&PLAZA, "de Moyúa"),
    (&CALLE, "de Santutxu"),
];

#[rustfmt::skip]
const MALAGA_STREETS: &[Street] = &[
    (&CALLE, "Marqués de Larios"), (&AVENIDA, "de Andalucía"), (&PASEO, "del Parque"),
    (&CALLE, "Carretería"), (&AVENIDA, "de Velázquez"), (&CALLE, "Cuarteles"),
    (&PASEO, "Marítimo Ciudad de Melilla"), (&CALLE, "Armengual de la Mota"),
];

#[rustfmt::skip]
const TOWN_STREETS: &[Street] = &[
    (&CALLE, "Mayor"), (&CALLE, "Real"), (&AVENIDA, "de la Constitución"), (&PLAZA, "Mayor"),
    (&CALLE, "Nueva"), (&CALLE, "de San Juan"), (&AVENIDA, "de Andalucía"),
    (&CALLE, "de la Iglesia"), (&CALLE, "del Carmen"), (&CALLE, "de Cervantes"),
    (&AVENIDA, "de la Libertad"), (&CALLE, "del Sol"), (&CAMINO, "Viejo"), (&RONDA, "Norte"),
    (&CALLE, "de Ramón y Cajal"), (&CALLE, "de Severo Ochoa"), (&AVENIDA, "de Juan Carlos I"),
    (&CALLE, "de Colón"), (&PASEO, "de la Estación"), (&CALLE, "de Antonio Machado"),
    (&CALLE, "de Federico García Lorca"), (&AVENIDA, "de Europa"),
];

#[rustfmt::skip]
const CATALAN_TOWN_STREETS: &[Street] = &[
    (&CARRER, "Major"), (&CARRER, "de Sant Pere"), (&NO_KIND, "Rambla"),
    (&AVINGUDA, "de Catalunya"), (&PLACA, "Major"), (&CARRER, "de la Creu"), (&CARRER, "Nou"),
    (&PASSEIG, "de la Riera"), (&CARRER, "de Sant Josep"), (&AVINGUDA, "de Barcelona"),
    (&CARRER, "de Mossèn Jacint Verdaguer"), (&RONDA, "de Ponent"),
];

#[rustfmt::skip]
const PT_STREETS: &[Street] = &[
    (&RUA, "Augusta"), (&AVENIDA_PT, "da Liberdade"), (&RUA, "de Santa Catarina"),
    (&RUA, "do Ouro"), (&AVENIDA_PT, "da República"), (&TRAVESSA, "do Carmo"),
    (&RUA, "de Cedofeita"), (&AVENIDA_PT, "dos Aliados"), (&RUA, "Garrett"), (&RUA, "das Flores"),
];

#[rustfmt::skip]
const FR_STREETS: &[Street] = &[
    (&RUE, "de Rivoli"), (&AVENUE, "Jean Jaurès"), (&BOULEVARD, "Voltaire"),
    (&RUE, "de la République"), (&RUE, "Victor Hugo"), (&PLACE, "de la Mairie"),
    (&AVENUE, "de la Gare"), (&RUE, "du Général Leclerc"), (&BOULEVARD, "Gambetta"),
    (&RUE, "Pasteur"),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Country {
    Es,
    Pt,
    Fr,
}

impl Country {
    fn code(self) -> &'static str {
        match self {
            Country::Es => "ES",
            Country::Pt => "PT",
            Country::Fr => "FR",
        }
    }
}

/// Which regional names a place adds to the Spanish ones.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Region {
    Castilian,
    Catalan,
    Basque,
    Galician,
    Portuguese,
    French,
}

struct City {
    name: &'static str,
    /// The other official or older spelling ("Gerona", "Donostia"), or "".
    alt: &'static str,
    country: Country,
    region: Region,
    weight: u32,
    /// Inclusive range; Portuguese ones are 7 digits, shown as "1100-148".
    postcodes: (u32, u32),
    /// Landline area code without the trunk 0.
    area: &'static str,
    streets: &'static [Street],
    /// Near one of the stores, so store visits are common.
    metro: bool,
}

#[allow(clippy::too_many_arguments)]
const fn city(
    name: &'static str,
    alt: &'static str,
    country: Country,
    region: Region,
    weight: u32,
    postcodes: (u32, u32),
    area: &'static str,
    streets: &'static [Street],
    metro: bool,
) -> City {
    City {
        name,
        alt,
        country,
        region,
        weight,
        postcodes,
        area,
        streets,
        metro,
    }
}

use Country::{Es, Fr, Pt};
use Region::{Basque, Castilian, Catalan, French, Galician, Portuguese};

const MADRID: usize = 0;
const BARCELONA: usize = 1;
const VALENCIA: usize = 2;

/// Weights are per mille of the Spanish (or of the foreign) customers.
#[rustfmt::skip]
static CITIES: &[City] = &[
    city("Madrid", "", Es, Castilian, 200, (28001, 28055), "91", MADRID_STREETS, true),
    city("Barcelona", "", Es, Catalan, 120, (8001, 8042), "93", BARCELONA_STREETS, true),
    city("Valencia", "València", Es, Castilian, 50, (46001, 46025), "96", VALENCIA_STREETS, false),
    city("Sevilla", "", Es, Castilian, 40, (41001, 41020), "95", SEVILLA_STREETS, false),
    city("Zaragoza", "", Es, Castilian, 30, (50001, 50021), "976", ZARAGOZA_STREETS, false),
    city("Málaga", "", Es, Castilian, 30, (29001, 29018), "95", MALAGA_STREETS, false),
    city("Bilbao", "Bilbo", Es, Basque, 20, (48001, 48015), "94", BILBAO_STREETS, false),
    city("Alcalá de Henares", "", Es, Castilian, 15, (28801, 28807), "91", TOWN_STREETS, true),
    city("Getafe", "", Es, Castilian, 12, (28901, 28909), "91", TOWN_STREETS, true),
    city("Móstoles", "", Es, Castilian, 12, (28931, 28938), "91", TOWN_STREETS, true),
    city("Alcobendas", "", Es, Castilian, 8, (28100, 28109), "91", TOWN_STREETS, true),
    city("Pozuelo de Alarcón", "Pozuelo", Es, Castilian, 6, (28223, 28224), "91", TOWN_STREETS, true),
    city("L'Hospitalet de Llobregat", "Hospitalet de Llobregat", Es, Catalan, 15, (8901, 8908), "93", CATALAN_TOWN_STREETS, true),
    city("Badalona", "", Es, Catalan, 12, (8911, 8918), "93", CATALAN_TOWN_STREETS, true),
    city("Sabadell", "", Es, Catalan, 12, (8201, 8208), "93", CATALAN_TOWN_STREETS, true),
    city("Terrassa", "Tarrasa", Es, Catalan, 12, (8221, 8228), "93", CATALAN_TOWN_STREETS, true),
    city("Sant Cugat del Vallès", "San Cugat del Vallés", Es, Catalan, 6, (8172, 8174), "93", CATALAN_TOWN_STREETS, true),
    city("Castelldefels", "", Es, Catalan, 4, (8860, 8860), "93", CATALAN_TOWN_STREETS, true),
    city("Girona", "Gerona", Es, Catalan, 10, (17001, 17007), "972", CATALAN_TOWN_STREETS, false),
    city("Tarragona", "", Es, Catalan, 10, (43001, 43008), "977", CATALAN_TOWN_STREETS, false),
    city("Lleida", "Lérida", Es, Catalan, 8, (25001, 25008), "973", CATALAN_TOWN_STREETS, false),
    city("Granada", "", Es, Castilian, 15, (18001, 18015), "958", TOWN_STREETS, false),
    city("Córdoba", "", Es, Castilian, 15, (14001, 14014), "957", TOWN_STREETS, false),
    city("Alicante", "Alacant", Es, Castilian, 20, (3001, 3016), "96", TOWN_STREETS, false),
    city("Murcia", "", Es, Castilian, 20, (30001, 30012), "968", TOWN_STREETS, false),
    city("Valladolid", "", Es, Castilian, 15, (47001, 47016), "983", TOWN_STREETS, false),
    city("Vigo", "", Es, Galician, 15, (36201, 36216), "986", TOWN_STREETS, false),
    city("A Coruña", "La Coruña", Es, Galician, 15, (15001, 15011), "981", TOWN_STREETS, false),
    city("Pamplona", "Iruña", Es, Basque, 12, (31001, 31016), "948", TOWN_STREETS, false),
    city("San Sebastián", "Donostia", Es, Basque, 12, (20001, 20018), "943", TOWN_STREETS, false),
    city("Vitoria-Gasteiz", "Vitoria", Es, Basque, 8, (1001, 1015), "945", TOWN_STREETS, false),
    city("Palma", "Palma de Mallorca", Es, Catalan, 20, (7001, 7015), "971", TOWN_STREETS, false),
    city("Santander", "", Es, Castilian, 10, (39001, 39012), "942", TOWN_STREETS, false),
    city("Oviedo", "Uviéu", Es, Castilian, 12, (33001, 33013), "985", TOWN_STREETS, false),
    city("Salamanca", "", Es, Castilian, 8, (37001, 37008), "923", TOWN_STREETS, false),
    city("Cádiz", "", Es, Castilian, 8, (11001, 11012), "956", TOWN_STREETS, false),
    city("Lisboa", "Lisbon", Pt, Portuguese, 55, (1_000_001, 1_990_999), "21", PT_STREETS, false),
    city("Porto", "Oporto", Pt, Portuguese, 35, (4_000_001, 4_369_999), "22", PT_STREETS, false),
    city("Braga", "", Pt, Portuguese, 10, (4_700_001, 4_719_999), "253", PT_STREETS, false),
    city("Paris", "", Fr, French, 35, (75001, 75020), "1", FR_STREETS, false),
    city("Lyon", "", Fr, French, 12, (69001, 69009), "4", FR_STREETS, false),
    city("Toulouse", "", Fr, French, 15, (31000, 31500), "5", FR_STREETS, false),
    city("Bordeaux", "", Fr, French, 12, (33000, 33800), "5", FR_STREETS, false),
    city("Perpignan", "", Fr, French, 15, (66000, 66100), "4", FR_STREETS, false),
    city("Biarritz", "", Fr, French, 8, (64200, 64200), "5", FR_STREETS, false),
];

#[rustfmt::skip]
static ES_DOMAINS: &[(&str, u32)] = &[
    ("gmail.com", 40), ("hotmail.com", 12), ("hotmail.es", 10), ("yahoo.es", 7),
    ("outlook.es", 7), ("icloud.com", 6), ("telefonica.net", 4), ("outlook.com", 3),
    ("live.com", 3), ("yahoo.com", 2), ("ono.com", 2), ("msn.com", 1), ("gmx.es", 1),
    ("terra.es", 1),
];
#[rustfmt::skip]
static PT_DOMAINS: &[(&str, u32)] = &[
    ("gmail.com", 40), ("sapo.pt", 20), ("hotmail.com", 15), ("outlook.pt", 8),
    ("outlook.com", 7), ("yahoo.com", 5), ("iol.pt", 5),
];
#[rustfmt::skip]
static FR_DOMAINS: &[(&str, u32)] = &[
    ("gmail.com", 35), ("orange.fr", 20), ("free.fr", 12), ("hotmail.fr", 10), ("yahoo.fr", 8),
    ("laposte.net", 6), ("sfr.fr", 5), ("outlook.fr", 4),
];
/// Work and school addresses: a second e-mail is often one of these.
#[rustfmt::skip]
static WORK_DOMAINS: &[&str] = &[
    "acme-logistica.es", "talleres-norte.es", "gestoria-centro.es", "construcciones-iberia.com",
    "clinica-sonrisa.es", "inmobiliaria-sol.es", "alumnos.upm.es", "estudiants.ub.edu",
    "madrid.org", "educa.jcyl.es", "seguros-levante.es", "bufete-abogados.com",
];

// ───────────────────────────── Phones ─────────────────────────────

/// How a number is written: a prefix (country code or nothing), the trunk 0, digit groups.
#[derive(Clone, Copy)]
struct PhoneStyle {
    prefix: &'static str,
    trunk: bool,
    groups: &'static [usize],
    sep: &'static str,
}

const fn ps(
    prefix: &'static str,
    trunk: bool,
    groups: &'static [usize],
    sep: &'static str,
) -> PhoneStyle {
    PhoneStyle {
        prefix,
        trunk,
        groups,
        sep,
    }
}

#[rustfmt::skip]
static ES_PHONES: &[(PhoneStyle, u32)] = &[
    (ps("", false, &[], ""), 26),                  // 612345678
    (ps("+34 ", false, &[3, 2, 2, 2], " "), 12),   // +34 612 34 56 78
    (ps("+34", false, &[], ""), 14),               // +34612345678
    (ps("0034", false, &[], ""), 6),               // 0034612345678
    (ps("", false, &[3, 3, 3], " "), 12),          // 612 345 678
    (ps("(+34) ", false, &[], ""), 4),             // (+34) 612345678
    (ps("", false, &[3, 2, 2, 2], "-"), 4),        // 612-34-56-78
    (ps("", false, &[3, 2, 2, 2], " "), 10),       // 612 34 56 78
    (ps("34", false, &[], ""), 4),                 // 34612345678
    (ps("+34 ", false, &[], ""), 8),               // +34 612345678
];

#[rustfmt::skip]
static PT_PHONES: &[(PhoneStyle, u32)] = &[
    (ps("", false, &[], ""), 35),
    (ps("+351 ", false, &[3, 3, 3], " "), 20),
    (ps("+351", false, &[], ""), 20),
    (ps("00351", false, &[], ""), 5),
    (ps("", false, &[3, 3, 3], " "), 15),
    (ps("+351 ", false, &[], ""), 5),
];

#[rustfmt::skip]
static FR_PHONES: &[(PhoneStyle, u32)] = &[
    (ps("", true, &[], ""), 25),                       // 0612345678
    (ps("", true, &[2, 2, 2, 2, 2], " "), 30),         // 06 12 34 56 78
    (ps("+33 ", false, &[1, 2, 2, 2, 2], " "), 15),    // +33 6 12 34 56 78
    (ps("+33", false, &[], ""), 15),                   // +33612345678
    (ps("0033", false, &[], ""), 5),                   // 0033612345678
    (ps("", true, &[2, 2, 2, 2, 2], "."), 10),         // 06.12.34.56.78
];

/// A 9-digit national number (no trunk 0) written in one of the country's styles.
fn format_phone(rng: &mut Rng, country: Country, n: u64) -> String {
    let styles = match country {
        Es => ES_PHONES,
        Pt => PT_PHONES,
        Fr => FR_PHONES,
    };
    let style = rng.pick_weighted(styles);
    let mut digits = [b'0'; 10];
    let start = usize::from(style.trunk);
    let mut rest = n;
    for d in digits[start..start + 9].iter_mut().rev() {
        *d = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let mut out = String::with_capacity(20);
    out.push_str(style.prefix);
    push_grouped(&mut out, &digits[..start + 9], style.groups, style.sep);
    out
}

fn push_grouped(out: &mut String, digits: &[u8], groups: &[usize], sep: &str) {
    let mut at = 0;
    for (i, &g) in groups.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.extend(digits[at..at + g].iter().map(|&d| d as char));
        at += g;
    }
    out.extend(digits[at..].iter().map(|&d| d as char));
}

/// Two neighbouring digits swapped, as a hurried clerk types them.
fn swap_digits(rng: &mut Rng, n: u64) -> u64 {
    let i = 2 + rng.below(7) as u32; // keep the leading digit: it makes the number a mobile
    let p = 10u64.pow(8 - i);
    let (a, b) = ((n / (p * 10)) % 10, (n / p) % 10);
    n - a * p * 10 - b * p + b * p * 10 + a * p
}

// ───────────────────────────── Text helpers ─────────────────────────────

/// The character without its accent (ñ → n as well: that is what accentless keyboards do).
fn fold_char(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'Ñ' => 'N',
        'Ç' => 'C',
        _ => c,
    }
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Lowercase ASCII letters and digits of `s` (what survives into an e-mail or username).
fn push_token(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .map(|c| fold_char(c).to_ascii_lowercase())
            .filter(char::is_ascii_alphanumeric),
    );
}

/// One typo: two letters swapped, one dropped, or one doubled. The first letter is kept,
/// as people rarely get that wrong.
fn typo(rng: &mut Rng, s: &mut String) {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 4 {
        return;
    }
    for _ in 0..4 {
        let i = 1 + rng.below(chars.len() - 2);
        if !(chars[i].is_alphabetic() && chars[i + 1].is_alphabetic()) {
            continue;
        }
        match rng.below(3) {
            0 => chars.swap(i, i + 1),
            1 => {
                chars.remove(i);
            }
            _ => chars.insert(i, chars[i]),
        }
        *s = chars.into_iter().collect();
        return;
    }
}

/// "José María" → "J. M.", "J.M.", "José Mª", "F. Javier"…
fn initials(rng: &mut Rng, given: &str) -> String {
    if let Some((a, b)) = given.split_once(' ')
        && rng.chance(0.5)
    {
        if given.contains("María") {
            return given.replacen("María", rng.pick(&["Mª", "Mª", "M.", "Ma."]), 1);
        }
        let (a0, b0) = (first_char(a), first_char(b));
        return if rng.chance(0.5) {
            format!("{a} {b0}.")
        } else {
            format!("{a0}. {b}")
        };
    }
    let tight = rng.chance(0.3);
    let mut out = String::with_capacity(8);
    for (i, word) in given.split([' ', '-']).enumerate() {
        if i > 0 && !tight {
            out.push(' ');
        }
        out.push(first_char(word));
        out.push('.');
    }
    out
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// "de la Castellana" → "Castellana": people drop the particle as often as not.
fn drop_particle(name: &str) -> &str {
    const PARTICLES: [&str; 14] = [
        "de la ", "de las ", "de los ", "de les ", "de l'", "dels ", "del ", "de ", "d'", "da ",
        "das ", "dos ", "do ", "du ",
    ];
    PARTICLES
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
}

fn push_random(rng: &mut Rng, out: &mut String, n: usize, alphabet: &[u8]) {
    for _ in 0..n {
        out.push(rng.pick(alphabet) as char);
    }
}

const UPPER_ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER_ALNUM: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const HEX: &[u8] = b"0123456789abcdef";

// ───────────────────────────── E-mail ─────────────────────────────

/// The name pieces e-mail addresses and usernames are made of, reused to save allocations.
#[derive(Default)]
struct Tokens {
    first: String,
    full: String,
    initial: char,
    s1: String,
    s2: String,
    nick: String,
    year: u16,
}

impl Tokens {
    fn fill(&mut self, rng: &mut Rng, n: &Names, year: u16) {
        for s in [
            &mut self.first,
            &mut self.full,
            &mut self.s1,
            &mut self.s2,
            &mut self.nick,
        ] {
            s.clear();
        }
        push_token(
            &mut self.first,
            n.given.split([' ', '-']).next().unwrap_or(""),
        );
        push_token(&mut self.full, n.given);
        self.initial = first_char(&self.first);
        push_token(&mut self.s1, n.sur1);
        push_token(&mut self.s2, n.sur2);
        if !n.nicks.is_empty() {
            push_token(&mut self.nick, rng.pick(n.nicks));
        }
        self.year = year;
    }

    /// The given-name token: compound names are written whole or by their first word.
    fn given(&self, rng: &mut Rng) -> &str {
        if rng.chance(0.3) {
            &self.full
        } else {
            &self.first
        }
    }
}

fn join(out: &mut String, parts: &[&str], sep: &str) {
    for (i, p) in parts.iter().filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
}

/// The numbers people add to handles: birth year, its last two digits, or anything.
fn push_digits(rng: &mut Rng, year: u16, out: &mut String) {
    let _ = match rng.below(4) {
        0 => write!(out, "{:02}", year % 100),
        1 => write!(out, "{year}"),
        2 => write!(out, "{}", rng.between(1, 99)),
        _ => write!(out, "{}", rng.between(100, 9999)),
    };
}

fn email_local(rng: &mut Rng, t: &Tokens, out: &mut String) {
    let sep = rng.pick_weighted(&[(".", 45), ("", 35), ("_", 15), ("-", 5)]);
    let g = t.given(rng);
    match rng.below(100) {
        0..=29 => join(out, &[g, &t.s1], sep),
        30..=39 => join(out, &[g, &t.s1, &t.s2], sep),
        40..=54 => {
            join(out, &[g, &t.s1], sep);
            push_digits(rng, t.year, out);
        }
        55..=66 => {
            out.push(t.initial);
            out.push_str(&t.s1);
        }
        67..=71 => {
            out.push(t.initial);
            out.push_str(&t.s1);
            out.extend(t.s2.chars().next());
        }
        72..=79 => {
            out.push_str(g);
            push_digits(rng, t.year, out);
        }
        80..=84 => join(out, &[&t.s1, g], sep),
        85..=89 if !t.nick.is_empty() => join(out, &[&t.nick, &t.s1], sep),
        _ => {
            out.push_str(rng.pick(HANDLE_WORDS));
            push_digits(rng, t.year, out);
        }
    }
}

fn ebay_handle(rng: &mut Rng, t: &Tokens, out: &mut String) {
    let g = t.given(rng);
    let _ = match rng.below(100) {
        0..=29 => {
            out.push_str(rng.pick(HANDLE_WORDS));
            out.push_str(rng.pick(&["", "_", "-"]));
            push_digits(rng, t.year, out);
            Ok(())
        }
        30..=44 => write!(out, "{g}{}{:02}", t.s1, t.year % 100),
        45..=59 => write!(out, "{}{}{}", t.initial, t.s1, t.year),
        60..=72 => write!(out, "{g}_{}", t.s1),
        73..=82 => write!(out, "{}{g}{}", t.s1, rng.between(1, 99)),
        83..=91 => {
            join(out, &[g, &t.s1, &t.s2], ".");
            Ok(())
        }
        _ if !t.nick.is_empty() => write!(out, "{}_{}{:02}", t.nick, t.s1, t.year % 100),
        _ => write!(out, "{g}{}{:02}", t.s1, t.year % 100),
    };
}

/// Identity of a mailbox: case-insensitive, and Gmail ignores dots, +tags and googlemail.
fn email_key(email: &str) -> u64 {
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    let local = local.split('+').next().unwrap_or(local);
    let gmail =
        domain.eq_ignore_ascii_case("gmail.com") || domain.eq_ignore_ascii_case("googlemail.com");
    let local_bytes = local.bytes().filter(|&b| !(gmail && b == b'.'));
    let h = fnv(FNV_START, local_bytes.map(|b| b.to_ascii_lowercase()));
    let domain = if gmail { "gmail.com" } else { domain };
    fnv(
        h,
        std::iter::once(b'@').chain(domain.bytes().map(|b| b.to_ascii_lowercase())),
    )
}

/// The same mailbox written another way: case, Gmail dots, +tag, googlemail.com.
fn email_variant(rng: &mut Rng, email: &str) -> String {
    let Some((local, domain)) = email.split_once('@') else {
        return email.to_string();
    };
    let gmail = domain == "gmail.com";
    let plus_ok = gmail
        || domain.starts_with("outlook")
        || domain.starts_with("hotmail")
        || domain == "icloud.com";
    match rng.below(if gmail { 6 } else { 3 }) {
        0 => capitalised(local, domain),
        1 => email.to_uppercase(),
        2 if plus_ok => {
            let tag = rng.pick(&["tienda", "compras", "shop", "alpargatas", "web", "promo"]);
            format!("{local}+{tag}@{domain}")
        }
        2 => capitalised(local, domain),
        3 => format!("{}@{domain}", local.replace('.', "")),
        4 => {
            let mut out = local.replace('.', "");
            let at = 1 + rng.below(out.len().saturating_sub(1).max(1));
            out.insert(at.min(out.len()), '.');
            format!("{out}@{domain}")
        }
        _ => format!("{local}@googlemail.com"),
    }
}

/// "maria.garcia@gmail.com" → "Maria.Garcia@gmail.com".
fn capitalised(local: &str, domain: &str) -> String {
    let mut out = String::with_capacity(local.len() + domain.len() + 1);
    let mut up = true;
    for c in local.chars() {
        out.push(if up { c.to_ascii_uppercase() } else { c });
        up = !c.is_ascii_alphanumeric();
    }
    out.push('@');
    out.push_str(domain);
    out
}

/// A misspelt domain, or two letters swapped in the local part.
fn email_typo(rng: &mut Rng, email: &str) -> String {
    let Some((local, domain)) = email.split_once('@') else {
        return email.to_string();
    };
    let bad: &[&str] = match domain {
        "gmail.com" => &["gmial.com", "gmail.es", "gmai.com", "gmail.con", "gmal.com"],
        "hotmail.com" => &["hotmail.con", "hotmial.com", "hotmail.es", "hotmal.com"],
        "hotmail.es" => &["hotmail.com", "hotmial.es", "hotmal.es"],
        "yahoo.es" => &["yaho.es", "yahoo.com"],
        "outlook.es" => &["outlok.es", "outlook.com"],
        _ => &[],
    };
    if !bad.is_empty() {
        return format!("{local}@{}", rng.pick(bad));
    }
    let mut local = local.to_string();
    typo(rng, &mut local);
    format!("{local}@{domain}")
}

// ───────────────────────────── People ─────────────────────────────

#[derive(Clone, Copy)]
struct Names {
    given: &'static str,
    nicks: &'static [&'static str],
    sur1: &'static str,
    /// Empty for the French, who have one surname.
    sur2: &'static str,
}

/// Where a person lives, as indices and numbers; turned into text per record.
#[derive(Clone, Copy)]
struct Addr {
    city: u16,
    street: u16,
    number: u16,
    /// 0 = no flat (a house), 1 = ground floor, n = floor n − 1.
    floor: u8,
    /// 0..=3 letter A–D (or 1ª–4ª), 4 izquierda, 5 derecha.
    door: u8,
    postcode: u32,
}

struct Person {
    id: u32,
    names: Names,
    birth_year: u16,
    home: Addr,
    old_home: Option<Addr>,
    mobile: u64,
    old_mobile: Option<u64>,
    landline: Option<u64>,
    email: String,
    alt_email: Option<String>,
}

impl Person {
    fn country(&self) -> Country {
        CITIES[usize::from(self.home.city)].country
    }
}

fn nicknames_of(given: &str) -> &'static [&'static str] {
    SPANISH_GIVEN
        .iter()
        .find(|g| g.0 == given)
        .map(|g| g.2)
        .unwrap_or(&[])
}

// ───────────────────────────── Generator ─────────────────────────────

struct NameTable {
    given: &'static [Given],
    given_cum: Vec<u32>,
    surnames: &'static [Surname],
    surname_cum: Vec<u32>,
}

impl NameTable {
    fn new(given: &'static [Given], surnames: &'static [Surname]) -> Self {
        NameTable {
            given,
            given_cum: cumulative(given.iter().map(|g| g.1)),
            surnames,
            surname_cum: cumulative(surnames.iter().map(|s| s.1)),
        }
    }
}

/// Cumulative weights, built once per `generate`.
struct Tables {
    spanish: NameTable,
    catalan: NameTable,
    basque: NameTable,
    galician: NameTable,
    portuguese: NameTable,
    french: NameTable,
    spanish_cities: Vec<u32>,
    foreign_cities: Vec<u32>,
}

impl Tables {
    fn new() -> Self {
        let by_country = |foreign: bool| {
            cumulative(CITIES.iter().map(|c| {
                if (c.country != Es) == foreign {
                    c.weight
                } else {
                    0
                }
            }))
        };
        Tables {
            spanish: NameTable::new(SPANISH_GIVEN, SPANISH_SURNAMES),
            catalan: NameTable::new(CATALAN_GIVEN, CATALAN_SURNAMES),
            basque: NameTable::new(BASQUE_GIVEN, BASQUE_SURNAMES),
            galician: NameTable::new(GALICIAN_GIVEN, GALICIAN_SURNAMES),
            portuguese: NameTable::new(PORTUGUESE_GIVEN, PORTUGUESE_SURNAMES),
            french: NameTable::new(FRENCH_GIVEN, FRENCH_SURNAMES),
            spanish_cities: by_country(false),
            foreign_cities: by_country(true),
        }
    }

    /// The regional table and how often it replaces the Spanish one (given, surname).
    fn regional(&self, region: Region) -> (&NameTable, f64, f64) {
        match region {
            Castilian => (&self.spanish, 0.0, 0.0),
            Catalan => (&self.catalan, 0.40, 0.35),
            Basque => (&self.basque, 0.30, 0.35),
            Galician => (&self.galician, 0.10, 0.35),
            Portuguese => (&self.portuguese, 1.0, 1.0),
            French => (&self.french, 1.0, 1.0),
        }
    }
}

/// Per-channel probabilities of the name errors.
struct Style {
    nickname: f64,
    initials: f64,
    one_surname: f64,
    typo: f64,
    accents: f64,
    lower: f64,
    upper: f64,
    inverted: f64,
}

impl Style {
    /// People type their own name carefully-ish into a web form.
    fn web(r: &Rates) -> Self {
        Style {
            nickname: r.nickname / 4.0,
            initials: r.initials / 4.0,
            one_surname: r.one_surname / 2.0,
            upper: r.uppercase / 2.0,
            ..Style::marketplace(r)
        }
    }

    fn marketplace(r: &Rates) -> Self {
        Style {
            nickname: r.nickname,
            initials: r.initials,
            one_surname: r.one_surname,
            typo: r.typo,
            accents: r.accent_loss,
            lower: r.lowercase,
            upper: r.uppercase,
            inverted: 0.0,
        }
    }

    /// A clerk types the name, often surname first and in capitals.
    fn store(r: &Rates) -> Self {
        Style {
            upper: r.store_upper,
            inverted: r.store_inverted,
            ..Style::marketplace(r)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Channel {
    Web,
    Amazon,
    Ebay,
    Store,
}

/// Records per person: 1–5, weighted 55/25/12/5/3.
const RECORD_COUNTS: [(usize, u32); 5] = [(1, 55), (2, 25), (3, 12), (4, 5), (5, 3)];
/// Most accounts a person holds per channel: two web accounts, one loyalty card in two stores.
const CHANNEL_CAP: [usize; 4] = [2, 1, 1, 2];

struct Maker<'a> {
    rng: Rng,
    rates: &'a Rates,
    t: Tables,
    web: Style,
    market: Style,
    store: Style,
    emails: FastSet,
    /// Phone numbers are below 10^9, so u32 keys: half the memory, fewer cache misses.
    phones: HashSet<u32, BuildHasherDefault<MixHasher>>,
    handles: FastSet,
    tok: Tokens,
    web_accounts: u64,
    id_bits: u32,
    id_key: u64,
    out: Vec<RawRecord>,
}

/// `persons` people, each with 1–5 records; deterministic for a given seed.
pub fn generate(persons: usize, seed: u64, rates: &Rates) -> Vec<RawRecord> {
    let mut m = Maker::new(persons, seed, rates);
    // Households of 2 or 3 (mean 2.35) start at the rate that puts `household_rate` of persons in one.
    let h = rates.household_rate.clamp(0.0, 1.0);
    let start = h / (2.35 - h * 1.35);
    let mut id = 0;
    while id < persons {
        let size = if m.rng.chance(start) {
            if m.rng.chance(0.65) { 2 } else { 3 }
        } else {
            1
        };
        let size = size.min(persons - id);
        m.household(id as u32, size);
        id += size;
    }
    m.shuffle();
    m.out
}

impl<'a> Maker<'a> {
    fn new(persons: usize, seed: u64, rates: &'a Rates) -> Self {
        let mut rng = Rng::new(seed);
        let id_key = rng.next_u64();
        // Room for two web accounts per person, so scrambled ids never collide.
        let id_bits = (64 - (persons as u64 * 2 + 1).leading_zeros()).max(17);
        Maker {
            rng,
            rates,
            t: Tables::new(),
            web: Style::web(rates),
            market: Style::marketplace(rates),
            store: Style::store(rates),
            emails: FastSet::with_capacity_and_hasher(persons * 3 / 2, Default::default()),
            phones: HashSet::with_capacity_and_hasher(persons * 3 / 2, Default::default()),
            handles: FastSet::with_capacity_and_hasher(persons / 4, Default::default()),
            tok: Tokens::default(),
            web_accounts: 0,
            id_bits,
            id_key,
            out: Vec::with_capacity(persons * 9 / 5),
        }
    }

    /// Export order says nothing about who is who.
    fn shuffle(&mut self) {
        for i in (1..self.out.len()).rev() {
            let j = self.rng.below(i + 1);
            self.out.swap(i, j);
        }
    }

    fn household(&mut self, first: u32, size: usize) {
        let mut head = self.person(first, size > 1);
        self.emit(&mut head);
        let mut taken = vec![head.names.given];
        for id in first + 1..first + size as u32 {
            let mut member = self.member(id, &head, &taken);
            taken.push(member.names.given);
            self.emit(&mut member);
        }
    }

    // ── persons ──

    fn person(&mut self, id: u32, household: bool) -> Person {
        if !household && self.rng.chance(self.rates.collision_rate) {
            return self.common_name_person(id);
        }
        let city = if self.rng.chance(self.rates.foreign_rate) {
            self.rng.weighted(&self.t.foreign_cities)
        } else {
            self.rng.weighted(&self.t.spanish_cities)
        };
        let region = CITIES[city].region;
        let (given, nicks) = self.draw_given(region);
        let sur1 = self.draw_surname(region);
        let sur2 = if region == French {
            ""
        } else {
            self.draw_surname(region)
        };
        let names = Names {
            given,
            nicks,
            sur1,
            sur2,
        };
        let year = self.birth_year();
        let home = self.new_addr(city);
        let old_home = self
            .rng
            .chance(self.rates.moved_rate)
            .then(|| self.old_addr(city));
        let landline_rate = if household {
            self.rates.household_landline
        } else {
            self.rates.landline_rate
        };
        let landline = self
            .rng
            .chance(landline_rate)
            .then(|| self.new_landline(city));
        self.settle(id, names, year, home, old_home, landline)
    }

    /// Someone called exactly like many others in the same big city.
    fn common_name_person(&mut self, id: u32) -> Person {
        let (given, sur1, sur2) = self.rng.pick(COMMON_FULL_NAMES);
        let names = Names {
            given,
            nicks: nicknames_of(given),
            sur1,
            sur2,
        };
        let city = self
            .rng
            .pick_weighted(&[(MADRID, 6), (BARCELONA, 3), (VALENCIA, 1)]);
        let year = self.birth_year();
        let home = self.new_addr(city);
        let landline = self
            .rng
            .chance(self.rates.landline_rate)
            .then(|| self.new_landline(city));
        self.settle(id, names, year, home, None, landline)
    }

    /// A spouse, child, parent or sibling of `head`: same home, a given name of their own.
    fn member(&mut self, id: u32, head: &Person, taken: &[&str]) -> Person {
        let region = CITIES[usize::from(head.home.city)].region;
        let mut names = head.names;
        for _ in 0..50 {
            (names.given, names.nicks) = self.draw_given(region);
            if !taken.contains(&names.given) {
                break;
            }
        }
        let two_surnames = !head.names.sur2.is_empty();
        let year = match self.rng.below(10) {
            0..=2 => {
                // Spouse: surnames of their own (Spanish women keep theirs).
                names.sur1 = self.draw_surname(region);
                names.sur2 = if two_surnames {
                    self.draw_surname(region)
                } else {
                    ""
                };
                head.birth_year as i32 + self.rng.below(11) as i32 - 5
            }
            3..=6 => {
                // Child or parent: the father's first surname, the mother's second.
                names.sur2 = if two_surnames {
                    self.draw_surname(region)
                } else {
                    ""
                };
                let gap = 22 + self.rng.below(14) as i32;
                if head.birth_year <= 1982 {
                    head.birth_year as i32 + gap
                } else {
                    head.birth_year as i32 - gap
                }
            }
            _ => head.birth_year as i32 + self.rng.below(17) as i32 - 8, // sibling
        };
        let landline = head.landline.filter(|_| self.rng.chance(0.85));
        self.settle(
            id,
            names,
            year.clamp(1925, 2007) as u16,
            head.home,
            head.old_home,
            landline,
        )
    }

    /// Gives a person their own phones and e-mails.
    fn settle(
        &mut self,
        id: u32,
        names: Names,
        birth_year: u16,
        home: Addr,
        old_home: Option<Addr>,
        landline: Option<u64>,
    ) -> Person {
        let country = CITIES[usize::from(home.city)].country;
        let mobile = self.new_mobile(country);
        let old_mobile = self
            .rng
            .chance(self.rates.new_mobile_rate)
            .then(|| self.new_mobile(country));
        let email = self.new_email(&names, birth_year, country, false);
        let alt_email = self
            .rng
            .chance(self.rates.alt_email_rate)
            .then(|| self.new_email(&names, birth_year, country, true));
        Person {
            id,
            names,
            birth_year,
            home,
            old_home,
            mobile,
            old_mobile,
            landline,
            email,
            alt_email,
        }
    }

    fn draw_given(&mut self, region: Region) -> (&'static str, &'static [&'static str]) {
        let (local, share, _) = self.t.regional(region);
        let table = if self.rng.chance(share) {
            local
        } else {
            &self.t.spanish
        };
        let g = table.given[self.rng.weighted(&table.given_cum)];
        (g.0, g.2)
    }

    fn draw_surname(&mut self, region: Region) -> &'static str {
        let (local, _, share) = self.t.regional(region);
        let table = if self.rng.chance(share) {
            local
        } else {
            &self.t.spanish
        };
        table.surnames[self.rng.weighted(&table.surname_cum)].0
    }

    /// Adults 18–80, most in their forties.
    fn birth_year(&mut self) -> u16 {
        1945 + self.rng.below(32) as u16 + self.rng.below(31) as u16
    }

    fn new_addr(&mut self, city: usize) -> Addr {
        let c = &CITIES[city];
        let r = &mut self.rng;
        let number = if r.chance(0.6) {
            r.between(1, 40)
        } else {
            r.between(1, 220)
        } as u16;
        let floor = if r.chance(0.2) {
            0
        } else {
            1 + r.below(9).min(r.below(9)) as u8
        };
        let doors = if c.region == Catalan { 4 } else { 6 };
        Addr {
            city: city as u16,
            street: r.below(c.streets.len()) as u16,
            number,
            floor,
            door: r.below(doors) as u8,
            postcode: r.between(c.postcodes.0, c.postcodes.1),
        }
    }

    /// Where a person lived before: the same city, or another in the same country.
    fn old_addr(&mut self, city: usize) -> Addr {
        if CITIES[city].country != Es || self.rng.chance(0.6) {
            return self.new_addr(city);
        }
        let other = self.rng.weighted(&self.t.spanish_cities);
        self.new_addr(other)
    }

    /// A mobile number nobody else has (9 digits, no trunk 0).
    fn new_mobile(&mut self, country: Country) -> u64 {
        loop {
            let n = match country {
                Es if self.rng.chance(0.9) => 600_000_000 + self.rng.below(100_000_000) as u64,
                Es => 710_000_000 + self.rng.below(40_000_000) as u64,
                Pt => {
                    self.rng.pick(&[91, 92, 93, 96]) * 10_000_000
                        + self.rng.below(10_000_000) as u64
                }
                Fr => self.rng.pick(&[6, 7]) * 100_000_000 + self.rng.below(100_000_000) as u64,
            };
            if self.phones.insert(n as u32) {
                return n;
            }
        }
    }

    /// A landline in the city's area code, nobody else's.
    fn new_landline(&mut self, city: usize) -> u64 {
        let area = CITIES[city].area;
        let rest = 10u64.pow(9 - area.len() as u32);
        let prefix = area.parse::<u64>().unwrap_or(9) * rest;
        loop {
            // Subscriber numbers start at 2.
            let n = prefix + rest / 5 + self.rng.below((rest - rest / 5) as usize) as u64;
            if self.phones.insert(n as u32) {
                return n;
            }
        }
    }

    /// A mailbox nobody else has. `second`: a person's other address, often a work one.
    fn new_email(&mut self, names: &Names, year: u16, country: Country, second: bool) -> String {
        self.tok.fill(&mut self.rng, names, year);
        let work = second && self.rng.chance(0.25);
        let domains = match country {
            Es => ES_DOMAINS,
            Pt => PT_DOMAINS,
            Fr => FR_DOMAINS,
        };
        for attempt in 0.. {
            let mut e = String::with_capacity(40);
            if work {
                let sep = if self.rng.chance(0.5) { "." } else { "" };
                let g = self.tok.given(&mut self.rng);
                join(&mut e, &[g, &self.tok.s1], sep);
            } else {
                email_local(&mut self.rng, &self.tok, &mut e);
            }
            if attempt > 0 {
                // Taken: do what the provider suggests, add a number.
                let _ = write!(e, "{}", self.rng.between(1, 10u32.pow(attempt.min(6))));
            }
            e.push('@');
            e.push_str(if work {
                self.rng.pick(WORK_DOMAINS)
            } else {
                self.rng.pick_weighted(domains)
            });
            if self.emails.insert(email_key(&e)) {
                return e;
            }
        }
        unreachable!("an unbounded loop only ends by returning")
    }

    /// A unique eBay username, from the name and birth year or from a word.
    fn ebay_user(&mut self, p: &Person) -> String {
        self.tok.fill(&mut self.rng, &p.names, p.birth_year);
        let mut handle = String::with_capacity(24);
        ebay_handle(&mut self.rng, &self.tok, &mut handle);
        while handle.len() < 6 || !self.handles.insert(fnv(FNV_START, handle.bytes())) {
            let _ = write!(handle, "{}", self.rng.below(10));
        }
        handle
    }

    // ── records ──

    fn emit(&mut self, p: &mut Person) {
        let n = self.rng.pick_weighted(&RECORD_COUNTS);
        let channels = self.channels(p, n);
        let webs = channels[..n].iter().filter(|&&c| c == Channel::Web).count();
        if webs == 2 && p.alt_email.is_none() {
            // A shop lets one e-mail hold one account: the second needs another address.
            p.alt_email = Some(self.new_email(&p.names, p.birth_year, p.country(), true));
        }
        let alt_first = p.alt_email.is_some() && self.rng.chance(self.rates.alt_email_use);
        let (mut web, mut store) = (0, 0);
        for &channel in &channels[..n] {
            let record = match channel {
                Channel::Web => {
                    web += 1;
                    self.web_record(p, web == 1, alt_first)
                }
                Channel::Amazon => self.amazon_record(p),
                Channel::Ebay => self.ebay_record(p),
                Channel::Store => {
                    store += 1;
                    self.store_record(p, store == 1)
                }
            };
            self.out.push(record);
        }
    }

    /// `n` channels for one person, about 45/25/10/20 % web/Amazon/eBay/store overall.
    fn channels(&mut self, p: &Person, n: usize) -> [Channel; 5] {
        let store_weight = if CITIES[usize::from(p.home.city)].metro {
            30
        } else {
            8
        };
        let weights = [(0, 45), (1, 30), (2, 9), (3, store_weight)];
        let all = [Channel::Web, Channel::Amazon, Channel::Ebay, Channel::Store];
        let mut used = [0; 4];
        let mut out = [Channel::Web; 5];
        for slot in out.iter_mut().take(n) {
            let i = loop {
                let i = self.rng.pick_weighted(&weights);
                if used[i] < CHANNEL_CAP[i] {
                    break i;
                }
            };
            used[i] += 1;
            *slot = all[i];
        }
        out
    }

    fn web_record(&mut self, p: &Person, first_account: bool, alt_first: bool) -> RawRecord {
        let r = self.rates;
        let alt = p.alt_email.as_deref().unwrap_or(&p.email);
        let email = if first_account != alt_first {
            &p.email
        } else {
            alt
        };
        let (given, family) = self.name_parts(p, Web);
        let (given_name, family_name) = self.web_fields(given, family);
        let mut rec = RawRecord {
            person: p.id,
            channel: "web",
            kind: "web",
            customer_id: self.web_id(),
            email: self.shown_email(email),
            name: join_name(&given_name, &family_name),
            given_name,
            family_name,
            ..RawRecord::default()
        };
        if self.rng.chance(r.web_phone) {
            rec.phone = self.shown_phone(p, true);
        }
        self.fill_address(&mut rec, p, true);
        if self.rng.chance(r.web_postcode_missing) {
            rec.postcode.clear();
        }
        rec
    }

    fn amazon_record(&mut self, p: &Person) -> RawRecord {
        let mut rec = RawRecord {
            person: p.id,
            channel: "amazon-es",
            kind: "marketplace",
            customer_id: self.relay("A", 13, UPPER_ALNUM, ""),
            email: self.relay("", 14, LOWER_ALNUM, "@marketplace.amazon.es"),
            name: self.shown_name(p, Market),
            ..RawRecord::default()
        };
        if self.rng.chance(self.rates.amazon_phone) {
            rec.phone = self.shown_phone(p, false);
        }
        if self.rng.chance(self.rates.amazon_address) {
            self.fill_address(&mut rec, p, false);
        }
        rec
    }

    fn ebay_record(&mut self, p: &Person) -> RawRecord {
        let mut rec = RawRecord {
            person: p.id,
            channel: "ebay",
            kind: "marketplace",
            customer_id: self.ebay_user(p),
            email: self.relay("", 16, HEX, "@members.ebay.com"),
            ..RawRecord::default()
        };
        if self.rng.chance(self.rates.ebay_masked) {
            // eBay hides the buyer: the placeholder is a value, not an absence.
            rec.name = "--".into();
            rec.phone = "--".into();
            return rec;
        }
        rec.name = self.shown_name(p, Market);
        if self.rng.chance(self.rates.ebay_phone) {
            rec.phone = self.shown_phone(p, false);
        }
        if self.rng.chance(self.rates.ebay_address) {
            self.fill_address(&mut rec, p, false);
        }
        rec
    }

    /// The first store visit is at the nearer store; the same card is shown at the other.
    fn store_record(&mut self, p: &Person, first_visit: bool) -> RawRecord {
        let r = self.rates;
        let c = &CITIES[usize::from(p.home.city)];
        let near_barcelona = c.region == Catalan || c.country == Fr;
        let channel = if near_barcelona == first_visit {
            "store-barcelona"
        } else {
            "store-madrid"
        };
        let card = 1 + scramble(u64::from(p.id), self.id_bits, !self.id_key);
        let mut rec = RawRecord {
            person: p.id,
            channel,
            kind: "store",
            customer_id: format!("LOY-{card:05}"),
            name: self.shown_name(p, StoreClerk),
            ..RawRecord::default()
        };
        if self.rng.chance(r.store_email) {
            let email = match &p.alt_email {
                Some(alt) if self.rng.chance(r.alt_email_use) => alt,
                _ => &p.email,
            };
            rec.email = self.shown_email(email);
        }
        if self.rng.chance(r.store_phone) {
            rec.phone = self.shown_phone(p, true);
        }
        rec
    }

    fn web_id(&mut self) -> String {
        let n = scramble(self.web_accounts, self.id_bits, self.id_key);
        self.web_accounts += 1;
        (100_000 + n).to_string()
    }

    /// A random id: Amazon buyer ids and the relay e-mails marketplaces hand out.
    fn relay(&mut self, prefix: &str, n: usize, alphabet: &[u8], suffix: &str) -> String {
        let mut s = String::with_capacity(prefix.len() + n + suffix.len());
        s.push_str(prefix);
        push_random(&mut self.rng, &mut s, n, alphabet);
        s.push_str(suffix);
        s
    }

    // ── fields ──

    fn style(&self, who: Typist) -> &Style {
        match who {
            Web => &self.web,
            Market => &self.market,
            StoreClerk => &self.store,
        }
    }

    /// Given and family name as one record spells them, before order and case.
    fn name_parts(&mut self, p: &Person, who: Typist) -> (String, String) {
        let st = self.style(who);
        let (nickname_rate, initials_rate, one_surname, typo_rate, accents) = (
            st.nickname,
            st.initials,
            st.one_surname,
            st.typo,
            st.accents,
        );
        let n = &p.names;
        let rng = &mut self.rng;
        let mut given = if !n.nicks.is_empty() && rng.chance(nickname_rate) {
            rng.pick(n.nicks).to_string()
        } else if rng.chance(initials_rate) {
            initials(rng, n.given)
        } else {
            n.given.to_string()
        };
        let mut family = String::with_capacity(n.sur1.len() + n.sur2.len() + 1);
        family.push_str(n.sur1);
        if !n.sur2.is_empty() && !rng.chance(one_surname) {
            family.push(' ');
            family.push_str(n.sur2);
        }
        if rng.chance(typo_rate) {
            let in_given = rng.chance(0.4);
            typo(rng, if in_given { &mut given } else { &mut family });
        }
        if rng.chance(accents) {
            (fold(&given), fold(&family))
        } else {
            (given, family)
        }
    }

    /// The full name field of a marketplace or store record.
    fn shown_name(&mut self, p: &Person, who: Typist) -> String {
        let (given, family) = self.name_parts(p, who);
        let inverted = self.style(who).inverted;
        let name = if self.rng.chance(inverted) {
            let sep = if self.rng.chance(0.8) { ", " } else { " " };
            format!("{family}{sep}{given}")
        } else {
            join_name(&given, &family)
        };
        self.cased(name, who)
    }

    fn cased(&mut self, s: String, who: Typist) -> String {
        let (upper, lower) = (self.style(who).upper, self.style(who).lower);
        if self.rng.chance(upper) {
            s.to_uppercase()
        } else if self.rng.chance(lower) {
            s.to_lowercase()
        } else {
            s
        }
    }

    /// The web form's two boxes, sometimes filled the wrong way.
    fn web_fields(&mut self, given: String, family: String) -> (String, String) {
        let (given, family) = if self.rng.chance(self.rates.web_split_error) {
            match self.rng.below(3) {
                0 => (join_name(&given, &family), String::new()),
                1 => match family.split_once(' ') {
                    Some((a, b)) => (format!("{given} {a}"), b.to_string()),
                    None => (family, given),
                },
                _ => (family, given),
            }
        } else {
            (given, family)
        };
        let upper = self.rng.chance(self.web.upper);
        let lower = !upper && self.rng.chance(self.web.lower);
        let case = |s: String| {
            if upper {
                s.to_uppercase()
            } else if lower {
                s.to_lowercase()
            } else {
                s
            }
        };
        (case(given), case(family))
    }

    fn shown_email(&mut self, email: &str) -> String {
        if self.rng.chance(self.rates.email_typo) {
            email_typo(&mut self.rng, email)
        } else if self.rng.chance(self.rates.email_variant) {
            email_variant(&mut self.rng, email)
        } else {
            email.to_string()
        }
    }

    /// Mobile (sometimes the old one), or the landline where `landline_ok`, in some format.
    fn shown_phone(&mut self, p: &Person, landline_ok: bool) -> String {
        let r = self.rates;
        let mut n = match (p.landline, p.old_mobile) {
            (Some(l), _) if landline_ok && self.rng.chance(r.landline_use) => l,
            (_, Some(old)) if self.rng.chance(0.4) => old,
            _ => p.mobile,
        };
        if self.rng.chance(r.phone_typo) {
            n = swap_digits(&mut self.rng, n);
        }
        format_phone(&mut self.rng, p.country(), n)
    }

    fn fill_address(&mut self, rec: &mut RawRecord, p: &Person, web: bool) {
        let a = match p.old_home {
            Some(old) if self.rng.chance(0.5) => old,
            _ => p.home,
        };
        let c = &CITIES[usize::from(a.city)];
        rec.address = self.shown_address(&a, web);
        rec.city = self.shown_city(c);
        rec.postcode = self.shown_postcode(&a, c.country);
        rec.country = c.country.code().to_string();
    }

    fn shown_address(&mut self, a: &Addr, web: bool) -> String {
        let r = self.rates;
        let c = &CITIES[usize::from(a.city)];
        let street = &c.streets[usize::from(a.street)];
        let mut s = String::with_capacity(56);
        if street.0.number_first {
            french_address(&mut self.rng, &mut s, a, street);
        } else {
            iberian_address(&mut self.rng, &mut s, a, c, street);
        }
        if web && c.country == Es && self.rng.chance(0.03) {
            // The whole address typed into the first line.
            let _ = write!(s, ", {:05} {}", a.postcode, c.name);
        }
        if self.rng.chance(r.lowercase) {
            s.to_lowercase()
        } else if self.rng.chance(r.uppercase) {
            s.to_uppercase()
        } else if self.rng.chance(r.accent_loss) {
            fold(&s)
        } else {
            s
        }
    }

    fn shown_city(&mut self, c: &City) -> String {
        if !self.rng.chance(self.rates.city_variant) {
            return c.name.to_string();
        }
        match self.rng.below(4) {
            0 => c.name.to_lowercase(),
            1 => c.name.to_uppercase(),
            2 => fold(c.name),
            _ if c.alt.is_empty() => fold(c.name),
            _ => c.alt.to_string(),
        }
    }

    fn shown_postcode(&mut self, a: &Addr, country: Country) -> String {
        match country {
            Pt => format!("{}-{:03}", a.postcode / 1000, a.postcode % 1000),
            // A spreadsheet on the way turned "08001" into a number.
            _ if self.rng.chance(self.rates.postcode_mangled) => a.postcode.to_string(),
            _ => format!("{:05}", a.postcode),
        }
    }
}

/// Who typed the name: the customer on the web, a marketplace form, a store clerk.
#[derive(Clone, Copy)]
enum Typist {
    Web,
    Market,
    StoreClerk,
}
use Typist::{Market, StoreClerk, Web};

fn join_name(given: &str, family: &str) -> String {
    match (given.is_empty(), family.is_empty()) {
        (_, true) => given.to_string(),
        (true, false) => family.to_string(),
        _ => format!("{given} {family}"),
    }
}

// ───────────────────────────── Addresses ─────────────────────────────

/// "Calle Mayor, 12, 3º B", "C/ Mayor 12 3ºB", "Mayor nº 12 - 3-B", "Rua Augusta 120, 2º Esq.".
fn iberian_address(r: &mut Rng, s: &mut String, a: &Addr, c: &City, street: &Street) {
    let (kind, name) = *street;
    if !kind.full.is_empty() {
        match r.below(100) {
            0..=44 => {
                s.push_str(kind.full);
                s.push(' ');
            }
            45..=91 => {
                let short = r.pick(kind.short);
                s.push_str(short);
                if !(short.ends_with('/') && r.chance(0.3)) {
                    s.push(' ');
                }
            }
            _ => {} // "Mayor 12": the type left out
        }
    }
    s.push_str(if r.chance(0.3) {
        drop_particle(name)
    } else {
        name
    });
    s.push_str(r.pick_weighted(&[
        (", ", 40),
        (" ", 40),
        (" nº ", 8),
        (", nº ", 5),
        (" n.º ", 3),
        (", núm. ", 2),
        (" num ", 2),
    ]));
    let _ = write!(s, "{}", a.number);
    if a.floor == 0 || r.chance(0.05) {
        return; // a house, or the flat left out
    }
    s.push_str(r.pick_weighted(&[(", ", 50), (" ", 40), (" - ", 10)]));
    let floor = a.floor - 1;
    if c.country == Pt {
        portuguese_flat(r, s, floor, a.door);
    } else if c.region == Catalan {
        catalan_flat(r, s, floor, a.door);
    } else {
        spanish_flat(r, s, floor, a.door);
    }
}

/// "3º B", "3ºB", "3B", "3-B", "piso 3 B", "2º izq.", "bajo dcha."
fn spanish_flat(r: &mut Rng, s: &mut String, floor: u8, door: u8) {
    let side = match door {
        4 => Some(r.pick(&["izq.", "izquierda", "izda.", "izqda"])),
        5 => Some(r.pick(&["dcha.", "derecha", "dcha", "drcha."])),
        _ => None,
    };
    let letter = (b'A' + door) as char;
    if floor == 0 {
        s.push_str(r.pick(&["bajo", "Bajo", "bj.", "bajo"]));
        if r.chance(0.9) {
            s.push(' ');
            match side {
                Some(side) => s.push_str(side),
                None => s.push(letter),
            }
        }
        return;
    }
    let _ = match side {
        Some(side) => write!(s, "{floor}{} {side}", r.pick(&["º", "º", "", "o"])),
        None => match r.below(9) {
            0 | 1 => write!(s, "{floor}º {letter}"),
            2 => write!(s, "{floor}º{letter}"),
            3 => write!(s, "{floor}{letter}"),
            4 => write!(s, "{floor} {letter}"),
            5 => write!(s, "{floor}º-{letter}"),
            6 => write!(s, "{floor}-{letter}"),
            7 => write!(s, "piso {floor} {letter}"),
            _ => write!(s, "{floor}º puerta {letter}"),
        },
    };
}

/// "2º 1ª", "2n 1a", "2-1", "baixos 2a".
fn catalan_flat(r: &mut Rng, s: &mut String, floor: u8, door: u8) {
    let k = door % 4 + 1;
    if floor == 0 {
        s.push_str(r.pick(&["bajos", "baixos", "bxs.", "bajo"]));
        let _ = write!(s, " {k}{}", r.pick(&["ª", "a", "", "º"]));
        return;
    }
    let ord = match floor {
        1 | 3 => "r",
        2 => "n",
        4 => "t",
        _ => "è",
    };
    let _ = match r.below(6) {
        0 | 1 => write!(s, "{floor}º {k}ª"),
        2 => write!(s, "{floor}º{k}ª"),
        3 => write!(s, "{floor}-{k}"),
        4 => write!(s, "{floor}{ord} {k}a"),
        _ => write!(s, "{floor} {k}"),
    };
}

/// "2º Esq.", "2º Dto", "R/C Frente".
fn portuguese_flat(r: &mut Rng, s: &mut String, floor: u8, door: u8) {
    let side = ["Esq.", "Dto.", "Frente"][usize::from(door % 3)];
    if floor == 0 {
        let _ = write!(s, "{} {side}", r.pick(&["R/C", "r/c", "Rés-do-chão"]));
        return;
    }
    let _ = match r.below(3) {
        0 => write!(s, "{floor}º {side}"),
        1 => write!(s, "{floor}º {}", side.trim_end_matches('.')),
        _ => write!(s, "{floor} {side}"),
    };
}

/// "12 rue de Rivoli, apt 31", "5, av. Jean Jaurès 2e étage".
fn french_address(r: &mut Rng, s: &mut String, a: &Addr, street: &Street) {
    let (kind, name) = *street;
    let _ = write!(s, "{}{} ", a.number, if r.chance(0.3) { "," } else { "" });
    s.push_str(if r.chance(0.6) {
        kind.full
    } else {
        r.pick(kind.short)
    });
    s.push(' ');
    s.push_str(name);
    if a.floor > 1 && r.chance(0.7) {
        let floor = a.floor - 1;
        let _ = match r.below(3) {
            0 => write!(s, ", apt {floor}{}", a.door + 1),
            1 => write!(s, ", {floor}e étage"),
            _ => write!(s, " Bât. {}", (b'A' + a.door % 4) as char),
        };
    }
}

// ───────────────────────────── Scoring ─────────────────────────────

#[derive(Debug, Clone, Copy)]
pub struct Scores {
    pub pairwise_precision: f64,
    pub pairwise_recall: f64,
    pub pairwise_f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
    pub true_pairs: u64,
    pub predicted_pairs: u64,
}

/// `truth[i]` and `predicted[i]` are the person and predicted cluster of record i.
pub fn score(truth: &[u32], predicted: &[u64]) -> Scores {
    assert_eq!(
        truth.len(),
        predicted.len(),
        "one predicted cluster per record"
    );
    let n = truth.len();
    let mut truth_size: FastMap<u32, u64> =
        FastMap::with_capacity_and_hasher(n, Default::default());
    let mut pred_size: FastMap<u64, u64> = FastMap::with_capacity_and_hasher(n, Default::default());
    let mut both: FastMap<(u32, u64), u64> =
        FastMap::with_capacity_and_hasher(n, Default::default());
    for (&t, &p) in truth.iter().zip(predicted) {
        *truth_size.entry(t).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
        *both.entry((t, p)).or_default() += 1;
    }
    let pairs = |c: &u64| c * c.saturating_sub(1) / 2;
    let true_pairs: u64 = truth_size.values().map(pairs).sum();
    let predicted_pairs: u64 = pred_size.values().map(pairs).sum();
    let together: u64 = both.values().map(pairs).sum();
    // B-cubed: each record of an intersection of size c contributes c/|cluster|, c times.
    let (mut bp, mut br) = (0.0, 0.0);
    for (&(t, p), &c) in &both {
        let c2 = (c * c) as f64;
        bp += c2 / pred_size[&p] as f64;
        br += c2 / truth_size[&t] as f64;
    }
    let per_record = |sum: f64| if n == 0 { 1.0 } else { sum / n as f64 };
    let (pp, pr) = (
        ratio(together, predicted_pairs),
        ratio(together, true_pairs),
    );
    let (bp, br) = (per_record(bp), per_record(br));
    Scores {
        pairwise_precision: pp,
        pairwise_recall: pr,
        pairwise_f1: f1(pp, pr),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
        true_pairs,
        predicted_pairs,
    }
}

/// Nothing claimed is nothing wrong: an empty denominator scores 1.
fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

// ───────────────────────────── Sanity ─────────────────────────────

/// Invariants any seed must satisfy; the bench calls this before trusting a data set: each
/// person has 1–5 records, relay e-mails appear exactly on marketplace records, channel ids
/// are well formed and never shared by two persons (a loyalty card is, across both stores, by
/// one person), and from 20,000 persons on, households show (a phone behind two persons).
pub fn sanity(records: &[RawRecord]) -> Result<(), String> {
    let mut per_person: FastMap<u32, u32> = FastMap::default();
    // Ids are keyed by a 64-bit fingerprint: string keys would cost more than the checks.
    let mut owner: FastMap<u64, u32> = FastMap::default();
    let mut seen = FastSet::default();
    let mut phone_owner: FastMap<u64, u32> = FastMap::default();
    let mut shared_phones = 0usize;
    for r in records {
        check_shape(r)?;
        *per_person.entry(r.person).or_default() += 1;
        if !seen.insert(fnv(
            fnv(FNV_START, r.channel.bytes()),
            r.customer_id.bytes(),
        )) {
            return Err(format!("{} id {} appears twice", r.channel, r.customer_id));
        }
        // A loyalty card is chain-wide: both stores must see the same person behind it.
        let scope = if r.kind == "store" {
            "store"
        } else {
            r.channel
        };
        let first = *owner
            .entry(fnv(fnv(FNV_START, scope.bytes()), r.customer_id.bytes()))
            .or_insert(r.person);
        if first != r.person {
            return Err(format!(
                "{scope} id {} held by persons {first} and {}",
                r.customer_id, r.person
            ));
        }
        if let Some(digits) = phone_digits(&r.phone) {
            match phone_owner.entry(digits) {
                Entry::Occupied(e) => shared_phones += usize::from(*e.get() != r.person),
                Entry::Vacant(e) => {
                    e.insert(r.person);
                }
            }
        }
    }
    if let Some((p, n)) = per_person.iter().find(|(_, n)| !(1..=5).contains(*n)) {
        return Err(format!("person {p} has {n} records"));
    }
    // Households show up as one landline behind several people; a few thousand persons suffice.
    if per_person.len() >= 20_000 && shared_phones == 0 {
        return Err("no household: no phone is shared by two persons".into());
    }
    Ok(())
}

fn check_shape(r: &RawRecord) -> Result<(), String> {
    let kind = match r.channel {
        "web" => "web",
        "amazon-es" | "ebay" => "marketplace",
        "store-madrid" | "store-barcelona" => "store",
        other => return Err(format!("unknown channel {other:?}")),
    };
    if r.kind != kind {
        return Err(format!("channel {} has kind {:?}", r.channel, r.kind));
    }
    let relay =
        r.email.ends_with("@marketplace.amazon.es") || r.email.ends_with("@members.ebay.com");
    if relay != (kind == "marketplace") {
        return Err(format!("{} record with e-mail {:?}", r.channel, r.email));
    }
    let id = r.customer_id.as_str();
    let id_ok = match r.channel {
        "web" => !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
        "amazon-es" => {
            id.len() == 14 && id.starts_with('A') && id.bytes().all(|b| UPPER_ALNUM.contains(&b))
        }
        "ebay" => id.len() >= 6,
        _ => id.starts_with("LOY-") && id.len() >= 9,
    };
    if !id_ok {
        return Err(format!("{} record with id {id:?}", r.channel));
    }
    if kind == "store" && !r.address.is_empty() {
        return Err("store record with an address".into());
    }
    if !matches!(r.country.as_str(), "" | "ES" | "PT" | "FR") {
        return Err(format!("unknown country {:?}", r.country));
    }
    Ok(())
}

/// The last nine digits of a phone field, the national number in all three countries.
fn phone_digits(phone: &str) -> Option<u64> {
    let mut n = 0u64;
    let mut count = 0;
    for b in phone.bytes().filter(u8::is_ascii_digit) {
        n = (n * 10 + u64::from(b - b'0')) % 1_000_000_000;
        count += 1;
    }
    (count >= 9).then_some(n)
}
