#!/usr/bin/env bash
# Re-renders the images in docs/ with strainscope's own commands (needs pdftoppm from
# poppler-utils). Run from the project root: bash docs/images/render.sh
# (STRAINSCOPE=path/to/binary uses a built binary instead of cargo run).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${STRAINSCOPE:-cargo run --release --quiet --} --config sample_logs/strainscope.toml weekly --out "$tmp/week.pdf"
pdftoppm -r 80 -f 1 -l 1 -png -singlefile "$tmp/week.pdf" docs/images/weekly-page1
${STRAINSCOPE:-cargo run --release --quiet --} --config sample_logs/strainscope.toml charts --out-dir "$tmp/charts"
cp "$tmp/charts/load.png" "$tmp/charts/acwr.png" "$tmp/charts/associations.png" docs/images/
# The HTML report as a desktop (1280 px) and a phone (390 px) browser first show it, without
# scrolling (needs Debian's chromium).
${STRAINSCOPE:-cargo run --release --quiet --} --config sample_logs/strainscope.toml report --format html --out "$tmp/report.html"
for size in 1280,900 390,844; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --hide-scrollbars --window-size="$size" \
    --screenshot="docs/images/report-${size%%,*}.png" "file://$tmp/report.html" 2>/dev/null
done
