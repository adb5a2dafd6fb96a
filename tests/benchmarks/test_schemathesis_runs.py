"""Reading a plain schemathesis run from its NDJSON events; what counts as a catch."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.schemathesis_runs import (
    Failure,
    SchemathesisOutcome,
    read_events,
    schemathesis_command,
)


def scenario(label: str, checks: list[tuple[str, str, int, float]]) -> str:
    """One ScenarioFinished event: a case per check (name, status, answer status, time)."""
    cases: dict[str, object] = {}
    results: dict[str, object] = {}
    interactions: dict[str, object] = {}
    for number, (name, status, code, when) in enumerate(checks):
        case = f"c{number}"
        cases[case] = {"value": {}}
        result: dict[str, object] = {"name": name, "status": status}
        if status == "failure":
            result["failure_info"] = {"failure": {"operation": label, "title": f"{name} failed"}}
        results[case] = [result]
        interactions[case] = {"response": {"status_code": code}, "timestamp": when}
    recorder = {"label": label, "cases": cases, "checks": results, "interactions": interactions}
    return json.dumps({"ScenarioFinished": {"recorder": recorder}})


EVENTS = [
    json.dumps({"Initialize": {"seed": 1}}),
    scenario(
        "GET /number/search",
        [
            ("not_a_server_error", "success", 200, 100.5),
            ("response_schema_conformance", "failure", 200, 100.9),
            ("status_code_conformance", "failure", 400, 100.2),
        ],
    ),
    scenario("POST /number/buy", [("positive_data_acceptance", "failure", 404, 100.7)]),
    "",
    json.dumps({"EngineFinished": {"running_time": 2.5}}),
]


def test_events_give_cases_time_and_failures_in_order() -> None:
    cases, seconds, failures = read_events(EVENTS)
    assert (cases, seconds) == (4, 2.5)
    assert [f.signature for f in failures] == [
        ("GET /number/search", "status_code_conformance", 400),
        ("POST /number/buy", "positive_data_acceptance", 404),
        ("GET /number/search", "response_schema_conformance", 200),
    ]


def test_a_catch_is_a_failure_the_unfaulted_mock_never_gave() -> None:
    _, _, failures = read_events(EVENTS)
    outcome = SchemathesisOutcome(1, 3.0, started_at=99.0, failures=failures)
    # The 400 is a known deviation of the real service: never a catch.
    assert outcome.first_new(()) == failures[1]
    baseline = {("POST /number/buy", "positive_data_acceptance", 404)}
    caught = outcome.first_new(baseline)
    assert caught is not None and caught.check == "response_schema_conformance"
    assert round(outcome.seconds_until(caught), 1) == 1.9
    assert outcome.first_new({f.signature for f in failures}) is None


def test_known_deviations_are_the_documented_statuses_only() -> None:
    def failure(operation: str, check: str, status: int) -> Failure:
        return Failure(operation, check, status, "", 0.0)

    assert failure("POST /number/cancel", "status_code_conformance", 420).known_deviation
    assert failure("GET /number/search", "positive_data_acceptance", 400).known_deviation
    assert not failure("GET /number/search", "status_code_conformance", 420).known_deviation
    assert not failure("POST /number/buy", "not_a_server_error", 420).known_deviation


def test_the_command_is_plain() -> None:
    command = schemathesis_command("http://h", 60, Path("events.ndjson"))
    assert command[1:3] == [
        "run",
        str(Path(__file__).resolve().parents[2] / "openapi" / "numbers-api.json"),
    ]
    assert "--checks" not in command and "--max-examples" in command
    assert command[-1] == "--no-color"
    assert schemathesis_command("http://h", 60, Path("e"), ["--continue-on-failure"])[-1] == (
        "--continue-on-failure"
    )
