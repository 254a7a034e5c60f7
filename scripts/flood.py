#!/usr/bin/env python3
"""Floods a server on 127.0.0.1 and reports its RSS and CPU before and after (docs/http-server.md,
"Bounds"). Bounded in time and count; loopback only; standard library only.

    scripts/flood.py --pid PID --port PORT pipeline --path /fixed --seconds 20
        one connection pipelining HEAD requests as fast as it can while reading every answer
    scripts/flood.py --pid PID --port PORT chunked --path /echo --seconds 10
        one connection sending an endless chunked body of 1-byte chunks with an extension
    scripts/flood.py --pid PID --port PORT connections --count 3000
        connections from this one address, held open, counting those refused
    scripts/flood.py --pid PID --port PORT dribble --path /fixed --count 50 --seconds 15
        connections that send a head with Content-Length: 1000 and then a byte a second

Prints one JSON line: the server's RSS (VmRSS, MB) and CPU seconds (utime + stime) at the start
and the end, and what the flood achieved.
"""
import argparse
import json
import os
import resource
import socket
import threading
import time

TICKS = os.sysconf("SC_CLK_TCK")


def sample(pid):
    with open("/proc/%d/status" % pid) as handle:
        rss = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
    with open("/proc/%d/stat" % pid) as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    return round(rss / 1024, 1), round(cpu, 2)


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def pipeline(arguments, peak):
    connection = connect(arguments.port)
    request = ("HEAD %s HTTP/1.1\r\nHost: flood\r\n\r\n" % arguments.path).encode()
    batch = request * 2000
    deadline = time.monotonic() + arguments.seconds
    answered = [0]

    def read():
        pending = b""
        while True:
            try:
                data = connection.recv(1 << 16)
            except OSError:
                return
            if not data:
                return
            pending += data
            answered[0] += pending.count(b"\r\n\r\n")
            pending = pending[pending.rfind(b"\r\n\r\n") + 4:] if b"\r\n\r\n" in pending else pending

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    sent = 0
    while time.monotonic() < deadline:
        try:
            connection.sendall(batch)
        except OSError:
            break
        sent += 2000
        peak(sample(arguments.pid)[0])
    connection.shutdown(socket.SHUT_WR)
    reader.join(timeout=10)
    connection.close()
    return {"requests_sent": sent, "answered": answered[0]}


def chunked(arguments, peak):
    connection = connect(arguments.port)
    connection.sendall(("POST %s HTTP/1.1\r\nHost: flood\r\nTransfer-Encoding: chunked\r\n\r\n" % arguments.path).encode())
    chunk = b"1;x=yyyyyyyyyyyyyyyy\r\nz\r\n" * 4096
    deadline = time.monotonic() + arguments.seconds
    sent = 0
    status = None
    connection.settimeout(0.001)
    while time.monotonic() < deadline:
        try:
            connection.sendall(chunk)
            sent += len(chunk)
        except socket.timeout:
            pass
        except OSError:
            break
        try:
            answer = connection.recv(4096)
            if answer:
                status = answer.split(b" ", 2)[1].decode()
                break
        except (socket.timeout, BlockingIOError):
            pass
        except OSError:
            break
        peak(sample(arguments.pid)[0])
    connection.close()
    return {"wire_bytes_sent": sent, "status": status}


def connections(arguments, peak):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, arguments.count + 256)), hard))
    opened, failed = [], 0
    for _ in range(arguments.count):
        try:
            opened.append(connect(arguments.port))
        except OSError:
            failed += 1
    time.sleep(0.5)
    peak(sample(arguments.pid)[0])
    refused = 0
    for connection in opened:
        connection.setblocking(False)
        try:
            if connection.recv(64).startswith(b"HTTP/1.1 429"):
                refused += 1
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            refused += 1
    for connection in opened:
        connection.close()
    return {"attempted": arguments.count, "connect_failed": failed, "refused_by_server": refused,
            "held_open": len(opened) - refused}


def dribble(arguments, peak):
    held = []
    head = ("POST %s HTTP/1.1\r\nHost: flood\r\nContent-Length: 1000\r\n\r\n" % arguments.path).encode()
    for _ in range(arguments.count):
        connection = connect(arguments.port)
        connection.sendall(head)
        connection.setblocking(False)
        held.append(connection)
    started = time.monotonic()
    closed_at = {}
    while time.monotonic() - started < arguments.seconds and len(closed_at) < len(held):
        for index, connection in enumerate(held):
            if index in closed_at:
                continue
            try:
                connection.send(b"x")
                data = connection.recv(4096)
                if data == b"" or data.startswith(b"HTTP/1.1 408"):
                    closed_at[index] = round(time.monotonic() - started, 1)
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                closed_at[index] = round(time.monotonic() - started, 1)
        peak(sample(arguments.pid)[0])
        time.sleep(1)
    for connection in held:
        connection.close()
    times = sorted(closed_at.values())
    return {"connections": len(held), "cut_off": len(times), "cut_off_after_s": [times[0], times[-1]] if times else None}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("mode", choices=["pipeline", "chunked", "connections", "dribble"])
    parser.add_argument("--path", default="/fixed")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--count", type=int, default=1000)
    arguments = parser.parse_args()
    arguments.seconds = min(arguments.seconds, 60)
    arguments.count = min(arguments.count, 5000)
    peak_rss = [0.0]

    def peak(rss):
        peak_rss[0] = max(peak_rss[0], rss)

    rss_before, cpu_before = sample(arguments.pid)
    started = time.monotonic()
    result = globals()[arguments.mode](arguments, peak)
    wall = time.monotonic() - started
    rss_after, cpu_after = sample(arguments.pid)
    result.update({"mode": arguments.mode, "seconds": round(wall, 1), "rss_mb_before": rss_before, "rss_mb_peak": max(peak_rss[0], rss_after),
                   "rss_mb_after": rss_after, "cpu_s": round(cpu_after - cpu_before, 2)})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
