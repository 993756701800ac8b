#!/usr/bin/env bash
# Renders a debrief page in headless Chromium to a PNG, to look at the layout without a desktop.
#   scripts/render-debrief.sh FILE.html OUT.png [WIDTHxHEIGHT]
# Needs Debian's chromium (apt-get install -y chromium). Nothing is fetched: the page is
# self-contained and the browser's background networking is switched off.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 FILE.html OUT.png [WIDTHxHEIGHT]   (default 1280x2400)" >&2
  exit 2
fi
html=$(realpath "$1")
out=$(realpath -m "$2")
size=${3:-1280x2400}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "$0: chromium not found; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$out" "file://$html" >/dev/null 2>&1
test -s "$out"
echo "$out"
