#!/usr/bin/env bash
# BetaKomm HTTP benchmark: BetaKomm's own server against Hummingbird 2 and nginx, same bytes, same box.
#
#   bash Benchmarks/run.sh            # everything (~6 min, plus ~5 min the first time for the reference server)
#   ROUNDS=2 DURATION=3 bash Benchmarks/run.sh
#   SKIP_IDLE=1 bash Benchmarks/run.sh      # throughput/latency only
#   SKIP_LOAD=1 bash Benchmarks/run.sh      # idle-connection test only
#   ONLY="hummingbird nginx" bash Benchmarks/run.sh   # a subset of the targets
#   SKIP_BUILD=1 bash Benchmarks/run.sh     # reuse the binaries of the previous run
#   SCENARIOS_ONLY="close-c16" ROUNDS=10 bash Benchmarks/run.sh   # some scenarios only
#   SKIP_CROSSTAB=1 bash Benchmarks/run.sh  # without the uncached-crosstab measurement
#   SCENARIOS_ONLY=api-c64 ONLY="betakomm api apiquiet fixedlarge fixedfigure nginx" SKIP_IDLE=1 bash Benchmarks/run.sh
#                                           # the cached API routes alone (fixedlarge and fixedfigure need api)
#
# Needs: wrk, nginx (apt-get install -y wrk nginx-light), curl, python3, swift. Installs wrk/nginx-light
# with apt-get when missing. Only ever talks to 127.0.0.1; every load run is bounded by DURATION.
#
# To add a scenario: one line in SCENARIOS. To add a target: start_<name>/pids_<name> functions and a
# PORT_<name>, then name it in a scenario's target list (e.g. the real `betakomm serve` for /v1/figures/7).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
ROUNDS=${ROUNDS:-5}                 # interleaved rounds per scenario and target
DURATION=${DURATION:-4}             # seconds per wrk run
WARMUP=${WARMUP:-1}                 # seconds of unrecorded load per target before each scenario
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
IDLE_TARGETS=${IDLE_TARGETS:-"betakomm hummingbird"}
LOAD_TARGETS="betakomm hummingbird nginx api apiquiet fixedlarge fixedfigure"
CROSSTAB_COUNT=${CROSSTAB_COUNT:-2000}   # distinct uncached crosstab URLs, each requested once
ONLY=${ONLY:-}                      # restricts every target list to these names when set
SCENARIOS_ONLY=${SCENARIOS_ONLY:-}  # runs only the scenarios named here when set
FIXED_JSON=$BENCH/fixed.json
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW=$BENCH/results/raw/$STAMP      # gitignored: every wrk output, RSS samples, idle-test JSON
REPORT=${REPORT:-$BENCH/results/latest.md}
WORK=$(mktemp -d /tmp/betakomm-bench.XXXXXX)
chmod 755 "$WORK"                  # nginx workers run as nobody and must read the file
mkdir -p "$RAW"

BASE_PORT=${BASE_PORT:-28480}       # 127.0.0.1 ports BASE_PORT..BASE_PORT+11 must be free
PORT_betakomm=$BASE_PORT
PORT_hummingbird=$((BASE_PORT + 1))
PORT_nginx=$((BASE_PORT + 2))
PORT_api=$((BASE_PORT + 3))         # the real `betakomm serve`, temp database
PORT_apiquiet=$((BASE_PORT + 4))    # the same with --access-log off
PORT_fixedlarge=$((BASE_PORT + 5))  # fixed-json-server serving the /v1/channels?by=size_class document
PORT_fixedfigure=$((BASE_PORT + 6)) # fixed-json-server serving the /v1/figures/7 document
# Pseudo-targets: the same `betakomm serve` process, each loaded at its own path (PATH_<target>
# overrides the scenario's path, HEADER_<target> its extra header), so API routes interleave with
# BetaKomm's fixed JSON in one scenario.
PORT_api_figure7=$PORT_api
PATH_api_figure7=/v1/figures/7
PORT_api_channels=$PORT_api
PATH_api_channels='/v1/channels?by=size_class'
PORT_api_channels_gzip=$PORT_api
PATH_api_channels_gzip=$PATH_api_channels
HEADER_api_channels_gzip='Accept-Encoding: gzip'
PORT_apiquiet_figure7=$PORT_apiquiet
PATH_apiquiet_figure7=$PATH_api_figure7
PORT_apiquiet_channels=$PORT_apiquiet
PATH_apiquiet_channels=$PATH_api_channels
PATH_fixedlarge=/fixed
PATH_fixedfigure=/fixed
PORT_nginx_large=$PORT_nginx          # nginx serving the same channels document from a file
PATH_nginx_large=/channels
PORT_betakomm_idle=$((BASE_PORT + 10))
PORT_hummingbird_idle=$((BASE_PORT + 11))

