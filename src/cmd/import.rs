//! `omni import KIND FILE…`: each file in its own transaction, through ingest into the store.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant as Clock;

use anyhow::{Result, anyhow, bail};

use crate::cli::{DecimalArg, ImportArgs, ImportKindArg, OnErrorArg};
use crate::config::Config;
use crate::domain::channel::infer_from_name;
use crate::domain::currency::Currency;
use crate::domain::datetime::{DateParser, Instant};
use crate::domain::number::DecimalMark;
use crate::error::OmniError;
use crate::ingest::parse::{self, ParseContext};
use crate::ingest::reader::Row;
use crate::ingest::sniff::delimiter_name;
use crate::ingest::{CsvInput, InputOptions, Kind, RowError, Source};
use crate::render::{Output, Progress};
use crate::store::import::{Counts, ImportTx, NewBatch, Written};
use crate::store::settings::CURRENCY;
use crate::store::{Store, WriteLock};

use super::init::store_zone;
use super::rejects::RejectsFile;

/// How many bad rows are listed in full before the rest are only counted.
const LISTED_ERRORS: usize = 20;

/// Everything an import of one file needs besides the file.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    pub kind: Kind,
    pub channel: Option<String>,
    pub location: Option<String>,
    pub skip_bad_rows: bool,
    pub dry_run: bool,
    pub decimal: Option<DecimalMark>,
    pub date_format: Option<String>,
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    pub name: String,
    pub counts: Counts,
    pub batch: Option<i64>,
    /// The batch that already holds this exact content.
    pub duplicate_of: Option<i64>,
}

impl FileOutcome {
    fn duplicate(name: String, prior: i64) -> FileOutcome {
        FileOutcome {
            name,
            counts: Counts::default(),
            batch: None,
            duplicate_of: Some(prior),
        }
    }
}

