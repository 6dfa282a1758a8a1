#!/usr/bin/env bash
# Check the published web page in a real browser: export a shipped example register with
# `ropa export html`, open it in headless Chromium, check the headings the browser sees, and
# save a screenshot and a PDF (the print layout) to look at.
#
#   scripts/check-html.sh [REGISTER] [OUT_DIR]
#
# REGISTER defaults to registers/harborough, OUT_DIR to target/check-html. Needs chromium
# (Debian/Ubuntu: apt-get install -y chromium) and python3. Set CHROMIUM to use another browser
# binary and ROPA to use a ropa binary instead of `cargo run`.
set -euo pipefail
cd "$(dirname "$0")/.."

register=${1:-registers/harborough}
out=${2:-target/check-html}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "error: Chromium is not installed" >&2
  echo "  help: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM" >&2
  exit 2
fi
ropa() {
  if [ -n "${ROPA:-}" ]; then "$ROPA" "$@"; else cargo run --quiet -- "$@"; fi
}

mkdir -p "$out"
ropa export html "$register" -o "$out/ropa.html" --force >/dev/null
ropa export json "$register" -o "$out/ropa.json" --force >/dev/null

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")
url="file://$(cd "$out" && pwd)/ropa.html"
log="$out/chromium.log"
: >"$log"
"$chromium" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>>"$log"
"$chromium" "${flags[@]}" --hide-scrollbars --window-size=1024,2600 \
  --screenshot="$out/screenshot.png" "$url" >>"$log" 2>&1
"$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/ropa.pdf" \
  "$url" >>"$log" 2>&1
for file in dom.html screenshot.png ropa.pdf; do
  if [ ! -s "$out/$file" ]; then
    echo "error: Chromium wrote no $out/$file (see $log)" >&2
    exit 1
  fi
done

# The DOM as the browser built it must have the page's structure: English (UK), one h1,
# headings that never skip a level, an h3 for every exported activity, no scripts.
python3 - "$out/dom.html" "$out/ropa.json" <<'PY'
import json, sys
from html.parser import HTMLParser

class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.headings, self.scripts, self.open = None, [], 0, None
    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "script":
            self.scripts += 1
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.open = [int(tag[1]), ""]
    def handle_data(self, data):
        if self.open:
            self.open[1] += data
    def handle_endtag(self, tag):
        if self.open and tag == f"h{self.open[0]}":
            self.headings.append(tuple(self.open))
            self.open = None

dom = Headings()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
names = sorted(a["name"] for a in json.load(open(sys.argv[2], encoding="utf-8"))["activities"])
problems = []
if dom.lang != "en-GB":
    problems.append(f"<html lang> is {dom.lang!r}, not 'en-GB'")
if [level for level, _ in dom.headings].count(1) != 1:
    problems.append("the page does not have exactly one h1")
previous = 0
for level, text in dom.headings:
    if level > previous + 1:
        problems.append(f"h{level} {text!r} skips a level after h{previous}")
    previous = level
h3 = sorted(text for level, text in dom.headings if level == 3 and text not in
            ("Data controller", "Data protection officer", "UK representative",
             "Key", "Every flow in the map"))
if h3 != names:
    problems.append(f"activity headings {h3} differ from the exported activities {names}")
if dom.scripts:
    problems.append(f"{dom.scripts} script elements")
for p in problems:
    print(f"error: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
for level, text in dom.headings:
    print(f"{'  ' * (level - 1)}h{level} {text}")
PY

echo "ok: $out/ropa.html has the expected headings in Chromium"
echo "look at: $out/screenshot.png (screen) and $out/ropa.pdf (print)"
