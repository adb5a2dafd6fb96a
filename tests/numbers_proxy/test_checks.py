"""The proxy reports under the registry's ids: its rules on requests are declared there, and a
finding under an undeclared id is refused where it is made."""

from __future__ import annotations

import pytest

from contract_tests.judging.registry import REGISTRY, Origin, check_named
from numbers_proxy import checks
from numbers_proxy.exchange import Finding


@pytest.mark.parametrize(
    "check_id",
    [
        checks.REQUEST_DOCUMENTED,
        checks.REQUEST_CONFORMS,
        checks.REQUEST_AUTHENTICATED,
        checks.REQUEST_SERVICE_ACCEPTS,
    ],
)
def test_the_rules_on_a_request_are_declared_in_the_registry(check_id: str) -> None:
    check = check_named(check_id)
    assert check.origin is Origin.REQUEST_CHECK
    assert check.rule.endswith(".") and check.source


def test_every_request_check_declared_is_one_the_proxy_raises() -> None:
    declared = {check.id for check in REGISTRY.values() if check.origin is Origin.REQUEST_CHECK}
    assert declared == {
        checks.REQUEST_DOCUMENTED,
        checks.REQUEST_CONFORMS,
        checks.REQUEST_AUTHENTICATED,
        checks.REQUEST_SERVICE_ACCEPTS,
    }


def test_a_finding_under_an_undeclared_id_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown check 'request_is_nice'"):
        Finding("request_is_nice", checks.Side.CLIENT, "detail")
    assert Finding(checks.REQUEST_CONFORMS, checks.Side.CLIENT, "detail").check in REGISTRY


def test_notes_are_not_checks() -> None:
    assert not set(checks.NOTES) & set(REGISTRY)
