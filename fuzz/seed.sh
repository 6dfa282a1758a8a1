#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the example registers (and the test registers), so the
# fuzzer starts from real files. Run from anywhere; writes fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
ropa=target/debug/ropa
c=fuzz/corpus
mkdir -p $c/{load_activity,load_processor,load_config,fmt_roundtrip,retention_period,import_csv,import_xlsx,git_revision}
i=0
for f in $(find registers tests/fixtures/every-field tests/cmd -path '*activities*' -name '*.toml'); do
  i=$((i+1)); cp "$f" $c/load_activity/seed$i; cp "$f" $c/fmt_roundtrip/activity$i
done
i=0
for f in $(find registers tests/fixtures/every-field tests/cmd -path '*processors*' -name '*.toml'); do
  i=$((i+1)); cp "$f" $c/load_processor/seed$i; cp "$f" $c/fmt_roundtrip/processor$i
done
i=0
for f in $(find registers tests/fixtures/every-field tests/cmd -name ropa.toml); do
  i=$((i+1)); cp "$f" $c/load_config/seed$i; cp "$f" $c/fmt_roundtrip/ropa$i
done
i=0
for p in "6 months" "3 years" "P6M" "P1Y6M" "permanent" "Current year + 6 years" "one year" "6yrs" "30 days" "2 weeks"; do
  i=$((i+1)); printf '%s' "$p" > $c/retention_period/seed$i
done
for r in registers/*; do
  n=$(basename "$r")
  $ropa export csv "$r" -o $c/import_csv/$n.csv -q --force
  $ropa export xlsx "$r" -o $c/import_xlsx/$n.xlsx -q --force
done
# A `git ls-tree -r -z` listing, the 0xff separator, then `git cat-file --batch` output.
python3 - "$c/git_revision/seed1" <<'PY'
import sys
files = {"ropa.toml": b'[controller]\nname = "C"\nemail = "a@b"\n',
         "activities/a.toml": b'name = "A"\npurposes = ["P"]\n'}
listing, batch = b"", b""
for i, (path, data) in enumerate(files.items()):
    oid = b"%040d" % i
    listing += b"100644 blob " + oid + b"\t" + path.encode() + b"\0"
    batch += oid + b" blob %d\n" % len(data) + data + b"\n"
open(sys.argv[1], "wb").write(listing + b"\xff" + batch)
PY
echo "seeded: $(find $c -type f | wc -l) files in $c"