BETAKOMM_SERVER_BIN=""
API_BIN=""
REFERENCE_BIN=${REFERENCE_BIN:-$BENCH/ReferenceServer/.build/release/ReferenceServer}
declare -A SERVER_PID=()            # target -> PID of the process we started

# name | path | connections | wrk threads | extra header | targets (round-robin in this order)
SCENARIOS=(
  "keepalive-c1|/fixed|1|1||betakomm hummingbird nginx"
  "keepalive-c64|/fixed|64|2||betakomm hummingbird nginx"
  "keepalive-c256|/fixed|256|2||betakomm hummingbird nginx"
  "close-c16|/fixed|16|2|Connection: close|betakomm hummingbird nginx"
  # API routes served from the response cache, against BetaKomm's own fixed JSON in the same rounds
  # (plus: channels as a browser asks for it, gzip-coded; both routes with the access log off; and the
  # channels document served as fixed bytes, by our server and by nginx beside nginx's 1.5 KB, to
  # separate what its size costs from what the API does)
  "api-c64|/fixed|64|2||betakomm api_figure7 api_channels api_channels_gzip apiquiet_figure7 apiquiet_channels fixedfigure fixedlarge nginx nginx_large"
)

wanted() { local base=${1%%_*}; [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* || " $ONLY " == *" $base "* ]]; }
only_wanted() { local t out=(); for t in $1; do wanted "$t" && out+=("$t"); done; echo "${out[*]:-}"; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_servers() {
  local target pid
  for target in "${!SERVER_PID[@]}"; do
    pid=${SERVER_PID[$target]}
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "SERVER_PID[$target]"
  done
}
cleanup() { stop_servers; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# ---- builds --------------------------------------------------------------------------------------
build_betakomm() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "release build of fixed-json-server (main package)"
    (cd "$ROOT" && swift build -c release --product fixed-json-server 2>&1 | tail -3) >&2
  fi
  BETAKOMM_SERVER_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/fixed-json-server"
}

build_api() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "release build of betakomm (main package)"
    (cd "$ROOT" && swift build -c release --product betakomm 2>&1 | tail -3) >&2
  fi
  API_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/betakomm"
}

build_reference() {
  # The first clean build takes ~5 min on 2 cores; later runs reuse Benchmarks/ReferenceServer/.build.
  [ "${SKIP_BUILD:-0}" != 1 ] || return 0
  log "release build of the Hummingbird reference server"
  (cd "$BENCH/ReferenceServer" && swift build -c release 2>&1 | tail -3) >&2
}

# ---- targets: start_<name> PORT starts it in the background; pids_<name> lists its processes ------
start_betakomm() {   # extra arguments go to fixed-json-server (e.g. --max-connections, --idle-timeout)
  local port=$1; shift
  "$BETAKOMM_SERVER_BIN" "$port" "$FIXED_JSON" "$@" >"$RAW/betakomm-$port.log" 2>&1 &
  SERVER_PID[betakomm-$port]=$!
}
pids_betakomm() { echo "${SERVER_PID[betakomm-$1]}"; }

start_hummingbird() {
  local port=$1
  "$REFERENCE_BIN" "$port" "$FIXED_JSON" >"$RAW/hummingbird-$port.log" 2>&1 &
  SERVER_PID[hummingbird-$port]=$!
}
pids_hummingbird() { echo "${SERVER_PID[hummingbird-$1]}"; }

