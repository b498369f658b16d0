"""Load on the web app: N concurrent clients on loopback for T seconds against story pages and the API.

Starts `newsprism serve` over a store (by default out/bench/web-demo.db,
built once from examples/demo through the real pipeline), warms it
with one request per URL, then runs N clients (asyncio, one keep-alive
HTTP/1.1 connection each) that cycle through the story pages,
/api/stories and /api/stories/{id}. Each client waits ``--think`` seconds
between requests (0: back-to-back, the harshest case). Prints requests/s,
p50/p95/p99 latency and errors, and with --json writes them to a file.

    .venv/bin/python benchmarks/load_web.py [--clients 200] [--seconds 20] [--think 0] [--db FILE]

Goal (issue #7): 200 clients, p95 <= 150 ms, 0 errors on a 2-core machine.

Besides latency it prints the server's CPU time per request, which other
work on the machine does not inflate the way it inflates latency.

The clients speak HTTP/1.1 over asyncio streams rather than through httpx:
on this machine one httpx AsyncClient pool of 200 connections managed ~20
requests/s, so it measured itself, not the server (httpx is used for setup).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

from newsprism.web.launch import running_server

REPO = Path(__file__).resolve().parent.parent
DEMO_DB = REPO / "out" / "bench" / "web-demo.db"


def _build_demo_store(db: Path) -> None:
    """Analyse examples/demo into ``db`` (once: analysis is slow, the load test is about serving)."""
    from newsprism.pipeline import run
    from newsprism.store import Store

    result = run([str(REPO / "examples" / "demo")], db=db)
    with Store(db) as store:
        store.put_report(result.report)


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), to report the server's cost per request."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, url: str) -> int:
    """One keep-alive HTTP/1.1 GET; returns the status after reading the whole body."""
    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def _client(port: int, urls: list[str], offset: int, until: float, think: float,
                  latencies: list[float], errors: list[str]) -> None:
    """One user on one keep-alive connection, cycling through ``urls`` until ``until``."""
    host = f"127.0.0.1:{port}"
    if think:  # spread the clients' first requests over one think time, as real users arrive
        await asyncio.sleep(think * (offset % 200) / 200)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    try:
        while time.perf_counter() < until:
            url = urls[i % len(urls)]
            i += 1
            t0 = time.perf_counter()
            try:
                status = await _get(reader, writer, host, url)
                if status != 200:
                    errors.append(f"{url}: HTTP {status}")
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(f"{url}: {type(exc).__name__}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            latencies.append(time.perf_counter() - t0)
            if think:
                await asyncio.sleep(think)
    finally:
        writer.close()


async def _load(port: int, urls: list[str], clients: int, seconds: float, think: float) -> dict[str, object]:
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(_client(port, urls, k, until, think, latencies, errors) for k in range(clients)))
    elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"clients": clients, "seconds": round(elapsed, 1), "think_s": think, "requests": len(latencies),
            "requests_per_s": round(len(latencies) / elapsed, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1), "errors": len(errors),
            "error_examples": sorted(set(errors))[:5], "cpus": os.cpu_count()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--think", type=float, default=0.0, help="seconds each client waits between requests")
    ap.add_argument("--db", type=Path, default=DEMO_DB, help="the store to serve (default: the demo corpus, "
                    "analysed on first use)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    db = args.db
    if not db.exists():
        if db != DEMO_DB:
            sys.exit(f"{db}: no such store")
        _build_demo_store(db)
    with running_server(db) as served:
        base, port = served.base, served.port
        stories = [s["id"] for s in httpx.get(base + "/api/stories").json()]
        if not stories:
            sys.exit(f"{db}: no stories to load")
        urls = [u for sid in stories for u in (f"/stories/{sid}", f"/api/stories/{sid}")] + ["/api/stories"]
        for u in urls:  # warm: the first view of a page renders it; the load measures what follows
            httpx.get(base + u).raise_for_status()
        cpu0 = _cpu_seconds(served.pid)
        result = asyncio.run(_load(port, urls, args.clients, args.seconds, args.think))
        cpu1 = _cpu_seconds(served.pid)
        if cpu0 is not None and cpu1 is not None and result["requests"]:
            result["server_cpu_ms_per_request"] = round((cpu1 - cpu0) * 1000 / result["requests"], 3)
        # Other work on the machine steals the CPU the clients and server share: say how much there was.
        result["load_average_1min_after"] = _load_average()
    result["stories"] = len(stories)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
