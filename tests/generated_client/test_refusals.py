"""numbers_api_client.refusals: `expect` returns the success model or raises `Refused`."""

from __future__ import annotations

import pytest
from numbers_api_client.api.default import buy_a_number, get_owned_numbers
from numbers_api_client.models import ActionFailed, ActionResponse, InboundNumbers, NumberDetails
from numbers_api_client.refusals import QUOTED_BYTES, Refused, expect

from .support import FakeNumbersApi, await_

REFUSED_BUY = {"error-code": "420", "error-code-label": "method failed"}


def test_a_success_is_returned_as_the_expected_model(fake_api: FakeNumbersApi) -> None:
    fake_api.answer(200, {"count": 1, "numbers": [{"msisdn": "447700900000"}]})
    owned = expect(get_owned_numbers.sync_detailed(client=fake_api.client()), InboundNumbers)
    assert isinstance(owned, InboundNumbers)
    assert owned.count == 1


def test_a_refusal_raises_with_status_body_and_model(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    fake_api.answer(420, REFUSED_BUY)
    body = NumberDetails(country="GB", msisdn="447700900000")
    if use_async:
        response = await_(buy_a_number.asyncio_detailed(client=fake_api.client(), body=body))
    else:
        response = buy_a_number.sync_detailed(client=fake_api.client(), body=body)
    with pytest.raises(Refused) as raised:
        expect(response, ActionResponse)
    assert raised.value.status_code == 420
    assert raised.value.content == b'{"error-code":"420","error-code-label":"method failed"}'
    assert isinstance(raised.value.parsed, ActionFailed)
    assert str(raised.value) == 'HTTP 420: {"error-code":"420","error-code-label":"method failed"}'


def test_an_undocumented_status_raises_with_the_bare_body(fake_api: FakeNumbersApi) -> None:
    fake_api.answer_raw(502, b"x" * (QUOTED_BYTES + 1), "text/plain")
    with pytest.raises(Refused) as raised:
        expect(get_owned_numbers.sync_detailed(client=fake_api.client()), InboundNumbers)
    assert raised.value.status_code == 502
    assert raised.value.parsed is None
    assert str(raised.value) == "HTTP 502: " + "x" * QUOTED_BYTES + "..."


def test_a_success_of_another_model_is_not_taken_for_the_expected_one(
    fake_api: FakeNumbersApi,
) -> None:
    fake_api.answer(200, {"count": 0})
    with pytest.raises(Refused, match="HTTP 200"):
        expect(get_owned_numbers.sync_detailed(client=fake_api.client()), ActionResponse)


def test_a_bodiless_refusal_says_only_its_status(fake_api: FakeNumbersApi) -> None:
    fake_api.answer_raw(500, b"", "text/plain")
    with pytest.raises(Refused) as raised:
        expect(get_owned_numbers.sync_detailed(client=fake_api.client()), InboundNumbers)
    assert str(raised.value) == "HTTP 500"
