#!/usr/bin/env python3
"""Hold many idle keep-alive connections open against a server, then time fresh requests.

Used by Benchmarks/run.sh: opens COUNT connections to 127.0.0.1:PORT, sends one keep-alive
`GET PATH` on each and reads its response (so every connection has been through the server's
parser and is then parked idle, as a browser's would be), keeps them all open, and meanwhile times
PROBES requests on new connections (connect + request + full response, like curl's time_total).
Prints one JSON object: how many connections were held, the probe timings, and the server's
VmRSS/VmHWM (from /proc/PID/status) while they were held.

Only ever talks to 127.0.0.1; bounded by COUNT connections and a --deadline in seconds.
"""

import argparse
import asyncio
import json
import resource
import socket
import statistics
import sys
import time


def raise_fd_limit(needed: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max(soft, min(hard, needed)) if hard != resource.RLIM_INFINITY else max(soft, needed)
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def memory_of(pid: int) -> dict:
    """VmRSS and VmHWM of a process in KiB, from /proc/PID/status."""
    figures = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(rest.split()[0])
    return figures


def request_bytes(path: str, keep_alive: bool) -> bytes:
    connection = "keep-alive" if keep_alive else "close"
    return (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {connection}\r\n\r\n").encode("ascii")


async def read_response(reader: asyncio.StreamReader) -> int:
    """Reads one HTTP/1.1 response with a Content-Length body; returns the status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length:
        await reader.readexactly(length)
    return status


async def open_idle(port: int, path: str) -> tuple:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    writer.write(request_bytes(path, keep_alive=True))
    await writer.drain()
    status = await read_response(reader)
    if status != 200:
        raise RuntimeError(f"idle connection got status {status}")
    return reader, writer


async def probe(port: int, path: str) -> float:
    """One request on a new connection; seconds from connect to the end of the response."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request_bytes(path, keep_alive=False))
    await writer.drain()
    status = await read_response(reader)
    elapsed = time.perf_counter() - started
    writer.close()
    if status != 200:
        raise RuntimeError(f"probe got status {status}")
    return elapsed


async def still_open(connections: list) -> int:
    """Counts held connections the server has not closed (no EOF pending on them)."""
    alive = 0
    for reader, _ in connections:
        if not reader.at_eof():
            alive += 1
    return alive


async def run(args) -> dict:
    connections = []
    failures = 0
    batch = args.batch
    opened_at = time.perf_counter()
    for start in range(0, args.count, batch):
        size = min(batch, args.count - start)
        results = await asyncio.gather(
            *(open_idle(args.port, args.path) for _ in range(size)), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                failures += 1
            else:
                connections.append(result)
        if time.perf_counter() - opened_at > args.deadline:
            break
    open_seconds = time.perf_counter() - opened_at

    await asyncio.sleep(args.settle)
    memory_held = memory_of(args.pid) if args.pid else {}
    timings = []
    probe_errors = []
    for _ in range(args.probes):
        try:
            timings.append(await asyncio.wait_for(probe(args.port, args.probe_path), timeout=5))
        except (OSError, RuntimeError, asyncio.TimeoutError, asyncio.IncompleteReadError) as error:
            probe_errors.append(repr(error))
        await asyncio.sleep(0.05)
    alive = await still_open(connections)
    memory_after = memory_of(args.pid) if args.pid else {}
    for _, writer in connections:
        writer.close()

    millis = sorted(t * 1000 for t in timings)
    return {
        "requested": args.count,
        "opened": len(connections),
        "open_failures": failures,
        "open_seconds": round(open_seconds, 2),
        "still_open_after_probes": alive,
        "probes": len(timings),
        "probe_errors": probe_errors,
        "probe_ms": {
            "min": round(millis[0], 2) if millis else None,
            "median": round(statistics.median(millis), 2) if millis else None,
            "max": round(millis[-1], 2) if millis else None,
        },
        "server_kib_while_held": memory_held,
        "server_kib_after_probes": memory_after,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, default=0, help="server PID whose VmRSS/VmHWM to report")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--path", default="/health", help="request sent once on each idle connection")
    parser.add_argument("--probe-path", default="/health")
    parser.add_argument("--probes", type=int, default=20)
    parser.add_argument("--batch", type=int, default=500, help="connections opened concurrently")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds idle before probing")
    parser.add_argument("--deadline", type=float, default=120.0, help="give up opening after this")
    args = parser.parse_args()

    limit = raise_fd_limit(args.count + 1024)
    if limit < args.count + 64:
        print(f"RLIMIT_NOFILE is {limit}, too low for {args.count} connections", file=sys.stderr)
        return 1
    print(json.dumps(asyncio.run(run(args))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
