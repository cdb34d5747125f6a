#!/usr/bin/env bash
# Opens a Surgecast HTML report in headless Chromium (Debian's `chromium` package), fails on
# any console message of level warning or error, checks that the browser's DOM holds the
# expected SVG elements, and renders a PNG screenshot.
#
# Usage: scripts/check-report.sh REPORT.html [SCREENSHOT.png] [WIDTH] [HEIGHT]
#   Without a screenshot path the PNG goes next to the report (REPORT.png).
#   Width and height of the browser window default to 1040 × 5200 (the whole default report).
set -euo pipefail

report=${1:?usage: scripts/check-report.sh REPORT.html [SCREENSHOT.png] [WIDTH] [HEIGHT]}
screenshot=${2:-${report%.html}.png}
width=${3:-1040}
height=${4:-5200}
browser=${CHROMIUM:-chromium}

command -v "$browser" >/dev/null || {
  echo "check-report: '$browser' not found; install Debian's chromium (apt-get install -y chromium)" >&2
  exit 66
}
[ -r "$report" ] || { echo "check-report: cannot read $report" >&2; exit 66; }

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# --no-sandbox: CI runs as root, where Chromium refuses its sandbox. A private profile and
# no network features keep the run hermetic.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --user-data-dir="$work/profile" --disable-background-networking --disable-sync
  --enable-logging=stderr --v=0)

timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log"
timeout 120 "$browser" "${flags[@]}" --window-size="$width,$height" \
  --screenshot="$screenshot" "$url" >/dev/null 2>"$work/shot.log"

# Console messages are logged as "...:CONSOLE(line)] message"; page-load failures (a fetch
# the page should never make) as net errors.
if grep -hE 'CONSOLE|ERR_FILE_NOT_FOUND|ERR_NAME_NOT_RESOLVED|Failed to load' \
  "$work/dom.log" "$work/shot.log"; then
  echo "check-report: the browser reported console or loading errors (above)" >&2
  exit 1
fi

missing=0
expect() {  # expect PATTERN WHAT MINIMUM
  local found
  found=$(grep -oE "$1" "$work/dom.html" | wc -l)
  if [ "$found" -lt "$3" ]; then
    echo "check-report: expected at least $3 $2, found $found" >&2
    missing=1
  else
    echo "  ok  $found × $2"
  fi
}
expect '<svg [^>]*class="chart"' "charts" 10
expect 'class="series-history"' "history series" 2
expect 'class="series-forecast"' "forecast series" 2
expect 'class="band-80' "80% bands" 2
expect 'class="band-95"' "95% bands" 2
expect 'class="event-marker event-' "event markers" 1
expect 'class="replica-steps"' "replica step charts" 1
expect 'class="capacity-line"' "capacity lines" 1
expect 'class="promotion-profile"' "promotion profiles" 1
expect 'class="tick-label"' "tick labels" 20
[ "$missing" -eq 0 ] || exit 1

[ -s "$screenshot" ] || { echo "check-report: no screenshot written" >&2; exit 1; }
echo "check-report: $report renders without console errors; screenshot: $screenshot"
