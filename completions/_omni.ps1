
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'omni' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'omni'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'omni' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the store (safe to run again; upgrades an older store, refuses a newer one)')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'Define the places where you sell')
            [CompletionResult]::new('locations', 'locations', [CompletionResultType]::ParameterValue, 'Define the places where stock sits, and which channels each one feeds')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load CSV/TSV files: a catalogue, stock counts, sales or customers')
            [CompletionResult]::new('skus', 'skus', [CompletionResultType]::ParameterValue, 'How channel SKUs map to master SKUs')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Available to sell per SKU and channel, the actions to take, and the channels'' update files')
            [CompletionResult]::new('customers', 'customers', [CompletionResultType]::ParameterValue, 'Link customer records across channels into customers, explain and undo each link')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'What each channel is missing, gets wrong or lets go stale, with a score per channel')
            [CompletionResult]::new('kpi', 'kpi', [CompletionResultType]::ParameterValue, 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write one self-contained HTML page: sales, customers, channels and stock, drawn')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'The platform exports omni recognises, and a template for describing any other')
            [CompletionResult]::new('batches', 'batches', [CompletionResultType]::ParameterValue, 'The import ledger: one entry per imported file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a whole store table (money as exact decimals beside its currency)')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run one read-only SQL query against the store')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the store while others keep using it (SQLite''s online backup)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a store from the bundled sample data of a Spanish merchant and show what it holds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;init' {
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'The merchant''s time zone (IANA name): report periods are cut in it, and times written without an offset are read in it [default: this machine''s zone]')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency of amounts whose file and channel name none (ISO 4217, e.g. EUR)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;channels' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a channel')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List channels with their stock sources, listings and orders')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a channel''s publishing rules or the locations that feed it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel (refused while data refers to it, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;channels;add' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What kind of channel it is')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The platform behind it (shopify, amazon, ebay, …)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The currency its amounts are in when its files do not say (ISO 4217)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;channels;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;channels;set' {
            [CompletionResult]::new('--buffer', '--buffer', [CompletionResultType]::ParameterName, 'Units held back from the pool')
            [CompletionResult]::new('--percent', '--percent', [CompletionResultType]::ParameterName, 'Share of the pool to publish, in percent')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Never publish more than this (use --no-max to remove the cap)')
            [CompletionResult]::new('--zero-at', '--zero-at', [CompletionResultType]::ParameterName, 'Publish 0 when the figure is at or below this')
            [CompletionResult]::new('--sync-hours', '--sync-hours', [CompletionResultType]::ParameterName, 'How often the channel takes stock updates, in hours (for oversell risk)')
            [CompletionResult]::new('--sources', '--sources', [CompletionResultType]::ParameterName, 'The locations that feed the channel, in the order sales are deducted from them')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The channel''s currency (ISO 4217)')
            [CompletionResult]::new('--markup', '--markup', [CompletionResultType]::ParameterName, 'The channel''s expected price difference from the master price, e.g. 15% for a marketplace''s fees (audit price-parity)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--no-max', '--no-max', [CompletionResultType]::ParameterName, 'Remove the cap set with --max')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;channels;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also remove its listings, orders, order lines and customer records')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;channels;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a channel')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List channels with their stock sources, listings and orders')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a channel''s publishing rules or the locations that feed it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel (refused while data refers to it, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;channels;help;add' {
            break
        }
        'omni;channels;help;list' {
            break
        }
        'omni;channels;help;set' {
            break
        }
        'omni;channels;help;remove' {
            break
        }
        'omni;channels;help;help' {
            break
        }
        'omni;locations' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a location')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List locations with the channels they feed and their latest stock')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a location (refused while stock refers to it, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;locations;add' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What kind of place it is')
            [CompletionResult]::new('--feeds', '--feeds', [CompletionResultType]::ParameterName, 'Channels this location''s stock is sold on, comma-separated (appended to each channel''s source order)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;locations;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;locations;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also remove its stock levels and feeds')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;locations;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a location')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List locations with the channels they feed and their latest stock')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a location (refused while stock refers to it, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;locations;help;add' {
            break
        }
        'omni;locations;help;list' {
            break
        }
        'omni;locations;help;remove' {
            break
        }
        'omni;locations;help;help' {
            break
        }
        'omni;import' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The channel of every row (sales without a channel column, a channel''s catalogue or customers); an unknown channel is created when its name implies its kind')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'The location of every row (stock files without a location column)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Read the file with this profile instead of detecting it (see `omni formats`)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read a layout omni does not know, described by a TOML mapping (start from `omni formats --template KIND`)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency of amounts the file does not name (also given to channels this import creates)')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'What to do with bad rows: abort imports nothing and lists them; skip imports the rest')
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'With --on-error skip: write the bad rows here, with their line number and reason')
            [CompletionResult]::new('--decimal', '--decimal', [CompletionResultType]::ParameterName, 'The decimal mark of amounts, when the file does not make it clear (e.g. only `1,234`)')
            [CompletionResult]::new('--date-format', '--date-format', [CompletionResultType]::ParameterName, 'How dates are written, in strftime form (e.g. %d/%m/%Y %H:%M), when the file does not make the day/month order clear')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--create-products', '--create-products', [CompletionResultType]::ParameterName, 'With a channel''s catalogue: also create or update master products from its rows')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Stock quantities are counts as of as_of (the default)')
            [CompletionResult]::new('--adjust', '--adjust', [CompletionResultType]::ParameterName, 'Stock quantities are changes to the latest count (deliveries, corrections)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and report what would change, writing nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Import even a file whose exact content was imported before (to bring back an older catalogue, say); a re-import is otherwise recognised and skipped')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'omni;skus' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)')
            [CompletionResult]::new('unmapped', 'unmapped', [CompletionResultType]::ParameterValue, 'Listings that map to no master SKU, with the best candidate and why')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Master SKUs with their listing on each channel')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Override a channel''s publishing rules for one SKU (--clear removes the override)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;skus;map' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;skus;unmapped' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel''s listings')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;skus;list' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'Only SKUs matching this SQL LIKE pattern (e.g. ALP-00%)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;skus;bundle' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A CSV of bundles (replaces the components of every bundle it names)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;skus;rule' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'channel')
            [CompletionResult]::new('--buffer', '--buffer', [CompletionResultType]::ParameterName, 'Units held back from the pool')
            [CompletionResult]::new('--percent', '--percent', [CompletionResultType]::ParameterName, 'Share of the pool to publish, in percent')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Never publish more than this (use --no-max to remove the cap)')
            [CompletionResult]::new('--zero-at', '--zero-at', [CompletionResultType]::ParameterName, 'Publish 0 when the figure is at or below this')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--no-max', '--no-max', [CompletionResultType]::ParameterName, 'Remove the cap set with --max')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove this SKU''s override on the channel')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;skus;help' {
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)')
            [CompletionResult]::new('unmapped', 'unmapped', [CompletionResultType]::ParameterValue, 'Listings that map to no master SKU, with the best candidate and why')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Master SKUs with their listing on each channel')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Override a channel''s publishing rules for one SKU (--clear removes the override)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;skus;help;map' {
            break
        }
        'omni;skus;help;unmapped' {
            break
        }
        'omni;skus;help;list' {
            break
        }
        'omni;skus;help;bundle' {
            break
        }
        'omni;skus;help;rule' {
            break
        }
        'omni;skus;help;help' {
            break
        }
        'omni;reconcile' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only these channels (repeat or comma-separate)')
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'Only SKUs matching this pattern (`*` for any characters, case-insensitive)')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Write one update file per channel in its platform''s upload format into DIR (changed listings only, unless --all)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include rows whose action is ok')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Record the published quantities as what each channel now shows')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 3 when any oversell risk remains')
            [CompletionResult]::new('--advise-buffers', '--advise-buffers', [CompletionResultType]::ParameterName, 'Propose a buffer per channel and SKU from its sales velocity')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Every step from on hand per location to the published figure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;reconcile;explain' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel (default: every channel that lists or could list it)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;reconcile;help' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Every step from on hand per location to the published figure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;reconcile;help;explain' {
            break
        }
        'omni;reconcile;help;help' {
            break
        }
        'omni;customers' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Customers with their records'' channels (largest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One customer: the golden record with each field''s source, every record, every order')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file')
            [CompletionResult]::new('unmerge', 'unmerge', [CompletionResultType]::ParameterValue, 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on')
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;customers;merge' {
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Probability a scored pair needs to be linked (records sharing an e-mail, mobile or loyalty card are linked unless their given names conflict)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--rebuild', '--rebuild', [CompletionResultType]::ParameterName, 'Recompute every customer from scratch')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without changing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;list' {
            [CompletionResult]::new('--min-channels', '--min-channels', [CompletionResultType]::ParameterName, 'Only customers found on at least this many channels')
            [CompletionResult]::new('--survivorship', '--survivorship', [CompletionResultType]::ParameterName, 'How the golden record picks each field')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;show' {
            [CompletionResult]::new('--survivorship', '--survivorship', [CompletionResultType]::ParameterName, 'survivorship')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;explain' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;review' {
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Pairs down to this probability are shown')
            [CompletionResult]::new('--export-review', '--export-review', [CompletionResultType]::ParameterName, 'Write the uncertain pairs to a CSV to decide in a spreadsheet (decision column)')
            [CompletionResult]::new('--import-review', '--import-review', [CompletionResultType]::ParameterName, 'Read decisions back from such a CSV (decision: yes, no or blank)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;unmerge' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;split' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;export' {
            [CompletionResult]::new('--survivorship', '--survivorship', [CompletionResultType]::ParameterName, 'survivorship')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;customers;help' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Customers with their records'' channels (largest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One customer: the golden record with each field''s source, every record, every order')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file')
            [CompletionResult]::new('unmerge', 'unmerge', [CompletionResultType]::ParameterValue, 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on')
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;customers;help;merge' {
            break
        }
        'omni;customers;help;list' {
            break
        }
        'omni;customers;help;show' {
            break
        }
        'omni;customers;help;explain' {
            break
        }
        'omni;customers;help;review' {
            break
        }
        'omni;customers;help;unmerge' {
            break
        }
        'omni;customers;help;split' {
            break
        }
        'omni;customers;help;export' {
            break
        }
        'omni;customers;help;help' {
            break
        }
        'omni;audit' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (repeat or comma-separate): missing-listing, orphan-listing, duplicate-listing, price-parity, content-drift, availability, stale-listing, customer-journey')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only these channels (repeat or comma-separate)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when a finding of this severity (or worse) exists')
            [CompletionResult]::new('--price-tolerance', '--price-tolerance', [CompletionResultType]::ParameterName, 'Allowed price difference from the expected price')
            [CompletionResult]::new('--stale-days', '--stale-days', [CompletionResultType]::ParameterName, 'A listing not updated for more days than this is stale')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Show only findings that are new or resolved since saved run RUN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Store this run, so a later `--since-last` shows what changed')
            [CompletionResult]::new('--since-last', '--since-last', [CompletionResultType]::ParameterName, 'Show only findings that are new or resolved since the last saved run')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;kpi' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day of the window, in the store''s time zone (YYYY-MM-DD, inclusive)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Day after the window (YYYY-MM-DD, exclusive)')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Split the figures into periods (retention and cohorts: month unless given)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Split the figures: summary by channel, SKU, category or fulfilling location; inventory by location, SKU or channel (clv is always by acquisition channel)')
            [CompletionResult]::new('--compare', '--compare', [CompletionResultType]::ParameterName, 'Beside each figure, its change against the previous period or the same period a year before (channels; needs --period, or --from and --to)')
            [CompletionResult]::new('--convert-to', '--convert-to', [CompletionResultType]::ParameterName, 'Convert every amount into this currency at the rate of its order''s day (rates from `omni import rates`); without it, one figure per currency')
            [CompletionResult]::new('--lapse-days', '--lapse-days', [CompletionResultType]::ParameterName, 'retention: a customer with no order for this many days has lapsed')
            [CompletionResult]::new('--predict', '--predict', [CompletionResultType]::ParameterName, 'clv: predict value over this many days (BG/NBD and Gamma-Gamma fitted on the window)')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'clv --predict: the time unit of recency and age in the fit')
            [CompletionResult]::new('--penalizer', '--penalizer', [CompletionResultType]::ParameterName, 'clv --predict: L2 penalty on the fitted parameters (lifetimes suggests 0.001–0.1 for small samples)')
            [CompletionResult]::new('--discount-rate', '--discount-rate', [CompletionResultType]::ParameterName, 'clv --predict: monthly discount rate of future value (0.01 = 1 % a month)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'clv --predict: how many customers to list, by predicted value')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--exclude-cancelled', '--exclude-cancelled', [CompletionResultType]::ParameterName, 'Leave cancelled orders out entirely (by default they count as orders, and their cancellation as a return dated when it happened)')
            [CompletionResult]::new('--cumulative', '--cumulative', [CompletionResultType]::ParameterName, 'cohorts: the share that has ordered again by each period, instead of in it')
            [CompletionResult]::new('--comments', '--comments', [CompletionResultType]::ParameterName, 'CSV: write the conventions as `#` comment lines before the rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'omni;report' {
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Where to write the page (replaced if it exists; written whole or not at all)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day of the period the KPIs cover (YYYY-MM-DD, in the store''s zone)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Day after the period (YYYY-MM-DD, excluded)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;formats' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Print a commented --map TOML for a file of this kind instead of the list')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'List only the exports of this kind')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'omni;batches' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every import with its counts')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;batches;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;batches;undo' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;batches;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every import with its counts')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;batches;help;list' {
            break
        }
        'omni;batches;help;undo' {
            break
        }
        'omni;batches;help;help' {
            break
        }
        'omni;export' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;sql' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;doctor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--rebuild-aggregates', '--rebuild-aggregates', [CompletionResultType]::ParameterName, 'Recompute the KPI aggregates (the `sales_facts` table) from orders and lines before checking; needs the write lock')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file at PATH')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;sync' {
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'The sync plan (TOML); its paths are relative to its own folder')
            [CompletionResult]::new('--settle-seconds', '--settle-seconds', [CompletionResultType]::ParameterName, 'Leave files modified less than this many seconds ago for the next run (they may still be being written)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('--init-plan', '--init-plan', [CompletionResultType]::ParameterName, 'Print a commented example plan and exit')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would happen; move, import and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;demo' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store to use [default: $OMNI_DB, else ./omni.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, csv otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When another omni is writing to the store, wait up to this many seconds (then exit 4)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no progress, no notes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print detail on stderr: detected formats, column mappings, ignored columns')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the store (safe to run again; upgrades an older store, refuses a newer one)')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'Define the places where you sell')
            [CompletionResult]::new('locations', 'locations', [CompletionResultType]::ParameterValue, 'Define the places where stock sits, and which channels each one feeds')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load CSV/TSV files: a catalogue, stock counts, sales or customers')
            [CompletionResult]::new('skus', 'skus', [CompletionResultType]::ParameterValue, 'How channel SKUs map to master SKUs')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Available to sell per SKU and channel, the actions to take, and the channels'' update files')
            [CompletionResult]::new('customers', 'customers', [CompletionResultType]::ParameterValue, 'Link customer records across channels into customers, explain and undo each link')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'What each channel is missing, gets wrong or lets go stale, with a score per channel')
            [CompletionResult]::new('kpi', 'kpi', [CompletionResultType]::ParameterValue, 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write one self-contained HTML page: sales, customers, channels and stock, drawn')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'The platform exports omni recognises, and a template for describing any other')
            [CompletionResult]::new('batches', 'batches', [CompletionResultType]::ParameterValue, 'The import ledger: one entry per imported file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a whole store table (money as exact decimals beside its currency)')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run one read-only SQL query against the store')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the store while others keep using it (SQLite''s online backup)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a store from the bundled sample data of a Spanish merchant and show what it holds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;help;init' {
            break
        }
        'omni;help;channels' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a channel')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List channels with their stock sources, listings and orders')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a channel''s publishing rules or the locations that feed it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel (refused while data refers to it, unless --force)')
            break
        }
        'omni;help;channels;add' {
            break
        }
        'omni;help;channels;list' {
            break
        }
        'omni;help;channels;set' {
            break
        }
        'omni;help;channels;remove' {
            break
        }
        'omni;help;locations' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a location')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List locations with the channels they feed and their latest stock')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a location (refused while stock refers to it, unless --force)')
            break
        }
        'omni;help;locations;add' {
            break
        }
        'omni;help;locations;list' {
            break
        }
        'omni;help;locations;remove' {
            break
        }
        'omni;help;import' {
            break
        }
        'omni;help;skus' {
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)')
            [CompletionResult]::new('unmapped', 'unmapped', [CompletionResultType]::ParameterValue, 'Listings that map to no master SKU, with the best candidate and why')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Master SKUs with their listing on each channel')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Override a channel''s publishing rules for one SKU (--clear removes the override)')
            break
        }
        'omni;help;skus;map' {
            break
        }
        'omni;help;skus;unmapped' {
            break
        }
        'omni;help;skus;list' {
            break
        }
        'omni;help;skus;bundle' {
            break
        }
        'omni;help;skus;rule' {
            break
        }
        'omni;help;reconcile' {
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Every step from on hand per location to the published figure')
            break
        }
        'omni;help;reconcile;explain' {
            break
        }
        'omni;help;customers' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people''s decisions are kept)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Customers with their records'' channels (largest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One customer: the golden record with each field''s source, every record, every order')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file')
            [CompletionResult]::new('unmerge', 'unmerge', [CompletionResultType]::ParameterValue, 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on')
            [CompletionResult]::new('split', 'split', [CompletionResultType]::ParameterValue, 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'One row per customer record: channel, source_id, record_id, customer_id, then the customer''s golden fields')
            break
        }
        'omni;help;customers;merge' {
            break
        }
        'omni;help;customers;list' {
            break
        }
        'omni;help;customers;show' {
            break
        }
        'omni;help;customers;explain' {
            break
        }
        'omni;help;customers;review' {
            break
        }
        'omni;help;customers;unmerge' {
            break
        }
        'omni;help;customers;split' {
            break
        }
        'omni;help;customers;export' {
            break
        }
        'omni;help;audit' {
            break
        }
        'omni;help;kpi' {
            break
        }
        'omni;help;report' {
            break
        }
        'omni;help;formats' {
            break
        }
        'omni;help;batches' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every import with its counts')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)')
            break
        }
        'omni;help;batches;list' {
            break
        }
        'omni;help;batches;undo' {
            break
        }
        'omni;help;export' {
            break
        }
        'omni;help;sql' {
            break
        }
        'omni;help;doctor' {
            break
        }
        'omni;help;backup' {
            break
        }
        'omni;help;sync' {
            break
        }
        'omni;help;demo' {
            break
        }
        'omni;help;completions' {
            break
        }
        'omni;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
