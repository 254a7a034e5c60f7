#!/usr/bin/env python3
"""Turns the raw output of Benchmarks/run.sh into a table on stdout and a Markdown file.

For each scenario and target: the median over rounds of wrk's requests/s, p50 and p99 latency
(each round's own percentiles; the median damps one noisy round on a shared 2-core machine), the
spread of requests/s over rounds, wrk's error count, and the peak summed VmRSS sampled during load.
Then the ratios BetaKomm/Hummingbird and BetaKomm/nginx: throughput (higher is better for BetaKomm)
and p99 (lower is better for BetaKomm). Then the cached API routes as a ratio to BetaKomm's fixed-JSON throughput in the same rounds, the
uncached crosstabs' server time (Server-Timing), and the idle-connection test.
"""

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
REFERENCE_TARGETS = ("hummingbird", "nginx")
LABELS = {
    "betakomm": "BetaKomm", "hummingbird": "Hummingbird 2", "nginx": "nginx", "api": "betakomm serve",
    "api_figure7": "betakomm serve /v1/figures/7", "api_channels": "betakomm serve /v1/channels?by=size_class",
    "api_channels_gzip": "betakomm serve /v1/channels?by=size_class, Accept-Encoding: gzip",
    "apiquiet_figure7": "betakomm serve --access-log off /v1/figures/7",
    "apiquiet_channels": "betakomm serve --access-log off /v1/channels?by=size_class",
    "fixedlarge": "fixed-json-server serving the channels document's bytes",
    "fixedfigure": "fixed-json-server serving the figure 7 document's bytes",
    "nginx_large": "nginx serving the channels document's bytes",
}
API_TARGETS = ("api_figure7", "api_channels")   # the two cached API routes, compared with BetaKomm's fixed JSON
# Shown beside them, to separate what the routes' duties and body sizes cost; no aim of their own.
API_CONTEXT_TARGETS = ("api_channels_gzip", "apiquiet_figure7", "apiquiet_channels", "fixedfigure", "fixedlarge",
                       "nginx", "nginx_large")
# Each route's document served as fixed bytes by the same HTTP layer: what the route would cost
# without its API duties, the client's share for the bigger body included.
SAME_SIZE_FIXED = {"api_figure7": "fixedfigure", "api_channels": "fixedlarge"}
DOCUMENTS = {"api_figure7": "figure7", "api_channels": "channels"}   # as run.sh saves them in the raw folder
API_RATIO_AIM = 0.90
CROSSTAB_AIM_MS = 2.0


def millis(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"unknown latency {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(text: str) -> dict:
    """requests/s, p50/p99 in ms, and the error count from one `wrk --latency` output."""
    result = {"socket_errors": 0, "non_2xx": 0}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(line.split()[1])
        elif re.match(r"^(50|99)%\s", line):
            percent, value = line.split()
            result["p" + percent.rstrip("%")] = millis(value)
        elif line.startswith("Socket errors:"):
            result["socket_errors"] += sum(int(n) for n in re.findall(r"\d+", line))
        elif line.startswith("Non-2xx or 3xx responses:"):
            result["non_2xx"] += int(line.split(":")[1])
    if not {"rps", "p50", "p99"} <= result.keys():
        raise ValueError("incomplete wrk output")
    return result


def peak_rss_mib(path: Path) -> float:
    if not path.exists():
        return float("nan")
    values = [int(v) for v in path.read_text().split() if v.isdigit()]
    return max(values, default=0) / 1024


def load_results(raw: Path) -> dict:
    """scenario -> target -> aggregated figures, scenarios in the order they ran."""
    results = {}
    order_file = raw / "scenarios.txt"
    names = order_file.read_text().split() if order_file.exists() else []
    for directory in (raw / name for name in names):
        per_target = {}
        for wrk_file in sorted(directory.glob("*.wrk")):
            target, _ = wrk_file.stem.rsplit(".", 1)
            try:
                figures = parse_wrk(wrk_file.read_text())
            except ValueError as error:
                print(f"warning: {wrk_file}: {error}", file=sys.stderr)
                continue
            figures["rss"] = peak_rss_mib(wrk_file.with_suffix(".rss"))
            per_target.setdefault(target, []).append(figures)
        results[directory.name] = {
            target: {
                "rounds": len(runs),
                "rps": statistics.median(r["rps"] for r in runs),
                "rps_min": min(r["rps"] for r in runs),
                "rps_max": max(r["rps"] for r in runs),
                "p50": statistics.median(r["p50"] for r in runs),
                "p99": statistics.median(r["p99"] for r in runs),
                "socket_errors": sum(r["socket_errors"] for r in runs),
                "non_2xx": sum(r["non_2xx"] for r in runs),
                "rss": max(r["rss"] for r in runs),
            }
            for target, runs in per_target.items()
        }
    return results


def read_machine(raw: Path) -> dict:
    path = raw / "machine.txt"
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}×" if denominator else "n/a"


