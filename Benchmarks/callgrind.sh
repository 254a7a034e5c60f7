#!/usr/bin/env bash
# Instructions per request, counted by callgrind: deterministic, unlike wrk on a shared machine, so
# a change to the request path can be judged by a few hundred instructions.
#
#   bash Benchmarks/callgrind.sh                 # /fixed, /v1/figures/7, /v1/channels?by=size_class
#   REQUESTS=2000 bash Benchmarks/callgrind.sh
#   KEEP=1 bash Benchmarks/callgrind.sh          # keep the callgrind.out files (callgrind_annotate them)
#
# Counts user-space instructions inside HTTPConnection.process (parsed bytes to written response and
# completion hook) while one keep-alive client sends REQUESTS GETs one after another. The count
# includes one render of the document, amortised over REQUESTS. Needs valgrind (installed with
# apt-get when missing) and python3; talks to 127.0.0.1 only.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
REQUESTS=${REQUESTS:-5000}
PORT=${PORT:-28495}
WORK=$(mktemp -d /tmp/betakomm-callgrind.XXXXXX)
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }

(cd "$ROOT" && swift build -c release --product betakomm >&2 && swift build -c release --product fixed-json-server >&2)
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits: count on copies without it.
for product in betakomm fixed-json-server; do
  cp "$ROOT/.build/release/$product" "$WORK/$product" && strip --strip-debug "$WORK/$product"
done

count() {  # count LABEL PATH COMMAND...: prints instructions per request
  local label=$1 path=$2; shift 2
  local name=${label//[^A-Za-z0-9]/_}
  local out=$WORK/callgrind.$name.out
  valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no \
    --toggle-collect='*HTTPConnection*process*' "$@" >"$WORK/$name.log" 2>&1 &
  local pid=$! i
  for i in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT$path" && break; sleep 0.2; done
  python3 - "$PORT" "$path" "$REQUESTS" <<'PY'
import re, socket, sys
port, path, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connection = socket.create_connection(("127.0.0.1", port))
request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
pending = b""
for _ in range(count):
    connection.sendall(request)
    while True:
        end = pending.find(b"\r\n\r\n")
        if end >= 0:
            length = int(re.search(rb"(?i)content-length: (\d+)", pending[:end]).group(1))
            if len(pending) >= end + 4 + length:
                pending = pending[end + 4 + length:]
                break
        pending += connection.recv(65536)
PY
  kill -INT "$pid"; wait "$pid" || true
  local total
  total=$(awk '/^(summary|totals):/ {print $2; exit}' "$out")
  printf '%-62s %8d instructions per request\n' "$label" $((total / REQUESTS))
}

count "fixed-json-server /fixed" /fixed "$WORK/fixed-json-server" "$PORT" "$BENCH/fixed.json"
for access in on off; do
  for path in /v1/figures/7 '/v1/channels?by=size_class'; do
    count "betakomm serve $path (access log $access)" "$path" \
      "$WORK/betakomm" serve --port "$PORT" --db "$WORK/db-$access-${path//[^a-z0-9]/}.sqlite" \
      --migrations "$ROOT/Migrations" --public "$ROOT/Public" --log-level warning --access-log "$access"
  done
done
if [ "${KEEP:-0}" = 1 ]; then echo "callgrind files in $WORK" >&2; else rm -rf "$WORK"; fi
