from __future__ import annotations

import pytest

from benchmarks.fault_checks import EXPECTED_CHECKS, KNOWN_CHECKS, expected_check
from contract_tests.judging.violations import CHECKS
from numbers_mock.faults import CATALOGUE


def test_every_fault_has_an_expected_check_the_harness_reports() -> None:
    assert set(EXPECTED_CHECKS) == set(CATALOGUE)
    assert set(EXPECTED_CHECKS.values()) <= KNOWN_CHECKS


@pytest.mark.parametrize(
    ("fault", "check"),
    [("auth-ignored", "ignored_auth"), ("pages-overlap", "paging walk")],
)
def test_expected_check(fault: str, check: str) -> None:
    assert expected_check(CATALOGUE[fault]) == check


def test_every_rule_of_the_harness_is_a_known_check() -> None:
    assert set(CHECKS) <= KNOWN_CHECKS
    assert "owned_list_answers" in KNOWN_CHECKS
