"""Reading a harness run: the summary table, the failure notes, the JUnit times."""

from __future__ import annotations

from benchmarks.harness_runs import HarnessOutcome, harness_command, parse_junit, parse_summary

SUMMARY = """
============================== contract summary ===============================
target: http://127.0.0.1:1   profile: ci   seed: 1

operation                          cases  xml  result   failures by check
---------------------------------  -----  ---  -------  ---------------------------------------
example: deprecated app links      -      -    skipped  -
lifecycle (stateful)               12     0    failed   accounts_isolated: 1
GET /account/numbers               151    24   passed   -
GET /number/search                 208    17   failed   not_a_server_error: 2, ignored_auth: 1
paging GET /number/search          9      0    failed   -
pattern search GET /number/search  3      0    error    -

Failures (full details above, and in the JUnit report):
  paging GET /number/search:
    count changed while paging: [10, 10, 4]
  pattern search GET /number/search:
    KeyError: 'reach'
=========================== short test summary info ============================
"""


def test_rows_and_their_checks() -> None:
    rows = {row.label: row for row in parse_summary("noise\n" + SUMMARY)}
    assert rows["GET /account/numbers"].cases == 151
    assert not rows["GET /account/numbers"].failed
    assert rows["example: deprecated app links"].cases is None
    assert rows["lifecycle (stateful)"].caught_by == ("accounts_isolated",)
    assert rows["GET /number/search"].caught_by == ("not_a_server_error", "ignored_auth")
    assert rows["paging GET /number/search"].caught_by == ("paging walk",)
    assert rows["pattern search GET /number/search"].caught_by == ("error (KeyError: 'reach')",)


def test_an_outcome_is_caught_by_its_first_failed_test() -> None:
    outcome = HarnessOutcome(1, 5.0, parse_summary(SUMMARY))
    assert outcome.caught
    assert outcome.caught_by == ("accounts_isolated",)
    assert outcome.operation_cases == 151 + 208
    assert not HarnessOutcome(0, 5.0, parse_summary(SUMMARY)).caught
    assert not HarnessOutcome(1, 5.0, ()).caught
    assert parse_summary("no table here") == ()


def test_junit_times_by_test_name() -> None:
    report = (
        '<testsuites><testsuite><testcase name="test_operation[GET /number/search]" time="2.5"/>'
        '<testcase name="test_lifecycle" time="3.0"/></testsuite></testsuites>'
    )
    times = parse_junit(report)
    assert times == {"test_operation[GET /number/search]": 2.5, "test_lifecycle": 3.0}
    assert HarnessOutcome(0, 9.0, test_seconds=times).operation_seconds == 2.5


def test_the_command_names_the_target_and_stops_at_the_first_failure() -> None:
    command = harness_command("http://127.0.0.1:1", "ci", stop_at_first_failure=True)
    assert command[1:5] == ["-m", "pytest", "contract_tests", "--target-url"]
    assert "--allow-purchases" in command and "-x" in command
    assert "--hypothesis-profile=ci" in command
    assert "-x" not in harness_command("http://h", "ci", stop_at_first_failure=False)
