"""A harness run's outcome (what caught a fault, where, a false alarm) and its command line."""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness_output import SetupStop, SummaryRow, load_record, record_rows
from benchmarks.harness_runs import MAX_PURCHASES, HarnessOutcome, harness_command
from tests.benchmarks.samples import PAGES_OVERLAP

ROWS = (
    SummaryRow("GET /account/numbers", 151, "passed", ()),
    SummaryRow("lifecycle (stateful)", 12, "failed", ("accounts_isolated",)),
    SummaryRow("GET /number/search", 208, "failed", ("not_a_server_error", "ignored_auth")),
    SummaryRow("POST /number/buy", 58, "failed; held back: 20, purchase cap", ("x",)),
    SummaryRow("POST /number/cancel", 78, "passed; held back: 3, purchase cap", ()),
)


def test_an_outcome_is_caught_by_its_first_failed_test() -> None:
    outcome = HarnessOutcome(1, 5.0, ROWS)
    assert outcome.caught
    assert outcome.caught_by == ("accounts_isolated",)
    assert outcome.caught_in == "lifecycle (stateful)"
    assert outcome.operation_cases == 151 + 208 + 58 + 78
    assert not HarnessOutcome(0, 5.0, ROWS).caught
    assert not HarnessOutcome(1, 5.0, ()).caught


def test_an_outcome_from_a_recorded_run() -> None:
    outcome = HarnessOutcome(1, 3.3, record_rows(load_record(PAGES_OVERLAP)))
    assert outcome.caught_by == ("pages_hold_each_number_once",)
    assert outcome.caught_in == "paging GET /number/search"


def test_a_stop_at_set_up_naming_a_check_is_a_catch_by_that_check() -> None:
    stop = SetupStop("the account could not be listed", ("positive_data_acceptance",))
    outcome = HarnessOutcome(1, 4.1, (), "output", stopped=stop)
    assert outcome.caught
    assert outcome.caught_by == ("positive_data_acceptance",)
    assert outcome.caught_in == "set-up"
    assert outcome.false_alarm


def test_a_stop_naming_no_check_is_no_catch_but_still_a_false_alarm() -> None:
    outcome = HarnessOutcome(1, 4.1, (), stopped=SetupStop("something else", ()))
    assert not outcome.caught
    assert outcome.caught_in == ""
    assert outcome.false_alarm
    assert not HarnessOutcome(0, 20.0, ()).false_alarm


def test_junit_times_of_the_fuzzing_tests() -> None:
    times = {"test_operation[GET /number/search]": 2.5, "test_lifecycle": 3.0}
    assert HarnessOutcome(0, 9.0, test_seconds=times).operation_seconds == 2.5


def test_the_command_names_the_target_and_stops_at_the_first_failure() -> None:
    command = harness_command(
        "http://127.0.0.1:1", "ci", stop_at_first_failure=True, record=Path("run.json")
    )
    assert "--json-report=run.json" in command
    assert command[1:5] == ["-m", "pytest", "contract_tests", "--target-url"]
    assert "--allow-purchases" in command and "-x" in command
    assert "--hypothesis-profile=ci" in command
    assert f"--max-purchases={MAX_PURCHASES}" in command
    assert "-x" not in harness_command("http://h", "ci", stop_at_first_failure=False)


def test_without_a_cap_the_command_keeps_the_harness_default() -> None:
    command = harness_command("http://h", "ci", stop_at_first_failure=True, max_purchases=None)
    assert "--allow-purchases" in command
    assert not any(part.startswith("--max-purchases") for part in command)
