"""Start ``opendata serve`` for a test: a real uvicorn server on a free loopback port."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def serving(site: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``opendata serve SITE --port 0``; yields its base URL (``http://127.0.0.1:PORT``)."""
    script = os.path.join(os.path.dirname(sys.executable), "opendata")
    proc = subprocess.Popen([script, "--lang", "en", "serve", str(site), "--port", "0", *args],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + proc.stderr.read()
        port = int(match.group(1))
        deadline = time.time() + 20
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/3")
                conn.getresponse().read()
                break
            except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected):
                assert time.time() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
