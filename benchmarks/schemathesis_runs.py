"""Run plain `schemathesis run`, as a new user would, and read what it found from its event log.

Plain means the CLI's defaults (every built-in check, positive and negative cases) plus what any run
needs: the document, the URL, the credentials and the same case budget as the harness. It runs in
an empty folder, so this repository's `schemathesis.toml` (the harness's tuning) is not picked up.

On this API plain schemathesis fails even on a correct server: the real service (and so the mock)
answers 400 and 420 where the document lists neither. A run's failures are therefore compared with
the failures of runs against the unfaulted mock (`Failure.signature`), and those statuses are
forgiven outright: only a failure never seen there, and not one of those, is a catch. This credits
plain schemathesis with knowledge it does not have on its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.targets import PRIMARY

__all__ = [
    "Failure",
    "SchemathesisOutcome",
    "read_events",
    "run_schemathesis",
    "schemathesis_command",
]

DOCUMENT = Path(__file__).resolve().parent.parent / "openapi" / "numbers-api.json"
RUN_TIMEOUT = 600.0

Signature = tuple[str, str, int]
# The real service's statuses that the document does not list (schemathesis.toml and
# contract_tests/run/loading.py say why): 400 with field errors anywhere, 420 from buy, cancel and
# update. A plain run reports them on a correct server; however many unfaulted runs came before,
# one of them may show up for the first time later, so they never count as a catch.
_STATUS_CHECKS = frozenset({"status_code_conformance", "positive_data_acceptance"})
_DEVIATIONS = {
    "GET /account/numbers": frozenset({400}),
    "GET /number/search": frozenset({400}),
    "POST /number/buy": frozenset({400, 420}),
    "POST /number/cancel": frozenset({400, 420}),
    "POST /number/update": frozenset({400, 420}),
}


@dataclass(frozen=True)
class Failure:
    """One failed check on one test case."""

    operation: str
    check: str
    status: int
    title: str
    timestamp: float

    @property
    def signature(self) -> Signature:
        """What makes two failures the same finding: operation, check, and the status answered."""
        return (self.operation, self.check, self.status)

    @property
    def known_deviation(self) -> bool:
        """A status the real service is known to answer, reported as if it were a fault."""
        return self.check in _STATUS_CHECKS and self.status in _DEVIATIONS.get(
            self.operation, frozenset()
        )


@dataclass(frozen=True)
class SchemathesisOutcome:
    """One run: exit code, wall time, when it started (wall clock), cases, failures in order."""

    returncode: int
    seconds: float
    started_at: float
    cases: int = 0
    engine_seconds: float = 0.0
    failures: tuple[Failure, ...] = field(default_factory=tuple)
    output: str = ""

    def first_new(self, known: Iterable[Signature]) -> Failure | None:
        """The first failure neither in `known` (the unfaulted mock's) nor a known deviation."""
        seen = set(known)
        return next(
            (f for f in self.failures if f.signature not in seen and not f.known_deviation), None
        )

    def seconds_until(self, failure: Failure) -> float:
        """From launching the CLI to sending the request that failed."""
        return failure.timestamp - self.started_at


def schemathesis_command(
    url: str, max_examples: int, events: Path, extra: Sequence[str] = ()
) -> list[str]:
    """The CLI command line of one plain run (`extra` options appended)."""
    # The CLI installed beside this interpreter (a venv's bin/), as the user of that venv runs it.
    beside = Path(sys.executable).parent / "schemathesis"
    executable = str(beside) if beside.exists() else shutil.which("schemathesis") or "schemathesis"
    return [
        executable,
        "run",
        str(DOCUMENT),
        "--url",
        url,
        "--auth",
        ":".join(PRIMARY),
        "--max-examples",
        str(max_examples),
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(events),
        "--no-color",
        *extra,
    ]


def run_schemathesis(url: str, max_examples: int, extra: Sequence[str] = ()) -> SchemathesisOutcome:
    """Run the CLI against `url` in an empty folder; read its events when it is done."""
    with tempfile.TemporaryDirectory(prefix="plain-schemathesis-") as folder:
        events = Path(folder) / "events.ndjson"
        started_at = time.time()
        started = time.perf_counter()
        completed = subprocess.run(
            schemathesis_command(url, max_examples, events, extra),
            cwd=folder,
            env={**os.environ, "NO_COLOR": "1"},
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        seconds = time.perf_counter() - started
        cases, engine_seconds, failures = (
            read_events(events.read_text(encoding="utf-8").splitlines())
            if events.exists()
            else (0, 0.0, ())
        )
    return SchemathesisOutcome(
        completed.returncode,
        seconds,
        started_at,
        cases,
        engine_seconds,
        failures,
        completed.stdout + completed.stderr,
    )


def read_events(lines: Iterable[str]) -> tuple[int, float, tuple[Failure, ...]]:
    """From an NDJSON event log: test cases, the engine's running time, failures by time."""
    cases = 0
    engine_seconds = 0.0
    failures: list[Failure] = []
    for line in lines:
        if not line.strip():
            continue
        event: Mapping[str, Any] = json.loads(line)
        if "EngineFinished" in event:
            engine_seconds = float(event["EngineFinished"].get("running_time", 0.0))
        scenario = event.get("ScenarioFinished")
        if scenario is None:
            continue
        recorder = scenario.get("recorder", {})
        cases += len(recorder.get("cases", {}))
        failures += _failures(recorder)
    return cases, engine_seconds, tuple(sorted(failures, key=lambda f: f.timestamp))


def _failures(recorder: Mapping[str, Any]) -> Iterator[Failure]:
    interactions: Mapping[str, Any] = recorder.get("interactions", {})
    for case_id, checks in recorder.get("checks", {}).items():
        interaction = interactions.get(case_id) or {}
        response = interaction.get("response") or {}
        for check in checks:
            if check.get("status") != "failure":
                continue
            failure = (check.get("failure_info") or {}).get("failure") or {}
            yield Failure(
                operation=str(failure.get("operation") or recorder.get("label", "")),
                check=str(check.get("name")),
                status=int(response.get("status_code") or 0),
                title=str(failure.get("title", "")),
                timestamp=float(interaction.get("timestamp") or 0.0),
            )
