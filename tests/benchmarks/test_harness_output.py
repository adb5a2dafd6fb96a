"""Reading a harness run's output: the summary table, the failure notes, a stop at set-up, the
seed, the JUnit times."""

from __future__ import annotations

from benchmarks.harness_output import (
    parse_first_failure,
    parse_junit,
    parse_seed,
    parse_setup_stop,
    parse_summary,
)

SUMMARY = """
============================== contract summary ===============================
target: http://127.0.0.1:1   profile: ci   seed: 1

operation                          cases  xml  result                               failures by check
---------------------------------  -----  ---  -----------------------------------  --------------------------------------
example: deprecated app links      -      -    skipped                              -
lifecycle (stateful)               12     0    failed                               accounts_isolated: 1
GET /account/numbers               151    24   passed                               -
GET /number/search                 208    17   failed                               not_a_server_error: 2, ignored_auth: 1
POST /number/buy                   58     2    failed; held back: 20, purchase cap  not_a_server_error: 1
POST /number/cancel                78     8    passed; held back: 3, purchase cap   -
paging GET /number/search          9      0    failed                               -
pattern search GET /number/search  3      0    error                                -

Failures (full details above, and in the JUnit report):
  paging GET /number/search:
    count changed while paging: [10, 10, 4]
  pattern search GET /number/search:
    KeyError: 'reach'
=========================== short test summary info ============================
"""  # noqa: E501

# What a run against a server answering 400 to everything printed at its end, as it was.
SNAPSHOT_REFUSED = (
    "contract seed: 1847055359 (profile ci); buy/cancel/update allowed, at most 2 purchases\n"
    "collecting ... collected 12 items\n\n"
    "contract_tests/suite/test_examples.py::test_deprecated_app_links_count_as_applications \n\n"
    "=============================== contract summary ===============================\n\n"
    "requests: 1 sent, 1 answered, 0 without an answer; throttled (429): 0, waited 0.0 s; "
    "rate limit waits 0.0 s\n"
    "clean-up: not run; may be left owned: nothing\n"
    "============================ no tests ran in 4.10s =============================\n"
    "! _pytest.outcomes.Exit: the account could not be listed before the run (the snapshot "
    "that keeps its numbers safe), so nothing was changed: [positive_data_acceptance] GET "
    "/account/numbers answered 400 to a request valid by the document and by the 400 oracle "
    '(refusals.py) (answer: \'{"request":"Is invalid."}\') !\n'
)


def test_rows_and_their_checks() -> None:
    rows = {row.label: row for row in parse_summary("noise\n" + SUMMARY)}
    assert rows["GET /account/numbers"].cases == 151
    assert not rows["GET /account/numbers"].failed
    assert rows["example: deprecated app links"].cases is None
    assert rows["lifecycle (stateful)"].caught_by == ("accounts_isolated",)
    assert rows["GET /number/search"].caught_by == ("not_a_server_error", "ignored_auth")
    assert rows["paging GET /number/search"].caught_by == ("paging walk",)
    assert rows["pattern search GET /number/search"].caught_by == ("error (KeyError: 'reach')",)


def test_a_result_with_held_back_cases_keeps_its_outcome() -> None:
    rows = {row.label: row for row in parse_summary(SUMMARY)}
    assert rows["POST /number/buy"].failed
    assert rows["POST /number/buy"].caught_by == ("not_a_server_error",)
    assert not rows["POST /number/cancel"].failed


def test_a_stop_at_set_up_names_its_check() -> None:
    stop = parse_setup_stop(SNAPSHOT_REFUSED)
    assert stop is not None
    assert stop.checks == ("positive_data_acceptance",)
    assert stop.reason.startswith("the account could not be listed before the run")
    # The table's rows are absent: only the stop says what was found.
    assert parse_summary(SNAPSHOT_REFUSED) == ()


def test_a_stop_names_each_check_once_and_only_known_ones() -> None:
    line = (
        "!!!!!! _pytest.outcomes.Exit: stopped: [content_type_conformance] text/plain; also "
        "[content_type_conformance] again; also [formats_conform] bad url (answer: '[oops]') "
        "!!!!!!"
    )
    stop = parse_setup_stop(f"noise\n{line}\n")
    assert stop is not None
    assert stop.checks == ("content_type_conformance", "formats_conform")


def test_a_run_without_a_stop_has_none() -> None:
    assert parse_setup_stop(SUMMARY) is None
    assert parse_setup_stop("") is None


def test_the_seed_is_read_from_the_header() -> None:
    assert parse_seed(SNAPSHOT_REFUSED) == 1847055359
    assert parse_seed("no header") is None


def test_junit_times_by_test_name() -> None:
    report = (
        '<testsuites><testsuite><testcase name="test_operation[GET /number/search]" time="2.5"/>'
        '<testcase name="test_lifecycle" time="3.0"/></testsuite></testsuites>'
    )
    assert parse_junit(report) == {
        "test_operation[GET /number/search]": 2.5,
        "test_lifecycle": 3.0,
    }


# What a run against a server whose owned list has a limitation without `reach` printed at its end.
SNAPSHOT_UNREADABLE = (
    "============================ no tests ran in 1.57s =============================\n"
    "! _pytest.outcomes.Exit: the account could not be listed before the run (the snapshot "
    "that keeps its numbers safe), so nothing was changed: [owned_list_answers] listing owned "
    "numbers (page 1): the answer does not fit the document's model (KeyError: 'reach') !\n"
)


def test_a_stop_naming_a_rule_of_the_harness_itself_names_it() -> None:
    stop = parse_setup_stop(SNAPSHOT_UNREADABLE)
    assert stop is not None
    assert stop.checks == ("owned_list_answers",)


def test_the_requests_before_the_first_failure_are_read_from_the_summary() -> None:
    stdout = "requests: 40 sent\nfirst failure: after 12 requests (decisive probes)\n"
    assert parse_first_failure(stdout) == 12
    assert parse_first_failure("requests: 40 sent\n") is None
