
use builtin;
use str;

set edit:completion:arg-completer[omni] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the store (safe to run again; upgrades an older store, refuses a newer one)'
            cand channels 'Define the places where you sell'
            cand locations 'Define the places where stock sits, and which channels each one feeds'
            cand import 'Load CSV/TSV files: a catalogue, stock counts, sales or customers'
            cand skus 'How channel SKUs map to master SKUs'
            cand reconcile 'Available to sell per SKU and channel, the actions to take, and the channels'' update files'
            cand customers 'Link customer records across channels into customers, explain and undo each link'
            cand audit 'What each channel is missing, gets wrong or lets go stale, with a score per channel'
            cand kpi 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names'
            cand report 'Write one self-contained HTML page: sales, customers, channels and stock, drawn'
            cand formats 'The platform exports omni recognises, and a template for describing any other'
            cand batches 'The import ledger: one entry per imported file'
            cand export 'Print a whole store table (money as exact decimals beside its currency)'
            cand sql 'Run one read-only SQL query against the store'
            cand doctor 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel'
            cand backup 'Copy the store while others keep using it (SQLite''s online backup)'
            cand sync 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged'
            cand demo 'Build a store from the bundled sample data of a Spanish merchant and show what it holds'
            cand completions 'Print the shell completion script for SHELL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;init'= {
            cand --timezone 'The merchant''s time zone (IANA name): report periods are cut in it, and times written without an offset are read in it [default: this machine''s zone]'
            cand --currency 'Currency of amounts whose file and channel name none (ISO 4217, e.g. EUR)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;channels'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a channel'
            cand list 'List channels with their stock sources, listings and orders'
            cand set 'Change a channel''s publishing rules or the locations that feed it'
            cand remove 'Remove a channel (refused while data refers to it, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;channels;add'= {
            cand --kind 'What kind of channel it is'
            cand --platform 'The platform behind it (shopify, amazon, ebay, …)'
            cand --currency 'The currency its amounts are in when its files do not say (ISO 4217)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;channels;list'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;channels;set'= {
            cand --buffer 'Units held back from the pool'
            cand --percent 'Share of the pool to publish, in percent'
            cand --max 'Never publish more than this (use --no-max to remove the cap)'
            cand --zero-at 'Publish 0 when the figure is at or below this'
            cand --sync-hours 'How often the channel takes stock updates, in hours (for oversell risk)'
            cand --sources 'The locations that feed the channel, in the order sales are deducted from them'
            cand --currency 'The channel''s currency (ISO 4217)'
            cand --markup 'The channel''s expected price difference from the master price, e.g. 15% for a marketplace''s fees (audit price-parity)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --no-max 'Remove the cap set with --max'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;channels;remove'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --force 'Also remove its listings, orders, order lines and customer records'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;channels;help'= {
            cand add 'Add a channel'
            cand list 'List channels with their stock sources, listings and orders'
            cand set 'Change a channel''s publishing rules or the locations that feed it'
            cand remove 'Remove a channel (refused while data refers to it, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;channels;help;add'= {
        }
        &'omni;channels;help;list'= {
        }
        &'omni;channels;help;set'= {
        }
        &'omni;channels;help;remove'= {
        }
        &'omni;channels;help;help'= {
        }
        &'omni;locations'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a location'
            cand list 'List locations with the channels they feed and their latest stock'
            cand remove 'Remove a location (refused while stock refers to it, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;locations;add'= {
            cand --kind 'What kind of place it is'
            cand --feeds 'Channels this location''s stock is sold on, comma-separated (appended to each channel''s source order)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;locations;list'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;locations;remove'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --force 'Also remove its stock levels and feeds'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;locations;help'= {
            cand add 'Add a location'
            cand list 'List locations with the channels they feed and their latest stock'
            cand remove 'Remove a location (refused while stock refers to it, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;locations;help;add'= {
        }
        &'omni;locations;help;list'= {
        }
        &'omni;locations;help;remove'= {
        }
        &'omni;locations;help;help'= {
        }
        &'omni;import'= {
            cand --channel 'The channel of every row (sales without a channel column, a channel''s catalogue or customers); an unknown channel is created when its name implies its kind'
            cand --location 'The location of every row (stock files without a location column)'
            cand --profile 'Read the file with this profile instead of detecting it (see `omni formats`)'
            cand --map 'Read a layout omni does not know, described by a TOML mapping (start from `omni formats --template KIND`)'
            cand --currency 'Currency of amounts the file does not name (also given to channels this import creates)'
            cand --on-error 'What to do with bad rows: abort imports nothing and lists them; skip imports the rest'
            cand --rejects 'With --on-error skip: write the bad rows here, with their line number and reason'
            cand --decimal 'The decimal mark of amounts, when the file does not make it clear (e.g. only `1,234`)'
            cand --date-format 'How dates are written, in strftime form (e.g. %d/%m/%Y %H:%M), when the file does not make the day/month order clear'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --create-products 'With a channel''s catalogue: also create or update master products from its rows'
            cand --set 'Stock quantities are counts as of as_of (the default)'
            cand --adjust 'Stock quantities are changes to the latest count (deliveries, corrections)'
            cand --dry-run 'Check everything and report what would change, writing nothing'
            cand --force 'Import even a file whose exact content was imported before (to bring back an older catalogue, say); a re-import is otherwise recognised and skipped'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'omni;skus'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand map 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
            cand unmapped 'Listings that map to no master SKU, with the best candidate and why'
            cand list 'Master SKUs with their listing on each channel'
            cand bundle 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
            cand rule 'Override a channel''s publishing rules for one SKU (--clear removes the override)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;skus;map'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;skus;unmapped'= {
            cand --channel 'Only this channel''s listings'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;skus;list'= {
            cand --sku 'Only SKUs matching this SQL LIKE pattern (e.g. ALP-00%)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;skus;bundle'= {
            cand --file 'A CSV of bundles (replaces the components of every bundle it names)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;skus;rule'= {
            cand --channel 'channel'
            cand --buffer 'Units held back from the pool'
            cand --percent 'Share of the pool to publish, in percent'
            cand --max 'Never publish more than this (use --no-max to remove the cap)'
            cand --zero-at 'Publish 0 when the figure is at or below this'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --no-max 'Remove the cap set with --max'
            cand --clear 'Remove this SKU''s override on the channel'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;skus;help'= {
            cand map 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
            cand unmapped 'Listings that map to no master SKU, with the best candidate and why'
            cand list 'Master SKUs with their listing on each channel'
            cand bundle 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
            cand rule 'Override a channel''s publishing rules for one SKU (--clear removes the override)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;skus;help;map'= {
        }
        &'omni;skus;help;unmapped'= {
        }
        &'omni;skus;help;list'= {
        }
        &'omni;skus;help;bundle'= {
        }
        &'omni;skus;help;rule'= {
        }
        &'omni;skus;help;help'= {
        }
        &'omni;reconcile'= {
            cand --channel 'Only these channels (repeat or comma-separate)'
            cand --sku 'Only SKUs matching this pattern (`*` for any characters, case-insensitive)'
            cand --emit 'Write one update file per channel in its platform''s upload format into DIR (changed listings only, unless --all)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --all 'Include rows whose action is ok'
            cand --apply 'Record the published quantities as what each channel now shows'
            cand --check 'Exit 3 when any oversell risk remains'
            cand --advise-buffers 'Propose a buffer per channel and SKU from its sales velocity'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand explain 'Every step from on hand per location to the published figure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;reconcile;explain'= {
            cand --channel 'Only this channel (default: every channel that lists or could list it)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;reconcile;help'= {
            cand explain 'Every step from on hand per location to the published figure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;reconcile;help;explain'= {
        }
        &'omni;reconcile;help;help'= {
        }
        &'omni;customers'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand merge 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)'
            cand list 'Customers with their records'' channels (largest first)'
            cand show 'One customer: the golden record with each field''s source, every record, every order'
            cand explain 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
            cand review 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
            cand unmerge 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
            cand split 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
            cand export 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;customers;merge'= {
            cand --threshold 'Probability a scored pair needs to be linked (records sharing an e-mail, mobile or loyalty card are linked unless their given names conflict)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --rebuild 'Recompute every customer from scratch'
            cand --dry-run 'Show what would change without changing anything'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;list'= {
            cand --min-channels 'Only customers found on at least this many channels'
            cand --survivorship 'How the golden record picks each field'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;show'= {
            cand --survivorship 'survivorship'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;explain'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;review'= {
            cand --min 'Pairs down to this probability are shown'
            cand --export-review 'Write the uncertain pairs to a CSV to decide in a spreadsheet (decision column)'
            cand --import-review 'Read decisions back from such a CSV (decision: yes, no or blank)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;unmerge'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;split'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;export'= {
            cand --survivorship 'survivorship'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;customers;help'= {
            cand merge 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)'
            cand list 'Customers with their records'' channels (largest first)'
            cand show 'One customer: the golden record with each field''s source, every record, every order'
            cand explain 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
            cand review 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
            cand unmerge 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
            cand split 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
            cand export 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;customers;help;merge'= {
        }
        &'omni;customers;help;list'= {
        }
        &'omni;customers;help;show'= {
        }
        &'omni;customers;help;explain'= {
        }
        &'omni;customers;help;review'= {
        }
        &'omni;customers;help;unmerge'= {
        }
        &'omni;customers;help;split'= {
        }
        &'omni;customers;help;export'= {
        }
        &'omni;customers;help;help'= {
        }
        &'omni;audit'= {
            cand --only 'Run only these checks (repeat or comma-separate): missing-listing, orphan-listing, duplicate-listing, price-parity, content-drift, availability, stale-listing, customer-journey'
            cand --channel 'Only these channels (repeat or comma-separate)'
            cand --fail-on 'Exit 3 when a finding of this severity (or worse) exists'
            cand --price-tolerance 'Allowed price difference from the expected price'
            cand --stale-days 'A listing not updated for more days than this is stale'
            cand --since 'Show only findings that are new or resolved since saved run RUN'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --save 'Store this run, so a later `--since-last` shows what changed'
            cand --since-last 'Show only findings that are new or resolved since the last saved run'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;kpi'= {
            cand --from 'First day of the window, in the store''s time zone (YYYY-MM-DD, inclusive)'
            cand --to 'Day after the window (YYYY-MM-DD, exclusive)'
            cand --period 'Split the figures into periods (retention and cohorts: month unless given)'
            cand --by 'Split the figures: summary by channel, SKU, category or fulfilling location; inventory by location, SKU or channel (clv is always by acquisition channel)'
            cand --compare 'Beside each figure, its change against the previous period or the same period a year before (channels; needs --period, or --from and --to)'
            cand --convert-to 'Convert every amount into this currency at the rate of its order''s day (rates from `omni import rates`); without it, one figure per currency'
            cand --lapse-days 'retention: a customer with no order for this many days has lapsed'
            cand --predict 'clv: predict value over this many days (BG/NBD and Gamma-Gamma fitted on the window)'
            cand --unit 'clv --predict: the time unit of recency and age in the fit'
            cand --penalizer 'clv --predict: L2 penalty on the fitted parameters (lifetimes suggests 0.001–0.1 for small samples)'
            cand --discount-rate 'clv --predict: monthly discount rate of future value (0.01 = 1 % a month)'
            cand --top 'clv --predict: how many customers to list, by predicted value'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --exclude-cancelled 'Leave cancelled orders out entirely (by default they count as orders, and their cancellation as a return dated when it happened)'
            cand --cumulative 'cohorts: the share that has ordered again by each period, instead of in it'
            cand --comments 'CSV: write the conventions as `#` comment lines before the rows'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'omni;report'= {
            cand --html 'Where to write the page (replaced if it exists; written whole or not at all)'
            cand --from 'First day of the period the KPIs cover (YYYY-MM-DD, in the store''s zone)'
            cand --to 'Day after the period (YYYY-MM-DD, excluded)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;formats'= {
            cand --template 'Print a commented --map TOML for a file of this kind instead of the list'
            cand --kind 'List only the exports of this kind'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'omni;batches'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List every import with its counts'
            cand undo 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;batches;list'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;batches;undo'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;batches;help'= {
            cand list 'List every import with its counts'
            cand undo 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;batches;help;list'= {
        }
        &'omni;batches;help;undo'= {
        }
        &'omni;batches;help;help'= {
        }
        &'omni;export'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;sql'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;doctor'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --rebuild-aggregates 'Recompute the KPI aggregates (the `sales_facts` table) from orders and lines before checking; needs the write lock'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;backup'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --force 'Replace an existing file at PATH'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;sync'= {
            cand --plan 'The sync plan (TOML); its paths are relative to its own folder'
            cand --settle-seconds 'Leave files modified less than this many seconds ago for the next run (they may still be being written)'
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand --init-plan 'Print a commented example plan and exit'
            cand --dry-run 'Show what would happen; move, import and write nothing'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;demo'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;completions'= {
            cand --db 'The store to use [default: $OMNI_DB, else ./omni.db]'
            cand --format 'Output format [default: table on a terminal, csv otherwise]'
            cand --color 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)'
            cand --wait 'When another omni is writing to the store, wait up to this many seconds (then exit 4)'
            cand -q 'Print only results and errors: no progress, no notes'
            cand --quiet 'Print only results and errors: no progress, no notes'
            cand -v 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --verbose 'Print detail on stderr: detected formats, column mappings, ignored columns'
            cand --no-progress 'Never draw a progress bar'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;help'= {
            cand init 'Create the store (safe to run again; upgrades an older store, refuses a newer one)'
            cand channels 'Define the places where you sell'
            cand locations 'Define the places where stock sits, and which channels each one feeds'
            cand import 'Load CSV/TSV files: a catalogue, stock counts, sales or customers'
            cand skus 'How channel SKUs map to master SKUs'
            cand reconcile 'Available to sell per SKU and channel, the actions to take, and the channels'' update files'
            cand customers 'Link customer records across channels into customers, explain and undo each link'
            cand audit 'What each channel is missing, gets wrong or lets go stale, with a score per channel'
            cand kpi 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names'
            cand report 'Write one self-contained HTML page: sales, customers, channels and stock, drawn'
            cand formats 'The platform exports omni recognises, and a template for describing any other'
            cand batches 'The import ledger: one entry per imported file'
            cand export 'Print a whole store table (money as exact decimals beside its currency)'
            cand sql 'Run one read-only SQL query against the store'
            cand doctor 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel'
            cand backup 'Copy the store while others keep using it (SQLite''s online backup)'
            cand sync 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged'
            cand demo 'Build a store from the bundled sample data of a Spanish merchant and show what it holds'
            cand completions 'Print the shell completion script for SHELL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;help;init'= {
        }
        &'omni;help;channels'= {
            cand add 'Add a channel'
            cand list 'List channels with their stock sources, listings and orders'
            cand set 'Change a channel''s publishing rules or the locations that feed it'
            cand remove 'Remove a channel (refused while data refers to it, unless --force)'
        }
        &'omni;help;channels;add'= {
        }
        &'omni;help;channels;list'= {
        }
        &'omni;help;channels;set'= {
        }
        &'omni;help;channels;remove'= {
        }
        &'omni;help;locations'= {
            cand add 'Add a location'
            cand list 'List locations with the channels they feed and their latest stock'
            cand remove 'Remove a location (refused while stock refers to it, unless --force)'
        }
        &'omni;help;locations;add'= {
        }
        &'omni;help;locations;list'= {
        }
        &'omni;help;locations;remove'= {
        }
        &'omni;help;import'= {
        }
        &'omni;help;skus'= {
            cand map 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
            cand unmapped 'Listings that map to no master SKU, with the best candidate and why'
            cand list 'Master SKUs with their listing on each channel'
            cand bundle 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
            cand rule 'Override a channel''s publishing rules for one SKU (--clear removes the override)'
        }
        &'omni;help;skus;map'= {
        }
        &'omni;help;skus;unmapped'= {
        }
        &'omni;help;skus;list'= {
        }
        &'omni;help;skus;bundle'= {
        }
        &'omni;help;skus;rule'= {
        }
        &'omni;help;reconcile'= {
            cand explain 'Every step from on hand per location to the published figure'
        }
        &'omni;help;reconcile;explain'= {
        }
        &'omni;help;customers'= {
            cand merge 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)'
            cand list 'Customers with their records'' channels (largest first)'
            cand show 'One customer: the golden record with each field''s source, every record, every order'
            cand explain 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
            cand review 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
            cand unmerge 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
            cand split 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
            cand export 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields'
        }
        &'omni;help;customers;merge'= {
        }
        &'omni;help;customers;list'= {
        }
        &'omni;help;customers;show'= {
        }
        &'omni;help;customers;explain'= {
        }
        &'omni;help;customers;review'= {
        }
        &'omni;help;customers;unmerge'= {
        }
        &'omni;help;customers;split'= {
        }
        &'omni;help;customers;export'= {
        }
        &'omni;help;audit'= {
        }
        &'omni;help;kpi'= {
        }
        &'omni;help;report'= {
        }
        &'omni;help;formats'= {
        }
        &'omni;help;batches'= {
            cand list 'List every import with its counts'
            cand undo 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
        }
        &'omni;help;batches;list'= {
        }
        &'omni;help;batches;undo'= {
        }
        &'omni;help;export'= {
        }
        &'omni;help;sql'= {
        }
        &'omni;help;doctor'= {
        }
        &'omni;help;backup'= {
        }
        &'omni;help;sync'= {
        }
        &'omni;help;demo'= {
        }
        &'omni;help;completions'= {
        }
        &'omni;help;help'= {
        }
    ]
    $completions[$command]
}
