#!/usr/bin/env python3
"""Concurrent submission clients for scripts/crash-test.sh and the write-throughput measurement.

Each client owns its own respondents and, until the deadline, reads the current answers (GET,
ETag) and writes a change with If-Match: a PATCH (JSON Merge Patch) or a PUT of the whole set,
alternately. Every 2xx-acknowledged write is appended, flushed, to the log as one JSON line:
{"code", "version", "answers"}, where "answers" is what the client SENT (for a PUT the whole set;
for a PATCH the set it read under the same If-Match with its patch applied), never the server's
echo: a server that stored or echoed something else must not be able to vouch for itself.
Connection errors (the server was killed) are not acknowledgements: the client waits and carries
on against the restarted server. Any other failure (a status other than 2xx or 412) is counted
as an HTTP error; with --strict, any error at all (or no acknowledged write) exits 1, which the
crash test uses to require that writes after the restart succeed.

Standard library only (http.client, threading). Loopback only.
"""
import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time


def request(port, method, path, token, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        all_headers = {"Authorization": "Bearer " + token}
        all_headers.update(headers or {})
        payload = None if body is None else json.dumps(body).encode()
        connection.request(method, path, body=payload, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, response.getheader("ETag"), data
    finally:
        connection.close()


class HTTPError(Exception):
    """The server answered, with a status that is neither success nor a lost If-Match race."""


class Client(threading.Thread):
    def __init__(self, port, assignments, deadline, log, lock, seed):
        super().__init__(daemon=True)
        self.port, self.assignments, self.deadline = port, assignments, deadline
        self.log, self.lock = log, lock
        self.random = random.Random(seed)
        self.latencies = []
        self.acknowledged = 0
        self.errors = 0
        self.http_errors = 0
        self.etags = {}
        self.answers = {}

    def run(self):
        turn = 0
        while time.monotonic() < self.deadline:
            code, token = self.assignments[turn % len(self.assignments)]
            turn += 1
            try:
                self.write_once(code, token, use_put=(turn % 2 == 0))
            except HTTPError:
                self.http_errors += 1
                self.etags.pop(code, None)
            except (OSError, http.client.HTTPException):
                # The server is gone (killed) or restarting: nothing was acknowledged.
                self.errors += 1
                self.etags.pop(code, None)
                time.sleep(0.05)

    def write_once(self, code, token, use_put):
        path = "/v1/respondents/%s/answers" % code
        etag = self.etags.get(code)
        answers = self.answers.get(code)
        if etag is None or answers is None or use_put:
            status, etag, data = request(self.port, "GET", path, token)
            if status == 404:
                # No answers in the token's wave yet: start from the unit's 2011 answers, and
                # create the wave's first version (If-None-Match: * instead of If-Match).
                status, _, data = request(self.port, "GET", path + "?wave=2011", token)
                etag = None
                use_put = True
            if status != 200:
                raise HTTPError("GET %s: %d" % (code, status))
            answers = json.loads(data)["answers"]
        fans = self.random.randint(0, 100000)
        # What this write asks the server to store: the base it read (If-Match names it) with the change.
        sent = dict(answers)
        sent["facebook_fans"] = fans
        started = time.monotonic()
        if use_put:
            answers = sent
            precondition = {"If-Match": etag} if etag is not None else {"If-None-Match": "*"}
            status, new_etag, data = request(self.port, "PUT", path, token,
                                             dict({"Content-Type": "application/json"}, **precondition), {"answers": answers})
        else:
            status, new_etag, data = request(self.port, "PATCH", path, token,
                                             {"Content-Type": "application/merge-patch+json", "If-Match": etag},
                                             {"answers": {"facebook_fans": fans}})
        elapsed = time.monotonic() - started
        if 200 <= status < 300:
            document = json.loads(data)
            self.latencies.append(elapsed)
            self.acknowledged += 1
            self.etags[code] = new_etag
            self.answers[code] = sent
            line = json.dumps({"code": code, "version": document["version"], "answers": sent})
            with self.lock:
                self.log.write(line + "\n")
                self.log.flush()
        elif status == 412:
            self.etags.pop(code, None)
        else:
            raise HTTPError("%s %s: %d %s" % ("PUT" if use_put else "PATCH", code, status, data[:200]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tokens", required=True, help="file of 'code token' lines")
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--log", required=True, help="acknowledged writes, one JSON line each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 on any connection or HTTP error, or when nothing was acknowledged")
    arguments = parser.parse_args()

    with open(arguments.tokens) as handle:
        pairs = [tuple(line.split()) for line in handle if line.strip()]
    if len(pairs) < arguments.clients:
        sys.exit("need at least one respondent per client")
    lock = threading.Lock()
    deadline = time.monotonic() + arguments.seconds
    with open(arguments.log, "a") as log:
        clients = [Client(arguments.port, pairs[index::arguments.clients], deadline, log, lock, arguments.seed * 1000 + index)
                   for index in range(arguments.clients)]
        started = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        wall = time.monotonic() - started
    latencies = sorted(value for client in clients for value in client.latencies)
    acknowledged = sum(client.acknowledged for client in clients)
    errors = sum(client.errors for client in clients)
    http_errors = sum(client.http_errors for client in clients)
    summary = {"clients": arguments.clients, "seconds": round(wall, 2), "acknowledged": acknowledged,
               "connection_errors": errors, "http_errors": http_errors, "writes_per_second": round(acknowledged / wall, 1)}
    if latencies:
        summary["median_ms"] = round(statistics.median(latencies) * 1000, 2)
        summary["p99_ms"] = round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2)
    print(json.dumps(summary))
    if arguments.strict and (errors or http_errors or not acknowledged):
        sys.exit("strict: every write must succeed (connection errors %d, HTTP errors %d, acknowledged %d)"
                 % (errors, http_errors, acknowledged))


if __name__ == "__main__":
    main()
