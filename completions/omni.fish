# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_omni_global_optspecs
    string join \n db= format= q/quiet v/verbose no-progress color= wait= h/help V/version
end

function __fish_omni_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_omni_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_omni_using_subcommand
    set -l cmd (__fish_omni_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c omni -n "__fish_omni_needs_command" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_needs_command" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_needs_command" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_needs_command" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_needs_command" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_needs_command" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_needs_command" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c omni -n "__fish_omni_needs_command" -s V -l version -d 'Print version'
complete -c omni -n "__fish_omni_needs_command" -f -a "init" -d 'Create the store (safe to run again; upgrades an older store, refuses a newer one)'
complete -c omni -n "__fish_omni_needs_command" -f -a "channels" -d 'Define the places where you sell'
complete -c omni -n "__fish_omni_needs_command" -f -a "locations" -d 'Define the places where stock sits, and which channels each one feeds'
complete -c omni -n "__fish_omni_needs_command" -f -a "import" -d 'Load CSV/TSV files: a catalogue, stock counts, sales or customers'
complete -c omni -n "__fish_omni_needs_command" -f -a "skus" -d 'How channel SKUs map to master SKUs'
complete -c omni -n "__fish_omni_needs_command" -f -a "reconcile" -d 'Available to sell per SKU and channel, the actions to take, and the channels\' update files'
complete -c omni -n "__fish_omni_needs_command" -f -a "customers" -d 'Link customer records across channels into customers, explain and undo each link'
complete -c omni -n "__fish_omni_needs_command" -f -a "audit" -d 'What each channel is missing, gets wrong or lets go stale, with a score per channel'
complete -c omni -n "__fish_omni_needs_command" -f -a "kpi" -d 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names'
complete -c omni -n "__fish_omni_needs_command" -f -a "report" -d 'Write one self-contained HTML page: sales, customers, channels and stock, drawn'
complete -c omni -n "__fish_omni_needs_command" -f -a "formats" -d 'The platform exports omni recognises, and a template for describing any other'
complete -c omni -n "__fish_omni_needs_command" -f -a "batches" -d 'The import ledger: one entry per imported file'
complete -c omni -n "__fish_omni_needs_command" -f -a "export" -d 'Print a whole store table (money as exact decimals beside its currency)'
complete -c omni -n "__fish_omni_needs_command" -f -a "sql" -d 'Run one read-only SQL query against the store'
complete -c omni -n "__fish_omni_needs_command" -f -a "doctor" -d 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel'
complete -c omni -n "__fish_omni_needs_command" -f -a "backup" -d 'Copy the store while others keep using it (SQLite\'s online backup)'
complete -c omni -n "__fish_omni_needs_command" -f -a "sync" -d 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged'
complete -c omni -n "__fish_omni_needs_command" -f -a "demo" -d 'Build a store from the bundled sample data of a Spanish merchant and show what it holds'
complete -c omni -n "__fish_omni_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL'
complete -c omni -n "__fish_omni_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand init" -l timezone -d 'The merchant\'s time zone (IANA name): report periods are cut in it, and times written without an offset are read in it [default: this machine\'s zone]' -r
complete -c omni -n "__fish_omni_using_subcommand init" -l currency -d 'Currency of amounts whose file and channel name none (ISO 4217, e.g. EUR)' -r
complete -c omni -n "__fish_omni_using_subcommand init" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand init" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand init" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand init" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand init" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand init" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand init" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand init" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -f -a "add" -d 'Add a channel'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -f -a "list" -d 'List channels with their stock sources, listings and orders'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -f -a "set" -d 'Change a channel\'s publishing rules or the locations that feed it'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -f -a "remove" -d 'Remove a channel (refused while data refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand channels; and not __fish_seen_subcommand_from add list set remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l kind -d 'What kind of channel it is' -r -f -a "web\t''
marketplace\t''
store\t''
social\t''
app\t''
wholesale\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l platform -d 'The platform behind it (shopify, amazon, ebay, …)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l currency -d 'The currency its amounts are in when its files do not say (ISO 4217)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l buffer -d 'Units held back from the pool' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l percent -d 'Share of the pool to publish, in percent' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l max -d 'Never publish more than this (use --no-max to remove the cap)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l zero-at -d 'Publish 0 when the figure is at or below this' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l sync-hours -d 'How often the channel takes stock updates, in hours (for oversell risk)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l sources -d 'The locations that feed the channel, in the order sales are deducted from them' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l currency -d 'The channel\'s currency (ISO 4217)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l markup -d 'The channel\'s expected price difference from the master price, e.g. 15% for a marketplace\'s fees (audit price-parity)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l no-max -d 'Remove the cap set with --max'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l force -d 'Also remove its listings, orders, order lines and customer records'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a channel'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "list" -d 'List channels with their stock sources, listings and orders'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a channel\'s publishing rules or the locations that feed it'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a channel (refused while data refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Add a location'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List locations with the channels they feed and their latest stock'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Remove a location (refused while stock refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand locations; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l kind -d 'What kind of place it is' -r -f -a "store\t''
warehouse\t''
fulfilment\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l feeds -d 'Channels this location\'s stock is sold on, comma-separated (appended to each channel\'s source order)' -r
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l force -d 'Also remove its stock levels and feeds'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a location'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List locations with the channels they feed and their latest stock'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a location (refused while stock refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand locations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand import" -l channel -d 'The channel of every row (sales without a channel column, a channel\'s catalogue or customers); an unknown channel is created when its name implies its kind' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l location -d 'The location of every row (stock files without a location column)' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l profile -d 'Read the file with this profile instead of detecting it (see `omni formats`)' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l map -d 'Read a layout omni does not know, described by a TOML mapping (start from `omni formats --template KIND`)' -r -F
complete -c omni -n "__fish_omni_using_subcommand import" -l currency -d 'Currency of amounts the file does not name (also given to channels this import creates)' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l on-error -d 'What to do with bad rows: abort imports nothing and lists them; skip imports the rest' -r -f -a "abort\t''
skip\t''"
complete -c omni -n "__fish_omni_using_subcommand import" -l rejects -d 'With --on-error skip: write the bad rows here, with their line number and reason' -r -F
complete -c omni -n "__fish_omni_using_subcommand import" -l decimal -d 'The decimal mark of amounts, when the file does not make it clear (e.g. only `1,234`)' -r -f -a "dot\t''
comma\t''"
complete -c omni -n "__fish_omni_using_subcommand import" -l date-format -d 'How dates are written, in strftime form (e.g. %d/%m/%Y %H:%M), when the file does not make the day/month order clear' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand import" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand import" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand import" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand import" -l create-products -d 'With a channel\'s catalogue: also create or update master products from its rows'
complete -c omni -n "__fish_omni_using_subcommand import" -l set -d 'Stock quantities are counts as of as_of (the default)'
complete -c omni -n "__fish_omni_using_subcommand import" -l adjust -d 'Stock quantities are changes to the latest count (deliveries, corrections)'
complete -c omni -n "__fish_omni_using_subcommand import" -l dry-run -d 'Check everything and report what would change, writing nothing'
complete -c omni -n "__fish_omni_using_subcommand import" -l force -d 'Import even a file whose exact content was imported before (to bring back an older catalogue, say); a re-import is otherwise recognised and skipped'
complete -c omni -n "__fish_omni_using_subcommand import" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand import" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand import" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "map" -d 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "unmapped" -d 'Listings that map to no master SKU, with the best candidate and why'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "list" -d 'Master SKUs with their listing on each channel'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "bundle" -d 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "rule" -d 'Override a channel\'s publishing rules for one SKU (--clear removes the override)'
complete -c omni -n "__fish_omni_using_subcommand skus; and not __fish_seen_subcommand_from map unmapped list bundle rule help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from map" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l channel -d 'Only this channel\'s listings' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from unmapped" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l sku -d 'Only SKUs matching this SQL LIKE pattern (e.g. ALP-00%)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l file -d 'A CSV of bundles (replaces the components of every bundle it names)' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from bundle" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l channel -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l buffer -d 'Units held back from the pool' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l percent -d 'Share of the pool to publish, in percent' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l max -d 'Never publish more than this (use --no-max to remove the cap)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l zero-at -d 'Publish 0 when the figure is at or below this' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l no-max -d 'Remove the cap set with --max'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l clear -d 'Remove this SKU\'s override on the channel'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from rule" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "map" -d 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "unmapped" -d 'Listings that map to no master SKU, with the best candidate and why'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "list" -d 'Master SKUs with their listing on each channel'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "bundle" -d 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "rule" -d 'Override a channel\'s publishing rules for one SKU (--clear removes the override)'
complete -c omni -n "__fish_omni_using_subcommand skus; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l channel -d 'Only these channels (repeat or comma-separate)' -r
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l sku -d 'Only SKUs matching this pattern (`*` for any characters, case-insensitive)' -r
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l emit -d 'Write one update file per channel in its platform\'s upload format into DIR (changed listings only, unless --all)' -r -F
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l all -d 'Include rows whose action is ok'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l apply -d 'Record the published quantities as what each channel now shows'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l check -d 'Exit 3 when any oversell risk remains'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l advise-buffers -d 'Propose a buffer per channel and SKU from its sales velocity'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -f -a "explain" -d 'Every step from on hand per location to the published figure'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and not __fish_seen_subcommand_from explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l channel -d 'Only this channel (default: every channel that lists or could list it)' -r
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Every step from on hand per location to the published figure'
complete -c omni -n "__fish_omni_using_subcommand reconcile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "merge" -d 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people\'s decisions are kept)'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "list" -d 'Customers with their records\' channels (largest first)'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "show" -d 'One customer: the golden record with each field\'s source, every record, every order'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "explain" -d 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "review" -d 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "unmerge" -d 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "split" -d 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "export" -d 'One row per customer record: channel, source_id, record_id, customer_id, then the customer\'s golden fields'
complete -c omni -n "__fish_omni_using_subcommand customers; and not __fish_seen_subcommand_from merge list show explain review unmerge split export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l threshold -d 'Probability a scored pair needs to be linked (records sharing an e-mail, mobile or loyalty card are linked unless their given names conflict)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l rebuild -d 'Recompute every customer from scratch'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l dry-run -d 'Show what would change without changing anything'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l min-channels -d 'Only customers found on at least this many channels' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l survivorship -d 'How the golden record picks each field' -r -f -a "recent\t''
frequent\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l survivorship -r -f -a "recent\t''
frequent\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l min -d 'Pairs down to this probability are shown' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l export-review -d 'Write the uncertain pairs to a CSV to decide in a spreadsheet (decision column)' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l import-review -d 'Read decisions back from such a CSV (decision: yes, no or blank)' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from unmerge" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from split" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l survivorship -r -f -a "recent\t''
frequent\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people\'s decisions are kept)'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "list" -d 'Customers with their records\' channels (largest first)'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "show" -d 'One customer: the golden record with each field\'s source, every record, every order'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "review" -d 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "unmerge" -d 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "split" -d 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "export" -d 'One row per customer record: channel, source_id, record_id, customer_id, then the customer\'s golden fields'
complete -c omni -n "__fish_omni_using_subcommand customers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand audit" -l only -d 'Run only these checks (repeat or comma-separate): missing-listing, orphan-listing, duplicate-listing, price-parity, content-drift, availability, stale-listing, customer-journey' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l channel -d 'Only these channels (repeat or comma-separate)' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l fail-on -d 'Exit 3 when a finding of this severity (or worse) exists' -r -f -a "error\t''
warn\t''"
complete -c omni -n "__fish_omni_using_subcommand audit" -l price-tolerance -d 'Allowed price difference from the expected price' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l stale-days -d 'A listing not updated for more days than this is stale' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l since -d 'Show only findings that are new or resolved since saved run RUN' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand audit" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand audit" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand audit" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand audit" -l save -d 'Store this run, so a later `--since-last` shows what changed'
complete -c omni -n "__fish_omni_using_subcommand audit" -l since-last -d 'Show only findings that are new or resolved since the last saved run'
complete -c omni -n "__fish_omni_using_subcommand audit" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand audit" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand audit" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand audit" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand kpi" -l from -d 'First day of the window, in the store\'s time zone (YYYY-MM-DD, inclusive)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l to -d 'Day after the window (YYYY-MM-DD, exclusive)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l period -d 'Split the figures into periods (retention and cohorts: month unless given)' -r -f -a "day\t''
week\t''
month\t''
quarter\t''
year\t''"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l by -d 'Split the figures: summary by channel, SKU, category or fulfilling location; inventory by location, SKU or channel (clv is always by acquisition channel)' -r -f -a "channel\t''
location\t'summary: by the line\'s fulfilling location; inventory: pooled over SKUs'
sku\t'summary: by SKU; inventory: pooled over locations'
category\t'summary: by the master product\'s category'"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l compare -d 'Beside each figure, its change against the previous period or the same period a year before (channels; needs --period, or --from and --to)' -r -f -a "previous\t''
yoy\t''"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l convert-to -d 'Convert every amount into this currency at the rate of its order\'s day (rates from `omni import rates`); without it, one figure per currency' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l lapse-days -d 'retention: a customer with no order for this many days has lapsed' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l predict -d 'clv: predict value over this many days (BG/NBD and Gamma-Gamma fitted on the window)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l unit -d 'clv --predict: the time unit of recency and age in the fit' -r -f -a "day\t''
week\t''"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l penalizer -d 'clv --predict: L2 penalty on the fitted parameters (lifetimes suggests 0.001–0.1 for small samples)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l discount-rate -d 'clv --predict: monthly discount rate of future value (0.01 = 1 % a month)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l top -d 'clv --predict: how many customers to list, by predicted value' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand kpi" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand kpi" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand kpi" -l exclude-cancelled -d 'Leave cancelled orders out entirely (by default they count as orders, and their cancellation as a return dated when it happened)'
complete -c omni -n "__fish_omni_using_subcommand kpi" -l cumulative -d 'cohorts: the share that has ordered again by each period, instead of in it'
complete -c omni -n "__fish_omni_using_subcommand kpi" -l comments -d 'CSV: write the conventions as `#` comment lines before the rows'
complete -c omni -n "__fish_omni_using_subcommand kpi" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand kpi" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand kpi" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand kpi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c omni -n "__fish_omni_using_subcommand report" -l html -d 'Where to write the page (replaced if it exists; written whole or not at all)' -r -F
complete -c omni -n "__fish_omni_using_subcommand report" -l from -d 'First day of the period the KPIs cover (YYYY-MM-DD, in the store\'s zone)' -r
complete -c omni -n "__fish_omni_using_subcommand report" -l to -d 'Day after the period (YYYY-MM-DD, excluded)' -r
complete -c omni -n "__fish_omni_using_subcommand report" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand report" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand report" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand report" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand report" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand report" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand report" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand report" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand formats" -l template -d 'Print a commented --map TOML for a file of this kind instead of the list' -r -f -a "catalog\t'sku, title, barcode, brand, category, price, currency, quantity, status, url, …'
stock\t'sku, location, on_hand, reserved, as_of'
sales\t'order_id, line_id, channel, ordered_at, status, customer_*, sku, quantity, unit_price, …'
customers\t'customer_id, email, phone, name, given_name, family_name, address, city, postcode, …'"
complete -c omni -n "__fish_omni_using_subcommand formats" -l kind -d 'List only the exports of this kind' -r -f -a "catalog\t'sku, title, barcode, brand, category, price, currency, quantity, status, url, …'
stock\t'sku, location, on_hand, reserved, as_of'
sales\t'order_id, line_id, channel, ordered_at, status, customer_*, sku, quantity, unit_price, …'
customers\t'customer_id, email, phone, name, given_name, family_name, address, city, postcode, …'"
complete -c omni -n "__fish_omni_using_subcommand formats" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand formats" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand formats" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand formats" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand formats" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand formats" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand formats" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand formats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -f -a "list" -d 'List every import with its counts'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -f -a "undo" -d 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
complete -c omni -n "__fish_omni_using_subcommand batches; and not __fish_seen_subcommand_from list undo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every import with its counts'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
complete -c omni -n "__fish_omni_using_subcommand batches; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand export" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand export" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand export" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand export" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand export" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand export" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand export" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand export" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand sql" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand sql" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand sql" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand sql" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand sql" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand sql" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand sql" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand sql" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand doctor" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand doctor" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand doctor" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand doctor" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand doctor" -l rebuild-aggregates -d 'Recompute the KPI aggregates (the `sales_facts` table) from orders and lines before checking; needs the write lock'
complete -c omni -n "__fish_omni_using_subcommand doctor" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand doctor" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand doctor" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand backup" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand backup" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand backup" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand backup" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand backup" -l force -d 'Replace an existing file at PATH'
complete -c omni -n "__fish_omni_using_subcommand backup" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand backup" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand backup" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand backup" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand sync" -l plan -d 'The sync plan (TOML); its paths are relative to its own folder' -r -F
complete -c omni -n "__fish_omni_using_subcommand sync" -l settle-seconds -d 'Leave files modified less than this many seconds ago for the next run (they may still be being written)' -r
complete -c omni -n "__fish_omni_using_subcommand sync" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand sync" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand sync" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand sync" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand sync" -l init-plan -d 'Print a commented example plan and exit'
complete -c omni -n "__fish_omni_using_subcommand sync" -l dry-run -d 'Show what would happen; move, import and write nothing'
complete -c omni -n "__fish_omni_using_subcommand sync" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand sync" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand sync" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand sync" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand demo" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand demo" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand demo" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand demo" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand demo" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand demo" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand demo" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand demo" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand completions" -l db -d 'The store to use [default: $OMNI_DB, else ./omni.db]' -r -F
complete -c omni -n "__fish_omni_using_subcommand completions" -l format -d 'Output format [default: table on a terminal, csv otherwise]' -r -f -a "table\t''
csv\t''
json\t''"
complete -c omni -n "__fish_omni_using_subcommand completions" -l color -d 'Colour in tables and messages (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand completions" -l wait -d 'When another omni is writing to the store, wait up to this many seconds (then exit 4)' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -s q -l quiet -d 'Print only results and errors: no progress, no notes'
complete -c omni -n "__fish_omni_using_subcommand completions" -s v -l verbose -d 'Print detail on stderr: detected formats, column mappings, ignored columns'
complete -c omni -n "__fish_omni_using_subcommand completions" -l no-progress -d 'Never draw a progress bar'
complete -c omni -n "__fish_omni_using_subcommand completions" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "init" -d 'Create the store (safe to run again; upgrades an older store, refuses a newer one)'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "channels" -d 'Define the places where you sell'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "locations" -d 'Define the places where stock sits, and which channels each one feeds'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "import" -d 'Load CSV/TSV files: a catalogue, stock counts, sales or customers'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "skus" -d 'How channel SKUs map to master SKUs'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "reconcile" -d 'Available to sell per SKU and channel, the actions to take, and the channels\' update files'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "customers" -d 'Link customer records across channels into customers, explain and undo each link'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "audit" -d 'What each channel is missing, gets wrong or lets go stale, with a score per channel'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "kpi" -d 'Sales, customer, retention, cohort, CLV, RFM and cross-channel figures, each under the convention it names'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "report" -d 'Write one self-contained HTML page: sales, customers, channels and stock, drawn'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "formats" -d 'The platform exports omni recognises, and a template for describing any other'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "batches" -d 'The import ledger: one entry per imported file'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "export" -d 'Print a whole store table (money as exact decimals beside its currency)'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "sql" -d 'Run one read-only SQL query against the store'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "doctor" -d 'Check the store: integrity, schema, references, orphan rows, KPI aggregates, last import per channel'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "backup" -d 'Copy the store while others keep using it (SQLite\'s online backup)'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "sync" -d 'The nightly pipeline: inbox → import → reconcile → emit → audit, locked and logged'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "demo" -d 'Build a store from the bundled sample data of a Spanish merchant and show what it holds'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "completions" -d 'Print the shell completion script for SHELL'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from init channels locations import skus reconcile customers audit kpi report formats batches export sql doctor backup sync demo completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "add" -d 'Add a channel'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "list" -d 'List channels with their stock sources, listings and orders'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "set" -d 'Change a channel\'s publishing rules or the locations that feed it'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "remove" -d 'Remove a channel (refused while data refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from locations" -f -a "add" -d 'Add a location'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from locations" -f -a "list" -d 'List locations with the channels they feed and their latest stock'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from locations" -f -a "remove" -d 'Remove a location (refused while stock refers to it, unless --force)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from skus" -f -a "map" -d 'Map channel SKUs to master SKUs from a CSV with columns channel, channel_sku, sku (a mapping you give wins over SKU and barcode matches)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from skus" -f -a "unmapped" -d 'Listings that map to no master SKU, with the best candidate and why'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from skus" -f -a "list" -d 'Master SKUs with their listing on each channel'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from skus" -f -a "bundle" -d 'Define a bundle (kit) as COMPONENT=QTY pairs, or load bundles from a CSV with columns bundle, component, quantity'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from skus" -f -a "rule" -d 'Override a channel\'s publishing rules for one SKU (--clear removes the override)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from reconcile" -f -a "explain" -d 'Every step from on hand per location to the published figure'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "merge" -d 'Link customer records that are one person into customers. New records are linked to the customers that exist; --rebuild recomputes every link (people\'s decisions are kept)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "list" -d 'Customers with their records\' channels (largest first)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "show" -d 'One customer: the golden record with each field\'s source, every record, every order'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "explain" -d 'Why two records (rNNN) or customers (NNN) are or are not one person, field by field'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "review" -d 'Decide uncertain pairs one at a time (accept, reject, skip, quit), or by file'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "unmerge" -d 'Undo the merge that formed a customer: its records go back to the customers they were before, and are kept apart from then on'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "split" -d 'Take one record (rNNN or NNN) out of its customer, and keep it apart from then on'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from customers" -f -a "export" -d 'One row per customer record: channel, source_id, record_id, customer_id, then the customer\'s golden fields'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from batches" -f -a "list" -d 'List every import with its counts'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from batches" -f -a "undo" -d 'Remove what a batch added and restore what it overwrote (refused when a later batch built on it)'
