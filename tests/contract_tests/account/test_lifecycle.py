"""The lifecycle's model of an owned number: whole, and which rule a difference breaks."""

from __future__ import annotations

import pytest

from contract_tests.account.lifecycle import ModelNumber, compare
from contract_tests.judging.violations import OWNED_FIELDS_KEPT, UPDATE_SHOWS, Violation

HOOK = "https://example.com/webhooks/inbound-sms"


def listed(**fields: str) -> dict[str, str]:
    return {"country": "GB", "msisdn": "447700900001", "type": "mobile-lvn", **fields}


def model(**fields: str) -> ModelNumber:
    return ModelNumber(country="GB", msisdn="447700900001", fields=listed(**fields))


def test_a_number_first_listed_after_its_purchase_sets_its_model() -> None:
    number = ModelNumber(country="GB", msisdn="447700900001")
    compare(number, listed(cost="0.50"))
    assert number.fields == listed(cost="0.50")
    with pytest.raises(Violation) as found:
        compare(number, listed(cost="0.90"))
    assert found.value.check == OWNED_FIELDS_KEPT


def test_an_update_without_a_webhook_keeps_it() -> None:
    number = model(moHttpUrl=HOOK)
    number.apply_update("app-1", None)
    compare(number, listed(moHttpUrl=HOOK, app_id="app-1"))
    with pytest.raises(Violation) as found:
        compare(number, listed(app_id="app-1"))
    assert found.value.check == OWNED_FIELDS_KEPT
    assert f"moHttpUrl = None (expected {HOOK!r})" in found.value.detail


def test_a_field_the_update_set_must_show() -> None:
    number = model()
    number.apply_update("app-1", HOOK)
    with pytest.raises(Violation) as found:
        compare(number, listed(app_id="app-2", moHttpUrl=HOOK))
    assert found.value.check == UPDATE_SHOWS


def test_an_empty_webhook_removes_it() -> None:
    number = model(moHttpUrl=HOOK)
    number.apply_update("app-1", "")
    compare(number, listed(app_id="app-1"))
    with pytest.raises(Violation):
        compare(number, listed(app_id="app-1", moHttpUrl=HOOK))