start_nginx() {
  local port=$1 conf=$WORK/nginx.conf
  mkdir -p "$WORK/nginx-temp"
  cp "$FIXED_JSON" "$WORK/fixed.json" && chmod 644 "$WORK/fixed.json"
  cat >"$conf" <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-temp/body;
  proxy_temp_path $WORK/nginx-temp/proxy;
  fastcgi_temp_path $WORK/nginx-temp/fastcgi;
  uwsgi_temp_path $WORK/nginx-temp/uwsgi;
  scgi_temp_path $WORK/nginx-temp/scgi;
  types { }
  default_type "application/json; charset=utf-8";
  server {
    listen 127.0.0.1:$port;
    location = /fixed  { alias $WORK/fixed.json; }
    location = /health { alias $WORK/fixed.json; }
    location = /channels { alias $WORK/channels.json; }
  }
}
EOF
  nginx -c "$conf" -e "$WORK/nginx-error.log" >"$RAW/nginx-$port.log" 2>&1 &
  SERVER_PID[nginx-$port]=$!
}
pids_nginx() {  # master and its workers
  local master=${SERVER_PID[nginx-$1]}
  echo "$master $(pgrep -P "$master" | tr '\n' ' ')"
}
pids_nginx_large() { pids_nginx "$@"; }

start_api() {   # a fresh database in the temp dir, migrated and seeded by `serve` itself
  local port=$1
  # The access log (stdout) is formatted and written in 64 KiB batches as always, into /dev/null:
  # at 100 k lines a second a file grows by a gigabyte per run, and the disk's writeback then
  # competes for the same two cores (nginx runs with its access log off). Events go to the file.
  (cd "$ROOT" && "$API_BIN" serve --port "$port" --db "$WORK/api.sqlite" --migrations "$ROOT/Migrations" \
    --public "$ROOT/Public" --log-level warning) >/dev/null 2>"$RAW/api-$port.log" &
  SERVER_PID[api-$port]=$!
}
pids_api() { echo "${SERVER_PID[api-$1]}"; }
pids_api_figure7() { pids_api "$@"; }
pids_api_channels() { pids_api "$@"; }
pids_api_channels_gzip() { pids_api "$@"; }

start_apiquiet() {   # the same service with --access-log off (a deployment whose proxy logs requests)
  local port=$1
  (cd "$ROOT" && "$API_BIN" serve --port "$port" --db "$WORK/apiquiet.sqlite" --migrations "$ROOT/Migrations" \
    --public "$ROOT/Public" --log-level warning --access-log off) >"$RAW/apiquiet-$port.log" 2>&1 &
  SERVER_PID[apiquiet-$port]=$!
}
pids_apiquiet() { echo "${SERVER_PID[apiquiet-$1]}"; }
pids_apiquiet_figure7() { pids_apiquiet "$@"; }
pids_apiquiet_channels() { pids_apiquiet "$@"; }

fetch_document() {  # fetch_document NAME PATH: the API's bytes at PATH as $WORK/NAME.json (needs the api up)
  [ -s "$WORK/$1.json" ] && return 0
  wait_ready api "$PORT_api" && curl -s "http://127.0.0.1:$PORT_api$2" -o "$WORK/$1.json" &&
    chmod 644 "$WORK/$1.json" && cp "$WORK/$1.json" "$RAW/$1.json"
}
fetch_channels_document() { fetch_document channels "$PATH_api_channels"; }   # for fixedlarge and nginx_large

start_fixedfigure() {   # fixed-json-server with the bytes of /v1/figures/7
  local port=$1
  fetch_document figure7 "$PATH_api_figure7"
  "$BETAKOMM_SERVER_BIN" "$port" "$WORK/figure7.json" >"$RAW/fixedfigure-$port.log" 2>&1 &
  SERVER_PID[fixedfigure-$port]=$!
}
pids_fixedfigure() { echo "${SERVER_PID[fixedfigure-$1]}"; }

start_fixedlarge() {   # fixed-json-server with the bytes of /v1/channels?by=size_class
  local port=$1
  fetch_channels_document
  "$BETAKOMM_SERVER_BIN" "$port" "$WORK/channels.json" >"$RAW/fixedlarge-$port.log" 2>&1 &
  SERVER_PID[fixedlarge-$port]=$!
}
pids_fixedlarge() { echo "${SERVER_PID[fixedlarge-$1]}"; }

