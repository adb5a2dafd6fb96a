"""Two whole runs of the installed `numbers-contract`, from a folder that is not the checkout: a
passing one on the embedded mock in two xdist workers and a failing one against the mock with a
fault. Their terminal output, JSON run records and HTML reports are what a user gets.

The screenshots of both reports are kept as test artefacts in `reports/` (the one of the failing
run is docs/images/contract-report.png).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from contract_tests.judging.document import documented_statuses
from contract_tests.reporting.record import RECORD_VERSION, load_schema
from numbers_mock import PRIMARY_ACCOUNT, create_app, serve_in_thread
from numbers_mock.faults import fault_variant
from tests.contract_tests.browser import elements, laid_out_width, png_colours, render
from tests.contract_tests.conftest import REPO_ROOT, SEED

COMMAND = Path(sys.executable).with_name("numbers-contract")
VIEWPORT = 1280
ARTEFACTS = REPO_ROOT / "reports"
FAULT = "crash-on-invalid-pattern"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    record: dict[str, Any]
    html: Path


def run_command(
    folder: Path,
    *args: str,
    env: dict[str, str] | None = None,
    pytest_args: tuple[str, ...] = (),
) -> Run:
    """`numbers-contract ARGS -- PYTEST_ARGS` in `folder`, writing its JSON and HTML reports
    there."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("NUMBERS_") and key != "HYPOTHESIS_PROFILE"
    }
    environment.update(env or {})
    folder.mkdir()
    completed = subprocess.run(
        [
            str(COMMAND),
            *args,
            "--hypothesis-profile=quick",
            f"--hypothesis-seed={SEED}",
            "--json-report=run.json",
            "--html-report=run.html",
            "--",
            "--assert=plain",
            *pytest_args,
        ],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return Run(
        completed.returncode, completed.stdout, completed.stderr, record, folder / "run.html"
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    folder = tmp_path_factory.mktemp("runs")
    passing = run_command(folder / "passing", "-k", "search", pytest_args=("-n", "2"))
    with serve_in_thread(create_app(variant=fault_variant([FAULT]))) as url:
        failing = run_command(
            folder / "failing",
            "--target-url",
            url,
            "--rate-limit",
            "none",
            "-k",
            "search",
            env={
                "NUMBERS_API_KEY": PRIMARY_ACCOUNT.api_key,
                "NUMBERS_API_SECRET": PRIMARY_ACCOUNT.api_secret,
            },
        )
    yield {"passing": passing, "failing": failing}


def test_a_failing_run_prints_one_finding_block_a_user_can_act_on(runs: dict[str, Run]) -> None:
    run = runs["failing"]
    assert run.returncode == 1, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert output.count("Finding 1: [not_a_server_error] GET /number/search") == 1
    assert "Finding 2:" not in output
    block = output.partition("Finding 1: ")[2].partition("\n\n")[0]
    assert "rule:     No request is answered with a 5xx." in block
    assert "request:  GET http://127.0.0.1:" in block and "/number/search?" in block
    assert "answer:   500 text/plain" in block
    curl = next(line for line in block.splitlines() if line.strip().startswith("curl:"))
    assert '-u "$NUMBERS_API_KEY:$NUMBERS_API_SECRET"' in curl
    replay = next(line for line in block.splitlines() if line.strip().startswith("replay:"))
    assert replay.split(":", 1)[1].strip().startswith("numbers-contract --target-url=http://")
    assert "--rate-limit=none" in replay and f"--hypothesis-seed {SEED}" in replay
    assert "site-packages" not in replay
    for noise in ("Traceback", "Exception Group", "reproduce_failure", "Falsifying example"):
        assert noise not in output
    assert PRIMARY_ACCOUNT.api_secret not in output


def test_the_run_records_validate_against_the_published_schema(runs: dict[str, Run]) -> None:
    validator = jsonschema_rs.validator_for(load_schema())
    for name, run in runs.items():
        errors = [error.message for error in validator.iter_errors(run.record)]
        assert errors == [], name
        assert run.record["record_version"] == RECORD_VERSION
    # The schema holds: a record without its version, or with an unknown outcome, is refused.
    broken = {key: value for key, value in runs["passing"].record.items()}
    del broken["record_version"]
    assert not validator.is_valid(broken)
    assert runs["passing"].record["verdict"]["passed"] is True
    failing = runs["failing"].record
    assert failing["command"][0] == "numbers-contract"
    assert failing["command"][1] == f"--target-url={failing['target']}"
    assert failing["verdict"]["passed"] is False
    (finding,) = failing["findings"]
    assert finding["check"] == "not_a_server_error"
    assert finding["answer"]["status"] == 500
    assert finding["replays"]["curl"].startswith("curl ")
    assert finding["tests"][0] == "GET /number/search"


def test_under_xdist_the_record_adds_up_what_the_workers_sent(runs: dict[str, Run]) -> None:
    run = runs["passing"]
    assert run.returncode == 0, run.stdout + run.stderr
    record = run.record
    # The controller sent nothing itself: every count here came from the workers.
    assert record["safety"]["sent"] > 0
    assert record["safety"]["sent"] == record["safety"]["answered"]
    assert "requests (the xdist workers' added up): " in run.stdout
    assert "Exercised (every answer of the run, whoever sent it):" in run.stdout
    search = next(e for e in record["coverage"] if e["operation"] == "GET /number/search")
    seen = {cell["status"]: cell["seen"] for cell in search["cells"]}
    assert seen["200"] > 0 and seen["400"] > 0
    judged = {check["id"]: check["judged"] for check in record["checks"]}
    assert judged["response_schema_conformance"] and judged["results_match_filters"]
    labels = {test["label"] for test in record["tests"]}
    assert {"GET /number/search", "paging GET /number/search"} <= labels


def _matrix_cells(dom: str) -> dict[tuple[str, str], str]:
    return {
        (element.attributes["data-operation"], element.attributes["data-status"]): element.text
        for element in elements(dom)
        if element.tag == "td" and "data-operation" in element.attributes
    }


@pytest.mark.parametrize("name", ["passing", "failing"])
def test_the_report_renders_every_field_cell_and_finding(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    rendered = render(run.html, window=f"{VIEWPORT},2400")
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / f"contract-report-{name}.png").write_bytes(rendered.png)
    assert len(png_colours(rendered.png)) > 8
    found = elements(rendered.dom)
    by_id = {element.attributes["id"]: element for element in found if "id" in element.attributes}
    record = run.record
    # The header: date, duration, versions, the verdict in one line.
    assert by_id["run-date"].text == record["started"]
    assert by_id["run-duration"].text == f"{record['duration_seconds']:.1f} s"
    for tool in ("schemathesis", "hypothesis", "Python"):
        assert tool in by_id["run-versions"].text
    assert by_id["verdict"].text == record["verdict"]["line"]
    assert by_id["verdict"].text.startswith("PASSED" if name == "passing" else "FAILED")
    # Every operation by every documented status, as the record counted it.
    cells = _matrix_cells(rendered.dom)
    for operation, statuses in documented_statuses().items():
        entry = next(e for e in record["coverage"] if e["operation"] == operation)
        counted = {cell["status"]: cell for cell in entry["cells"]}
        for status in statuses:
            text = cells[(operation, status)]
            cell = counted[status]
            if cell["state"] == "never seen":
                assert text == "never seen"
            else:
                assert f"seen: {cell['seen']}" in text
    searched = {s: c for (o, s), c in cells.items() if o == "GET /number/search"}
    assert searched["200"].startswith("seen: ")
    # Every finding is a block, linked from its test's row, and linking back to it.
    blocks = [e for e in found if e.tag == "section" and "finding" in e.attributes.get("class", "")]
    assert len(blocks) == len(record["findings"]) == (0 if name == "passing" else 1)
    links = {e.attributes["href"] for e in found if e.tag == "a" and "href" in e.attributes}
    for block, finding in zip(blocks, record["findings"], strict=True):
        assert f"#{block.attributes['id']}" in links
        assert finding["replays"]["curl"] in block.text
        assert finding["replays"]["command"] in block.text
        assert f"[{finding['check']}]" in block.text
    if name == "failing":
        failed_row = next(
            e for e in found if e.tag == "tr" and e.attributes.get("class") == "failed"
        )
        assert "finding 1" in failed_row.text
    # Nothing overflows the window.
    assert laid_out_width(run.html, VIEWPORT) <= VIEWPORT
