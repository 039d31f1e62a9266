//! One customer record made comparable: every field normalized once, and a 64-bit hash of each
//! value that blocking, exact keys and term frequencies work on.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::domain::address::{self, Address};
use crate::domain::person_name::PersonName;
use crate::domain::phone::{self, Region};
use crate::domain::{email, phonetic, text};

/// A customer record as the store holds it.
#[derive(Debug, Clone, Default)]
pub struct SourceRecord {
    pub id: i64,
    pub channel: String,
    /// Loyalty cards are the chain's: the same card in two stores is one person.
    pub is_store: bool,
    pub customer_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    /// The record's country: the region its phone numbers are read in before the store's.
    pub country: Option<String>,
}

/// The comparable form of one record.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub name: PersonName,
    /// Other readings of the name: the full name's own, when given and family names came in
    /// fields of their own (a shop that split it wrongly), and for a full name without a comma
    /// its family-first and other splits.
    pub name_readings: Vec<PersonName>,
    pub given: Option<u64>,
    pub family: Option<u64>,
    pub family1: Option<u64>,
    pub family1_sound: Option<u64>,
    pub family2_sound: Option<u64>,
    pub email: Option<u64>,
    pub email_local: Option<u64>,
    pub phone: Option<u64>,
    pub mobile: bool,
    pub loyalty: Option<u64>,
    pub street: String,
    pub street_number: Option<String>,
    pub address: Option<u64>,
    pub postcode: Option<u64>,
    pub province: Option<u64>,
    pub city: Option<u64>,
}

/// A field's value, unless blank or a marketplace's `--` placeholder.
fn some(v: &Option<String>) -> Option<&str> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "--")
}

pub fn hash(value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Features {
    pub fn of(r: &SourceRecord, region: Option<Region>) -> Features {
        let name = PersonName::parse(some(&r.name), some(&r.given_name), some(&r.family_name));
        let mut name_readings = Vec::new();
        if let Some(full) = some(&r.name) {
            if some(&r.given_name).is_some() || some(&r.family_name).is_some() {
                name_readings.push(PersonName::parse(Some(full), None, None));
            }
            if !full.contains(',') {
                name_readings.extend(PersonName::other_readings(full));
            }
        }
        let email = some(&r.email).and_then(email::normalize);
        let own = some(&r.country).and_then(Region::parse);
        let phone = some(&r.phone).and_then(|p| {
            own.and_then(|c| phone::normalize(p, Some(c)))
                .or_else(|| phone::normalize(p, region))
        });
        let addr = some(&r.address).and_then(Address::parse);
        let postcode = some(&r.postcode).and_then(address::postcode);
        let city = some(&r.city).map(text::tokens).filter(|t| !t.is_empty());
        let loyalty = some(&r.customer_id).filter(|_| r.is_store);
        let address = addr.as_ref().map(|a| {
            hash(&format!(
                "{}|{}",
                a.street,
                a.number.as_deref().unwrap_or_default()
            ))
        });
        let (street, street_number) = addr.map(|a| (a.street, a.number)).unwrap_or_default();
        Features {
            given: name.first_given().filter(|g| g.len() > 1).map(hash),
            family: (!name.family.is_empty()).then(|| hash(&name.family_text())),
            family1: name.first_family().map(hash),
            family1_sound: name.first_family().map(|f| hash(&phonetic::key(f))),
            family2_sound: name.family.get(1).map(|f| hash(&phonetic::key(f))),
            email_local: email.as_deref().map(|e| hash(email::local_part(e))),
            email: email.as_deref().map(hash),
            mobile: phone.as_ref().is_some_and(|p| p.mobile),
            phone: phone.map(|p| hash(&p.e164)),
            loyalty: loyalty.map(|l| hash(&l.to_ascii_uppercase())),
            street,
            street_number,
            address,
            province: postcode.as_deref().map(|p| hash(&p[..2])),
            postcode: postcode.as_deref().map(hash),
            city: city.map(|c| hash(&c.join(" "))),
            name,
            name_readings,
        }
    }
}

/// Features of many records, computed on every core.
pub fn all(records: &[SourceRecord], region: Option<Region>) -> Vec<Features> {
    crate::identity::parallel::map(records, |r| Features::of(r, region))
}
