"""Targets for the benchmarks: a mock server (faulty or not) in its own process, on a known state.

Every run gets a fresh server on a fresh copy of one seeded database, so each tool meets the same
accounts in the same state, whatever an earlier run did. The seeded state is what a long-used
account has before a test run: the primary account owns numbers in two countries, some linked to
an application (by `app_id` and by each deprecated `app` callback), and another account owns
numbers too. It is written straight into the store, so no fault can change it. Without the owned
numbers (`seeded_database(owned_before=False)`) no account owns anything: a paid account new to
numbers, where the harness has to buy what it tests.
"""

from __future__ import annotations

import shutil
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

from numbers_mock import (
    OTHER_ACCOUNT,
    PRIMARY_ACCOUNT,
    TEST_APPLICATION_IDS,
    MockSettings,
    create_app,
)
from numbers_mock.state.queries import NumberQuery

__all__ = [
    "APPLICATION",
    "OTHER",
    "PRIMARY",
    "MockServer",
    "free_port",
    "run_server",
    "seeded_database",
    "serve_mock",
]

# The mock's own public test accounts and application ids, as (key, secret) pairs for httpx.
PRIMARY = PRIMARY_ACCOUNT.auth
OTHER = OTHER_ACCOUNT.auth
APPLICATION, OTHER_APPLICATION = TEST_APPLICATION_IDS
# (owner, country, how many numbers): what the accounts own before any run.
OWNED_BEFORE = ((PRIMARY[0], "GB", 4), (PRIMARY[0], "US", 2), (OTHER[0], "GB", 3))
STARTUP_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0
# tmpfs where there is one: a run's purchases then never wait for a disk.
_SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else None


@dataclass(frozen=True)
class MockServer:
    """A running mock: where it answers, and its process (for CPU and memory readings)."""

    url: str
    pid: int


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def seed_state(database: Path, owned_before: bool = True) -> None:
    """Write a new database file: the mock's inventory, and the accounts' numbers (see the module
    docstring) with `owned_before`."""
    app = create_app(MockSettings(database=database))
    try:
        if not owned_before:
            return
        store = app.store
        for owner, country, count in OWNED_BEFORE:
            page = store.search_available(NumberQuery(country=country, size=count))
            for number in page.numbers:
                if not store.buy(owner, country, str(number["msisdn"])):
                    raise RuntimeError(f"seeding: could not give {number['msisdn']} to {owner}")
        primary = store.list_owned(PRIMARY[0], NumberQuery(country="GB", size=3)).numbers
        links = (
            {"app_id": APPLICATION},
            {"voiceCallbackType": "app", "voiceCallbackValue": APPLICATION},
            {
                "messagesCallbackType": "app",
                "messagesCallbackValue": OTHER_APPLICATION,
                "moHttpUrl": "https://example.com/webhooks/inbound-sms",
            },
        )
        for number, settings in zip(primary, links, strict=True):
            store.update(PRIMARY[0], "GB", str(number["msisdn"]), settings)
    finally:
        app.close()


@contextmanager
def seeded_database(owned_before: bool = True) -> Iterator[Path]:
    """A seeded database file, removed at the end; copy it for each server (`serve_mock`)."""
    with tempfile.TemporaryDirectory(prefix="numbers-bench-", dir=_SCRATCH) as folder:
        database = Path(folder) / "seeded.sqlite3"
        seed_state(database, owned_before)
        yield database


@contextmanager
def serve_mock(seeded: Path, faults: tuple[str, ...] = ()) -> Iterator[MockServer]:
    """`numbers-mock` with `faults` in a child process, on its own copy of `seeded`."""
    with tempfile.TemporaryDirectory(prefix="numbers-run-", dir=_SCRATCH) as folder:
        database = Path(folder) / "state.sqlite3"
        shutil.copyfile(seeded, database)
        command = [sys.executable, "-m", "numbers_mock", "--database", str(database)]
        command += ["--log-level", "critical"]
        for fault in faults:
            command += ["--fault", fault]
        with run_server(command) as server:
            yield server


@contextmanager
def run_server(command: list[str]) -> Iterator[MockServer]:
    """Run `command + ["--port", PORT]` on a free port until it answers `/_mock/health`; stop it.

    Its output goes to a log file, shown when it does not start (a pipe nobody reads could fill and
    stall a server that runs for minutes).
    """
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="numbers-server-", dir=_SCRATCH) as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [*command, "--port", str(port)], stdout=output, stderr=subprocess.STDOUT
            )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_healthy(url, process, log)
            yield MockServer(url, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(STOP_TIMEOUT)


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            httpx.get(f"{url}/_mock/health", timeout=1.0).raise_for_status()
            return
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"the server at {url} did not start:\n{log.read_text(errors='replace')}"
                ) from None
            time.sleep(0.05)
