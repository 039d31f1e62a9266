//! Importing one file or stream: detect, map, shape, parse and write every row in one
//! transaction, then commit, roll back (bad rows, dry run, duplicate) and report.

use std::time::Instant as Clock;

use anyhow::{Result, anyhow, bail};

use crate::domain::datetime::{DateParser, Instant};
use crate::error::OmniError;
use crate::ingest::parse::ParseContext;
use crate::ingest::shape::{Shaper, canon_rows};
use crate::ingest::sniff::delimiter_name;
use crate::ingest::{CsvInput, InputOptions, Kind, RowError, Source};
use crate::render::{Output, Progress};
use crate::store::Store;
use crate::store::import::{Counts, NewBatch};
use crate::store::settings::CURRENCY;

use super::super::init::store_zone;
use super::ImportSpec;
use super::rejects::RejectsFile;
use super::report::{describe_input, list_errors};
use super::rows::{Resolver, channel_currencies, write_row};

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

/// Imports one file or stream as one transaction and reports it on stderr.
pub fn import_source(
    store: &mut Store,
    source: &Source,
    spec: &ImportSpec,
    mut rejects: Option<&mut RejectsFile>,
    out: &Output,
) -> Result<FileOutcome> {
    let started = Clock::now();
    let name = source.display_name();
    let target = spec
        .channel
        .clone()
        .or_else(|| spec.location.clone())
        .unwrap_or_default();
    let stamp = match source {
        Source::Path(p) => Some(Source::stamp(p)?),
        _ => None,
    };
    let prehash = match source {
        Source::Path(p) => Some(Source::hash_file(p)?),
        _ => None,
    };
    if let Some(hash) = &prehash
        && !spec.force
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
    let opts = InputOptions {
        provided,
        decimal: spec.decimal,
        profile: spec.profile,
        delimiter: spec.delimiter,
    };
    let mut input = CsvInput::open(source, spec.kind, &opts)?;
    let profile = input.map.profile;
    describe_input(&input, out);
    if input.dialect.header.iter().any(|h| h.contains('\u{fffd}')) {
        out.warn(&format!(
            "{name}: its header has characters lost before omni read it (\u{fffd}); columns were matched around them"
        ));
    }
    // A platform's export belongs to a channel: the one named, else one named after the platform.
    let channel = spec.channel.clone().or_else(|| {
        (!profile.canonical
            && profile.platform != "custom"
            && spec.kind != Kind::Stock
            && !input.map.has("channel"))
        .then(|| profile.platform.to_string())
    });
    if spec.kind == Kind::Customers && channel.is_none() {
        return Err(OmniError::Usage(
            "importing omni's customers file needs --channel (the channel these customers are from)".into(),
        )
        .into());
    }
    let mut channel_currency = channel_currencies(store)?;
    if let (Some(c), Some(cur)) = (&channel, spec.currency) {
        channel_currency.insert(c.to_lowercase(), cur);
    }
    let ctx = ParseContext {
        map: input.map.clone(),
        decimal: input.locale.decimal,
        dates: DateParser {
            order: input.locale.date_order,
            format: spec.date_format.clone(),
            zone: store_zone(store)?,
        },
        channel: channel.clone(),
        location: spec.location.clone(),
        channel_currency,
        store_currency: store.setting(CURRENCY)?.and_then(|c| c.parse().ok()),
        file_currency: spec.currency.or(input.map.header_currency),
        now: Instant::from_utc(chrono::Utc::now()),
    };
    let batch = NewBatch {
        kind: spec.kind.as_str().into(),
        source: source.ledger_name(),
        content_hash: prehash.clone(),
        target: target.clone(),
        profile: profile.name.into(),
        encoding: input.encoding.to_string(),
        delimiter: delimiter_name(input.dialect.delimiter).into(),
    };
    let mut tx = store.begin_import(&batch)?;
    let mut resolver = Resolver::new(profile, spec.currency);
    if let Some(c) = &channel {
        resolver
            .channel(&tx, c, out)?
            .map_err(|e| anyhow!("channel {c} {e}"))?;
    }
    let progress = Progress::new(out.progress, &name, source.size());
    let mut counts = Counts::default();
    let mut errors: Vec<RowError> = Vec::new();
    let mut warnings: Vec<RowError> = Vec::new();
    let header = input.dialect.header.clone();
    let mut shaper = Shaper::new(profile);
    let mut shaped = Vec::new();
    let mut mapped = Vec::new();
    while let Some(row) = input.next_row()? {
        if row.is_blank() || shaper.is_noise(&row) {
            continue;
        }
        counts.read += 1;
        let mut bad = None;
        mapped.clear();
        match canon_rows(&row, &ctx.map, &mut mapped) {
            Err(e) => bad = Some(e),
            Ok(()) => {
                shaped.clear();
                for canon in mapped.drain(..) {
                    shaper.shape(canon, &mut shaped);
                }
                for r in &shaped {
                    match write_row(&mut tx, r, &ctx, spec, &mut resolver, &mut warnings, out)? {
                        Ok(w) => counts.add(w),
                        Err(e) => {
                            bad = Some(e);
                            break;
                        }
                    }
                }
            }
        }
        if let Some(e) = bad {
            counts.rejected += 1;
            if let Some(r) = rejects.as_deref_mut() {
                r.push(&header, &e, row.fields_lossy());
            }
            errors.push(e);
        }
        if counts.read.is_multiple_of(4096) {
            progress.set_position(input.bytes_read());
        }
    }
    progress.finish();
    let streamed = input.digest();
    drop(input);
    let changed = match source {
        Source::Path(p) => stamp != Some(Source::stamp(p)?),
        _ => false,
    };
    let digest = prehash.clone().or(streamed).unwrap_or_default();
    if changed {
        tx.rollback()?;
        bail!(
            "{name} changed while it was being imported; nothing was imported (try again once it is complete)"
        );
    }
    if prehash.is_none()
        && !spec.force
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
            "{name}: {} bad row{} of {} (the first: line {}); nothing was imported (fix them, or pass --on-error skip --rejects FILE to import the rest)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            counts.read,
            errors[0]
        );
    }
    list_errors(&name, &warnings, out);
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
            if let Some(r) = rejects.as_deref_mut() {
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
