"""Every check the harness can report is declared once in the registry."""

from __future__ import annotations

import pytest
from schemathesis.checks import CHECKS as SCHEMATHESIS_CHECKS

from contract_tests.judging import registry
from contract_tests.judging.registry import REGISTRY, Check, Origin, check_named
from contract_tests.judging.violations import CHECKS, Violation
from contract_tests.run import checks  # noqa: F401  (registers the harness's checks)


def test_every_rule_a_finding_can_name_is_declared() -> None:
    assert set(CHECKS) <= set(REGISTRY)


def test_every_check_schemathesis_runs_is_declared() -> None:
    assert {check.__name__ for check in SCHEMATHESIS_CHECKS.get_all()} <= set(REGISTRY)


def test_the_harness_checks_are_declared_as_such() -> None:
    names = {check.__name__ for check in SCHEMATHESIS_CHECKS.get_all()}
    for check in REGISTRY.values():
        if check.origin is Origin.HARNESS_CHECK:
            assert check.id in names


@pytest.mark.parametrize("check", REGISTRY.values(), ids=lambda c: c.id)
def test_each_rule_is_one_sentence(check: Check) -> None:
    assert check.rule.endswith(".") and check.rule.count(". ") == 0
    assert check.source


def test_an_id_is_declared_once() -> None:
    one = Check("x", "A rule.", registry.HTTP, Origin.HARNESS_RULE)
    with pytest.raises(ValueError, match="declared twice"):
        registry._declare(one, one)


def test_an_undeclared_id_is_refused() -> None:
    with pytest.raises(KeyError, match="not declared"):
        check_named("no_such_check")
    with pytest.raises(ValueError, match="unknown check"):
        Violation("no_such_check", "detail")
