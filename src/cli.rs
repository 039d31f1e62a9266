//! The command line as clap derive structs: argument shapes and help text only. Nothing here
//! opens files, the store or the terminal (so completions can be generated from it).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "omni",
    version,
    about = "One local picture of a merchant's channels: catalogue, stock, sales and customers",
    long_about = "omni keeps the CSV exports of a merchant's web shop, marketplaces and physical stores in one \
local SQLite store and makes the data meet.\n\nStart with `omni demo` to see it on sample data, or `omni init` \
to create a store (./omni.db, or --db PATH, or $OMNI_DB).",
    after_help = "Exit codes: 0 success, 1 error, 2 usage, 3 findings under --check/--fail-on, 4 store locked by another omni."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The store to use [default: $OMNI_DB, else ./omni.db]
    #[arg(long, global = true, env = "OMNI_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format [default: table on a terminal, csv otherwise]
    #[arg(long, global = true, value_enum)]
    pub format: Option<FormatArg>,
    /// Print only results and errors: no progress, no notes
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print detail on stderr: detected formats, column mappings, ignored columns
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Never draw a progress bar
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Colour in tables and messages (auto: only on a terminal and without NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// When another omni is writing to the store, wait up to this many seconds (then exit 4)
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 0)]
    pub wait: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the store (safe to run again; upgrades an older store, refuses a newer one)
    Init(InitArgs),
    /// Define the places where you sell
    #[command(subcommand)]
    Channels(ChannelsCommand),
    /// Define the places where stock sits, and which channels each one feeds
    #[command(subcommand)]
    Locations(LocationsCommand),
    /// Load CSV/TSV files: a catalogue, stock counts, sales or customers
    Import(ImportArgs),
    /// How channel SKUs map to master SKUs
    #[command(subcommand)]
    Skus(SkusCommand),
    /// Available to sell per SKU and channel, the actions to take, and the channels' update files
    Reconcile(ReconcileArgs),
    /// Link customer records across channels into customers, explain and undo each link
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// What each channel is missing, gets wrong or lets go stale, with a score per channel
    Audit(AuditArgs),
    /// Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the
    /// convention it names
    #[command(
        long_about = "Sales, customer, retention, cohort, CLV, RFM and cross-channel figures. Every report \
ends with the conventions it was computed under (what counts as an order, how returns are dated, whether a \
customer is a channel record or a merged customer, guests, currency, time zone, partial periods).\n\n\
Currencies are never summed: each figure is given per currency. Periods are cut in the store's time zone \
(`omni init --timezone`). Run `omni customers merge` first for cross-channel figures."
    )]
    Kpi(KpiArgs),
    /// Write one self-contained HTML page: sales, customers, channels and stock, drawn
    Report(ReportArgs),
    /// The platform exports omni recognises, and a template for describing any other
    Formats(FormatsArgs),
    /// The import ledger: one entry per imported file
    #[command(subcommand)]
    Batches(BatchesCommand),
    /// Print a whole store table (money as exact decimals beside its currency)
    Export(ExportArgs),
    /// Run one read-only SQL query against the store
    Sql(SqlArgs),
    /// Check the store: integrity, schema, references, orphan rows, KPI aggregates, last
    /// import per channel
    Doctor(DoctorArgs),
    /// Copy the store while others keep using it (SQLite's online backup)
    Backup(BackupArgs),
    /// The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged
    Sync(SyncArgs),
    /// Build a store from the bundled sample data of a Spanish merchant and show what it holds
    Demo(DemoArgs),
    /// Print the shell completion script for SHELL
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The merchant's time zone (IANA name): report periods are cut in it, and times written
    /// without an offset are read in it [default: this machine's zone]
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Currency of amounts whose file and channel name none (ISO 4217, e.g. EUR)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ChannelsCommand {
    /// Add a channel
    Add {
        /// The channel's name, as files and commands will refer to it (e.g. web, amazon-es)
        name: String,
        /// What kind of channel it is
        #[arg(long, value_enum)]
        kind: KindArg,
        /// The platform behind it (shopify, amazon, ebay, …)
        #[arg(long)]
        platform: Option<String>,
        /// The currency its amounts are in when its files do not say (ISO 4217)
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
    },
    /// List channels with their stock sources, listings and orders
    List,
    /// Change a channel's publishing rules or the locations that feed it
    Set(ChannelSetArgs),
    /// Remove a channel (refused while data refers to it, unless --force)
    Remove {
        name: String,
        /// Also remove its listings, orders, order lines and customer records
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct ChannelSetArgs {
    pub name: String,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// How often the channel takes stock updates, in hours (for oversell risk)
    #[arg(long, value_name = "HOURS", value_parser = clap::value_parser!(i64).range(1..=8760))]
    pub sync_hours: Option<i64>,
    /// The locations that feed the channel, in the order sales are deducted from them
    #[arg(long, value_delimiter = ',', value_name = "LOCATIONS")]
    pub sources: Option<Vec<String>>,
    /// The channel's currency (ISO 4217)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// The channel's expected price difference from the master price, e.g. 15% for a
    /// marketplace's fees (audit price-parity)
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    pub markup: Option<String>,
}

/// Publishing rules, applied in this order: pool − buffer → × percent (rounded down) →
/// capped at max → 0 when ≤ zero-at → never below 0.
#[derive(Debug, Args, Clone, Default)]
pub struct RuleArgs {
    /// Units held back from the pool
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(0..=1_000_000_000))]
    pub buffer: Option<i64>,
    /// Share of the pool to publish, in percent
    #[arg(long, value_name = "P")]
    pub percent: Option<i64>,
    /// Never publish more than this (use --no-max to remove the cap)
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(i64).range(0..=1_000_000_000))]
    pub max: Option<i64>,
    /// Remove the cap set with --max
    #[arg(long, conflicts_with = "max")]
    pub no_max: bool,
    /// Publish 0 when the figure is at or below this
    #[arg(long, value_name = "Z", value_parser = clap::value_parser!(i64).range(0..=1_000_000_000))]
    pub zero_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Web,
    Marketplace,
    Store,
    Social,
    App,
    Wholesale,
}

