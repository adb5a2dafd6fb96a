"""The detection report: one row per fault, honest totals, faults chosen by name."""

from __future__ import annotations

import pytest

from benchmarks.detection import (
    CleanRun,
    Detection,
    FaultRun,
    ci_max_examples,
    report,
    selected_faults,
)
from benchmarks.harness_runs import HarnessOutcome, SummaryRow
from benchmarks.schemathesis_runs import Failure, SchemathesisOutcome
from numbers_mock.faults import CATALOGUE, UnknownFaultError

NOISE = Failure("POST /number/cancel", "status_code_conformance", 420, "", 10.5)
PASSED = HarnessOutcome(0, 17.0, (SummaryRow("GET /number/search", 200, "passed", ()),))


def harness_caught(check: str, seconds: float) -> HarnessOutcome:
    return HarnessOutcome(1, seconds, (SummaryRow("GET /number/search", 3, "failed", (check,)),))


def plain(*failures: Failure) -> SchemathesisOutcome:
    return SchemathesisOutcome(1, 6.0, started_at=10.0, failures=failures)


def test_the_report_shows_catches_misses_and_totals() -> None:
    schema = Failure("GET /number/search", "response_schema_conformance", 200, "", 12.0)
    detection = Detection(60, clean=[CleanRun(PASSED, plain(NOISE))])
    detection.faults = [
        FaultRun(
            CATALOGUE["json-count-as-string"],
            harness_caught("response_schema_conformance", 8.0),
            plain(NOISE, schema),
            schema,
        ),
        FaultRun(CATALOGUE["buy-does-nothing"], HarnessOutcome(0, 20.0, ()), plain(NOISE), None),
    ]
    text = report(detection)
    assert "| 1 | passed | 17.0 s | 1 | 1 |" in text
    assert "- `POST /number/cancel` status_code_conformance on 420" in text
    assert (
        "| `json-count-as-string` | json-schema | response_schema_conformance | "
        "response_schema_conformance | 8.0 s | response_schema_conformance | 2.0 s |"
    ) in text
    assert (
        "| `buy-does-nothing` | silent-no-op | purchase_shows_up | **missed** | - | missed | - |"
        in text
    )
    assert (
        "harness: caught 1/2 (1 by the expected check), median time to first failure 8.0 s" in text
    )
    assert "false alarms on the unfaulted mock: 0/1" in text
    assert "plain schemathesis: caught 1/2" in text
    assert "failed on the unfaulted mock: 1/1" in text


def test_the_baseline_is_every_failure_on_the_unfaulted_mock() -> None:
    detection = Detection(60, clean=[CleanRun(PASSED, plain(NOISE)), CleanRun(PASSED, plain())])
    assert detection.baseline == {NOISE.signature}


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
