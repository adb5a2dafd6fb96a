"""The client's own tests, run on a client generated from the new document before it is written.

A new document may legitimately break tests written for the old models (a field removed, a
parameter renamed): the person reviewing the update must see which, in its report, before merging.
The suite is tests/generated_client (about 800 tests, a few seconds): it exercises every
generated function and model through an in-process fake service. It runs in a child interpreter
with the new client first on its path and the new document named in DOCUMENT_VARIABLE (its
helpers read the document the client was generated from, not the one still vendored), with a time
limit, and its JUnit record says what failed. A test module that cannot even be imported (a model
the new client no longer has) is named with its error, and the other modules still run.
"""

from __future__ import annotations

import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from spec_update.bounded import last_line, run_bounded

TIME_LIMIT_SECONDS = 120.0
SHOWN_FAILURES = 30
# The new document, for tests/generated_client/support.py.
DOCUMENT_VARIABLE = "NUMBERS_CLIENT_TESTS_DOCUMENT"

# Puts the new client first on the path, proves it is the one imported, then runs pytest.
RUNNER = """
import sys
client, tests, record = sys.argv[1:4]
sys.path.insert(0, client)
import numbers_api_client
if not numbers_api_client.__file__.startswith(client):
    sys.exit(f"imported {numbers_api_client.__file__}, not the new client under {client}")
import pytest
sys.exit(pytest.main([
    tests, "-q", "-p", "no:cacheprovider", "--continue-on-collection-errors", "--junitxml", record
]))
"""


@dataclass(frozen=True)
class ClientTestRun:
    """What the client's tests said about the new client. `ran` is False when there was no suite
    to run (a copy of the repository without tests/), `problem` when it could not finish."""

    ran: bool
    passed: int = 0
    failed: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    problem: str = ""

    def summary(self) -> str:
        if not self.ran:
            return "not run: this checkout has no tests/generated_client"
        if self.problem:
            return f"could not finish: {self.problem}"
        verdict = f"{self.passed} passed, {len(self.failed)} failed"
        return f"{verdict} on the new client ({self.seconds:.1f} s)"


def run_client_tests(
    root: Path,
    tests: Path,
    client: Path,
    *,
    document: Path | None = None,
    limit: float = TIME_LIMIT_SECONDS,
) -> ClientTestRun:
    """Run the suite at `tests` (inside the checkout `root`) on the client project at `client`,
    generated from `document` (None: the vendored one)."""
    if not tests.is_dir():
        return ClientTestRun(ran=False)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="spec-update-tests-") as scratch:
        record = Path(scratch) / "junit.xml"
        command = [sys.executable, "-c", RUNNER, str(client), str(tests), str(record)]
        variables = {DOCUMENT_VARIABLE: str(document)} if document is not None else {}
        result = run_bounded(command, cwd=root, variables=variables, limit=limit)
        if result is None:
            return ClientTestRun(ran=True, problem=f"no result within {limit:g} s")
        seconds = time.monotonic() - started
        if not record.is_file():
            return ClientTestRun(ran=True, seconds=seconds, problem=last_line(result))
        passed, failed = read_record(record)
    return ClientTestRun(ran=True, passed=passed, failed=tuple(failed), seconds=seconds)


def read_record(record: Path) -> tuple[int, list[str]]:
    """(passed, ids of the tests that failed or erred) from a pytest JUnit XML record; a module
    that could not be collected is named with the last line of its error."""
    passed, failed = 0, []
    for case in ElementTree.parse(record).getroot().iter("testcase"):
        outcome = {child.tag for child in case}
        classname, name = case.get("classname", ""), case.get("name", "")
        if not classname and outcome == {"error"}:
            # pytest writes a collection error as a case named after the dotted module.
            failed.append(f"{_module_path(name)} could not be collected: {_last_error(case)}")
        elif outcome & {"failure", "error"}:
            failed.append(_test_id(classname, name))
        elif "skipped" not in outcome:
            passed += 1
    return passed, failed


def _module_path(dotted: str) -> str:
    return dotted.replace(".", "/") + ".py"


def _last_error(case: ElementTree.Element) -> str:
    """The exception line of a collection error's report (`E   ImportError: ...`)."""
    error = case.find("error")
    text = (error.text or "") if error is not None else ""
    reported = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    return reported[-1] if reported else "unknown error"


def _test_id(classname: str, name: str) -> str:
    """`tests/generated_client/test_models.py::test_x` from JUnit's dotted class name."""
    parts = classname.split(".")
    for cut in range(len(parts), 0, -1):
        if parts[cut - 1].startswith("test_"):
            module = "/".join(parts[:cut]) + ".py"
            return "::".join([module, *parts[cut:], name])
    return f"{classname}::{name}"