#[derive(Debug, Subcommand)]
pub enum LocationsCommand {
    /// Add a location
    Add {
        /// The location's name, as stock files and commands will refer to it
        name: String,
        /// What kind of place it is
        #[arg(long, value_enum, default_value_t = LocationKindArg::Warehouse)]
        kind: LocationKindArg,
        /// Channels this location's stock is sold on, comma-separated (appended to each
        /// channel's source order)
        #[arg(long, value_delimiter = ',', value_name = "CHANNELS")]
        feeds: Vec<String>,
    },
    /// List locations with the channels they feed and their latest stock
    List,
    /// Remove a location (refused while stock refers to it, unless --force)
    Remove {
        name: String,
        /// Also remove its stock levels and feeds
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocationKindArg {
    Store,
    Warehouse,
    Fulfilment,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the files hold
    #[arg(value_enum)]
    pub kind: ImportWhat,
    /// Files to import, one transaction each; `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The channel of every row (sales without a channel column, a channel's catalogue or
    /// customers); an unknown channel is created when its name implies its kind
    #[arg(long)]
    pub channel: Option<String>,
    /// The location of every row (stock files without a location column)
    #[arg(long)]
    pub location: Option<String>,
    /// Read the file with this profile instead of detecting it (see `omni formats`)
    #[arg(long, value_name = "NAME", conflicts_with = "map")]
    pub profile: Option<String>,
    /// Read a layout omni does not know, described by a TOML mapping
    /// (start from `omni formats --template KIND`)
    #[arg(long, value_name = "FILE.toml")]
    pub map: Option<PathBuf>,
    /// Currency of amounts the file does not name (also given to channels this import creates)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// With a channel's catalogue: also create or update master products from its rows
    #[arg(long)]
    pub create_products: bool,
    /// Stock quantities are counts as of as_of (the default)
    #[arg(long, conflicts_with = "adjust")]
    pub set: bool,
    /// Stock quantities are changes to the latest count (deliveries, corrections)
    #[arg(long)]
    pub adjust: bool,
    /// What to do with bad rows: abort imports nothing and lists them; skip imports the rest
    #[arg(long, value_enum, default_value_t = OnErrorArg::Abort)]
    pub on_error: OnErrorArg,
    /// With --on-error skip: write the bad rows here, with their line number and reason
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Check everything and report what would change, writing nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import even a file whose exact content was imported before (to bring back an older
    /// catalogue, say); a re-import is otherwise recognised and skipped
    #[arg(long)]
    pub force: bool,
    /// The decimal mark of amounts, when the file does not make it clear (e.g. only `1,234`)
    #[arg(long, value_enum)]
    pub decimal: Option<DecimalArg>,
    /// How dates are written, in strftime form (e.g. %d/%m/%Y %H:%M), when the file does not
    /// make the day/month order clear
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportWhat {
    /// sku, title, barcode, brand, category, price, currency, quantity, status, url, …
    Catalog,
    /// sku, location, on_hand, reserved, as_of
    Stock,
    /// order_id, line_id, channel, ordered_at, status, customer_*, sku, quantity, unit_price, …
    Sales,
    /// customer_id, email, phone, name, given_name, family_name, address, city, postcode, …
    Customers,
    /// Exchange rates for `omni kpi --convert-to`: date, currency, rate (units of currency
    /// per unit of base), base (or --currency; default: the store's currency)
    Rates,
}

impl ImportWhat {
    /// The kind of records the import engine reads; none for exchange rates.
    pub fn records(self) -> Option<ImportKindArg> {
        match self {
            ImportWhat::Catalog => Some(ImportKindArg::Catalog),
            ImportWhat::Stock => Some(ImportKindArg::Stock),
            ImportWhat::Sales => Some(ImportKindArg::Sales),
            ImportWhat::Customers => Some(ImportKindArg::Customers),
            ImportWhat::Rates => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKindArg {
    /// sku, title, barcode, brand, category, price, currency, quantity, status, url, …
    Catalog,
    /// sku, location, on_hand, reserved, as_of
    Stock,
    /// order_id, line_id, channel, ordered_at, status, customer_*, sku, quantity, unit_price, …
    Sales,
    /// customer_id, email, phone, name, given_name, family_name, address, city, postcode, …
    Customers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnErrorArg {
    Abort,
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecimalArg {
    Dot,
    Comma,
}

#[derive(Debug, Subcommand)]
pub enum SkusCommand {
    /// Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku
    /// (a mapping you give wins over SKU and barcode matches)
    Map {
        /// The mapping file; `-` reads standard input
        file: PathBuf,
    },
    /// Listings that map to no master SKU, with the best candidate and why
    Unmapped {
        /// Only this channel's listings
        #[arg(long)]
        channel: Option<String>,
    },
    /// Master SKUs with their listing on each channel
    List {
        /// Only SKUs matching this SQL LIKE pattern (e.g. ALP-00%)
        #[arg(long, value_name = "PATTERN")]
        sku: Option<String>,
    },
    /// Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns
    /// bundle, component, quantity
    Bundle {
        /// The bundle's SKU (omit with --file)
        #[arg(required_unless_present = "file")]
        bundle: Option<String>,
        /// COMPONENT=QTY, e.g. ALP-001=2
        #[arg(value_name = "COMPONENT=QTY")]
        components: Vec<String>,
        /// A CSV of bundles (replaces the components of every bundle it names)
        #[arg(long, conflicts_with = "bundle")]
        file: Option<PathBuf>,
    },
    /// Override a channel's publishing rules for one SKU (--clear removes the override)
    Rule {
        sku: String,
        #[arg(long)]
        channel: String,
        #[command(flatten)]
        rules: RuleArgs,
        /// Remove this SKU's override on the channel
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReconcileArgs {
    #[command(subcommand)]
    pub explain: Option<ReconcileCommand>,
    /// Only these channels (repeat or comma-separate)
    #[arg(long, value_delimiter = ',', value_name = "CHANNEL")]
    pub channel: Vec<String>,
    /// Only SKUs matching this pattern (`*` for any characters, case-insensitive)
    #[arg(long, value_name = "PATTERN")]
    pub sku: Option<String>,
    /// Include rows whose action is ok
    #[arg(long)]
    pub all: bool,
    /// Write one update file per channel in its platform's upload format into DIR
    /// (changed listings only, unless --all)
    #[arg(long, value_name = "DIR")]
    pub emit: Option<PathBuf>,
    /// Record the published quantities as what each channel now shows
    #[arg(long)]
    pub apply: bool,
    /// Exit 3 when any oversell risk remains
    #[arg(long)]
    pub check: bool,
    /// Propose a buffer per channel and SKU from its sales velocity
    #[arg(long)]
    pub advise_buffers: bool,
}

#[derive(Debug, Subcommand)]
pub enum CustomersCommand {
    /// Link customer records that are one person into customers. New records are linked to
    /// the customers that exist; --rebuild recomputes every link (people's decisions are kept)
    Merge {
        /// Probability a scored pair needs to be linked (records sharing an e-mail, mobile
        /// or loyalty card are linked unless their given names conflict)
        #[arg(long, value_name = "P", default_value_t = crate::identity::DEFAULT_THRESHOLD)]
        threshold: f64,
        /// Recompute every customer from scratch
        #[arg(long)]
        rebuild: bool,
        /// Show what would change without changing anything
        #[arg(long)]
        dry_run: bool,
    },
    /// Customers with their records' channels (largest first)
    List {
        /// Only customers found on at least this many channels
        #[arg(long, value_name = "N", default_value_t = 1)]
        min_channels: usize,
        /// How the golden record picks each field
        #[arg(long, value_enum, default_value = "recent")]
        survivorship: crate::identity::golden::Survivorship,
    },
    /// One customer: the golden record with each field's source, every record, every order
    Show {
        /// Customer number, or a record as rNNN
        id: String,
        #[arg(long, value_enum, default_value = "recent")]
        survivorship: crate::identity::golden::Survivorship,
    },
    /// Why two records (rNNN) or customers (NNN) are or are not one person, field by field
    Explain { a: String, b: String },
    /// Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file
    Review {
        /// Pairs down to this probability are shown
        #[arg(long, value_name = "P", default_value_t = 0.5)]
        min: f64,
        /// Write the uncertain pairs to a CSV to decide in a spreadsheet (decision column)
        #[arg(long, value_name = "FILE", conflicts_with = "import_review")]
        export_review: Option<PathBuf>,
        /// Read decisions back from such a CSV (decision: yes, no or blank)
        #[arg(long, value_name = "FILE")]
        import_review: Option<PathBuf>,
    },
    /// Undo the merge that formed a customer: its records go back to the customers they were
    /// before, and are kept apart from then on
    Unmerge {
        /// Customer number
        id: i64,
    },
    /// Take one record (rNNN or NNN) out of its customer, and keep it apart from then on
    Split { record: String },
    /// One row per customer record: channel, source_id, record_id, customer_id, then the
    /// customer's golden fields
    Export {
        #[arg(long, value_enum, default_value = "recent")]
        survivorship: crate::identity::golden::Survivorship,
    },
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Run only these checks (repeat or comma-separate): missing-listing, orphan-listing,
    /// duplicate-listing, price-parity, content-drift, availability, stale-listing, customer-journey
    #[arg(long, value_delimiter = ',', value_name = "CHECK")]
    pub only: Vec<String>,
    /// Only these channels (repeat or comma-separate)
    #[arg(long, value_delimiter = ',', value_name = "CHANNEL")]
    pub channel: Vec<String>,
    /// Exit 3 when a finding of this severity (or worse) exists
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOnArg>,
    /// Allowed price difference from the expected price
    #[arg(long, value_name = "PERCENT", default_value = "5%")]
    pub price_tolerance: String,
    /// A listing not updated for more days than this is stale
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    pub stale_days: i64,
    /// Store this run, so a later `--since-last` shows what changed
    #[arg(long)]
    pub save: bool,
    /// Show only findings that are new or resolved since the last saved run
    #[arg(long, conflicts_with = "since")]
    pub since_last: bool,
    /// Show only findings that are new or resolved since saved run RUN
    #[arg(long, value_name = "RUN")]
    pub since: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warn,
}

#[derive(Debug, Subcommand)]
pub enum ReconcileCommand {
    /// Every step from on hand per location to the published figure
    Explain {
        sku: String,
        /// Only this channel (default: every channel that lists or could list it)
        #[arg(long)]
        channel: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct FormatsArgs {
    /// Print a commented --map TOML for a file of this kind instead of the list
    #[arg(long, value_enum, value_name = "KIND")]
    pub template: Option<ImportKindArg>,
    /// List only the exports of this kind
    #[arg(long, value_enum)]
    pub kind: Option<ImportKindArg>,
}

#[derive(Debug, Subcommand)]
pub enum BatchesCommand {
    /// List every import with its counts
    List,
    /// Remove what a batch added and restore what it overwrote (refused when a later batch
    /// built on it)
    Undo {
        /// The batch id (see `omni batches list`)
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The table to print
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::store::query::table_names()))]
    pub table: String,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One SELECT (or other read-only) statement
    pub query: String,
}

#[derive(Debug, Args)]
pub struct DemoArgs {}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the page (replaced if it exists; written whole or not at all)
    #[arg(long, value_name = "FILE")]
    pub html: PathBuf,
    /// First day of the period the KPIs cover (YYYY-MM-DD, in the store's zone)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Day after the period (YYYY-MM-DD, excluded)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Recompute the KPI aggregates (the `sales_facts` table) from orders and lines before
    /// checking; needs the write lock
    #[arg(long)]
    pub rebuild_aggregates: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy
    pub path: PathBuf,
    /// Replace an existing file at PATH
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The sync plan (TOML); its paths are relative to its own folder
    #[arg(
        long,
        value_name = "FILE",
        default_value = "sync.toml",
        required_unless_present = "init_plan"
    )]
    pub plan: PathBuf,
    /// Print a commented example plan and exit
    #[arg(long)]
    pub init_plan: bool,
    /// Show what would happen; move, import and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Leave files modified less than this many seconds ago for the next run (they may still
    /// be being written)
    #[arg(long, value_name = "SECONDS")]
    pub settle_seconds: Option<u64>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct KpiArgs {
    /// Which report
    #[arg(value_enum, default_value_t = KpiReport::Summary)]
    pub report: KpiReport,
    /// First day of the window, in the store's time zone (YYYY-MM-DD, inclusive)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Day after the window (YYYY-MM-DD, exclusive)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Split the figures into periods (retention and cohorts: month unless given)
    #[arg(long, value_enum)]
    pub period: Option<PeriodArg>,
    /// Split the figures: summary by channel, SKU, category or fulfilling location;
    /// inventory by location, SKU or channel (clv is always by acquisition channel)
    #[arg(long, value_enum)]
    pub by: Option<KpiByArg>,
    /// Beside each figure, its change against the previous period or the same period a year
    /// before (channels; needs --period, or --from and --to)
    #[arg(long, value_enum)]
    pub compare: Option<CompareArg>,
    /// Convert every amount into this currency at the rate of its order's day (rates from
    /// `omni import rates`); without it, one figure per currency
    #[arg(long, value_name = "CUR")]
    pub convert_to: Option<String>,
    /// Leave cancelled orders out entirely (by default they count as orders, and their
    /// cancellation as a return dated when it happened)
    #[arg(long)]
    pub exclude_cancelled: bool,
    /// retention: a customer with no order for this many days has lapsed
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    pub lapse_days: u32,
    /// cohorts: the share that has ordered again by each period, instead of in it
    #[arg(long)]
    pub cumulative: bool,
    /// clv: predict value over this many days (BG/NBD and Gamma-Gamma fitted on the window)
    #[arg(long, value_name = "DAYS")]
    pub predict: Option<u32>,
    /// clv --predict: the time unit of recency and age in the fit
    #[arg(long, value_enum, default_value_t = UnitArg::Week)]
    pub unit: UnitArg,
    /// clv --predict: L2 penalty on the fitted parameters (lifetimes suggests 0.001–0.1 for
    /// small samples)
    #[arg(long, default_value_t = 0.0)]
    pub penalizer: f64,
    /// clv --predict: monthly discount rate of future value (0.01 = 1 % a month)
    #[arg(long, value_name = "RATE", default_value_t = 0.0)]
    pub discount_rate: f64,
    /// clv --predict: how many customers to list, by predicted value
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// CSV: write the conventions as `#` comment lines before the rows
    #[arg(long)]
    pub comments: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KpiReport {
    /// Orders, units, gross, discounts, returns, net, AOV, customers, repeat rate, per currency
    Summary,
    /// The summary per channel, with each channel's share of net sales
    Channels,
    /// Customers new and returning, repeat and returning-customer rates, guests, top 5 % share
    Customers,
    /// Previous-period retention and churn; lapsed customers by acquisition channel
    Retention,
    /// Acquisition cohorts × periods since the first order
    Cohorts,
    /// Historic CLV by acquisition channel; --predict for BG/NBD + Gamma-Gamma
    Clv,
    /// Recency, frequency, monetary scores 1–5 and named segments
    Rfm,
    /// Cross-channel versus single-channel customers: per customer, per order, repeaters
    Uplift,
    /// Sell-through, stockout rate, turnover and days of supply per SKU and location, from
    /// the stock counts, changes and fulfilled lines
    Inventory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KpiByArg {
    Channel,
    /// summary: by the line's fulfilling location; inventory: pooled over SKUs
    Location,
    /// summary: by SKU; inventory: pooled over locations
    Sku,
    /// summary: by the master product's category
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareArg {
    Previous,
    Yoy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    Day,
    Week,
}
