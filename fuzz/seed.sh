#!/usr/bin/env bash
# Seeds each target's corpus with the project's own fixtures (self-written, tests/fixtures):
# a leading byte picks the import options (see fuzz_targets/common.rs), 4 = kg, day first.
set -euo pipefail
cd "$(dirname "$0")"
fx=../tests/fixtures
seed() { # target, fixture files...
  local t=$1; shift
  mkdir -p "corpus/$t"
  for f in "$@"; do { printf '\004'; cat "$f"; } > "corpus/$t/$(basename "$f")"; done
}
seed import_strong $fx/strong_*.csv
seed import_hevy $fx/hevy_*.csv
seed import_fitnotes $fx/fitnotes_9col.csv $fx/fitnotes_10col.csv $fx/fitnotes_legacy.csv
seed import_fitbod $fx/fitbod.csv $fx/fitbod_resaved.tsv
seed import_stronglifts $fx/stronglifts_*.csv
seed import_jefit $fx/jefit_backup.csv
seed import_gymbook $fx/gymbook_*.csv
seed import_fitnotes_ios $fx/fitnotes_ios.csv
seed import_generic $fx/generic.csv $fx/mapped.csv
mkdir -p corpus/diary corpus/config
cp $fx/diary.csv $fx/bearable.csv corpus/diary/
cp ../strainscope.example.toml corpus/config/ 2>/dev/null || true
find ../docs ../sample_logs -name '*.toml' -exec cp {} corpus/config/ \; 2>/dev/null || true
echo "seeded: $(ls corpus | wc -l) targets, $(find corpus -type f | wc -l) files"
