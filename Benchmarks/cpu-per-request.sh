#!/usr/bin/env bash
# CPU time per request, split between the server and the load generator: where a throughput ratio
# comes from when wrk and the server share the same two cores.
#
#   bash Benchmarks/cpu-per-request.sh            # 5 interleaved rounds of 4 s per target
#   ROUNDS=9 bash Benchmarks/cpu-per-request.sh
#
# Targets, each loaded with `wrk -t2 -c64`: fixed-json-server with the 1.5 KB fixed JSON; the same
# server with the bytes of /v1/figures/7 (the route's document without the API's work); and the
# real `betakomm serve` answering /v1/figures/7 from its response cache, with the access log on
# (to /dev/null) and off. For each: the median req/s, the server's user+system CPU per request
# (from /proc/PID/stat) and wrk's (from /usr/bin/time). Needs wrk and GNU time (installed with
# apt-get when missing); talks to 127.0.0.1 only.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-4}
PORT=${PORT:-29400}
WORK=$(mktemp -d /tmp/betakomm-cpu.XXXXXX)
command -v wrk >/dev/null && [ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq wrk time >/dev/null; }
(cd "$ROOT" && swift build -c release --product betakomm >&2 && swift build -c release --product fixed-json-server >&2)

PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$ROOT/.build/release/fixed-json-server" "$PORT" "$BENCH/fixed.json" >/dev/null 2>&1 & PIDS+=($!)
for access in on off; do
  if [ "$access" = on ]; then port=$((PORT + 1)); else port=$((PORT + 2)); fi
  (cd "$ROOT" && exec .build/release/betakomm serve --port "$port" --db "$WORK/$access.sqlite" --log-level warning \
    --access-log "$access") >/dev/null 2>&1 & PIDS+=($!)
done
for i in $(seq 1 600); do curl -sf -o "$WORK/figure7.json" "http://127.0.0.1:$((PORT + 1))/v1/figures/7" && break; sleep 0.1; done
until curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 2))/v1/figures/7"; do sleep 0.1; done
"$ROOT/.build/release/fixed-json-server" "$((PORT + 3))" "$WORK/figure7.json" >/dev/null 2>&1 & PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 3))/fixed"; do sleep 0.1; done

# label | PID | URL
TARGETS=(
  "fixed JSON (1.5 KB)|${PIDS[0]}|http://127.0.0.1:$PORT/fixed"
  "fixed bytes of /v1/figures/7|${PIDS[3]}|http://127.0.0.1:$((PORT + 3))/fixed"
  "/v1/figures/7, access log on|${PIDS[1]}|http://127.0.0.1:$((PORT + 1))/v1/figures/7"
  "/v1/figures/7, access log off|${PIDS[2]}|http://127.0.0.1:$((PORT + 2))/v1/figures/7"
)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for target in "${TARGETS[@]}"; do IFS='|' read -r _ _ url <<<"$target"; wrk -t2 -c64 -d2s "$url" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    IFS='|' read -r label pid url <<<"$target"
    before=$(cpu_ticks "$pid")
    out=$({ /usr/bin/time -f "wrk-cpu %U %S" wrk -t2 -c64 -d"${DURATION}s" "$url"; } 2>&1)
    after=$(cpu_ticks "$pid")
    echo "$label|$(awk '/requests in/ {print $1}' <<<"$out")|$(awk '/Requests\/sec/ {print $2}' <<<"$out")|$((after - before))|$(awk '/^wrk-cpu/ {print $2 + $3}' <<<"$out")"
  done
done | python3 -c "
import statistics, sys
ticks = $(getconf CLK_TCK)
rows = {}
for line in sys.stdin:
    label, requests, rps, server, client = line.rstrip().split('|')
    requests = int(requests)
    rows.setdefault(label, []).append((float(rps), int(server) / ticks * 1e6 / requests, float(client) * 1e6 / requests))
base = statistics.median(r[0] for r in next(iter(rows.values())))
print(f'| target (wrk -t2 -c64, {$ROUNDS} rounds of ${DURATION} s) | req/s | ÷ fixed JSON | server CPU µs/request | wrk CPU µs/request |')
print('|---|---:|---:|---:|---:|')
for label, values in rows.items():
    rps = statistics.median(v[0] for v in values)
    print(f'| {label} | {rps:,.0f} | {rps / base:.2f} | {statistics.median(v[1] for v in values):.2f} | {statistics.median(v[2] for v in values):.2f} |')
"
