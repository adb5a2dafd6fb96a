"""Fixtures for testing the harness: apps served on real ports, harness runs in a subprocess."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.types import ASGIApp

from numbers_mock import serve_in_thread

REPO_ROOT = Path(__file__).resolve().parents[2]
# Fixed, so a failing run here replays the same cases.
SEED = 20261127
RUN_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class HarnessRun:
    """What one `pytest contract_tests ...` subprocess did."""

    returncode: int
    stdout: str
    stderr: str
    junit: str
    # Wall-clock seconds, and the child's peak resident memory in MiB (from wait4's rusage).
    duration: float = 0.0
    peak_rss_mib: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def summary_row(self, label: str) -> str:
        """The summary table's line for `label` (an operation or a stateful test)."""
        summary = self.stdout.rpartition("contract summary")[2]
        for line in summary.splitlines():
            if line.startswith(label + " "):
                return line
        raise AssertionError(f"no summary row for {label!r} in:\n{summary}")


RunHarness = Callable[..., HarnessRun]


class RunningHarness:
    """A harness subprocess still running: signal it, then `finish` it."""

    def __init__(self, command: list[str], environment: dict[str, str], directory: Path) -> None:
        self._out = (directory / "stdout.txt").open("w+", encoding="utf-8")
        self._err = (directory / "stderr.txt").open("w+", encoding="utf-8")
        self._junit = directory / "junit.xml"
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=environment, stdout=self._out, stderr=self._err
        )

    def wait_for(self, event: threading.Event, timeout: float = 120.0) -> bool:
        """Wait for `event` while the run goes on; False when the run ended (or time ran out)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if event.wait(0.05):
                return True
        return event.is_set()

    def interrupt(self) -> float:
        """Send SIGINT (a Ctrl-C); the monotonic time it was sent."""
        self.process.send_signal(signal.SIGINT)
        return time.monotonic()

    def finish(self, timeout: float = RUN_TIMEOUT_SECONDS) -> HarnessRun:
        killer = threading.Timer(timeout, self.process.kill)
        killer.start()
        try:
            # wait4 gives this child's own peak memory, not the largest of every child so far.
            _, status, usage = os.wait4(self.process.pid, 0)
        finally:
            killer.cancel()
        duration = time.monotonic() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self._out.seek(0)
        self._err.seek(0)
        run = HarnessRun(
            returncode=self.process.returncode,
            stdout=self._out.read(),
            stderr=self._err.read(),
            junit=self._junit.read_text(encoding="utf-8") if self._junit.exists() else "",
            duration=duration,
            # Linux reports ru_maxrss in KiB.
            peak_rss_mib=usage.ru_maxrss / 1024,
        )
        self._out.close()
        self._err.close()
        return run


StartHarness = Callable[..., RunningHarness]


@pytest.fixture
def serve() -> Iterator[Callable[[ASGIApp], str]]:
    """Serve apps on free ports for the test's duration; returns each one's base URL."""
    with ExitStack() as stack:
        yield lambda app: stack.enter_context(serve_in_thread(app))


@pytest.fixture
def start_harness(tmp_path: Path) -> StartHarness:
    """Start the harness as a person would, in a subprocess, with a small budget, a fixed seed."""
    runs = itertools.count()

    def start(
        *args: str,
        env: dict[str, str] | None = None,
        profile: str = "quick",
    ) -> RunningHarness:
        directory = tmp_path / f"run{next(runs)}"
        directory.mkdir()
        junit = directory / "junit.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "contract_tests",
            f"--hypothesis-seed={SEED}",
            f"--hypothesis-profile={profile}",
            f"--junitxml={junit}",
            "-p",
            "no:cacheprovider",
            # Plain asserts: pytest would otherwise rewrite (and, with PYTHONDONTWRITEBYTECODE set,
            # recompile on every run) all of schemathesis, for some five seconds per run.
            "--assert=plain",
            *args,
        ]
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("NUMBERS_API_KEY", "NUMBERS_API_SECRET", "HYPOTHESIS_PROFILE")
        }
        environment.update(env or {})
        return RunningHarness(command, environment, directory)

    return start


@pytest.fixture
def run_harness(start_harness: StartHarness) -> RunHarness:
    """Run the harness to its end (see `start_harness`)."""

    def run(*args: str, env: dict[str, str] | None = None, profile: str = "quick") -> HarnessRun:
        return start_harness(*args, env=env, profile=profile).finish()

    return run
