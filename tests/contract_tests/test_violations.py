"""One exception for the harness's findings, naming one of one list of checks."""

from __future__ import annotations

import pytest

from contract_tests.violations import CHECKS, FILTERS_KEEP_MATCHES, Violation


def test_a_violation_names_its_check_and_detail() -> None:
    violation = Violation(FILTERS_KEEP_MATCHES, "left out 447700900000")
    assert violation.check == FILTERS_KEEP_MATCHES
    assert violation.detail == "left out 447700900000"
    assert str(violation) == "[filters_keep_matches] left out 447700900000"
    assert isinstance(violation, AssertionError)


def test_an_unlisted_check_is_refused() -> None:
    with pytest.raises(ValueError, match=r"add it to violations\.CHECKS"):
        Violation("made_up", "x")


def test_check_names_are_unique_and_do_not_clash_with_schemathesis_checks() -> None:
    from contract_tests.checks import CUSTOM_CHECKS

    assert len(set(CHECKS)) == len(CHECKS)
    assert not set(CHECKS) & {check.__name__ for check in CUSTOM_CHECKS}
