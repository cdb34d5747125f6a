#!/usr/bin/env bash
# The full-size hostile inputs of README "Limits on hostile input", with the release binary:
# generates each input in a temporary folder, runs the command under /usr/bin/time, and prints
# exit code, wall time and peak memory (max RSS). The test suite runs scaled versions
# (SurgecastCLITests/Robustness/HostileInputTests); this is the measured, full-size check.
#
#   scripts/hostile-inputs.sh            (make hostile; needs ~3 GB of free disk in $TMPDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
swift build --scratch-path "$scratch" -c release --product surgecast >/dev/null
bin="$(swift build --scratch-path "$scratch" -c release --show-bin-path)/surgecast"
work=$(mktemp -d "${TMPDIR:-/tmp}/surgecast-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1

# run NAME COMMAND...: one table row; stderr's first line shows what a refusal said.
run() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || status=$?
  read -r seconds kb < <(tail -n 1 "$work/time")
  printf '%-34s exit %-3s %7ss %7s MB  %s\n' "$name" "$status" "$seconds" "$((kb / 1024))" \
    "$(grep -v '^wrote\|^Command' "$work/err" | head -n 1 | cut -c 1-100)"
}

echo "hostile inputs, $(date -u +%F), $(uname -m), $(nproc) cores, release build"
# 10 million rows: minutely epoch seconds from 2006-01-01 (19 years).
# rows FILE COUNT STEP FIRST VALUE-EXPRESSION: a timestamp,value file of epoch seconds.
rows() {
  awk -v n="$2" -v step="$3" -v first="$4" "BEGIN { print \"timestamp,value\";
    for (i = 0; i < n; i++) print first + step * i \",\" $5 }" >"$1"
}
rows "$work/rows-10m.csv" 10000000 60 1136073600 'i % 997'
run "10 M rows: inspect" "$bin" inspect --data "$work/rows-10m.csv"
run "10 M rows: fit" "$bin" fit --data "$work/rows-10m.csv" --out "$work/m.json"

# One enormous line: 256 MB without a newline, as a header and as a data field.
head -c 268435456 /dev/zero | tr '\0' 'x' >"$work/line-header.csv"
{ printf 'timestamp,value\n2025-01-01T00:00:00Z,'; head -c 268435456 /dev/zero | tr '\0' '7'; } \
  >"$work/line-field.csv"
run "256 MB line (header): inspect" "$bin" inspect --data "$work/line-header.csv"
run "256 MB line (field): inspect" "$bin" inspect --data "$work/line-field.csv"

# 100,000 events over the default hourly data (2024-10-01 … 2025-11-21).
for kind in same distinct incidents; do
  awk -v kind=$kind 'BEGIN {
    srand(1); print "name,kind,start,end"
    for (i = 0; i < 100000; i++) {
      t = 1727708400 + int(rand() * 36800000); t -= t % 60
      name = kind == "same" ? "flash_sale" : (kind == "distinct" ? "promo_" i : "incident_" i)
      print name "," (kind == "incidents" ? "incident" : "promotion") "," t "," t + 7200
    }
  }' >"$work/events-$kind.csv"
  run "100k events ($kind): fit" "$bin" fit --data Datasets/traffic-1h.csv \
    --events "$work/events-$kind.csv" --timezone Asia/Seoul --out "$work/m.json"
done

# Ten-year horizons: 3650 days: hourly model (87,600 steps) and 5-minute model (1,051,200 steps).
run "10-year horizon, hourly model" "$bin" forecast --model Models/traffic-1h/v1.json \
  --horizon 3650d --out "$work/f.csv"
run "11-year horizon" "$bin" forecast --model Models/traffic-1h/v1.json --horizon 4020d
head -n 8065 Datasets/traffic-5m.csv >"$work/five-minute.csv"
"$bin" fit --data "$work/five-minute.csv" --timezone Asia/Seoul --out "$work/m5.json" --quiet
run "10-year horizon, 5-minute model" "$bin" forecast --model "$work/m5.json" --horizon 3650d \
  --out "$work/f.csv"

# Degenerate values: all zeros, one constant value, a single row.
rows "$work/zeros.csv" 840 3600 1735689600 0
run "all zeros (5 weeks hourly): fit" "$bin" fit --data "$work/zeros.csv" --out "$work/m.json"
rows "$work/constant.csv" 840 3600 1735689600 7
run "one value repeated: fit" "$bin" fit --data "$work/constant.csv" --out "$work/m.json"
printf 'timestamp,value\n2025-01-01T00:00:00Z,42\n' >"$work/one.csv"
run "a single row: fit" "$bin" fit --data "$work/one.csv" --out "$work/m.json"

# One-second step over a year: 31,536,000 rows.
rows "$work/seconds-year.csv" 31536000 1 1735689600 'i % 10'
run "1 s step over a year: inspect" "$bin" inspect --data "$work/seconds-year.csv"
run "1 s step over a year: fit" "$bin" fit --data "$work/seconds-year.csv" --out "$work/m.json"