port_of() { local var="PORT_$1"; echo "${!var}"; }
path_of() { local var="PATH_$1"; echo "${!var:-$2}"; }   # path_of TARGET SCENARIO_PATH
header_of() { local var="HEADER_$1"; echo "${!var:-$2}"; }   # header_of TARGET SCENARIO_HEADER

ensure_port_free() {  # a server of someone else's on our port would be measured instead of ours
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    log "port $1 on 127.0.0.1 is already in use; choose other ports with BASE_PORT=..."; exit 1
  fi
}

wait_ready() {  # wait_ready TARGET PORT: until GET /fixed returns exactly fixed.json (max 30 s)
  local target=$1 port=$2 i
  if [ "$target" = api ] || [ "$target" = apiquiet ]; then   # until /v1/figures/7 answers 200 (migrating takes a while)
    for i in $(seq 1 600); do
      [ "$(curl -s --max-time 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$PATH_api_figure7")" = 200 ] && return 0
      sleep 0.1
    done
    log "api did not answer on port $port within 60 s (log: $RAW/api-$port.log)"; return 1
  fi
  local expected=$FIXED_JSON
  [ "$target" = fixedlarge ] && expected=$WORK/channels.json
  [ "$target" = fixedfigure ] && expected=$WORK/figure7.json
  for i in $(seq 1 300); do
    if curl -s --max-time 1 "http://127.0.0.1:$port/fixed" -o "$WORK/check-$target" 2>/dev/null; then
      if cmp -s "$WORK/check-$target" "$expected"; then return 0; fi
      log "$target on port $port serves different bytes at /fixed (saved in $RAW/wrong-$target)"
      cp "$WORK/check-$target" "$RAW/wrong-$target"; return 1
    fi
    sleep 0.1
  done
  log "$target did not answer on port $port within 30 s (log: $RAW/$target-$port.log)"; return 1
}

