#!/usr/bin/env bash
# The dashboard's browser test. On a fresh machine installs Chromium + chromedriver (apt) and
# Selenium + pytest (pip, pinned) if missing, builds betakomm, serves it on a free loopback port
# with a temporary database, runs Tests/Browser with pytest, and stops the server.
# Screenshots land in artifacts/ (gitignored). Usage: bash Tests/Browser/run.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/../.."

SELENIUM_VERSION=4.40.0
PYTEST_VERSION=8.4.2

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q "selenium==${SELENIUM_VERSION}"
python3 -c 'import pytest' 2>/dev/null || python3 -m pip install -q "pytest==${PYTEST_VERSION}"

swift build --product betakomm
bin="$(swift build --show-bin-path)/betakomm"

workdir="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# Port 0: the kernel picks a free port and the server prints its URL, so nothing races for a port.
"$bin" serve --host 127.0.0.1 --port 0 --db "$workdir/dashboard.sqlite" --public Public --log-level info \
  >"$workdir/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 600); do
  url="$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$workdir/server.log" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log"; echo "betakomm serve exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$workdir/server.log"; echo "betakomm serve did not start in 60 s" >&2; exit 1; }
echo "dashboard under test at $url"

BETAKOMM_URL="$url" BETAKOMM_DB="$workdir/dashboard.sqlite" BETAKOMM_BIN="$bin" \
  python3 -m pytest -q -p no:cacheprovider Tests/Browser "$@"
