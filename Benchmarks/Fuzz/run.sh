#!/usr/bin/env bash
# Fuzzes HTTPServer's request parser with libFuzzer + AddressSanitizer.
#
#   bash Benchmarks/Fuzz/run.sh            # 600 s
#   bash Benchmarks/Fuzz/run.sh 60         # 60 s
#
# Builds HTTPServer and what it depends on with `-sanitize=fuzzer,address` into its own scratch
# folder (Benchmarks/Fuzz/.build, gitignored), links HTTPParserFuzzTarget.swift against the objects,
# writes a seed corpus of valid and malformed requests, and runs the fuzzer. A crash, a sanitizer
# report or a broken invariant leaves crash-* in Benchmarks/Fuzz/ and exits non-zero.
# Not part of `swift test` or CI.
set -euo pipefail

SECONDS_TO_RUN=${1:-600}
FUZZ=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$FUZZ/../.." && pwd)
SCRATCH=$FUZZ/.build
BIN=$SCRATCH/fuzz-http-parser
SEEDS=$SCRATCH/seeds
CORPUS=$FUZZ/corpus-work          # grows while fuzzing; gitignored
SANITIZE=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)

echo "[fuzz] building HTTPServer with -sanitize=fuzzer,address" >&2
(cd "$ROOT" && swift build --scratch-path "$SCRATCH/spm" --target HTTPServer "${SANITIZE[@]}" 2>&1 | tail -3) >&2
PRODUCTS=$(cd "$ROOT" && swift build --scratch-path "$SCRATCH/spm" --show-bin-path "${SANITIZE[@]}")

# Link the harness against every object SwiftPM built (HTTPServer, Sockets and their C targets), and
# tell the compiler where the C targets' module maps are, as SwiftPM does for its own targets.
objects=()
while IFS= read -r object; do objects+=("$object"); done \
  < <(find "$PRODUCTS" -path '*.build/*' -name '*.o' | sort)
module_maps=()
while IFS= read -r map; do module_maps+=(-Xcc "-fmodule-map-file=$map"); done \
  < <(find "$PRODUCTS" -maxdepth 2 -path '*.build/module.modulemap' | sort)
includes=()
for dir in "$ROOT"/Sources/*/include; do [ -d "$dir" ] && includes+=(-Xcc "-I$dir"); done
for map in "$ROOT"/Sources/*/module.modulemap; do [ -f "$map" ] && module_maps+=(-Xcc "-fmodule-map-file=$map"); done

echo "[fuzz] linking $BIN" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -g -O \
  -I "$PRODUCTS/Modules" -I "$PRODUCTS" "${module_maps[@]}" "${includes[@]}" \
  "$FUZZ/HTTPParserFuzzTarget.swift" "${objects[@]}" -o "$BIN" 2>&1 |
  grep -v "Cannot export local symbol" >&2 || true
[ -x "$BIN" ] || { echo "[fuzz] link failed" >&2; exit 1; }

# Seeds: the first byte of each input chooses where the harness splits it into two reads.
rm -rf "$SEEDS" && mkdir -p "$SEEDS" "$CORPUS"
seed=0
add_seed() { seed=$((seed + 1)); printf "%b" "$1" >"$SEEDS/seed-$seed"; }
add_seed '\x10GET / HTTP/1.1\r\nHost: a\r\n\r\n'
add_seed '\x23GET /v1/figures/7?wave=2011&by=kommunest%C3%B8rrelse HTTP/1.1\r\nHost: localhost:8080\r\nAccept: application/json\r\nUser-Agent: curl/8.0\r\n\r\n'
add_seed '\x05POST /v1/respondents/0301/answers HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"q07":"yes"}'
add_seed '\x40PUT /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nTrailer-A: b\r\n\r\n'
add_seed '\x07GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'
add_seed '\x03GET / HTTP/1.0\r\n\r\n'
add_seed '\x02\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n'
add_seed '\x11OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n'
add_seed '\x09PATCH /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}'
add_seed '\x01GET / HTTP/1.1\nHost: a\n\n'
add_seed '\x04GET / HTTP/1.1\r\nHost: a\r\n folded: x\r\n\r\n'
add_seed '\x08GET / HTTP/1.1\r\nHost : a\r\n\r\n'
add_seed '\x0aPOST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc'
add_seed '\x0bPOST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabc'
add_seed '\x0cPOST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n'
add_seed '\x0dPOST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n'
add_seed '\x0eGET /%zz HTTP/1.1\r\nHost: a\r\n\r\n'
add_seed '\x0fGET / HTTP/2.0\r\nHost: a\r\n\r\n'
add_seed '\x12CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n'
add_seed '\x13GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'
add_seed '\x14GET http://a/b?c=d HTTP/1.1\r\nHost: a\r\n\r\n'
add_seed '\x15GET / HTTP/1.1\r\nHost: a\r\nX: \x01\r\n\r\n'
add_seed '\x16GET / HTTP/1.1\r\nHost: a\r\r\n\r\n'
add_seed "\\x17GET /$(printf 'a%.0s' $(seq 1 250)) HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n"
echo "[fuzz] $seed seeds; running for $SECONDS_TO_RUN s" >&2

cd "$FUZZ"
# -max_len: well above every cap in the harness (200/400/300 bytes) so the limit paths are reachable.
set +o errexit
"$BIN" "$CORPUS" "$SEEDS" -max_total_time="$SECONDS_TO_RUN" -max_len=2048 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 >"$SCRATCH/last-run.log" 2>&1
status=$?
set -o errexit
grep -E 'ERROR|invariant violated|Fatal error|SUMMARY|Test unit written' "$SCRATCH/last-run.log" >&2 || true
tail -n 3 "$SCRATCH/last-run.log" | grep -v "^stat::" >&2 || true
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
  "$SCRATCH/last-run.log" >&2 || true
echo "[fuzz] exit status $status; full log: $SCRATCH/last-run.log; corpus: $CORPUS ($(ls "$CORPUS" | wc -l) inputs)" >&2
exit "$status"
