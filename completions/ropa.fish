# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ropa_global_optspecs
    string join \n C/directory= color= q/quiet v/verbose h/help V/version
end

function __fish_ropa_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ropa_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ropa_using_subcommand
    set -l cmd (__fish_ropa_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ropa -n "__fish_ropa_needs_command" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_needs_command" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_needs_command" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_needs_command" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_needs_command" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_needs_command" -s V -l version -d 'Print version'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "check" -d 'Check that every file of a register can be read and matches the format'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "lint" -d 'Check the register against the UK GDPR rules (and everything `check` does)'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "rules" -d 'List every lint rule with its default severity and summary'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "explain" -d 'Explain one lint rule: why it matters, its legal source, and examples'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "init" -d 'Create a new register: ropa.toml, activities/, processors/ and editor schemas'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "new" -d 'Add an activity or processor file from a commented template'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "export" -d 'Write the register as a spreadsheet in the ICO template\'s layout, CSV, JSON or a web page'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "notice" -d 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "map" -d 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "import" -d 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "list" -d 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "show" -d 'Show one activity, or one processor, as a card with its lint findings'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "summary" -d 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "schema" -d 'Print the JSON Schema of a register file, or write all of them to a folder'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL (see the README for where to put it)'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "man" -d 'Print ropa\'s manual page (roff), covering every command'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "fmt" -d 'Rewrite every register file in the canonical layout: keys in the format\'s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "diff" -d 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "log" -d 'The register\'s history, or one activity\'s or processor\'s: each commit that changed it, with its date, author and the changes in words'
complete -c ropa -n "__fish_ropa_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ropa -n "__fish_ropa_using_subcommand check" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand check" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand check" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand check" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand check" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l function -d 'Show only the findings of this business function\'s activities (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l format -d 'Output format' -r -f -a "human\t'Source snippets with file:line:col, rule name and help (colour on a terminal)'
concise\t'One line per finding: file:line:col: severity[rule]: message'
json\t'A JSON array of findings (schema/lint-output.schema.json)'
sarif\t'SARIF 2.1.0, for GitHub code scanning'
github\t'GitHub Actions workflow commands, shown as annotations on pull requests'
gitlab\t'GitLab Code Quality report (JSON), for the merge request widget'"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s D -l deny -d 'Report RULE as an error; `-D warnings` makes every warning an error' -r -f -a "warnings\t'every warning'
placeholder-value\t'a value is still the example from the template'
controller-contact-missing\t'ropa.toml gives no contact details for the controller'
dpo-missing\t'no data protection officer is recorded (an error for a public authority)'
purposes-missing\t'an activity records no purposes'
data-subjects-missing\t'an activity records no categories of data subjects'
personal-data-missing\t'an activity records no categories of personal data'
recipients-missing\t'an activity does not say who receives the data'
retention-missing\t'an activity records no retention period'
retention-vague\t'a retention period is not a period anyone can act on'
retention-permanent-reason-missing\t'data kept permanently without saying why'
record-exemption-not-available\t'ropa.toml claims the under-250-staff exemption, but some processing is outside it'
security-measures-missing\t'an activity records no security measures'
owner-missing\t'an activity has no owner'
review-overdue\t'an activity is past its review date'
review-date-missing\t'an activity has no review date'
sources-missing\t'an activity does not say where the data comes from'
privacy-notice-missing\t'an activity does not link the privacy notice that covers it'
notice-item-missing\t'the register lacks something a privacy notice must say, so `ropa notice` would show "[not recorded]"'
automated-decision-making-undocumented\t'an activity does not say whether decisions are automated (an error when used without details)'
lawful-basis-missing\t'an activity records no Article 6 lawful basis'
legal-basis-law-missing\t'a legal obligation or public task basis does not name the law behind it'
legitimate-interests-undocumented\t'legitimate interests is relied on without saying what the interest is'
legitimate-interests-assessment-missing\t'legitimate interests is relied on without a linked legitimate interests assessment'
legitimate-interests-by-public-authority\t'a public authority relies on legitimate interests or recognised legitimate interest'
recognised-legitimate-interest-condition-missing\t'recognised legitimate interest is relied on without naming its Annex 1 condition'
consent-record-missing\t'consent or explicit consent is relied on without saying where the consents are recorded'
consent-by-public-authority\t'a public authority relies on consent as its Article 6 basis'
special-category-consent-not-explicit\t'special category data rests on consent alone, without explicit consent as its Art 9 condition'
children-online-service-age-assurance-missing\t'an online service children are likely to use links no record of age assurance'
special-category-condition-missing\t'special category data is recorded without an Article 9 condition'
special-category-condition-without-data\t'an Article 9 condition is given but no special category data is recorded'
schedule1-condition-missing\t'an Article 9 condition that needs a DPA 2018 Schedule 1 paragraph has none'
schedule1-condition-mismatch\t'a Schedule 1 paragraph does not fit the Article 9 condition or the data'
schedule1-category-mismatch\t'a Schedule 1 paragraph limited to some special categories (or bodies) is used outside its limits'
appropriate-policy-document-missing\t'a Schedule 1 condition that needs an appropriate policy document has none linked'
policy-document-compliance-unstated\t'the record does not say whether data is kept in line with the policy document, or why not'
criminal-offence-condition-missing\t'criminal offence data is processed without official authority or a Schedule 1 condition'
unknown-processor\t'an activity names a processor that has no file in processors/'
unused-processor\t'a processor file is not used by any activity'
processor-contract-missing\t'a processor has no contract recorded'
processor-contract-expired\t'a processor\'s contract has passed its expiry date'
transfer-destination-missing\t'a transfer does not name the country the data goes to'
transfer-mechanism-missing\t'a transfer does not say what makes it lawful'
exceptional-transfer-safeguards-missing\t'an exceptional (derogation) transfer records no safeguards'
transfer-risk-assessment-missing\t'a transfer under Art 46 safeguards links no transfer risk assessment (the data protection test)'
processor-transfer-unrecorded\t'a processor works in a country outside the UK that the activity records no transfer to'
adequacy-not-applicable\t'a transfer relies on adequacy for a country UK adequacy regulations do not cover, or cover only in part without saying the recipient is inside it'
joint-controller-undocumented\t'a joint-controller activity does not name the other controller and the arrangement'
processor-record-incomplete\t'an activity done as a processor does not say which controller it is done for, or what is done'
rights-inconsistent-with-basis\t'an activity lists erasure, portability or objection where its lawful basis does not give that right'
automated-decision-special-category\t'a significant automated decision uses special category data without explicit consent, or contract or law with Art 9(2)(g)'
automated-decision-safeguards-missing\t'significant automated decisions are made without recording all the Art 22C safeguards'
automated-decision-recognised-legitimate-interest\t'significant automated decisions rely on recognised legitimate interests (reported to be barred; unverified)'
dpia-screening-indicates-required\t'the DPIA screening answers point to a DPIA, but none is recorded as required'
dpia-incomplete\t'a required DPIA has no status or no link'
breach-record-missing\t'a breach is recorded as having occurred, but no record of it is linked'
unused-waiver\t'a waiver silences no finding'
waiver-reason-missing\t'a waiver gives no reason'
waiver-unknown-rule\t'a waiver names a rule that does not exist'"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s W -l warn -d 'Report RULE as a warning' -r -f -a "placeholder-value\t'a value is still the example from the template'
controller-contact-missing\t'ropa.toml gives no contact details for the controller'
dpo-missing\t'no data protection officer is recorded (an error for a public authority)'
purposes-missing\t'an activity records no purposes'
data-subjects-missing\t'an activity records no categories of data subjects'
personal-data-missing\t'an activity records no categories of personal data'
recipients-missing\t'an activity does not say who receives the data'
retention-missing\t'an activity records no retention period'
retention-vague\t'a retention period is not a period anyone can act on'
retention-permanent-reason-missing\t'data kept permanently without saying why'
record-exemption-not-available\t'ropa.toml claims the under-250-staff exemption, but some processing is outside it'
security-measures-missing\t'an activity records no security measures'
owner-missing\t'an activity has no owner'
review-overdue\t'an activity is past its review date'
review-date-missing\t'an activity has no review date'
sources-missing\t'an activity does not say where the data comes from'
privacy-notice-missing\t'an activity does not link the privacy notice that covers it'
notice-item-missing\t'the register lacks something a privacy notice must say, so `ropa notice` would show "[not recorded]"'
automated-decision-making-undocumented\t'an activity does not say whether decisions are automated (an error when used without details)'
lawful-basis-missing\t'an activity records no Article 6 lawful basis'
legal-basis-law-missing\t'a legal obligation or public task basis does not name the law behind it'
legitimate-interests-undocumented\t'legitimate interests is relied on without saying what the interest is'
legitimate-interests-assessment-missing\t'legitimate interests is relied on without a linked legitimate interests assessment'
legitimate-interests-by-public-authority\t'a public authority relies on legitimate interests or recognised legitimate interest'
recognised-legitimate-interest-condition-missing\t'recognised legitimate interest is relied on without naming its Annex 1 condition'
consent-record-missing\t'consent or explicit consent is relied on without saying where the consents are recorded'
consent-by-public-authority\t'a public authority relies on consent as its Article 6 basis'
special-category-consent-not-explicit\t'special category data rests on consent alone, without explicit consent as its Art 9 condition'
children-online-service-age-assurance-missing\t'an online service children are likely to use links no record of age assurance'
special-category-condition-missing\t'special category data is recorded without an Article 9 condition'
special-category-condition-without-data\t'an Article 9 condition is given but no special category data is recorded'
schedule1-condition-missing\t'an Article 9 condition that needs a DPA 2018 Schedule 1 paragraph has none'
schedule1-condition-mismatch\t'a Schedule 1 paragraph does not fit the Article 9 condition or the data'
schedule1-category-mismatch\t'a Schedule 1 paragraph limited to some special categories (or bodies) is used outside its limits'
appropriate-policy-document-missing\t'a Schedule 1 condition that needs an appropriate policy document has none linked'
policy-document-compliance-unstated\t'the record does not say whether data is kept in line with the policy document, or why not'
criminal-offence-condition-missing\t'criminal offence data is processed without official authority or a Schedule 1 condition'
unknown-processor\t'an activity names a processor that has no file in processors/'
unused-processor\t'a processor file is not used by any activity'
processor-contract-missing\t'a processor has no contract recorded'
processor-contract-expired\t'a processor\'s contract has passed its expiry date'
transfer-destination-missing\t'a transfer does not name the country the data goes to'
transfer-mechanism-missing\t'a transfer does not say what makes it lawful'
exceptional-transfer-safeguards-missing\t'an exceptional (derogation) transfer records no safeguards'
transfer-risk-assessment-missing\t'a transfer under Art 46 safeguards links no transfer risk assessment (the data protection test)'
processor-transfer-unrecorded\t'a processor works in a country outside the UK that the activity records no transfer to'
adequacy-not-applicable\t'a transfer relies on adequacy for a country UK adequacy regulations do not cover, or cover only in part without saying the recipient is inside it'
joint-controller-undocumented\t'a joint-controller activity does not name the other controller and the arrangement'
processor-record-incomplete\t'an activity done as a processor does not say which controller it is done for, or what is done'
rights-inconsistent-with-basis\t'an activity lists erasure, portability or objection where its lawful basis does not give that right'
automated-decision-special-category\t'a significant automated decision uses special category data without explicit consent, or contract or law with Art 9(2)(g)'
automated-decision-safeguards-missing\t'significant automated decisions are made without recording all the Art 22C safeguards'
automated-decision-recognised-legitimate-interest\t'significant automated decisions rely on recognised legitimate interests (reported to be barred; unverified)'
dpia-screening-indicates-required\t'the DPIA screening answers point to a DPIA, but none is recorded as required'
dpia-incomplete\t'a required DPIA has no status or no link'
breach-record-missing\t'a breach is recorded as having occurred, but no record of it is linked'
unused-waiver\t'a waiver silences no finding'
waiver-reason-missing\t'a waiver gives no reason'
waiver-unknown-rule\t'a waiver names a rule that does not exist'"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s A -l allow -d 'Do not report RULE; `-A warnings` reports errors only' -r -f -a "warnings\t'every warning'
placeholder-value\t'a value is still the example from the template'
controller-contact-missing\t'ropa.toml gives no contact details for the controller'
dpo-missing\t'no data protection officer is recorded (an error for a public authority)'
purposes-missing\t'an activity records no purposes'
data-subjects-missing\t'an activity records no categories of data subjects'
personal-data-missing\t'an activity records no categories of personal data'
recipients-missing\t'an activity does not say who receives the data'
retention-missing\t'an activity records no retention period'
retention-vague\t'a retention period is not a period anyone can act on'
retention-permanent-reason-missing\t'data kept permanently without saying why'
record-exemption-not-available\t'ropa.toml claims the under-250-staff exemption, but some processing is outside it'
security-measures-missing\t'an activity records no security measures'
owner-missing\t'an activity has no owner'
review-overdue\t'an activity is past its review date'
review-date-missing\t'an activity has no review date'
sources-missing\t'an activity does not say where the data comes from'
privacy-notice-missing\t'an activity does not link the privacy notice that covers it'
notice-item-missing\t'the register lacks something a privacy notice must say, so `ropa notice` would show "[not recorded]"'
automated-decision-making-undocumented\t'an activity does not say whether decisions are automated (an error when used without details)'
lawful-basis-missing\t'an activity records no Article 6 lawful basis'
legal-basis-law-missing\t'a legal obligation or public task basis does not name the law behind it'
legitimate-interests-undocumented\t'legitimate interests is relied on without saying what the interest is'
legitimate-interests-assessment-missing\t'legitimate interests is relied on without a linked legitimate interests assessment'
legitimate-interests-by-public-authority\t'a public authority relies on legitimate interests or recognised legitimate interest'
recognised-legitimate-interest-condition-missing\t'recognised legitimate interest is relied on without naming its Annex 1 condition'
consent-record-missing\t'consent or explicit consent is relied on without saying where the consents are recorded'
consent-by-public-authority\t'a public authority relies on consent as its Article 6 basis'
special-category-consent-not-explicit\t'special category data rests on consent alone, without explicit consent as its Art 9 condition'
children-online-service-age-assurance-missing\t'an online service children are likely to use links no record of age assurance'
special-category-condition-missing\t'special category data is recorded without an Article 9 condition'
special-category-condition-without-data\t'an Article 9 condition is given but no special category data is recorded'
schedule1-condition-missing\t'an Article 9 condition that needs a DPA 2018 Schedule 1 paragraph has none'
schedule1-condition-mismatch\t'a Schedule 1 paragraph does not fit the Article 9 condition or the data'
schedule1-category-mismatch\t'a Schedule 1 paragraph limited to some special categories (or bodies) is used outside its limits'
appropriate-policy-document-missing\t'a Schedule 1 condition that needs an appropriate policy document has none linked'
policy-document-compliance-unstated\t'the record does not say whether data is kept in line with the policy document, or why not'
criminal-offence-condition-missing\t'criminal offence data is processed without official authority or a Schedule 1 condition'
unknown-processor\t'an activity names a processor that has no file in processors/'
unused-processor\t'a processor file is not used by any activity'
processor-contract-missing\t'a processor has no contract recorded'
processor-contract-expired\t'a processor\'s contract has passed its expiry date'
transfer-destination-missing\t'a transfer does not name the country the data goes to'
transfer-mechanism-missing\t'a transfer does not say what makes it lawful'
exceptional-transfer-safeguards-missing\t'an exceptional (derogation) transfer records no safeguards'
transfer-risk-assessment-missing\t'a transfer under Art 46 safeguards links no transfer risk assessment (the data protection test)'
processor-transfer-unrecorded\t'a processor works in a country outside the UK that the activity records no transfer to'
adequacy-not-applicable\t'a transfer relies on adequacy for a country UK adequacy regulations do not cover, or cover only in part without saying the recipient is inside it'
joint-controller-undocumented\t'a joint-controller activity does not name the other controller and the arrangement'
processor-record-incomplete\t'an activity done as a processor does not say which controller it is done for, or what is done'
rights-inconsistent-with-basis\t'an activity lists erasure, portability or objection where its lawful basis does not give that right'
automated-decision-special-category\t'a significant automated decision uses special category data without explicit consent, or contract or law with Art 9(2)(g)'
automated-decision-safeguards-missing\t'significant automated decisions are made without recording all the Art 22C safeguards'
automated-decision-recognised-legitimate-interest\t'significant automated decisions rely on recognised legitimate interests (reported to be barred; unverified)'
dpia-screening-indicates-required\t'the DPIA screening answers point to a DPIA, but none is recorded as required'
dpia-incomplete\t'a required DPIA has no status or no link'
breach-record-missing\t'a breach is recorded as having occurred, but no record of it is linked'
unused-waiver\t'a waiver silences no finding'
waiver-reason-missing\t'a waiver gives no reason'
waiver-unknown-rule\t'a waiver names a rule that does not exist'"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l today -d 'The date to check review and contract dates against, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l since -d 'Show only findings that are new since this git revision (a commit, branch or tag, e.g. origin/main): the register as it was there is linted too, and findings in both are not shown' -r
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l baseline -d 'Show only findings that are not in this baseline file (written by --write-baseline); baseline findings no longer found are reported as fixed' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l write-baseline -d 'Write every current finding to FILE as the baseline, then exit 0. An existing file is replaced only if it is a baseline' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand lint" -l show-waived -d 'Also list findings silenced by waivers, with their reasons'
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand rules" -l format -d 'Output format' -r -f -a "text\t'A table grouped by topic'
json\t'A JSON array of {name, severity, group, summary, source}'
markdown\t'Markdown tables, as in the README'"
complete -c ropa -n "__fish_ropa_using_subcommand rules" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand rules" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand rules" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand rules" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand explain" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand explain" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand explain" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand explain" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand explain" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand init" -l name -d 'The organisation\'s name, written into ropa.toml' -r
complete -c ropa -n "__fish_ropa_using_subcommand init" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand init" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand init" -l force -d 'Overwrite the files init writes, even when a register is already there'
complete -c ropa -n "__fish_ropa_using_subcommand init" -l public-authority -d 'The organisation is a public authority (councils and other public bodies are): a DPO is required and the rules for public tasks apply'
complete -c ropa -n "__fish_ropa_using_subcommand init" -l no-public-authority -d 'The organisation is not a public authority (the default)'
complete -c ropa -n "__fish_ropa_using_subcommand init" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand init" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand init" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand new" -l register -d 'The register folder [default: found by looking in the current folder, then each folder above it]' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand new" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand new" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand new" -l force -d 'Overwrite the file if it already exists'
complete -c ropa -n "__fish_ropa_using_subcommand new" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand new" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand export" -s o -l output -d 'Where to write the export (required); `-` writes to standard output' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand export" -l function -d 'Only activities of this business function (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand export" -l activity -d 'Only activities whose id matches this pattern, e.g. \'customer-services/*\' (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand export" -l sheet -d 'CSV: which sheet of the workbook to write' -r -f -a "record\t'The ICO template\'s 30 columns, one row per controller activity'
processor-record\t'Activities carried out as a processor for other controllers (Art 30(2))'
processors\t'Processors and other recipient organisations'
retention\t'One row per retention rule'
transfers\t'One row per transfer outside the UK'
waivers\t'One row per waiver: the rule, the reason and the activity'"
complete -c ropa -n "__fish_ropa_using_subcommand export" -l separator -d 'CSV: what joins several items in one cell' -r
complete -c ropa -n "__fish_ropa_using_subcommand export" -l today -d 'XLSX with --with-findings: the date to check review dates against, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand export" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand export" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand export" -l force -d 'Replace FILE even if ropa export did not write it'
complete -c ropa -n "__fish_ropa_using_subcommand export" -l strict -d 'HTML: fail (exit 1, nothing written) when the register has lint errors or the page would show items as "Not recorded"'
complete -c ropa -n "__fish_ropa_using_subcommand export" -l bom -d 'CSV: start with a byte order mark so Excel reads the file as UTF-8'
complete -c ropa -n "__fish_ropa_using_subcommand export" -l raw -d 'CSV: do not neutralise cells that a spreadsheet would run as formulas'
complete -c ropa -n "__fish_ropa_using_subcommand export" -l with-findings -d 'XLSX: add a sheet of lint findings'
complete -c ropa -n "__fish_ropa_using_subcommand export" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand export" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l function -d 'Only activities of this business function (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l activity -d 'Only activities whose id matches this pattern, e.g. \'customer-services/*\' (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l format -d 'The file format' -r -f -a "markdown\t'Markdown, for a web content system'
html\t'One self-contained web page'"
complete -c ropa -n "__fish_ropa_using_subcommand notice" -s o -l output -d 'Where to write the notice (required); `-` writes to standard output' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand notice" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l force -d 'Replace FILE even if ropa notice did not write it'
complete -c ropa -n "__fish_ropa_using_subcommand notice" -l strict -d 'Fail (exit 1, nothing written) when any item of the notice is not recorded'
complete -c ropa -n "__fish_ropa_using_subcommand notice" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand notice" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand notice" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand map" -l function -d 'Only activities of this business function (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand map" -l activity -d 'Only activities whose id matches this pattern, e.g. \'customer-services/*\' (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand map" -l by -d 'What the map is arranged by' -r -f -a "flow\t'Data subjects → activities → recipients and processors → countries outside the UK'
processor\t'Each processor with the activities that feed it, its contract and where it works'
country\t'Each destination outside the UK with its adequacy status, and what sends data there'"
complete -c ropa -n "__fish_ropa_using_subcommand map" -l format -d 'The file format' -r -f -a "svg\t'A drawing (scalable vector graphics)'
html\t'A web page with the drawing, its key and a table of every flow'
mermaid\t'Mermaid, for GitHub and GitLab Markdown'
dot\t'Graphviz DOT'"
complete -c ropa -n "__fish_ropa_using_subcommand map" -s o -l output -d 'Where to write the map (required); `-` writes to standard output' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand map" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand map" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand map" -l force -d 'Replace FILE even if ropa map did not write it'
complete -c ropa -n "__fish_ropa_using_subcommand map" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand map" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand map" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand import" -l into -d 'The register folder to create [default: a folder named after FILE, e.g. ropa.xlsx → ropa]' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand import" -l sheet -d 'The sheet that holds the record, when ropa picks the wrong one' -r
complete -c ropa -n "__fish_ropa_using_subcommand import" -l report -d 'Also write the report of every cell, as JSON (schema/import-report.schema.json)' -r -F
complete -c ropa -n "__fish_ropa_using_subcommand import" -l today -d 'The date the lint counts at the end are worked out for (YYYY-MM-DD; default today)' -r
complete -c ropa -n "__fish_ropa_using_subcommand import" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand import" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand import" -l dry-run -d 'Read the spreadsheet and report what would be imported, but write no register files'
complete -c ropa -n "__fish_ropa_using_subcommand import" -l force -d 'Add to a folder that already holds files (an existing register): imported files are added, nothing there is replaced or deleted'
complete -c ropa -n "__fish_ropa_using_subcommand import" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand import" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand import" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand list" -l function -d 'Only activities of this business function (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l activity -d 'Only activities whose id matches this pattern, e.g. \'customer-services/*\' (repeat for several)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l basis -d 'Only activities relying on this Article 6 basis, e.g. consent or public-task' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l special -d 'Only activities with special category data; with a value, of that category, e.g. health. Put DIR before it, or write --special=health' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l processor -d 'Only activities that use this processor (its id, or its name)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l country -d 'Only activities whose data goes to this country (ISO code, e.g. US): a transfer there is recorded, or one of its processors (or their sub-processors) works there' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l role -d 'Only activities with this role: controller, joint-controller or processor' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l text -d 'Only activities with this word in any of their text: name, description, purposes, data subjects, personal data, sources, recipients, notes … (any case)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l data-subject -d 'Only activities with this word in a category of data subjects (any case)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l data -d 'Only activities with this word in a category of personal data (any case)' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l sort -d 'Sort by a column, named by its key (id, name, business_function, article6, special_category, processors, retention, errors, warnings), its heading, or a word of one heading such as `basis` [default: id]' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l columns -d 'Show only these columns, in this order, named as for --sort, e.g. `--columns id,name,retention`. Without it a narrow terminal leaves columns out to keep ids whole, and says which' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal (or to COLUMNS, else 100 characters, when piped)'
csv\t'CSV, as `ropa export csv` writes it'
json\t'A JSON array with one object per activity'"
complete -c ropa -n "__fish_ropa_using_subcommand list" -l today -d 'The date for --overdue and the lint counts, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand list" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand list" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand list" -l criminal -d 'Only activities with criminal offence data (Art 10)'
complete -c ropa -n "__fish_ropa_using_subcommand list" -l overdue -d 'Only activities whose review date has passed (as `review-overdue` finds)'
complete -c ropa -n "__fish_ropa_using_subcommand list" -l failing -d 'Only activities with lint errors'
complete -c ropa -n "__fish_ropa_using_subcommand list" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand list" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand show" -l register -d 'The register folder [default: found by looking in the current folder, then each folder above it]' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand show" -l today -d 'The date for review and contract status and lint findings, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand show" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand show" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand show" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand show" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand show" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand summary" -l format -d 'Output format' -r -f -a "table\t'Tables fitted to the terminal (or to COLUMNS, else 100 characters, when piped)'
json\t'One JSON document for dashboards'"
complete -c ropa -n "__fish_ropa_using_subcommand summary" -l today -d 'The date for overdue reviews, contract status and lint totals, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand summary" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand summary" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand summary" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand summary" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand schema" -l write -d 'Write all schemas into this folder instead of printing one' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand schema" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand schema" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand schema" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand schema" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand completions" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand completions" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand completions" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand completions" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand man" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand man" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand man" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand man" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand man" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -l check -d 'Change nothing: print a diff of each file that would change, and exit 1 if any would'
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c ropa -n "__fish_ropa_using_subcommand diff" -l format -d 'Output format' -r -f -a "human\t'Plain text for a terminal'
markdown\t'Markdown, ready to post as a pull-request comment: a table per changed activity'
json\t'JSON (schema/diff.schema.json)'"
complete -c ropa -n "__fish_ropa_using_subcommand diff" -l today -d 'The date review and contract findings are checked against, YYYY-MM-DD [default: today]' -r
complete -c ropa -n "__fish_ropa_using_subcommand diff" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand diff" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand diff" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand diff" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand log" -l register -d 'The register folder [default: found by looking in the current folder, then each folder above it]' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand log" -s n -l max-count -d 'Show at most this many commits, newest first' -r
complete -c ropa -n "__fish_ropa_using_subcommand log" -l format -d 'Output format' -r -f -a "human\t'Plain text for a terminal'
markdown\t'Markdown, ready to post as a pull-request comment: a table per changed activity'
json\t'JSON (schema/diff.schema.json)'"
complete -c ropa -n "__fish_ropa_using_subcommand log" -s C -l directory -d 'Run in DIR instead of the current folder: paths given to commands are relative to it, and the search for ropa.toml starts there' -r -f -a "(__fish_complete_directories)"
complete -c ropa -n "__fish_ropa_using_subcommand log" -l color -d 'When to use colours: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ropa -n "__fish_ropa_using_subcommand log" -s q -l quiet -d 'Print only what was asked for: findings, not summaries or next steps'
complete -c ropa -n "__fish_ropa_using_subcommand log" -s v -l verbose -d 'Also say on stderr which register folder was used and how many files were read'
complete -c ropa -n "__fish_ropa_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "check" -d 'Check that every file of a register can be read and matches the format'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "lint" -d 'Check the register against the UK GDPR rules (and everything `check` does)'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "rules" -d 'List every lint rule with its default severity and summary'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "explain" -d 'Explain one lint rule: why it matters, its legal source, and examples'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "init" -d 'Create a new register: ropa.toml, activities/, processors/ and editor schemas'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "new" -d 'Add an activity or processor file from a commented template'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "export" -d 'Write the register as a spreadsheet in the ICO template\'s layout, CSV, JSON or a web page'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "notice" -d 'Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web page, so the notice says exactly what the record holds'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "map" -d 'Draw the data-flow map: whose data flows into which activity, to which recipients and processors, and to which countries, with the problems lint finds marked on it'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "import" -d 'Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export) into a register'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "list" -d 'List activities as a table, filtered and sorted: which use a processor, which rely on consent, which fail lint'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "show" -d 'Show one activity, or one processor, as a card with its lint findings'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "summary" -d 'Summarise the register: how complete each Art 30 item is, bases, special categories, processors, transfers, overdue reviews, DPIAs and lint totals'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "schema" -d 'Print the JSON Schema of a register file, or write all of them to a folder'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "completions" -d 'Print the shell completion script for SHELL (see the README for where to put it)'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "man" -d 'Print ropa\'s manual page (roff), covering every command'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "fmt" -d 'Rewrite every register file in the canonical layout: keys in the format\'s order, lists of several items one item per line, "..." strings, `key = value` spacing. Keeps every comment and value'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "diff" -d 'Compare the register at two git revisions, in words: activities and processors added, removed, moved and changed field by field, the settings, and the lint findings the change introduced and fixed'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "log" -d 'The register\'s history, or one activity\'s or processor\'s: each commit that changed it, with its date, author and the changes in words'
complete -c ropa -n "__fish_ropa_using_subcommand help; and not __fish_seen_subcommand_from check lint rules explain init new export notice map import list show summary schema completions man fmt diff log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
