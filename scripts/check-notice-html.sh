#!/usr/bin/env bash
# Check a privacy notice page in a real browser: write it with `ropa notice --format html`, open
# it in headless Chromium, check the structure the browser sees (English (UK), one h1, headings
# that never skip a level, the seven sections in order, no scripts, every gap shown as text),
# and save a screenshot and a PDF (the print layout) to look at.
#
#   scripts/check-notice-html.sh [REGISTER] [OUT_DIR]
#
# REGISTER defaults to registers/bolsover, OUT_DIR to target/check-notice-html. Needs chromium
# (Debian/Ubuntu: apt-get install -y chromium) and python3. Set CHROMIUM to use another browser
# binary and ROPA to use a ropa binary instead of `cargo run`.
set -euo pipefail
cd "$(dirname "$0")/.."

register=${1:-registers/bolsover}
out=${2:-target/check-notice-html}
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
ropa notice "$register" --format html -o "$out/notice.html" --force -q 2>"$out/gaps.txt" || {
  cat "$out/gaps.txt" >&2
  exit 1
}

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")
url="file://$(cd "$out" && pwd)/notice.html"
log="$out/chromium.log"
: >"$log"
"$chromium" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>>"$log"
"$chromium" "${flags[@]}" --hide-scrollbars --window-size=1024,2600 \
  --screenshot="$out/screenshot.png" "$url" >>"$log" 2>&1
"$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/notice.pdf" \
  "$url" >>"$log" 2>&1
for file in dom.html screenshot.png notice.pdf; do
  if [ ! -s "$out/$file" ]; then
    echo "error: Chromium wrote no $out/$file (see $log)" >&2
    exit 1
  fi
done

python3 - "$out/dom.html" "$out/gaps.txt" <<'PY'
import sys
from html.parser import HTMLParser

SECTIONS = ["Who we are", "What we collect", "Why we use it and our lawful basis",
            "Who we share it with", "How long we keep it", "Your rights", "How to complain"]

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.headings, self.scripts, self.open = None, [], 0, None
        self.in_main, self.markers = False, 0
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "main":
            self.in_main = True
        if tag == "script":
            self.scripts += 1
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.open = [int(tag[1]), "", self.in_main]
    def handle_data(self, data):
        if self.open:
            self.open[1] += data
        if data == "[not recorded]":
            self.markers += 1
    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if self.open and tag == f"h{self.open[0]}":
            self.headings.append(tuple(self.open))
            self.open = None

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
gaps = open(sys.argv[2], encoding="utf-8").read()
problems = []
if page.lang != "en-GB":
    problems.append(f"<html lang> is {page.lang!r}, not 'en-GB'")
if [level for level, _, _ in page.headings].count(1) != 1:
    problems.append("the page does not have exactly one h1")
previous = 0
for level, text, _ in page.headings:
    if level > previous + 1:
        problems.append(f"h{level} {text!r} skips a level after h{previous}")
    previous = level
sections = [text for level, text, in_main in page.headings if level == 2 and in_main]
if sections != SECTIONS:
    problems.append(f"the sections are {sections}, not {SECTIONS}")
if page.scripts:
    problems.append(f"{page.scripts} script elements")
if ("not in the register" in gaps) != (page.markers > 0):
    problems.append("the gaps on stderr and the [not recorded] markers on the page disagree")
for p in problems:
    print(f"error: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
for level, text, _ in page.headings:
    print(f"{'  ' * (level - 1)}h{level} {text}")
print(f"{page.markers} items shown as [not recorded]")
PY

echo "ok: $out/notice.html has the expected structure in Chromium"
echo "look at: $out/screenshot.png (screen) and $out/notice.pdf (print)"
