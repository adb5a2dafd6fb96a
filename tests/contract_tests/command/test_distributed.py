"""What xdist's controller and workers hand each other: the seed, and what was exercised."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from contract_tests.command.distributed import (
    add_suite_properties,
    exercised_property,
    hand_seed,
)
from contract_tests.reporting.coverage import merge_exercised
from contract_tests.run.options import WORKER_SEED
from contract_tests.tally.exercised import Exercised, OperationExercise

SEARCH = "GET /number/search"


def worker(*statuses: int, country: str = "GB") -> dict[str, Any]:
    exercised = Exercised()
    body = b'{"count": 1, "numbers": [{"msisdn": "447700900000"}]}'
    for status in statuses:
        exercised.record(
            SEARCH,
            f"http://t/number/search?country={country}",
            {},
            status,
            "application/json",
            body,
        )
    return {label: entry.to_json() for label, entry in exercised.by_label().items()}


def test_the_workers_exercise_adds_up() -> None:
    merged = merge_exercised(merge_exercised({}, worker(200, 400)), worker(200, country="US"))
    entry = OperationExercise.from_json(merged[SEARCH])
    assert entry.statuses_text() == "200x2 400x1"
    assert entry.json_answers == 3
    assert entry.judged == {"country": {"GB", "US"}}
    assert exercised_property(entry, None).startswith("statuses 200x2 400x1; json 3; xml 0")


def test_the_seed_goes_into_the_workers_input() -> None:
    workerinput: dict[str, Any] = {"workerid": "gw0"}
    hand_seed(workerinput, 1234)
    assert workerinput[WORKER_SEED] == 1234


def test_properties_are_added_to_the_junit_file(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
        '<testsuite name="pytest" tests="1"><testcase name="t"/></testsuite></testsuites>',
        encoding="utf-8",
    )
    add_suite_properties(junit, [(f"exercised {SEARCH}", "statuses 200x1"), ("stock", "none")])
    suite = ElementTree.parse(junit).getroot().find("testsuite")
    assert suite is not None
    found = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert found == {f"exercised {SEARCH}": "statuses 200x1", "stock": "none"}
    # Where JUnit readers look for them: first in the suite.
    assert suite[0].tag == "properties"
