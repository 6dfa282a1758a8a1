#!/usr/bin/env bash
# Check the data-flow map page in a real browser: write `ropa map --format html` for the largest
# example register and for a generated 500-activity register, open each in headless Chromium,
# check what the browser sees (English (UK), one h1, an inline SVG with a title, a table of
# every flow, no scripts), and save screenshots to look at.
#
#   scripts/check-map-html.sh [OUT_DIR]
#
# OUT_DIR defaults to target/check-map-html. Needs chromium (Debian/Ubuntu: apt-get install -y
# chromium) and python3. Set CHROMIUM to use another browser binary.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/check-map-html}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "error: Chromium is not installed" >&2
  echo "  help: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM" >&2
  exit 2
fi
mkdir -p "$out"
cargo build --quiet --release --example synth
cargo build --quiet --release
ropa=target/release/ropa

# The largest example register: the one with the most activities.
largest=$(for r in registers/*/; do echo "$(find "$r/activities" -name '*.toml' | wc -l) ${r%/}"; done \
  | sort -rn | head -1 | cut -d' ' -f2)
rm -rf "$out/generated-500"
target/release/examples/synth 500 "$out/generated-500" >/dev/null

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")

check() {
  local register=$1 name=$2
  "$ropa" map "$register" --format html -o "$out/$name.html" --force -q
  local url="file://$(cd "$out" && pwd)/$name.html"
  "$chromium" "${flags[@]}" --dump-dom "$url" >"$out/$name.dom.html" 2>>"$out/chromium.log"
  "$chromium" "${flags[@]}" --hide-scrollbars --window-size=1500,1400 \
    --screenshot="$out/$name.png" "$url" >>"$out/chromium.log" 2>&1
  [ -s "$out/$name.png" ] || { echo "error: Chromium wrote no $out/$name.png" >&2; exit 1; }
  python3 - "$out/$name.dom.html" "$name" <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.h1, self.scripts, self.svg, self.svg_title = None, 0, 0, 0, False
        self.rows, self.boxes, self.in_svg, self.last = 0, 0, False, None
    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self.h1 += tag == "h1"
        self.scripts += tag == "script"
        if tag == "svg":
            self.svg += 1
            self.in_svg = True
        if tag == "title" and self.in_svg and self.last == "svg":
            self.svg_title = True
        if tag == "rect" and self.in_svg:
            self.boxes += 1
        if tag == "tr":
            self.rows += 1
        self.last = tag
    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
problems = []
if page.lang != "en-GB": problems.append("lang is not en-GB")
if page.h1 != 1: problems.append(f"{page.h1} h1 elements")
if page.scripts: problems.append("scripts")
if page.svg != 1 or not page.svg_title: problems.append("no inline SVG with a title")
if page.rows < 2: problems.append("no table of flows")
for p in problems: print(f"error: {sys.argv[2]}: {p}", file=sys.stderr)
if problems: sys.exit(1)
print(f"ok: {sys.argv[2]}: {page.boxes} boxes drawn, {page.rows - 1} flows in the table")
PY
}

check "$largest" largest-example
check "$out/generated-500" generated-500
echo "look at: $out/largest-example.png and $out/generated-500.png"
