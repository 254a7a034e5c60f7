#!/usr/bin/env bash
# Crash test for submissions: builds betakomm (debug), serves a temp database on a free
# loopback port, issues tokens with the CLI, runs concurrent clients that PUT/PATCH their own
# respondents with If-Match and log every acknowledged version with the answers they SENT, kills
# the server with SIGKILL at a random moment, restarts it, requires that writes to the restarted
# server succeed (a strict second burst: any error fails the test), and checks that every
# acknowledged submission is stored with the answers sent, none is half-written, and
# PRAGMA integrity_check is ok. Exits non-zero on any loss.
#
# A SIGKILL loses the process, not the page cache: this proves crash safety, not durability
# against power loss (a server with synchronous=OFF would pass it). Power loss is tested by
# Tests/PowerLossTests (swift test), through a VFS that drops or tears un-synced writes.
#
#   scripts/crash-test.sh            # the crash test (about 30 s after the build)
#   scripts/crash-test.sh --throughput   # validated writes/s from 8 clients for 10 s, median and p99
#   CONFIGURATION=release scripts/crash-test.sh --throughput   # the same on a release build
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-crash}
configuration=${CONFIGURATION:-debug}
swift build -c "$configuration" --product betakomm >/dev/null
betakomm=$(swift build -c "$configuration" --show-bin-path)/betakomm
work=$(mktemp -d "${TMPDIR:-/tmp}/betakomm-crash.XXXXXX")
db="$work/betakomm.sqlite"
server_pid=""

cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

start_server() {
    # The per-token write limit is lifted: the clients write far faster than a municipality would.
    "$betakomm" serve --host 127.0.0.1 --port "$port" --db "$db" --migrations Migrations --public Public --write-rate-limit 1000000 \
        >>"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 200); do
        if python3 -c "import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', $port, timeout=1); c.request('GET', '/health'); sys.exit(0 if c.getresponse().status == 200 else 1)" 2>/dev/null; then
            return 0
        fi
        sleep 0.05
    done
    echo "server did not start"; cat "$work/server.log"; exit 1
}

start_server
# Units with an official Facebook page answered facebook_fans in 2011, so a change of it is valid.
codes=$(sqlite3 "$db" "SELECT respondent_code FROM answer_sets WHERE version = 1 AND json_extract(answers, '\$.has_official_facebook_page') = 'yes' ORDER BY respondent_code LIMIT 24")
# The writes go to an open wave: the 2011 units asked again with the 2011 questionnaire (each
# unit's first version in it starts from its 2011 answers, with If-None-Match: *).
"$betakomm" wave create 2012 --map 2011 --questionnaire 2011 --db "$db" --migrations Migrations >/dev/null
"$betakomm" wave open 2012 --db "$db" --migrations Migrations >/dev/null
: >"$work/tokens"
for code in $codes; do
    echo "$code $("$betakomm" token issue --respondent "$code" --wave 2012 --db "$db" --migrations Migrations 2>/dev/null)" >>"$work/tokens"
done

if [ "$mode" = "--throughput" ]; then
    python3 scripts/submission-client.py --port "$port" --tokens "$work/tokens" --clients 8 --seconds 10 --log "$work/acknowledged.jsonl"
    exit 0
fi

clients=6
seconds=12
python3 scripts/submission-client.py --port "$port" --tokens "$work/tokens" --clients "$clients" --seconds "$seconds" \
    --log "$work/acknowledged.jsonl" --seed "$RANDOM" >"$work/clients.json" &
clients_pid=$!
# A random moment between 1.5 and 6.5 s into the burst.
delay=$(python3 -c 'import random; print(round(random.uniform(1.5, 6.5), 2))')
sleep "$delay"
before_kill=$(wc -l <"$work/acknowledged.jsonl")
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
echo "killed the server with SIGKILL after ${delay}s ($before_kill writes acknowledged by then)"
start_server
echo "restarted; clients go on until ${seconds}s"
status=0
wait "$clients_pid"
cat "$work/clients.json"
# After the restart every write must succeed: a strict burst against the restarted server.
echo "writes after the restart (strict):"
python3 scripts/submission-client.py --port "$port" --tokens "$work/tokens" --clients "$clients" --seconds 3 \
    --log "$work/acknowledged.jsonl" --seed "$RANDOM" --strict || { echo "writes after the restart failed"; status=1; }
kill -TERM "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""

python3 scripts/verify-acknowledged.py "$db" "$work/acknowledged.jsonl" || status=1
integrity=$(sqlite3 "$db" 'PRAGMA integrity_check')
echo "integrity_check: $integrity"
[ "$integrity" = "ok" ] || status=1
foreign=$(sqlite3 "$db" 'PRAGMA foreign_key_check' | wc -l)
echo "foreign_key_check violations: $foreign"
[ "$foreign" = "0" ] || status=1
[ "$(wc -l <"$work/acknowledged.jsonl")" -gt 0 ] || { echo "no write was acknowledged"; status=1; }
if [ $status -eq 0 ]; then echo "crash test passed"; else echo "crash test FAILED"; fi
exit $status
