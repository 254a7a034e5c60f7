#!/usr/bin/env bash
# The staff's command line, end to end on a fresh database: waves (create, open, list, close),
# tokens per wave (a 2011 code refused with its successor named), and SSB's population file
# (a good file loads all units of the 2024 map; a bad one loads nothing and lists every problem).
# Usage: bash scripts/cli-test.sh        (CI runs it; CONFIGURATION=release for a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-debug}
swift build -c "$configuration" --product betakomm >/dev/null
betakomm="$(swift build -c "$configuration" --show-bin-path)/betakomm"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=(--db "$work/cli.sqlite" --migrations Migrations)
failures=0
expect() {  # expect DESCRIPTION PATTERN TEXT
    if grep -qE -- "$2" <<<"$3"; then echo "ok: $1"; else echo "FAILED: $1 (wanted /$2/ in: $3)"; failures=$((failures + 1)); fi
}

out=$("$betakomm" wave create 2026 --map 2024 --questionnaire Data/questionnaire-2026.json --opens 2026-01-15 --closes 2026-03-31 "${db[@]}")
expect "a wave is created as a draft with its questionnaire file" "wave 2026 created \(draft\): map 2024, questionnaire 2026" "$out"
out=$("$betakomm" wave create 2026 --map 2024 --questionnaire 2011 "${db[@]}" 2>&1 || true)
expect "a wave id is taken once" "Wave 2026 exists already" "$out"
out=$("$betakomm" wave create 2030 --map 2024 --questionnaire 2011 --opens 2030-02-30 "${db[@]}" 2>&1 || true)
expect "a date that does not exist is refused" "not a date" "$out"
out=$("$betakomm" token issue --respondent 1601 --wave 2026 "${db[@]}" 2>&1 || true)
expect "a 2011 code is refused with its successor named" "1601 is Trondheim on an earlier map; on the 2024 map this wave asks it is 5001" "$out"
token=$("$betakomm" token issue --respondent 5001 --wave 2026 "${db[@]}" 2>/dev/null)
expect "today's Trondheim gets a token" "^bk_[0-9]+_" "$token"
out=$("$betakomm" wave open 2026 "${db[@]}")
expect "the wave opens" "wave 2026 is open \(2026-01-15 to 2026-03-31\)" "$out"
out=$("$betakomm" wave list "${db[@]}")
expect "the list shows 2011 closed and 2026 open" "2011	closed	2011	2011.*" "$out"
expect "the list shows 2026 open on the 2024 map" "2026	open	2024	2026	2026-01-15	2026-03-31	0	" "$out"
out=$("$betakomm" token list "${db[@]}")
expect "the token names its wave" "respondent	5001	2026	" "$out"
out=$("$betakomm" wave close 2026 "${db[@]}")
expect "the wave closes" "wave 2026 is closed" "$out"
out=$("$betakomm" wave open 2026 "${db[@]}" 2>&1 || true)
expect "a closed wave does not reopen" "is closed and cannot become open" "$out"

# SSB's export of table 07459 as statistikkbanken writes it: Latin-1, ';', quoted, a title line.
python3 - "$work/07459.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open("Data/units-2024.csv", encoding="utf-8")))
with open(sys.argv[1], "w", encoding="cp1252", newline="") as out:
    out.write('"07459: Befolkning, etter region, statistikkvariabel og år"\r\n\r\n')
    out.write('"region";"statistikkvariabel";"år";"07459: Befolkning, etter region, statistikkvariabel og år"\r\n')
    out.write('"0 Hele landet";"Personer";"2025";"5594340"\r\n')
    for row in rows:
        population = int(row["population_2011_within_2024_borders"]) * 111 // 100
        out.write('"%s %s";"Personer";"2025";"%d"\r\n' % (row["code"], row["name"].strip(), population))
PY
cp "$work/07459.csv" "$work/bad.csv"
printf '"9999 Atlantis";"Personer";"2025";"12"\r\n' >>"$work/bad.csv"
out=$("$betakomm" population import "$work/bad.csv" --map 2024 "${db[@]}" 2>&1 || true)
expect "an unknown code is named with its line and nothing is loaded" 'line 377: "9999 Atlantis" is not a unit of the map' "$out"
estimates=$(sqlite3 "$work/cli.sqlite" "SELECT count(*) FROM map_units WHERE map = 2024 AND population_is_estimate = 1")
expect "nothing was loaded from the bad file" "^372$" "$estimates"
out=$("$betakomm" population import "$work/07459.csv" --map 2024 "${db[@]}")
expect "a good file loads every unit of the map" "loaded 372 units of the 2024 map, population 1 January 2025" "$out"
row=$(sqlite3 "$work/cli.sqlite" "SELECT population, population_is_estimate FROM map_units WHERE map = 2024 AND code = '5001'")
expect "Trondheim's population is SSB's now" "^199111\|0$" "$row"

if [ "$failures" -gt 0 ]; then echo "cli test: $failures failed"; exit 1; fi
echo "cli test passed"
