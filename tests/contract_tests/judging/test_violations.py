"""One exception for the harness's findings, naming one of one list of checks."""

from __future__ import annotations

import pytest

from contract_tests.judging.violations import (
    CHECKS,
    FILTERS_KEEP_MATCHES,
    HARNESS_RULES,
    JUDGEMENT_CHECKS,
    Violation,
)


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
    from contract_tests.run.checks import CUSTOM_CHECKS

    assert len(set(CHECKS)) == len(CHECKS)
    assert not set(HARNESS_RULES) & {check.__name__ for check in CUSTOM_CHECKS}


def test_the_judgement_names_its_rules_as_the_fuzzing_checks_do() -> None:
    import schemathesis.checks
    import schemathesis.specs.openapi.checks

    from contract_tests.run.checks import CUSTOM_CHECKS

    fuzzing = {check.__name__ for check in CUSTOM_CHECKS}
    for module in (schemathesis.checks, schemathesis.specs.openapi.checks):
        fuzzing |= {name for name in vars(module) if callable(getattr(module, name))}
    assert set(JUDGEMENT_CHECKS) <= fuzzing
