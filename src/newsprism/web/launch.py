"""Start ``newsprism serve`` in a child process and wait until it answers.

For what drives the real server over HTTP: the test fixtures, the soak
script and the load benchmark. Its output goes to a temporary file, not a
pipe: a pipe nobody reads fills up under load and stalls the server.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

# A cold start imports the web stack and opens the store before it listens:
# seconds on a quiet machine, up to 20 s on a busy 2-core one.
START_TIMEOUT_S = 60


@dataclass(frozen=True)
class Served:
    base: str  # "http://127.0.0.1:PORT"
    port: int
    pid: int


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: str | Path, *extra: str, timeout_s: float = START_TIMEOUT_S) -> Iterator[Served]:
    """Run ``newsprism serve --db DB EXTRA...`` on a free loopback port until the block ends.

    Raises:
        RuntimeError: the server exited or did not answer ``/api/stories`` within ``timeout_s``
            (the message holds what it printed).
    """
    port = free_port()
    exe = Path(sys.executable).with_name("newsprism")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from newsprism.cli import entry; entry()"]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([*cmd, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *extra],
                                stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(proc, base, timeout_s, log)
            yield Served(base=base, port=port, pid=proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait(proc: subprocess.Popen, base: str, timeout_s: float, log) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"newsprism serve exited: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/api/stories", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"newsprism serve did not answer on {base} in {timeout_s:.0f} s")
        time.sleep(0.1)
