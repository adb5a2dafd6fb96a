"""Fixtures for testing the harness: apps served on real ports, harness runs in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture
def serve() -> Iterator[Callable[[ASGIApp], str]]:
    """Serve apps on free ports for the test's duration; returns each one's base URL."""
    with ExitStack() as stack:
        yield lambda app: stack.enter_context(serve_in_thread(app))


@pytest.fixture
def run_harness(tmp_path: Path) -> RunHarness:
    """Run the harness as a person would, in a subprocess, with a small budget and a fixed seed."""

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        profile: str = "quick",
    ) -> HarnessRun:
        junit = tmp_path / "junit.xml"
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
        completed = subprocess.run(
            command,
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_SECONDS,
            check=False,
        )
        return HarnessRun(
            returncode=completed.returncode,
            stdout=completed.stdout,
            stderr=completed.stderr,
            junit=junit.read_text(encoding="utf-8") if junit.exists() else "",
        )

    return run
