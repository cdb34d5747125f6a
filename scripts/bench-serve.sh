#!/usr/bin/env bash
# Load test of `surgecast serve` (issue 8): wrk against GET /v1/recommendation on loopback,
# bounded in time. Fails when wrk reports socket errors or non-2xx answers.
#
# Usage: scripts/bench-serve.sh BINARY [DURATION] [CONNECTIONS]
#   BINARY       the release surgecast (make bench-serve builds it)
#   DURATION     wrk's -d (default 10s); CONNECTIONS wrk's -c (default 32)
set -euo pipefail
binary=$1
duration=${2:-10s}
connections=${3:-32}
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (apt-get install wrk)" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))
log=$(mktemp)
"$binary" serve --registry Models --model traffic-1h --capacity-per-replica 0.5/s \
  --host 127.0.0.1 --port "$port" --now 2025-12-01T09:30:00+09:00 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$log" >&2; exit 1; }
echo "bench-serve: $(nproc) cores, wrk -t2 -c$connections -d$duration, server and wrk on the same machine"
out=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/v1/recommendation")
echo "$out"
if grep -qE 'Socket errors|Non-2xx' <<<"$out"; then
  echo "bench-serve: FAILED: errors during the run" >&2
  exit 1
fi
