"""The pytest side: replay commands, and finding the broken rule inside Hypothesis' groups."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from contract_tests.judging.violations import Violation
from contract_tests.plugin import (
    FINDINGS_LONGREPR,
    STATEFUL_MARKER,
    ContractPlugin,
    named_violation,
    order_for_first_failure,
)
from contract_tests.run.options import HarnessOptions


def plugin(*arguments: str, **overrides: object) -> ContractPlugin:
    values: dict[str, object] = {
        "target_url": "https://numbers.example",
        "api_key": "thekey",
        "api_secret": "thesecret",
        "allow_purchases": False,
        "max_purchases": 2,
        "seed": 99,
        **overrides,
    }
    options = HarnessOptions(**values)  # type: ignore[arg-type]
    config = SimpleNamespace(invocation_params=SimpleNamespace(args=arguments))
    return ContractPlugin(cast(pytest.Config, config), options)


# What `run.options.user_arguments` gives for `--target-url https://numbers.example --rate-limit
# none` (credentials are never among them).
USER_OPTIONS = ("--target-url=https://numbers.example", "--rate-limit=none")


def test_the_replay_command_is_the_installed_command_with_the_users_options() -> None:
    command = plugin(given=USER_OPTIONS).replay_command(["-k", "test_operation and search"])
    assert command.startswith(
        "numbers-contract --target-url=https://numbers.example --rate-limit=none "
        "-k 'test_operation and search' --hypothesis-profile="
    )
    assert command.endswith(" --hypothesis-seed 99")
    assert "thekey" not in command and "thesecret" not in command
    assert "contract_tests" not in command


def test_the_replay_command_keeps_the_purchase_permission() -> None:
    given = (*USER_OPTIONS, "--allow-purchases", "--max-purchases=3")
    command = plugin(given=given).replay_command()
    assert "--allow-purchases --max-purchases=3" in command


def test_the_replay_sets_its_own_seed() -> None:
    command = plugin(given=(*USER_OPTIONS, "--hypothesis-seed=5")).replay_command()
    assert "--hypothesis-seed=5" not in command
    assert command.endswith(" --hypothesis-seed 99")


def test_tests_run_cheapest_first_and_each_group_keeps_its_order() -> None:
    # The search's fuzzing before the owned list's, whatever the order they were collected in.
    class Item:
        def __init__(self, name: str, operation: str | None = None, stateful: bool = False) -> None:
            self.name = name
            self.stateful = stateful
            if operation is not None:
                self.operation_label = operation

        def get_closest_marker(self, name: str) -> object | None:
            return object() if name == STATEFUL_MARKER and self.stateful else None

    items = [
        Item("example"),
        Item("fuzz cancel", "POST /number/cancel"),
        Item("fuzz owned", "GET /account/numbers"),
        Item("fuzz search", "GET /number/search"),
        Item("fuzz buy", "POST /number/buy"),
        Item("lifecycle", stateful=True),
        Item("paging"),
        Item("fuzz update", "POST /number/update"),
    ]
    order_for_first_failure(cast(list[pytest.Item], items))
    assert [item.name for item in items] == [
        "example",
        "paging",
        "fuzz search",
        "fuzz owned",
        "lifecycle",
        "fuzz buy",
        "fuzz update",
        "fuzz cancel",
    ]


def test_the_embedded_mock_needs_no_target_in_the_replay() -> None:
    command = plugin("contract_tests", target_url=None).replay_command()
    assert "--target-url" not in command
    assert "NUMBERS_API_KEY" not in command


def test_the_header_redacts_and_states_the_policy() -> None:
    # The credentials also ride in the target's query here, as the service's legacy form has them.
    target = "https://numbers.example/base?api_key=thekey&api_secret=thesecret"
    header = "\n".join(
        plugin(target_url=target).pytest_report_header(cast(pytest.Config, object()))
    )
    assert "contract target: https://numbers.example/base?api_key=***&api_secret=***" in header
    assert "thekey" not in header and "thesecret" not in header
    assert "buy/cancel/update skipped (no --allow-purchases)" in header


def test_named_violation_is_found_inside_groups() -> None:
    violation = Violation("cancel_removes", "still listed")
    nested = ExceptionGroup("flaky", [ValueError("x"), ExceptionGroup("inner", [violation])])
    assert named_violation(nested) is violation
    assert named_violation(violation) is violation
    assert named_violation(ValueError("plain")) is None
    assert str(violation) == "[cancel_removes] still listed"


def test_a_finding_of_the_harness_reads_as_its_rule_not_a_traceback() -> None:
    finding = Violation("answer_is_json", "search answered 200 with an empty body")
    finding.add_note("Falsifying example: size=1")

    class Info:
        excinfo = SimpleNamespace(value=finding)

    report = SimpleNamespace(failed=True, longrepr="Traceback (most recent call last): ...")
    plugin()._shorten_finding(cast(Any, Info()), cast(Any, report))
    assert report.longrepr == (
        "[answer_is_json] search answered 200 with an empty body\nFalsifying example: size=1"
    )


def test_a_failure_with_findings_keeps_its_one_line_text_after_schemathesis_rewrites_it() -> None:
    report = SimpleNamespace(longrepr="+ Exception Group Traceback ...")
    setattr(report, FINDINGS_LONGREPR, "[not_a_server_error] GET /number/search: Server error")
    plugin().pytest_exception_interact(
        cast(Any, None), cast(Any, SimpleNamespace(excinfo=None)), cast(Any, report)
    )
    assert report.longrepr == "[not_a_server_error] GET /number/search: Server error"
    untouched = SimpleNamespace(longrepr="Traceback")
    plugin().pytest_exception_interact(cast(Any, None), cast(Any, None), cast(Any, untouched))
    assert untouched.longrepr == "Traceback"
