"""Waiting for a server started in a child process by a test: bounded, and failing with its output
when it stops before it answers."""

from __future__ import annotations

import os
import ssl
import subprocess
import time
from typing import Any

import httpx

STARTUP_SECONDS = 30.0


def wait_until_healthy(
    url: str, process: subprocess.Popen[Any], verify: ssl.SSLContext | bool = True
) -> None:
    """Return once `GET {url}/_mock/health` answers (through a proxy too: it forwards it)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            httpx.get(f"{url}/_mock/health", timeout=1, verify=verify)
            return
        except httpx.TransportError:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)


def start(command: list[str]) -> subprocess.Popen[str]:
    """`command` in a child process, its output captured as text and not buffered."""
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
