
use builtin;
use str;

set edit:completion:arg-completer[ropa] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ropa'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ropa'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check that every file of a register can be read and matches the format'
            cand lint 'Check the register against the UK GDPR rules (and everything `check` does)'
            cand rules 'List every lint rule with its default severity and summary'
            cand explain 'Explain one lint rule: why it matters, its legal source, and examples'
            cand init 'Create a new register: ropa.toml, activities/, processors/ and editor schemas'
            cand new 'Add an activity or processor file from a commented template'
            cand export 'Write the register as a spreadsheet in the ICO template''s layout, CSV, JSON or a web page'
            cand notice 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds'
            cand map 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it'
            cand import 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register'
            cand list 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint'
            cand show 'Show one activity, or one processor, as a card with its lint findings'
            cand summary 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals'
            cand schema 'Print the JSON Schema of a register file, or write all of them to a folder'
            cand completions 'Print the shell completion script for SHELL (see the README for where to put it)'
            cand man 'Print ropa''s manual page (roff), covering every command'
            cand fmt 'Rewrite every register file in the canonical layout: keys in the format''s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value'
            cand diff 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed'
            cand log 'The register''s history, or one activity''s or processor''s: each commit that changed it, with its date, author and the changes in words'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ropa;check'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;lint'= {
            cand --function 'Show only the findings of this business function''s activities (repeat for several)'
            cand --format 'Output format'
            cand -D 'Report RULE as an error; `-D warnings` makes every warning an error'
            cand --deny 'Report RULE as an error; `-D warnings` makes every warning an error'
            cand -W 'Report RULE as a warning'
            cand --warn 'Report RULE as a warning'
            cand -A 'Do not report RULE; `-A warnings` reports errors only'
            cand --allow 'Do not report RULE; `-A warnings` reports errors only'
            cand --today 'The date to check review and contract dates against, YYYY-MM-DD [default: today]'
            cand --since 'Show only findings that are new since this git revision (a commit, branch or tag, e.g. origin/main): the register as it was there is linted too, and findings in both are not shown'
            cand --baseline 'Show only findings that are not in this baseline file (written by --write-baseline); baseline findings no longer found are reported as fixed'
            cand --write-baseline 'Write every current finding to FILE as the baseline, then exit 0. An existing file is replaced only if it is a baseline'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --show-waived 'Also list findings silenced by waivers, with their reasons'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;rules'= {
            cand --format 'Output format'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;explain'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;init'= {
            cand --name 'The organisation''s name, written into ropa.toml'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Overwrite the files init writes, even when a register is already there'
            cand --public-authority 'The organisation is a public authority (councils and other public bodies are): a DPO is required and the rules for public tasks apply'
            cand --no-public-authority 'The organisation is not a public authority (the default)'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;new'= {
            cand --register 'The register folder [default: found by looking in the current folder, then each folder above it]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Overwrite the file if it already exists'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;export'= {
            cand -o 'Where to write the export (required); `-` writes to standard output'
            cand --output 'Where to write the export (required); `-` writes to standard output'
            cand --function 'Only activities of this business function (repeat for several)'
            cand --activity 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)'
            cand --sheet 'CSV: which sheet of the workbook to write'
            cand --separator 'CSV: what joins several items in one cell'
            cand --today 'XLSX with --with-findings: the date to check review dates against, YYYY-MM-DD [default: today]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace FILE even if ropa export did not write it'
            cand --strict 'HTML: fail (exit 1, nothing written) when the register has lint errors or the page would show items as "Not recorded"'
            cand --bom 'CSV: start with a byte order mark so Excel reads the file as UTF-8'
            cand --raw 'CSV: do not neutralise cells that a spreadsheet would run as formulas'
            cand --with-findings 'XLSX: add a sheet of lint findings'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;notice'= {
            cand --function 'Only activities of this business function (repeat for several)'
            cand --activity 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)'
            cand --format 'The file format'
            cand -o 'Where to write the notice (required); `-` writes to standard output'
            cand --output 'Where to write the notice (required); `-` writes to standard output'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace FILE even if ropa notice did not write it'
            cand --strict 'Fail (exit 1, nothing written) when any item of the notice is not recorded'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;map'= {
            cand --function 'Only activities of this business function (repeat for several)'
            cand --activity 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)'
            cand --by 'What the map is arranged by'
            cand --format 'The file format'
            cand -o 'Where to write the map (required); `-` writes to standard output'
            cand --output 'Where to write the map (required); `-` writes to standard output'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace FILE even if ropa map did not write it'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;import'= {
            cand --into 'The register folder to create [default: a folder named after FILE, e.g. ropa.xlsx → ropa]'
            cand --sheet 'The sheet that holds the record, when ropa picks the wrong one'
            cand --report 'Also write the report of every cell, as JSON (schema/import-report.schema.json)'
            cand --today 'The date the lint counts at the end are worked out for (YYYY-MM-DD; default today)'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --dry-run 'Read the spreadsheet and report what would be imported, but write no register files'
            cand --force 'Add to a folder that already holds files (an existing register): imported files are added, nothing there is replaced or deleted'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;list'= {
            cand --function 'Only activities of this business function (repeat for several)'
            cand --activity 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)'
            cand --basis 'Only activities relying on this Article 6 basis, e.g. consent or public-task'
            cand --special 'Only activities with special category data; with a value, of that category, e.g. health. Put DIR before it, or write --special=health'
            cand --processor 'Only activities that use this processor (its id, or its name)'
            cand --country 'Only activities whose data goes to this country (ISO code, e.g. US): a transfer there is recorded, or one of its processors (or their sub-processors) works there'
            cand --role 'Only activities with this role: controller, joint-controller or processor'
            cand --text 'Only activities with this word in any of their text: name, description, purposes, data subjects, personal data, sources, recipients, notes … (any case)'
            cand --data-subject 'Only activities with this word in a category of data subjects (any case)'
            cand --data 'Only activities with this word in a category of personal data (any case)'
            cand --sort 'Sort by a column, named by its key (id, name, business_function, article6, special_category, processors, retention, errors, warnings), its heading, or a word of one heading such as `basis` [default: id]'
            cand --columns 'Show only these columns, in this order, named as for --sort, e.g. `--columns id,name,retention`. Without it a narrow terminal leaves columns out to keep ids whole, and says which'
            cand --format 'Output format'
            cand --today 'The date for --overdue and the lint counts, YYYY-MM-DD [default: today]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --criminal 'Only activities with criminal offence data (Art 10)'
            cand --overdue 'Only activities whose review date has passed (as `review-overdue` finds)'
            cand --failing 'Only activities with lint errors'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;show'= {
            cand --register 'The register folder [default: found by looking in the current folder, then each folder above it]'
            cand --today 'The date for review and contract status and lint findings, YYYY-MM-DD [default: today]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;summary'= {
            cand --format 'Output format'
            cand --today 'The date for overdue reviews, contract status and lint totals, YYYY-MM-DD [default: today]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;schema'= {
            cand --write 'Write all schemas into this folder instead of printing one'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;completions'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;man'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;fmt'= {
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand --check 'Change nothing: print a diff of each file that would change, and exit 1 if any would'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ropa;diff'= {
            cand --format 'Output format'
            cand --today 'The date review and contract findings are checked against, YYYY-MM-DD [default: today]'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;log'= {
            cand --register 'The register folder [default: found by looking in the current folder, then each folder above it]'
            cand -n 'Show at most this many commits, newest first'
            cand --max-count 'Show at most this many commits, newest first'
            cand --format 'Output format'
            cand -C 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --directory 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there'
            cand --color 'When to use colours: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Print only what was asked for: findings, not summaries or next steps'
            cand --quiet 'Print only what was asked for: findings, not summaries or next steps'
            cand -v 'Also say on stderr which register folder was used and how many files were read'
            cand --verbose 'Also say on stderr which register folder was used and how many files were read'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ropa;help'= {
            cand check 'Check that every file of a register can be read and matches the format'
            cand lint 'Check the register against the UK GDPR rules (and everything `check` does)'
            cand rules 'List every lint rule with its default severity and summary'
            cand explain 'Explain one lint rule: why it matters, its legal source, and examples'
            cand init 'Create a new register: ropa.toml, activities/, processors/ and editor schemas'
            cand new 'Add an activity or processor file from a commented template'
            cand export 'Write the register as a spreadsheet in the ICO template''s layout, CSV, JSON or a web page'
            cand notice 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds'
            cand map 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it'
            cand import 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register'
            cand list 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint'
            cand show 'Show one activity, or one processor, as a card with its lint findings'
            cand summary 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals'
            cand schema 'Print the JSON Schema of a register file, or write all of them to a folder'
            cand completions 'Print the shell completion script for SHELL (see the README for where to put it)'
            cand man 'Print ropa''s manual page (roff), covering every command'
            cand fmt 'Rewrite every register file in the canonical layout: keys in the format''s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value'
            cand diff 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed'
            cand log 'The register''s history, or one activity''s or processor''s: each commit that changed it, with its date, author and the changes in words'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ropa;help;check'= {
        }
        &'ropa;help;lint'= {
        }
        &'ropa;help;rules'= {
        }
        &'ropa;help;explain'= {
        }
        &'ropa;help;init'= {
        }
        &'ropa;help;new'= {
        }
        &'ropa;help;export'= {
        }
        &'ropa;help;notice'= {
        }
        &'ropa;help;map'= {
        }
        &'ropa;help;import'= {
        }
        &'ropa;help;list'= {
        }
        &'ropa;help;show'= {
        }
        &'ropa;help;summary'= {
        }
        &'ropa;help;schema'= {
        }
        &'ropa;help;completions'= {
        }
        &'ropa;help;man'= {
        }
        &'ropa;help;fmt'= {
        }
        &'ropa;help;diff'= {
        }
        &'ropa;help;log'= {
        }
        &'ropa;help;help'= {
        }
    ]
    $completions[$command]
}