def render(raw: Path) -> str:
    machine = read_machine(raw)
    results = load_results(raw)
    lines = [
        f"# BetaKomm HTTP benchmark, {machine.get('date_utc', raw.name)}",
        "",
        f"Machine: {machine.get('nproc', '?')} cores ({machine.get('cpu', '?')}), {machine.get('memory', '?')}, kernel "
        f"{machine.get('kernel', '?')}, load average before the run {machine.get('loadavg_before', '?')}, "
        f"after {machine.get('loadavg_after', '?')}. "
        f"Commit {machine.get('commit', '?')}; wrk {machine.get('wrk', '?')}; nginx {machine.get('nginx', '?')}.",
        "",
        f"**wrk and all servers share the same {machine.get('nproc', '?')} cores**, so the figures compare "
        "the servers with each other under the same handicap; they are not the capacity of a dedicated "
        f"machine. Each cell is the median of {machine.get('rounds', '?')} interleaved rounds of "
        f"{machine.get('duration', '?')} s; body: the same 1.5 KB JSON file (`Benchmarks/fixed.json`).",
        "",
        "| scenario | server | req/s (median) | req/s range | p50 ms | p99 ms | socket errors | non-2xx | peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario, per_target in results.items():
        for target, f in per_target.items():
            lines.append(
                f"| {scenario} | {LABELS.get(target, target)} | {f['rps']:,.0f} | "
                f"{f['rps_min']:,.0f}–{f['rps_max']:,.0f} | {f['p50']:.3f} | {f['p99']:.3f} | "
                f"{f['socket_errors']} | {f['non_2xx']} | {f['rss']:.1f} |"
            )
    hwm_file = raw / "hwm.txt"
    if hwm_file.exists():
        peaks = [line.split() for line in hwm_file.read_text().splitlines() if len(line.split()) == 2]
        lines += ["", "VmHWM (peak resident memory of the main process over the whole load run): " + ", ".join(
            f"{LABELS.get(target, target)} {int(kib) / 1024:.1f} MiB" for target, kib in peaks) + "."]
    ratio_rows = []
    for scenario, per_target in results.items():
        ours = per_target.get("betakomm")
        if not ours or not any(other in per_target for other in REFERENCE_TARGETS):
            continue
        cells = []
        for other in REFERENCE_TARGETS:
            theirs = per_target.get(other)
            cells += [ratio(ours["rps"], theirs["rps"]), ratio(ours["p99"], theirs["p99"])] if theirs else ["n/a", "n/a"]
        ratio_rows.append(f"| {scenario} | " + " | ".join(cells) + " |")
    if ratio_rows:
        lines += ["", "Ratios (BetaKomm ÷ other): throughput above 1 and p99 below 1 favour BetaKomm.", "",
                  "| scenario | req/s vs Hummingbird | p99 vs Hummingbird | req/s vs nginx | p99 vs nginx |",
                  "|---|---:|---:|---:|---:|"] + ratio_rows

    lines += api_section(results, raw)

    idle_files = sorted(raw.glob("idle-*.json"))
    if idle_files:
        lines += ["", "Idle keep-alive connections: each sent one request, then stayed open and idle; "
                  "meanwhile `/health` was requested on new connections (connect to last byte).", "",
                  "| server | held open | failed to open | /health probes | median ms | max ms | RSS MiB while held |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for path in idle_files:
            target = path.stem.removeprefix("idle-")
            try:
                idle = json.loads(path.read_text())
            except json.JSONDecodeError:
                lines.append(f"| {LABELS.get(target, target)} | test failed, see raw output | | | | | |")
                continue
            rss = idle["server_kib_while_held"].get("VmRSS", 0) / 1024
            probes = f"{idle['probes']}" + (f" ({len(idle['probe_errors'])} failed)" if idle["probe_errors"] else "")
            lines.append(
                f"| {LABELS.get(target, target)} | {idle['still_open_after_probes']:,} of {idle['requested']:,} | "
                f"{idle['open_failures']} | {probes} | {idle['probe_ms']['median']} | {idle['probe_ms']['max']} | "
                f"{rss:.1f} |"
            )
    lines += ["", "Targets of the issue (BetaKomm against Hummingbird 2; the API against its own aims):", ""]
    lines += verdicts(results, idle_files) + api_verdicts(results, raw)
    return "\n".join(lines) + "\n"


def document_kib(raw: Path, document: str) -> str:
    """A route's document size, as the benchmark fetched it."""
    path = raw / f"{document}.json"
    return f"{path.stat().st_size / 1024:.1f} KB" if path.exists() else "its size"


def read_crosstab(raw: Path):
    path = raw / "crosstab.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError:
        return {}


def api_section(results: dict, raw: Path) -> list:
    """The cached API routes against BetaKomm's fixed JSON, and the uncached crosstabs."""
    lines = []
    for scenario, per_target in results.items():
        fixed = per_target.get("betakomm")
        routes = [target for target in API_TARGETS + API_CONTEXT_TARGETS if target in per_target]
        if not (fixed and any(target in per_target for target in API_TARGETS)):
            continue
        lines += ["", f"The real `betakomm serve` (temp database, release build), {scenario}: cached API routes in the same "
                  "interleaved rounds as BetaKomm's fixed JSON; ratio = route req/s ÷ fixed-JSON req/s "
                  f"(aim ≥ {API_RATIO_AIM:.2f}).", "",
                  "| route | req/s | fixed-JSON req/s | ratio | p50 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|"]
        for target in routes:
            f = per_target[target]
            lines.append(f"| {LABELS.get(target, target)} | {f['rps']:,.0f} | {fixed['rps']:,.0f} | "
                         f"{f['rps'] / fixed['rps']:.2f} | {f['p50']:.3f} | {f['p99']:.3f} |")
        for route, same_size in SAME_SIZE_FIXED.items():
            if route in per_target and same_size in per_target:
                document = DOCUMENTS[route]
                lines += ["", f"The {document} document ({document_kib(raw, document)}) served as fixed bytes reaches "
                          f"{per_target[same_size]['rps'] / fixed['rps']:.2f} of the 1.5 KB fixed JSON; the route reaches "
                          f"{per_target[route]['rps'] / per_target[same_size]['rps']:.2f} of that same-size fixed response."]
        nginx, nginx_large = per_target.get("nginx"), per_target.get("nginx_large")
        if nginx and nginx_large:
            channels = per_target.get("api_channels")
            lines += ["", f"nginx serving the same channels bytes from a file: {nginx_large['rps']:,.0f} req/s, "
                      f"{nginx_large['rps'] / nginx['rps']:.2f} of nginx's own 1.5 KB throughput"
                      + (f"; the cached channels route serves {channels['rps'] / nginx_large['rps']:.2f}× that." if channels else ".")]
    crosstab = read_crosstab(raw)
    if crosstab is not None:
        lines += ["", "Uncached crosstabs: distinct `/v1/statistics/<question>?by=…[&wave=…][&<filter>]` URLs, each requested "
                  "once over one keep-alive connection (every request a response-cache miss); server time from the "
                  "`Server-Timing: app;dur=` header, round trip measured by the Python client.", ""]
        if "server_ms" in crosstab:
            server, trip = crosstab["server_ms"], crosstab["round_trip_ms"]
            lines += ["| requests | statuses | server median ms | server p99 ms | server max ms | round-trip median ms | round-trip p99 ms |",
                      "|---:|---|---:|---:|---:|---:|---:|",
                      f"| {crosstab['measured']:,} of {crosstab['requested']:,} | "
                      f"{', '.join(f'{k}: {v}' for k, v in crosstab['statuses'].items())} | {server['median']} | "
                      f"{server['p99']} | {server['max']} | {trip['median']} | {trip['p99']} |"]
        else:
            lines.append("The measurement failed; see the raw output.")
    return lines


def api_verdicts(results: dict, raw: Path) -> list:
    lines = []
    for scenario, per_target in results.items():
        fixed = per_target.get("betakomm")
        for target in API_TARGETS:
            if not (fixed and target in per_target):
                continue
            share = per_target[target]["rps"] / fixed["rps"]
            same_size = per_target.get(SAME_SIZE_FIXED[target])
            if same_size is None:
                lines.append(f"- {LABELS[target]} ({scenario}): {'met' if share >= API_RATIO_AIM else 'MISSED'}: "
                             f"{share:.2f} of the fixed-JSON throughput (aim ≥ {API_RATIO_AIM:.2f})")
                continue
            ratio = per_target[target]["rps"] / same_size["rps"]
            lines.append(f"- {LABELS[target]} ({scenario}): {'met' if ratio >= API_RATIO_AIM else 'MISSED'}: "
                         f"{ratio:.2f} of the same-size fixed response ({LABELS[SAME_SIZE_FIXED[target]]}; aim ≥ "
                         f"{API_RATIO_AIM:.2f}); {share:.2f} of the 1.5 KB fixed JSON")
    crosstab = read_crosstab(raw)
    if crosstab is not None:
        server = crosstab.get("server_ms")
        if not server:
            lines.append("- uncached crosstabs: MISSED: the measurement did not complete")
        else:
            ok = server["median"] < CROSSTAB_AIM_MS and server["p99"] < CROSSTAB_AIM_MS
            lines.append(f"- uncached crosstabs ({crosstab['measured']:,} distinct URLs): {'met' if ok else 'MISSED'}: "
                         f"server time median {server['median']} ms, p99 {server['p99']} ms (aim < {CROSSTAB_AIM_MS:g} ms)")
    return lines


def verdicts(results: dict, idle_files: list) -> list:
    """One line per target the issue sets: throughput ≥ 1.0× (aim 1.2×) and p99 no worse than
    Hummingbird in every scenario, and /health under 50 ms while 10 000 idle connections are held."""
    lines = []
    for scenario, per_target in results.items():
        ours, theirs = per_target.get("betakomm"), per_target.get("hummingbird")
        if not (ours and theirs):
            continue
        throughput = ours["rps"] / theirs["rps"]
        p99_ok = ours["p99"] <= theirs["p99"]
        mark = "met" if throughput >= 1.0 and p99_ok else "MISSED"
        lines.append(f"- {scenario}: {mark}: throughput {throughput:.2f}× (aim 1.2×), p99 {ours['p99']:.3f} ms "
                     f"vs {theirs['p99']:.3f} ms{'' if p99_ok else ' (worse)'}")
    for path in idle_files:
        if path.stem != "idle-betakomm":
            continue
        try:
            idle = json.loads(path.read_text())
        except json.JSONDecodeError:
            lines.append("- idle connections: MISSED: the test did not complete")
            continue
        slowest = idle["probe_ms"]["max"]
        held = idle["still_open_after_probes"]
        ok = slowest is not None and slowest < 50 and not idle["probe_errors"] and held >= 10_000
        lines.append(f"- /health with {held:,} idle connections held: {'met' if ok else 'MISSED'}: slowest of "
                     f"{idle['probes']} probes {slowest} ms (must be under 50 ms)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, help="a Benchmarks/results/raw/STAMP folder")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    text = render(args.raw)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