# ---- memory ---------------------------------------------------------------------------------------
rss_kib() {  # rss_kib PID...: summed VmRSS in KiB
  local pid total=0 value
  for pid in "$@"; do
    value=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

sample_rss() {  # sample_rss OUTFILE PID...: every 0.2 s appends the summed VmRSS until killed
  local out=$1; shift
  while true; do rss_kib "$@" >>"$out"; sleep 0.2; done
}

# ---- load -----------------------------------------------------------------------------------------
run_wrk() {  # run_wrk SCENARIO TARGET ROUND PATH CONNECTIONS THREADS HEADER SECONDS
  local scenario=$1 target=$2 round=$3 path=$4 connections=$5 threads=$6 header=$7 seconds=$8
  local port; port=$(port_of "$target")
  path=$(path_of "$target" "$path")
  header=$(header_of "$target" "$header")
  local out=$RAW/$scenario/$target.$round
  local header_args=()
  [ -n "$header" ] && header_args=(-H "$header")
  # shellcheck disable=SC2046
  sample_rss "$out.rss" $(pids_"$target" "$port") &
  local sampler=$!
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${header_args[@]}" \
    "http://127.0.0.1:$port$path" >"$out.wrk" 2>&1 || log "wrk failed for $target ($scenario)"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local pid
  pid=$(pids_"$target" "$port" | cut -d' ' -f1)
  kill -0 "$pid" 2>/dev/null || { log "$target (PID $pid) died during $scenario; see $RAW/$target-$port.log"; exit 1; }
}

run_scenario() {  # run_scenario "name|path|connections|threads|header|targets"
  local name path connections threads header targets round target
  IFS='|' read -r name path connections threads header targets <<<"$1"
  [ -z "$SCENARIOS_ONLY" ] || [[ " $SCENARIOS_ONLY " == *" $name "* ]] || return 0
  mkdir -p "$RAW/$name" "$RAW/warmup"
  echo "$name" >>"$RAW/scenarios.txt"
  read -r -a order <<<"$(only_wanted "$targets")"
  [ ${#order[@]} -gt 0 ] || return 0
  log "scenario $name: $path -c$connections -t$threads ${header:+-H '$header' }x $ROUNDS rounds of ${DURATION}s"
  for target in "${order[@]}"; do
    run_wrk warmup "$target" "$name" "$path" "$connections" "$threads" "$header" "$WARMUP"
  done
  for round in $(seq 1 "$ROUNDS"); do
    # rotate the order every round so no target always runs right after another's load
    local n=${#order[@]} i
    for i in $(seq 0 $((n - 1))); do
      target=${order[$(((i + round - 1) % n))]}
      run_wrk "$name" "$target" "$round" "$path" "$connections" "$threads" "$header" "$DURATION"
    done
  done
}

run_load() {
  local target targets
  targets=$(only_wanted "$LOAD_TARGETS")
  for target in $targets; do ensure_port_free "$(port_of "$target")"; done
  for target in $targets; do start_"$target" "$(port_of "$target")"; done
  for target in $targets; do wait_ready "$target" "$(port_of "$target")"; done
  if wanted api && wanted nginx; then fetch_channels_document; fi
  local scenario
  for scenario in "${SCENARIOS[@]}"; do run_scenario "$scenario"; done
  if wanted api && [ "${SKIP_CROSSTAB:-0}" != 1 ]; then
    log "uncached crosstabs: $CROSSTAB_COUNT distinct URLs, each once, over one keep-alive connection"
    python3 "$BENCH/crosstab_uncached.py" --port "$PORT_api" --count "$CROSSTAB_COUNT" >"$RAW/crosstab.json" ||
      log "crosstab measurement failed (see $RAW/crosstab.json)"
  fi
  for target in $targets; do
    # shellcheck disable=SC2046
    echo "$target $(awk '/^VmHWM:/ {print $2}' /proc/$(pids_"$target" "$(port_of "$target")" | cut -d' ' -f1)/status)" \
      >>"$RAW/hwm.txt"
  done
  stop_servers
}

# ---- idle keep-alive connections ------------------------------------------------------------------
run_idle() {  # run_idle TARGET: IDLE_CONNECTIONS parked connections, then /health timed 20 times
  local target=$1 port
  port=$(port_of "${target}_idle")
  ensure_port_free "$port"
  ulimit -n $((IDLE_CONNECTIONS + 4096))
  case $target in
    betakomm) start_betakomm "$port" --max-connections $((IDLE_CONNECTIONS + 1000)) --idle-timeout 600 ;;
    *) start_"$target" "$port" ;;
  esac
  wait_ready "$target" "$port"
  log "idle test: $IDLE_CONNECTIONS keep-alive connections to $target"
  python3 "$BENCH/idle_connections.py" --port "$port" --pid "$(pids_"$target" "$port")" \
    --count "$IDLE_CONNECTIONS" --probes 20 >"$RAW/idle-$target.json" ||
    log "idle test against $target failed"
  stop_servers
}

# ---- main -----------------------------------------------------------------------------------------
main() {
  ensure_tools
  local needed
  needed=" $(only_wanted "$LOAD_TARGETS $IDLE_TARGETS") "
  [[ $needed != *" betakomm "* && $needed != *" fixedlarge "* && $needed != *" fixedfigure "* ]] || build_betakomm
  [[ $needed != *" hummingbird "* ]] || build_reference
  [[ $needed != *" api "* && $needed != *" apiquiet "* && $needed != *" fixedlarge "* && $needed != *" fixedfigure "* ]] || build_api
  {
    echo "date_utc=$STAMP"
    echo "nproc=$(nproc)"
    echo "cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "kernel=$(uname -r)"
    echo "loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "memory=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "rounds=$ROUNDS"
    echo "duration=$DURATION"
    echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
    echo "nginx=$(nginx -v 2>&1 | cut -d/ -f2)"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  } >"$RAW/machine.txt"
  log "wrk and the servers share the same $(nproc) cores: figures are relative, not absolute capacity"
  [ "${SKIP_LOAD:-0}" = 1 ] || run_load
  if [ "${SKIP_IDLE:-0}" != 1 ]; then
    local target
    for target in $(only_wanted "$IDLE_TARGETS"); do run_idle "$target"; done
  fi
  mkdir -p "$(dirname "$REPORT")"
  echo "loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/machine.txt"
  python3 "$BENCH/report.py" "$RAW" --markdown "$REPORT"
  log "raw output in $RAW; Markdown table in $REPORT"
}

main "$@"
