
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ropa' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ropa'
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
        'ropa' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that every file of a register can be read and matches the format')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check the register against the UK GDPR rules (and everything `check` does)')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List every lint rule with its default severity and summary')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain one lint rule: why it matters, its legal source, and examples')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new register: ropa.toml, activities/, processors/ and editor schemas')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Add an activity or processor file from a commented template')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the register as a spreadsheet in the ICO template''s layout, CSV, JSON or a web page')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one activity, or one processor, as a card with its lint findings')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a register file, or write all of them to a folder')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL (see the README for where to put it)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print ropa''s manual page (roff), covering every command')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite every register file in the canonical layout: keys in the format''s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The register''s history, or one activity''s or processor''s: each commit that changed it, with its date, author and the changes in words')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ropa;check' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;lint' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Show only the findings of this business function''s activities (repeat for several)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Report RULE as an error; `-D warnings` makes every warning an error')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Report RULE as an error; `-D warnings` makes every warning an error')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Report RULE as a warning')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Report RULE as a warning')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Do not report RULE; `-A warnings` reports errors only')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Do not report RULE; `-A warnings` reports errors only')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date to check review and contract dates against, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Show only findings that are new since this git revision (a commit, branch or tag, e.g. origin/main): the register as it was there is linted too, and findings in both are not shown')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Show only findings that are not in this baseline file (written by --write-baseline); baseline findings no longer found are reported as fixed')
            [CompletionResult]::new('--write-baseline', '--write-baseline', [CompletionResultType]::ParameterName, 'Write every current finding to FILE as the baseline, then exit 0. An existing file is replaced only if it is a baseline')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--show-waived', '--show-waived', [CompletionResultType]::ParameterName, 'Also list findings silenced by waivers, with their reasons')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;explain' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;init' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The organisation''s name, written into ropa.toml')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite the files init writes, even when a register is already there')
            [CompletionResult]::new('--public-authority', '--public-authority', [CompletionResultType]::ParameterName, 'The organisation is a public authority (councils and other public bodies are): a DPO is required and the rules for public tasks apply')
            [CompletionResult]::new('--no-public-authority', '--no-public-authority', [CompletionResultType]::ParameterName, 'The organisation is not a public authority (the default)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;new' {
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'The register folder [default: found by looking in the current folder, then each folder above it]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite the file if it already exists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the export (required); `-` writes to standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the export (required); `-` writes to standard output')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only activities of this business function (repeat for several)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)')
            [CompletionResult]::new('--sheet', '--sheet', [CompletionResultType]::ParameterName, 'CSV: which sheet of the workbook to write')
            [CompletionResult]::new('--separator', '--separator', [CompletionResultType]::ParameterName, 'CSV: what joins several items in one cell')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'XLSX with --with-findings: the date to check review dates against, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE even if ropa export did not write it')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'HTML: fail (exit 1, nothing written) when the register has lint errors or the page would show items as "Not recorded"')
            [CompletionResult]::new('--bom', '--bom', [CompletionResultType]::ParameterName, 'CSV: start with a byte order mark so Excel reads the file as UTF-8')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV: do not neutralise cells that a spreadsheet would run as formulas')
            [CompletionResult]::new('--with-findings', '--with-findings', [CompletionResultType]::ParameterName, 'XLSX: add a sheet of lint findings')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;notice' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only activities of this business function (repeat for several)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the notice (required); `-` writes to standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the notice (required); `-` writes to standard output')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE even if ropa notice did not write it')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail (exit 1, nothing written) when any item of the notice is not recorded')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;map' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only activities of this business function (repeat for several)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'What the map is arranged by')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the map (required); `-` writes to standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the map (required); `-` writes to standard output')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE even if ropa map did not write it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;import' {
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'The register folder to create [default: a folder named after FILE, e.g. ropa.xlsx → ropa]')
            [CompletionResult]::new('--sheet', '--sheet', [CompletionResultType]::ParameterName, 'The sheet that holds the record, when ropa picks the wrong one')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report of every cell, as JSON (schema/import-report.schema.json)')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date the lint counts at the end are worked out for (YYYY-MM-DD; default today)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Read the spreadsheet and report what would be imported, but write no register files')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Add to a folder that already holds files (an existing register): imported files are added, nothing there is replaced or deleted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;list' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only activities of this business function (repeat for several)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'Only activities whose id matches this pattern, e.g. ''customer-services/*'' (repeat for several)')
            [CompletionResult]::new('--basis', '--basis', [CompletionResultType]::ParameterName, 'Only activities relying on this Article 6 basis, e.g. consent or public-task')
            [CompletionResult]::new('--special', '--special', [CompletionResultType]::ParameterName, 'Only activities with special category data; with a value, of that category, e.g. health. Put DIR before it, or write --special=health')
            [CompletionResult]::new('--processor', '--processor', [CompletionResultType]::ParameterName, 'Only activities that use this processor (its id, or its name)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only activities whose data goes to this country (ISO code, e.g. US): a transfer there is recorded, or one of its processors (or their sub-processors) works there')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only activities with this role: controller, joint-controller or processor')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Only activities with this word in any of their text: name, description, purposes, data subjects, personal data, sources, recipients, notes … (any case)')
            [CompletionResult]::new('--data-subject', '--data-subject', [CompletionResultType]::ParameterName, 'Only activities with this word in a category of data subjects (any case)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Only activities with this word in a category of personal data (any case)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column, named by its key (id, name, business_function, article6, special_category, processors, retention, errors, warnings), its heading, or a word of one heading such as `basis` [default: id]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Show only these columns, in this order, named as for --sort, e.g. `--columns id,name,retention`. Without it a narrow terminal leaves columns out to keep ids whole, and says which')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date for --overdue and the lint counts, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--criminal', '--criminal', [CompletionResultType]::ParameterName, 'Only activities with criminal offence data (Art 10)')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only activities whose review date has passed (as `review-overdue` finds)')
            [CompletionResult]::new('--failing', '--failing', [CompletionResultType]::ParameterName, 'Only activities with lint errors')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;show' {
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'The register folder [default: found by looking in the current folder, then each folder above it]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date for review and contract status and lint findings, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;summary' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date for overdue reviews, contract status and lint totals, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;schema' {
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write all schemas into this folder instead of printing one')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;man' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;fmt' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Change nothing: print a diff of each file that would change, and exit 1 if any would')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ropa;diff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date review and contract findings are checked against, YYYY-MM-DD [default: today]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;log' {
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'The register folder [default: found by looking in the current folder, then each folder above it]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show at most this many commits, newest first')
            [CompletionResult]::new('--max-count', '--max-count', [CompletionResultType]::ParameterName, 'Show at most this many commits, newest first')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: findings, not summaries or next steps')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also say on stderr which register folder was used and how many files were read')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ropa;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that every file of a register can be read and matches the format')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check the register against the UK GDPR rules (and everything `check` does)')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List every lint rule with its default severity and summary')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain one lint rule: why it matters, its legal source, and examples')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new register: ropa.toml, activities/, processors/ and editor schemas')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Add an activity or processor file from a commented template')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the register as a spreadsheet in the ICO template''s layout, CSV, JSON or a web page')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one activity, or one processor, as a card with its lint findings')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a register file, or write all of them to a folder')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL (see the README for where to put it)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print ropa''s manual page (roff), covering every command')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite every register file in the canonical layout: keys in the format''s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The register''s history, or one activity''s or processor''s: each commit that changed it, with its date, author and the changes in words')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ropa;help;check' {
            break
        }
        'ropa;help;lint' {
            break
        }
        'ropa;help;rules' {
            break
        }
        'ropa;help;explain' {
            break
        }
        'ropa;help;init' {
            break
        }
        'ropa;help;new' {
            break
        }
        'ropa;help;export' {
            break
        }
        'ropa;help;notice' {
            break
        }
        'ropa;help;map' {
            break
        }
        'ropa;help;import' {
            break
        }
        'ropa;help;list' {
            break
        }
        'ropa;help;show' {
            break
        }
        'ropa;help;summary' {
            break
        }
        'ropa;help;schema' {
            break
        }
        'ropa;help;completions' {
            break
        }
        'ropa;help;man' {
            break
        }
        'ropa;help;fmt' {
            break
        }
        'ropa;help;diff' {
            break
        }
        'ropa;help;log' {
            break
        }
        'ropa;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
