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
cp "$tmp/charts/load.png" docs/images/load.png
