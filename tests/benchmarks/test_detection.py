"""The detection records: what counts as a catch, a false alarm and its replay, faults by name."""

from __future__ import annotations

import pytest

from benchmarks.detection import (
    CleanRun,
    Detection,
    FaultRun,
    ci_max_examples,
    false_alarm_text,
    selected_faults,
)
from benchmarks.detection_modes import REAL_TARGET, SEEDED
from benchmarks.harness_output import SetupStop, SummaryRow
from benchmarks.harness_runs import HarnessOutcome
from benchmarks.schemathesis_runs import Failure, SchemathesisOutcome
from numbers_mock.faults import CATALOGUE, UnknownFaultError

NOISE = Failure("POST /number/cancel", "status_code_conformance", 420, "", 10.5)
PASSED = HarnessOutcome(0, 17.0, (SummaryRow("GET /number/search", 200, "passed", ()),), seed=7)


def plain(*failures: Failure) -> SchemathesisOutcome:
    return SchemathesisOutcome(1, 6.0, started_at=10.0, failures=failures)


def test_the_baseline_is_every_failure_on_the_unfaulted_mock() -> None:
    detection = Detection(
        SEEDED, 60, clean=[CleanRun(PASSED, plain(NOISE)), CleanRun(PASSED, plain())]
    )
    assert detection.baseline == {NOISE.signature}
    assert detection.false_alarms == []


def test_a_false_alarm_says_what_fired_where_and_its_seed() -> None:
    fired = HarnessOutcome(
        1, 21.0, (SummaryRow("GET /number/search", 9, "failed", ("json_xml_agree",)),), seed=42
    )
    detection = Detection(
        REAL_TARGET, 60, clean=[CleanRun(PASSED, plain()), CleanRun(fired, plain())]
    )
    assert [run.harness for run in detection.false_alarms] == [fired]
    assert false_alarm_text(fired) == "false alarm: json_xml_agree in GET /number/search, seed 42"
    # A failed exit that names nothing is a false alarm too, said as such.
    unnamed = HarnessOutcome(3, 2.0)
    assert false_alarm_text(unnamed) == "false alarm: exit 3, no check named, seed unknown"


def test_a_stop_at_set_up_is_caught_by_the_check_it_names() -> None:
    stop = SetupStop("the account could not be listed", ("positive_data_acceptance",))
    run = FaultRun(
        CATALOGUE["answers-400-to-everything"],
        HarnessOutcome(1, 4.1, (), stopped=stop),
        plain(),
        None,
    )
    assert run.harness.caught
    assert run.expected_check_caught
    assert not run.both_caught
    assert run.plain_seconds is None


def test_plain_time_is_until_its_first_new_failure() -> None:
    schema = Failure("GET /number/search", "response_schema_conformance", 200, "", 12.5)
    caught = HarnessOutcome(
        1, 8.0, (SummaryRow("GET /number/search", 3, "failed", ("response_schema_conformance",)),)
    )
    run = FaultRun(CATALOGUE["json-count-as-string"], caught, plain(NOISE, schema), schema)
    assert run.both_caught
    assert run.plain_seconds == pytest.approx(2.5)


def test_faults_are_chosen_by_name() -> None:
    assert len(selected_faults(None)) == len(CATALOGUE)
    assert [f.name for f in selected_faults(" auth-ignored, pages-overlap ,")] == [
        "auth-ignored",
        "pages-overlap",
    ]
    with pytest.raises(UnknownFaultError):
        selected_faults("auth-ignored,nope")


def test_both_tools_get_the_ci_budget() -> None:
    assert ci_max_examples() == 60