pub fn run(args: &ImportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let spec = spec_from_args(args)?;
    let sources: Vec<Source> = args.files.iter().map(|f| Source::from_arg(f)).collect();
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(
            OmniError::Usage("`-` (standard input) can be read only once per run".into()).into(),
        );
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

fn spec_from_args(args: &ImportArgs) -> Result<ImportSpec> {
    let kind = match args.kind {
        ImportKindArg::Catalog => Kind::Catalog,
        ImportKindArg::Stock => Kind::Stock,
        ImportKindArg::Sales => Kind::Sales,
        ImportKindArg::Customers => Kind::Customers,
    };
    let skip = args.on_error == OnErrorArg::Skip;
    if skip && args.rejects.is_none() {
        return Err(OmniError::Usage(
            "--on-error skip needs --rejects FILE, so no bad row is lost".into(),
        )
        .into());
    }
    if !skip && args.rejects.is_some() {
        return Err(OmniError::Usage(
            "--rejects needs --on-error skip (with abort, nothing is imported)".into(),
        )
        .into());
    }
    if args.rejects.is_some() && args.files.len() > 1 {
        return Err(OmniError::Usage("--rejects takes one input file at a time".into()).into());
    }
    if kind == Kind::Customers && args.channel.is_none() {
        return Err(OmniError::Usage(
            "importing customers needs --channel (the channel these customers are from)".into(),
        )
        .into());
    }
    if args.location.is_some() && kind != Kind::Stock {
        return Err(OmniError::Usage("--location applies to stock imports only".into()).into());
    }
    Ok(ImportSpec {
        kind,
        channel: args.channel.clone(),
        location: args.location.clone(),
        skip_bad_rows: skip,
        dry_run: args.dry_run,
        decimal: args.decimal.map(|d| match d {
            DecimalArg::Dot => DecimalMark::Dot,
            DecimalArg::Comma => DecimalMark::Comma,
        }),
        date_format: args.date_format.clone(),
    })
}

/// Imports one file or stream as one transaction and reports it on stderr.
pub fn import_source(
    store: &mut Store,
    source: &Source,
    spec: &ImportSpec,
    rejects: Option<&mut RejectsFile>,
    out: &Output,
) -> Result<FileOutcome> {
    let started = Clock::now();
    let name = source.display_name();
    let target = spec
        .channel
        .clone()
        .or_else(|| spec.location.clone())
        .unwrap_or_default();
    let prehash = match source {
        Source::Path(p) => Some(Source::hash_file(p)?),
        _ => None,
    };
    if let Some(hash) = &prehash
        && let Some(prior) = store.find_batch(hash, spec.kind.as_str(), &target)?
    {
        out.note(&format!(
            "{name}: already imported as batch {} ({}); nothing changed",
            prior.id, prior.started_at
        ));
        return Ok(FileOutcome::duplicate(name, prior.id));
    }
    let mut provided = Vec::new();
    if spec.channel.is_some() {
        provided.push("channel");
    }
    if spec.location.is_some() {
        provided.push("location");
    }
    let mut input = CsvInput::open(
        source,
        spec.kind,
        &InputOptions {
            provided,
            decimal: spec.decimal,
        },
    )?;
    describe_input(&input, out);
    let ctx = ParseContext {
        map: input.map.clone(),
        decimal: input.locale.decimal,
        dates: DateParser {
            order: input.locale.date_order,
            format: spec.date_format.clone(),
            zone: store_zone(store)?,
        },
        channel: spec.channel.clone(),
        location: spec.location.clone(),
        channel_currency: channel_currencies(store)?,
        store_currency: store.setting(CURRENCY)?.and_then(|c| c.parse().ok()),
        now: Instant::from_utc(chrono::Utc::now()),
    };
    let batch = NewBatch {
        kind: spec.kind.as_str().into(),
        source: source.ledger_name(),
        content_hash: prehash.clone(),
        target: target.clone(),
        profile: "omni".into(),
        encoding: input.encoding.to_string(),
        delimiter: delimiter_name(input.dialect.delimiter).into(),
    };
    let mut tx = store.begin_import(&batch)?;
    let mut resolver = Resolver::default();
    if let Some(channel) = &spec.channel {
        resolver
            .channel(&tx, channel, out)?
            .map_err(|e| anyhow!("--channel {channel}: {e}"))?;
    }
    let progress = Progress::new(out.progress, &name, source.size());
    let mut counts = Counts::default();
    let mut errors: Vec<RowError> = Vec::new();
    let mut rejects = rejects;
    let mut rows_seen = 0u64;
    let header = input.dialect.header.clone();
    while let Some(row) = input.next_row()? {
        if row.is_blank() {
            continue;
        }
        counts.read += 1;
        match write_row(&mut tx, &row, &ctx, spec, &mut resolver, out)? {
            Ok(w) => counts.add(w),
            Err(e) => {
                counts.rejected += 1;
                if let Some(r) = rejects.as_deref_mut() {
                    r.push(&header, &e, row.fields_lossy());
                }
                errors.push(e);
            }
        }
        rows_seen += 1;
        if rows_seen.is_multiple_of(4096) {
            progress.set_position(input.bytes_read());
        }
    }
    progress.finish();
    let digest = input.digest();
    drop(input);
    if prehash.as_ref().is_some_and(|h| *h != digest) {
        tx.rollback()?;
        bail!(
            "{name} changed while it was being imported; nothing was imported (try again once it is complete)"
        );
    }
    if prehash.is_none()
        && let Some(prior) = tx.prior_batch_with(&digest, spec.kind.as_str(), &target)?
    {
        tx.rollback()?;
        out.note(&format!(
            "{name}: already imported as batch {prior}; nothing changed"
        ));
        return Ok(FileOutcome::duplicate(name, prior));
    }
    if !errors.is_empty() && !spec.skip_bad_rows {
        tx.rollback()?;
        list_errors(&name, &errors, out);
        bail!(
            "{name}: {} bad row{} of {}; nothing was imported (fix them, or pass --on-error skip --rejects FILE to import the rest)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            counts.read
        );
    }
    let secs = started.elapsed().as_secs_f64();
    if spec.dry_run {
        tx.rollback()?;
        list_errors(&name, &errors, out);
        out.note(&format!(
            "{name} (dry run): {} rows read, would add {}, update {}, leave {} unchanged, reject {}; nothing was written",
            counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected
        ));
        return Ok(FileOutcome {
            name,
            counts,
            batch: None,
            duplicate_of: None,
        });
    }
    // The rejects are on disk before the good rows commit, so no bad row can be lost.
    let staged = match rejects.as_deref_mut() {
        Some(r) if counts.rejected > 0 => Some(r.stage()?),
        _ => None,
    };
    let batch_id = match tx.commit(&digest, &counts) {
        Ok(id) => id,
        Err(e) => {
            if let (Some(r), Some(_)) = (rejects.as_deref_mut(), &staged) {
                r.discard();
            }
            return Err(e);
        }
    };
    if let Some(r) = rejects.filter(|_| staged.is_some()) {
        let path = r.publish()?;
        out.warn(&format!(
            "{name}: {} bad row{} written to {}",
            counts.rejected,
            if counts.rejected == 1 { "" } else { "s" },
            path.display()
        ));
    }
    out.note(&format!(
        "{name}: {} rows read, {} new, {} updated, {} unchanged, {} rejected ({secs:.2}s, batch {batch_id})",
        counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected
    ));
    Ok(FileOutcome {
        name,
        counts,
        batch: Some(batch_id),
        duplicate_of: None,
    })
}

/// Parses and writes one row: the outer error is fatal (the store), the inner is the row's.
fn write_row(
    tx: &mut ImportTx<'_>,
    row: &Row<'_>,
    ctx: &ParseContext,
    spec: &ImportSpec,
    resolver: &mut Resolver,
    out: &Output,
) -> Result<Result<Written, RowError>> {
    match spec.kind {
        Kind::Sales => {
            let rec = match parse::sales(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            match resolver.channel(tx, &rec.channel, out)? {
                Ok(id) => Ok(Ok(tx.write_sales(&rec, id)?)),
                Err(msg) => Ok(Err(column_error(row, ctx, "channel", &rec.channel, msg))),
            }
        }
        Kind::Catalog => {
            let rec = match parse::catalog(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            match &spec.channel {
                None => Ok(Ok(tx.write_product(&rec)?)),
                Some(c) => {
                    let id = resolver.channel(tx, c, out)?.map_err(|e| anyhow!(e))?;
                    Ok(Ok(tx.write_listing(&rec, id)?))
                }
            }
        }
        Kind::Stock => {
            let rec = match parse::stock(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let id = resolver.location(tx, &rec.location, out)?;
            Ok(Ok(tx.write_stock(&rec, id)?))
        }
        Kind::Customers => {
            let rec = match parse::customer(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let channel = spec.channel.as_deref().unwrap_or_default();
            let id = resolver
                .channel(tx, channel, out)?
                .map_err(|e| anyhow!(e))?;
            Ok(Ok(tx.write_customer(&rec, id)?))
        }
    }
}

fn column_error(
    row: &Row<'_>,
    ctx: &ParseContext,
    column: &str,
    value: &str,
    message: String,
) -> RowError {
    let idx = ctx
        .map
        .source
        .get(ctx.map.kind.index_of(column))
        .copied()
        .flatten();
    RowError {
        line: row.line,
        column: idx.map(|i| {
            (
                i + 1,
                ctx.map
                    .header
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| column.into()),
            )
        }),
        value: Some(value.to_string()),
        message,
    }
}

/// Channel and location ids by name, creating channels whose name implies their kind.
#[derive(Default)]
struct Resolver {
    channels: HashMap<String, Result<i64, String>>,
    locations: HashMap<String, i64>,
}

impl Resolver {
    fn channel(
        &mut self,
        tx: &ImportTx<'_>,
        name: &str,
        out: &Output,
    ) -> Result<Result<i64, String>> {
        let key = name.to_lowercase();
        if let Some(r) = self.channels.get(&key) {
            return Ok(r.clone());
        }
        let resolved = match tx.channel(name)? {
            Some((id, _)) => Ok(id),
            None => match infer_from_name(name) {
                Some((kind, platform)) => {
                    let id = tx.create_channel(name, kind.as_str(), platform)?;
                    let on = platform.map(|p| format!(" on {p}")).unwrap_or_default();
                    out.note(&format!("created channel {name} ({kind}{on}); change it with `omni channels` if that is wrong"));
                    Ok(id)
                }
                None => Err(format!(
                    "is not a known channel and its kind cannot be told from its name: add it first with `omni channels add {name} --kind web|marketplace|store|social|app|wholesale`"
                )),
            },
        };
        self.channels.insert(key, resolved.clone());
        Ok(resolved)
    }

    fn location(&mut self, tx: &ImportTx<'_>, name: &str, out: &Output) -> Result<i64> {
        let key = name.to_lowercase();
        if let Some(id) = self.locations.get(&key) {
            return Ok(*id);
        }
        let (id, created) = tx.location_or_create(name)?;
        if created {
            out.note(&format!("created location {name} (warehouse); set which channels it feeds with `omni locations`"));
        }
        self.locations.insert(key, id);
        Ok(id)
    }
}

fn channel_currencies(store: &Store) -> Result<HashMap<String, Currency>> {
    Ok(store
        .channels()?
        .into_iter()
        .filter_map(|c| Some((c.name.to_lowercase(), c.currency?.parse().ok()?)))
        .collect())
}

fn describe_input(input: &CsvInput, out: &Output) {
    let d = &input.dialect;
    out.detail(&format!(
        "{}: {} format, {}, {} delimiter, header on line {}",
        input.name,
        input.map.kind,
        input.encoding,
        delimiter_name(d.delimiter),
        d.header_line
    ));
    let mapping: Vec<String> = input
        .map
        .kind
        .columns()
        .iter()
        .zip(&input.map.source)
        .filter_map(|(spec, src)| {
            src.map(|i| format!("{} <- \"{}\"", spec.name, d.header[i].trim()))
        })
        .collect();
    out.detail(&format!("  columns: {}", mapping.join(", ")));
    if !input.map.ignored.is_empty() {
        out.detail(&format!(
            "  ignored columns: {}",
            input.map.ignored.join(", ")
        ));
    }
    let decimal = input
        .locale
        .decimal
        .map_or("not shown by the file".into(), |m| m.to_string());
    let dates = input
        .locale
        .date_order
        .map_or("no day/month ambiguity seen".into(), |o| o.to_string());
    out.detail(&format!("  numbers: {decimal}; dates: {dates}"));
}

fn list_errors(name: &str, errors: &[RowError], out: &Output) {
    for e in errors.iter().take(LISTED_ERRORS) {
        out.warn(&format!("{name}:{e}"));
    }
    if errors.len() > LISTED_ERRORS {
        out.warn(&format!(
            "{name}: … and {} more bad rows",
            errors.len() - LISTED_ERRORS
        ));
    }
}
