from __future__ import annotations

import pytest

from benchmarks.fault_checks import EXPECTED_CHECKS, expected_check
from contract_tests.judging.registry import REGISTRY
from numbers_mock.faults import CATALOGUE


def test_every_fault_is_expected_to_be_caught_by_a_check_of_the_registry() -> None:
    assert set(EXPECTED_CHECKS) == set(CATALOGUE)
    unknown = {fault: check for fault, check in EXPECTED_CHECKS.items() if check not in REGISTRY}
    assert unknown == {}, "expected checks must be ids of contract_tests/judging/registry.py"


@pytest.mark.parametrize(
    ("fault", "check"),
    [("auth-ignored", "ignored_auth"), ("pages-overlap", "pages_hold_each_number_once")],
)
def test_expected_check(fault: str, check: str) -> None:
    assert expected_check(CATALOGUE[fault]) == check
