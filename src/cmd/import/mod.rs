//! `omni import KIND FILE…`: each file in its own transaction, through ingest into the store.

mod file;
mod rates;
mod rejects;
mod report;
mod rows;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{DecimalArg, ImportArgs, ImportKindArg, OnErrorArg};
use crate::config::Config;
use crate::domain::currency::Currency;
use crate::domain::number::DecimalMark;
use crate::error::OmniError;
use crate::ingest::{Kind, Source};
use crate::platform::{self, Profile};
use crate::render::Output;
use crate::store::{Store, WriteLock};

pub use file::{FileOutcome, import_source};
pub use rejects::{RejectsFile, temp_path};

/// Everything an import of one file needs besides the file.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    pub kind: Kind,
    pub channel: Option<String>,
    pub location: Option<String>,
    /// A profile named with `--profile` or described with `--map`; else detected.
    pub profile: Option<&'static Profile>,
    /// Currency of amounts the file does not name (before the channel's and the store's).
    pub currency: Option<Currency>,
    pub skip_bad_rows: bool,
    pub dry_run: bool,
    pub decimal: Option<DecimalMark>,
    pub date_format: Option<String>,
    /// With a channel catalogue: also create or update master products from it.
    pub create_products: bool,
    /// Stock quantities are changes to the latest count rather than counts.
    pub adjust_stock: bool,
    /// Import even content the ledger has seen.
    pub force: bool,
    /// The field delimiter, when a mapping fixes it.
    pub delimiter: Option<u8>,
}

impl ImportSpec {
    pub fn new(kind: Kind) -> ImportSpec {
        ImportSpec {
            kind,
            channel: None,
            location: None,
            profile: None,
            currency: None,
            skip_bad_rows: false,
            dry_run: false,
            decimal: None,
            date_format: None,
            create_products: false,
            adjust_stock: false,
            force: false,
            delimiter: None,
        }
    }
}

pub fn run(args: &ImportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let Some(kind) = args.kind.records() else {
        return rates::run(args, cfg, out);
    };
    let spec = spec_from_args(args, kind_of(kind))?;
    let sources: Vec<Source> = args.files.iter().map(|f| Source::from_arg(f)).collect();
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(usage("`-` (standard input) can be read only once per run"));
    }
    let _lock;
    let mut store = if spec.dry_run && !cfg.db.exists() {
        out.note(&format!(
            "no store at {}: checking against an empty one",
            cfg.db.display()
        ));
        Store::in_memory()?
    } else {
        _lock = WriteLock::acquire(&cfg.db, cfg.wait, "import")?;
        Store::open(&cfg.db)?
    };
    for source in &sources {
        let mut rejects = args.rejects.as_deref().map(RejectsFile::new);
        import_source(&mut store, source, &spec, rejects.as_mut(), out)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn usage(msg: &str) -> anyhow::Error {
    OmniError::Usage(msg.to_string()).into()
}

/// The decimal mark `--decimal` names.
pub fn decimal_mark(d: DecimalArg) -> DecimalMark {
    match d {
        DecimalArg::Dot => DecimalMark::Dot,
        DecimalArg::Comma => DecimalMark::Comma,
    }
}

pub fn kind_of(arg: ImportKindArg) -> Kind {
    match arg {
        ImportKindArg::Catalog => Kind::Catalog,
        ImportKindArg::Stock => Kind::Stock,
        ImportKindArg::Sales => Kind::Sales,
        ImportKindArg::Customers => Kind::Customers,
    }
}

fn spec_from_args(args: &ImportArgs, kind: Kind) -> Result<ImportSpec> {
    let skip = args.on_error == OnErrorArg::Skip;
    if skip && args.rejects.is_none() {
        return Err(usage(
            "--on-error skip needs --rejects FILE, so no bad row is lost",
        ));
    }
    if !skip && args.rejects.is_some() {
        return Err(usage(
            "--rejects needs --on-error skip (with abort, nothing is imported)",
        ));
    }
    if args.rejects.is_some() && args.files.len() > 1 {
        return Err(usage("--rejects takes one input file at a time"));
    }
    if args.location.is_some() && kind != Kind::Stock {
        return Err(usage("--location applies to stock imports only"));
    }
    if args.adjust && kind != Kind::Stock {
        return Err(usage("--adjust applies to stock imports only"));
    }
    if args.create_products && kind != Kind::Catalog {
        return Err(usage("--create-products applies to catalogue imports only"));
    }
    let mut map_settings = platform::custom::MapSettings::default();
    let profile = match (&args.profile, &args.map) {
        (Some(_), Some(_)) => {
            return Err(usage(
                "--profile and --map choose the layout two ways: give one",
            ));
        }
        (Some(name), None) => {
            let p = platform::by_name(name)
                .ok_or_else(|| usage(&format!("no profile named {name} (see `omni formats`)")))?;
            if p.kind != kind {
                return Err(usage(&format!(
                    "profile {name} reads {} files, not {kind}",
                    p.kind
                )));
            }
            Some(p)
        }
        (None, Some(path)) => {
            let (profile, settings) = platform::custom::load(path, kind)?;
            map_settings = settings;
            Some(profile)
        }
        (None, None) => None,
    };
    let currency = crate::cmd::currency_flag(args.currency.as_deref())?;
    let mut spec = ImportSpec::new(kind);
    spec.channel = args.channel.clone();
    spec.location = args.location.clone();
    spec.profile = profile;
    spec.currency = currency;
    spec.skip_bad_rows = skip;
    spec.dry_run = args.dry_run;
    spec.decimal = args.decimal.map(decimal_mark).or(map_settings.decimal);
    spec.date_format = args.date_format.clone().or(map_settings.date_format);
    spec.delimiter = map_settings.delimiter;
    spec.create_products = args.create_products;
    spec.adjust_stock = args.adjust;
    spec.force = args.force;
    Ok(spec)
}
