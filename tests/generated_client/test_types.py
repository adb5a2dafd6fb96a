"""numbers_api_client.types: status codes, UNSET."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from numbers_api_client.types import UNSET, Unset, status_from_code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (200, HTTPStatus.OK),
        (401, HTTPStatus.UNAUTHORIZED),
        (418, HTTPStatus.IM_A_TEAPOT),
        (503, HTTPStatus.SERVICE_UNAVAILABLE),
    ],
)
def test_known_codes_become_http_statuses(code: int, expected: HTTPStatus) -> None:
    assert status_from_code(code) is expected


@pytest.mark.parametrize("code", [420, 299, 599])
def test_codes_http_status_lacks_stay_plain_integers(code: int) -> None:
    status = status_from_code(code)

    assert type(status) is int
    assert status == code


def test_unset_is_falsy_and_a_singleton_instance() -> None:
    assert not UNSET
    assert isinstance(UNSET, Unset)
