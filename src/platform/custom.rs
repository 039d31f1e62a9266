//! Custom profiles: a TOML file that names the source column of each canonical field, for
//! exports omni does not know (`omni import sales --map my.toml`).

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;

use super::Profile;

pub const PROFILES: &[Profile] = &[];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    /// Which kind of file this describes (must agree with the command's kind).
    kind: Option<String>,
    /// A name for messages and the batch ledger.
    name: Option<String>,
    /// Canonical field = "Source column header".
    columns: std::collections::BTreeMap<String, String>,
    /// Values that mean empty, besides a blank cell.
    #[serde(default)]
    empty_values: Vec<String>,
    /// The field delimiter when detection should not decide: ",", ";", "tab" or "|".
    delimiter: Option<String>,
    /// How dates are written (strftime), when the file does not make it clear.
    date_format: Option<String>,
    /// The decimal mark of amounts: "comma" or "dot".
    decimal: Option<String>,
}

/// Reading settings a mapping file may fix instead of leaving them to detection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapSettings {
    pub delimiter: Option<u8>,
    pub date_format: Option<String>,
    pub decimal: Option<crate::domain::number::DecimalMark>,
}

/// Loads a mapping file into a profile that lives for the rest of the run.
pub fn load(path: &Path, kind: Kind) -> Result<(&'static Profile, MapSettings)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the mapping {}", path.display()))?;
    let map: MapFile = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| text[..s.start].lines().count().max(1))
            .map_or(String::new(), |l| format!(":{l}"));
        anyhow::anyhow!("{}{at}: {}", path.display(), e.message().trim())
    })?;
    let settings = MapSettings {
        delimiter: match map.delimiter.as_deref() {
            None => None,
            Some(",") => Some(b','),
            Some(";") => Some(b';'),
            Some("tab") | Some("\t") => Some(b'\t'),
            Some("|") => Some(b'|'),
            Some(other) => bail!(
                "{}: delimiter \"{other}\" is not one of \",\", \";\", \"tab\", \"|\"",
                path.display()
            ),
        },
        date_format: map.date_format.clone(),
        decimal: match map.decimal.as_deref() {
            None => None,
            Some("comma") | Some(",") => Some(crate::domain::number::DecimalMark::Comma),
            Some("dot") | Some(".") => Some(crate::domain::number::DecimalMark::Dot),
            Some(other) => bail!(
                "{}: decimal \"{other}\" is not \"comma\" or \"dot\"",
                path.display()
            ),
        },
    };
    if let Some(k) = &map.kind
        && !k.eq_ignore_ascii_case(kind.as_str())
    {
        bail!("{} describes {k} files, not {kind}", path.display());
    }
    let mut columns = Vec::new();
    for (field, header) in &map.columns {
        let Some(spec) = kind.columns().iter().find(|c| c.name == field.as_str()) else {
            let known: Vec<&str> = kind.columns().iter().map(|c| c.name).collect();
            bail!(
                "{}: \"{field}\" is not a {kind} field (one of {})",
                path.display(),
                known.join(", ")
            );
        };
        let names: &'static [&'static str] =
            Box::leak(vec![&*Box::leak(header.clone().into_boxed_str())].into_boxed_slice());
        columns.push((spec.name, names));
    }
    let required: Vec<&'static str> = kind
        .columns()
        .iter()
        .filter(|c| c.required && !matches!(c.name, "channel" | "location"))
        .filter(|c| !(c.name == "unit_price" && map.columns.contains_key("line_total")))
        .filter(|c| !(c.name == "sku" && kind == Kind::Sales && map.columns.contains_key("title")))
        .map(|c| c.name)
        .collect();
    let signature: Vec<&'static str> = required
        .iter()
        .map(|f| match map.columns.get(*f) {
            Some(h) => Ok(&*Box::leak(h.clone().into_boxed_str())),
            None => Err(*f),
        })
        .collect::<Result<_, _>>()
        .map_err(|f| {
            anyhow::anyhow!(
                "{}: a {kind} mapping must name the column of \"{f}\"",
                path.display()
            )
        })?;
    let name: &'static str = Box::leak(
        map.name
            .unwrap_or_else(|| format!("custom ({})", path.display()))
            .into_boxed_str(),
    );
    let empty: Vec<&'static str> = map
        .empty_values
        .into_iter()
        .map(|v| &*Box::leak(v.into_boxed_str()))
        .collect();
    let mut profile = Profile::base(name, "custom", kind, ChannelKind::Web);
    profile.columns = Box::leak(columns.into_boxed_slice());
    profile.signature = Box::leak(signature.into_boxed_slice());
    profile.empty_values = Box::leak(empty.into_boxed_slice());
    Ok((Box::leak(Box::new(profile)), settings))
}

/// A commented starting point for a mapping of `kind`.
pub fn template(kind: Kind) -> String {
    let mut out = format!(
        "# A mapping for `omni import {kind} --map THIS_FILE.toml`.\n\
         # Each line under [columns] says which column of your file feeds an omni field:\n\
         #   omni_field = \"Header in your file\"\n\
         # Delete the lines your file does not have. Header names are matched case-insensitively.\n\
         # Delimiter, encoding, decimal mark and date order are detected from the file itself;\n\
         # if its dates are ambiguous, pass --date-format (e.g. \"%d/%m/%Y %H:%M\"), and --decimal comma|dot.\n\n\
         kind = \"{kind}\"\nname = \"my-{kind}-export\"\n# values that mean empty in this export, besides a blank cell\nempty_values = [\"--\", \"N/A\"]\n\
         # fix what detection should not decide (delete the lines you do not need):\n\
         # delimiter = \";\"              # \",\", \";\", \"tab\" or \"|\"\n\
         # date_format = \"%d/%m/%Y %H:%M\"\n\
         # decimal = \"comma\"            # or \"dot\"\n\n[columns]\n"
    );
    for c in kind.columns() {
        let req = if c.required { "   # required" } else { "" };
        out.push_str(&format!("{} = \"{}\"{req}\n", c.name, title_case(c.name)));
    }
    out
}

fn title_case(field: &str) -> String {
    field
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
