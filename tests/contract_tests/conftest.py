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

from numbers_mock import ServerOptions, create_app, make_test_certificate, serve_in_thread
from tests.summary_text import contract_summary

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
    # Wall-clock seconds, and the child's peak resident memory in MiB (its VmHWM, see PeakMemory).
    duration: float = 0.0
    peak_rss_mib: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def summary_row(self, label: str) -> str:
        """The summary table's line for `label` (an operation or a stateful test)."""
        summary = contract_summary(self.stdout)
        for line in summary.splitlines():
            if line.startswith(label + " "):
                return line
        raise AssertionError(f"no summary row for {label!r} in:\n{summary}")


RunHarness = Callable[..., HarnessRun]


class PeakMemory:
    """Watches a child's peak resident memory (`VmHWM` in /proc) until it exits.

    Not wait4's `ru_maxrss`: that counts the memory the child had before its exec, when it was
    still a copy of this pytest process (hundreds of MiB late in a full test run). `VmHWM` is the
    high-water mark of the harness's own image, so any reading after the peak gives the peak.
    """

    INTERVAL_SECONDS = 0.02

    def __init__(self, pid: int) -> None:
        self._status = Path(f"/proc/{pid}/status")
        self._stop = threading.Event()
        self.peak_kib = 0
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _read_kib(self) -> int | None:
        try:
            lines = self._status.read_text(encoding="ascii").splitlines()
        except OSError:
            return None  # reaped
        for line in lines:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return None  # exited (a zombie has no memory left to report)

    def _watch(self) -> None:
        while not self._stop.is_set():
            reading = self._read_kib()
            if reading is None:
                return
            self.peak_kib = max(self.peak_kib, reading)
            self._stop.wait(self.INTERVAL_SECONDS)

    def stop(self) -> float:
        """Stop watching; the peak in MiB."""
        self._stop.set()
        self._thread.join(timeout=5)
        return self.peak_kib / 1024


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
        self._memory = PeakMemory(self.process.pid)

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
            _, status = os.waitpid(self.process.pid, 0)
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
            peak_rss_mib=self._memory.stop(),
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


@dataclass(frozen=True)
class TlsTarget:
    """The mock served over TLS by a CA of its own (not one the system trusts)."""

    url: str
    ca_file: Path


@pytest.fixture
def tls_mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsTarget]:
    """The mock on 127.0.0.1 over HTTPS, its certificate signed by a throw-away CA (trustme)."""
    files = make_test_certificate(tmp_path_factory.mktemp("tls"))
    assert files.ca_file is not None
    app = create_app()
    try:
        with serve_in_thread(app, options=ServerOptions(tls=files)) as url:
            yield TlsTarget(url.rstrip("/"), files.ca_file)
    finally:
        app.close()


@dataclass(frozen=True)
class CommandRun:
    """What one run of the installed `numbers-contract` did."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


RunCommand = Callable[..., CommandRun]
# The console script of the interpreter running the tests (the project's virtualenv).
COMMAND = Path(sys.executable).parent / "numbers-contract"


@pytest.fixture
def run_command(tmp_path: Path) -> RunCommand:
    """Run the installed `numbers-contract` as a person would, from an empty folder, with the
    user's cache folder in the test's own temporary folder."""
    folder = tmp_path / "cwd"
    folder.mkdir()

    def run(*args: str, env: dict[str, str] | None = None) -> CommandRun:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("NUMBERS_API_KEY", "NUMBERS_API_SECRET", "HYPOTHESIS_PROFILE")
            and not key.startswith("HYPOTHESIS_STORAGE")
        }
        environment["XDG_CACHE_HOME"] = str(tmp_path / "cache")
        environment.update(env or {})
        done = subprocess.run(
            [str(COMMAND), *args],
            cwd=folder,
            env=environment,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_SECONDS,
            check=False,
        )
        return CommandRun(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def start_harness(tmp_path: Path) -> StartHarness:
    """Start the harness as a person would, in a subprocess, with a small budget, a fixed seed."""
    runs = itertools.count()

    def start(
        *args: str,
        env: dict[str, str] | None = None,
        profile: str = "quick",
        installed: bool = False,
    ) -> RunningHarness:
        directory = tmp_path / f"run{next(runs)}"
        directory.mkdir()
        junit = directory / "junit.xml"
        harness_options = [
            f"--hypothesis-seed={SEED}",
            f"--hypothesis-profile={profile}",
            f"--junit-xml={junit}",
            *args,
        ]
        pytest_options = [
            "-p",
            "no:cacheprovider",
            # Plain asserts: pytest would otherwise rewrite (and, with PYTHONDONTWRITEBYTECODE set,
            # recompile on every run) all of schemathesis, for some five seconds per run.
            "--assert=plain",
        ]
        # `numbers-contract` (the installed command: pytest's own options after `--`) or
        # `pytest contract_tests`, with the same harness options.
        command = (
            [str(COMMAND), *harness_options, "--", *pytest_options]
            if installed
            else [
                sys.executable,
                "-m",
                "pytest",
                "contract_tests",
                *harness_options,
                *pytest_options,
            ]
        )
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

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        profile: str = "quick",
        installed: bool = False,
    ) -> HarnessRun:
        return start_harness(*args, env=env, profile=profile, installed=installed).finish()

    return run
