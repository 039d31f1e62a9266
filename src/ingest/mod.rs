//! Turns a file or stdin into validated records with file:line:column positions.
//! It never writes the store and never prints: the import command does both.

pub mod columns;
pub mod decode;
pub mod lines;
pub mod locale;
pub mod parse;
pub mod rates;
pub mod reader;
pub mod shape;
pub mod sniff;
pub mod source;

pub use columns::Kind;
pub use parse::RowError;
pub use reader::{CsvInput, InputOptions};
pub use source::Source;
