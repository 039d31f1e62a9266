//! Typed values of the retail domain and their invariants. No I/O, no SQL, no terminal:
//! everything here is pure and unit-tested beside the code.

pub mod address;
pub mod channel;
pub mod currency;
pub mod datetime;
pub mod email;
pub mod gtin;
pub mod money;
pub mod nickname;
pub mod number;
pub mod person_name;
pub mod phone;
pub mod phonetic;
pub mod rate;
pub mod records;
pub mod sku;
pub mod text;
