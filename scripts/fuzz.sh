#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (Swift, -sanitize=fuzzer,address) and runs each for a
# bounded time on a corpus seeded from Fuzz/Seeds and the committed model files.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 60, scripts/fuzz.sh 5 durations
#
# Targets: series-csv events-csv model-spec model-file durations timestamps (default: all).
# Working corpora, crash artifacts and logs stay in $FUZZ_SCRATCH (default .build-fuzz, ignored
# by git). Exits non-zero if any target finds a crash, a leak, a timeout or runs out of memory;
# the input that did it is in $FUZZ_SCRATCH/artifacts/TARGET/ (replay: the binary + that file).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
shift || true
targets=("$@")
[ $# -gt 0 ] ||
  targets=(series-csv events-csv model-spec model-file durations timestamps)
scratch=${FUZZ_SCRATCH:-.build-fuzz}
case "$scratch" in /*) ;; *) scratch="$root/$scratch" ;; esac

# SwiftPM builds one --product per call; a plain build builds them all at once.
build=(swift build --scratch-path "$scratch" -c release -Xswiftc -sanitize=fuzzer,address)
if [ $# -eq 0 ]; then
  (cd Fuzz && "${build[@]}")
else
  for target in "${targets[@]}"; do (cd Fuzz && "${build[@]}" --product "fuzz-$target"); done
fi
bin=$(cd Fuzz && swift build --scratch-path "$scratch" -c release --show-bin-path)

# One thread of OpenBLAS: the fit in model-spec would otherwise start a pool per process.
export OPENBLAS_NUM_THREADS=1
# Swift's own crash backtracer trips ASan; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
failed=()
printf '%-12s %8s %10s %8s %6s  %s\n' target seconds execs exec/s cov features
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  artifacts="$scratch/artifacts/$target"
  log="$scratch/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  [ -d "Fuzz/Seeds/$target" ] && cp -n Fuzz/Seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  # The committed models, overwritten on every run: a stale copy of another schema version
  # would only exercise the version check.
  if [ "$target" = model-file ]; then
    for model in Models/*/v*.json; do
      [ -f "$model" ] && cp "$model" "$corpus/committed-$(tr / - <<<"${model#Models/}")"
    done
  fi
  status=0
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: more than 2 GB is exhaustion.
  "$bin/fuzz-$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%-12s %8s %10s %8s %6s  %s\n' "$target" "$seconds" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" | head -n 5 | sed 's/^/    /'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]} (logs in $scratch/logs/)" >&2
  exit 1
fi
