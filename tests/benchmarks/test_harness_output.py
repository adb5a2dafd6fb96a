"""Reading a harness run from its JSON run record: the tests and their checks, a stop at set-up,
the seed; and the JUnit times. The records in data/ were written by real runs
(`benchmarks.harness_runs.harness_command` against the mock with a fault)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs
import pytest

from benchmarks.harness_output import (
    load_record,
    parse_junit,
    record_first_failure,
    record_rows,
    record_seed,
    record_setup_stop,
)
from contract_tests.reporting.record import load_schema
from tests.benchmarks.samples import PAGES_OVERLAP, SNAPSHOT_REFUSED


@pytest.mark.parametrize("path", [PAGES_OVERLAP, SNAPSHOT_REFUSED], ids=lambda p: p.stem)
def test_the_recorded_samples_are_records_of_the_published_schema(path: Path) -> None:
    # A sample that no longer fits the schema is stale: record it again.
    jsonschema_rs.validate(load_schema(), json.loads(path.read_text(encoding="utf-8")))


def test_rows_and_their_checks() -> None:
    rows = {row.label: row for row in record_rows(load_record(PAGES_OVERLAP))}
    paging = rows["paging GET /number/search"]
    assert paging.failed
    # The paging walk's rule by its registry id, as the benchmark's expectations name it.
    assert paging.caught_by == ("pages_hold_each_number_once",)
    search = rows["pattern search GET /number/search"]
    assert not search.failed and search.cases is not None and search.cases > 0
    assert rows["example: deprecated app links are applications"].result == "skipped"
    assert record_setup_stop(load_record(PAGES_OVERLAP)) is None
    assert record_seed(load_record(PAGES_OVERLAP)) == 20261127


def test_a_stop_at_set_up_names_its_check() -> None:
    record = load_record(SNAPSHOT_REFUSED)
    stop = record_setup_stop(record)
    assert stop is not None
    assert stop.checks == ("positive_data_acceptance",)
    assert stop.reason.startswith("the account could not be listed before the run")
    assert record_rows(record) == ()


def test_a_run_without_a_record_has_no_rows(tmp_path: Path) -> None:
    assert load_record(tmp_path / "none.json") is None
    assert record_rows(None) == () and record_setup_stop(None) is None
    assert record_seed(None) is None


def test_a_record_of_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text(json.dumps({"record_version": 99}), encoding="utf-8")
    with pytest.raises(ValueError, match="run record version 99"):
        load_record(path)


def test_junit_times_by_test_name() -> None:
    report = (
        '<testsuites><testsuite><testcase name="test_operation[GET /number/search]" time="2.5"/>'
        '<testcase name="test_lifecycle" time="3.0"/></testsuite></testsuites>'
    )
    assert parse_junit(report) == {
        "test_operation[GET /number/search]": 2.5,
        "test_lifecycle": 3.0,
    }


def test_the_requests_before_the_first_failure_are_read_from_the_record() -> None:
    record = load_record(PAGES_OVERLAP)
    assert record is not None
    # Recorded before the field existed: it is optional, and then unknown.
    assert record_first_failure(record) is None
    record["safety"]["first_failure_after"] = 12
    jsonschema_rs.validate(load_schema(), record)
    assert record_first_failure(record) == 12
    assert record_first_failure(None) is None
