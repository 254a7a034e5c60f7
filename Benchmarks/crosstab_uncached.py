#!/usr/bin/env python3
"""Server-side time of uncached crosstabs on a running `betakomm serve`.

Builds distinct `/v1/statistics/<question>?by=<grouping>[&wave=…][&<filter>]` URLs over every choice
question, every grouping (size_class, kind, county and every other choice question), both waves and
a few answer filters, shuffles them with a fixed seed, and requests each exactly once over one
keep-alive connection (Python's http.client), so every request misses the response cache. For each
200 response it reads the `Server-Timing: app;dur=<ms>` header (the server's handler time, without
the network and the client) and the round trip measured here. Prints one JSON object.

Usage: crosstab_uncached.py --port PORT [--count 2000] [--seed 7]
"""

import argparse
import http.client
import json
import random
import re
import statistics
import sys
import time
from urllib.parse import quote

TIMING = re.compile(r"(?:^|,)\s*app;dur=([\d.]+)")


def percentile(values: list, fraction: float) -> float:
    """Nearest-rank percentile (the value below which `fraction` of the sorted values lie)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def get_json(connection: http.client.HTTPConnection, path: str) -> dict:
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status}")
    return json.loads(body)


def choice_questions(connection: http.client.HTTPConnection) -> list:
    """(id, [option codes]) of every single/multiple choice question."""
    listing = get_json(connection, "/v1/questions")
    questions = listing.get("questions", listing.get("data", []))
    result = []
    for question in questions:
        if question.get("type") not in ("single", "multiple"):
            continue
        detail = question if question.get("options") else get_json(connection, f"/v1/questions/{quote(question['id'])}").get("question", {})
        codes = [option["code"] for option in detail.get("options", []) if "code" in option]
        if codes:
            result.append((question["id"], codes))
    return result


def candidate_urls(questions: list) -> list:
    ids = [qid for qid, _ in questions]
    groupings = ["size_class", "kind", "county"] + ids
    filters = [""]
    for qid, codes in questions[:6]:          # a few filters: each option of the first questions
        filters += [f"{quote(qid)}={quote(code)}" for code in codes[:2]]
    urls = []
    for qid in ids:
        for by in groupings:
            if by == qid:
                continue
            for wave in ("", "2011", "current"):
                for answer_filter in filters:
                    query = [f"by={quote(by)}"]
                    if wave:
                        query.append(f"wave={wave}")
                    if answer_filter and not answer_filter.startswith(quote(qid) + "=") and not answer_filter.startswith(quote(by) + "="):
                        query.append(answer_filter)
                    elif answer_filter:
                        continue
                    urls.append(f"/v1/statistics/{quote(qid)}?" + "&".join(query))
    return list(dict.fromkeys(urls))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    questions = choice_questions(connection)
    candidates = candidate_urls(questions)
    random.Random(args.seed).shuffle(candidates)
    urls = candidates[: args.count]

    server_ms, round_trip_ms, statuses, missing_header = [], [], {}, 0
    for url in urls:
        started = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.status != 200:
            continue
        match = TIMING.search(response.getheader("Server-Timing") or "")
        if not match:
            missing_header += 1
            continue
        server_ms.append(float(match.group(1)))
        round_trip_ms.append(elapsed)
    connection.close()

    summary = {
        "questions": len(questions),
        "distinct_urls_available": len(candidates),
        "requested": len(urls),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "missing_server_timing": missing_header,
        "measured": len(server_ms),
    }
    if server_ms:
        summary["server_ms"] = {
            "median": round(statistics.median(server_ms), 3), "p99": round(percentile(server_ms, 0.99), 3),
            "max": round(max(server_ms), 3),
        }
        summary["round_trip_ms"] = {
            "median": round(statistics.median(round_trip_ms), 3), "p99": round(percentile(round_trip_ms, 0.99), 3),
        }
    print(json.dumps(summary, indent=2))
    return 0 if server_ms and not missing_header else 1


if __name__ == "__main__":
    sys.exit(main())
