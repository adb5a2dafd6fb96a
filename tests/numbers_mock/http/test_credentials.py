from __future__ import annotations

import base64

import pytest

from numbers_mock.http.credentials import find_credentials, form_fields
from numbers_mock.state.accounts import Credentials


def basic(text: bytes) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(text).decode()}


def test_basic_header() -> None:
    assert find_credentials(basic(b"key:se:cret"), {}, {}) == Credentials("key", "se:cret")


@pytest.mark.parametrize(
    "headers",
    [
        {"authorization": "Basic !!!notbase64"},
        {"authorization": "Bearer abc"},
        {"authorization": "Basic " + base64.b64encode(b"no-colon").decode()},
        {"authorization": "Basic " + base64.b64encode(b"\xff\xfe:x").decode()},
        {"authorization": ""},
    ],
)
def test_unreadable_header_gives_none(headers: dict[str, str]) -> None:
    assert find_credentials(headers, {}, {}) is None


def test_header_wins_over_legacy_pair() -> None:
    # A bad header is not rescued by a good query pair: the client meant the header.
    query = {"api_key": "k", "api_secret": "s"}
    assert find_credentials({"authorization": "Bearer x"}, query, {}) is None


def test_legacy_pair_from_query_then_form() -> None:
    query = {"api_key": "qk", "api_secret": "qs"}
    form = {"api_key": "fk", "api_secret": "fs"}
    assert find_credentials({}, query, form) == Credentials("qk", "qs")
    assert find_credentials({}, {"api_key": "qk"}, form) == Credentials("fk", "fs")
    assert find_credentials({}, {"api_key": "qk"}, {}) is None


def test_form_fields_first_value_wins_and_bad_bodies_are_empty() -> None:
    assert form_fields(b"a=1&b=&a=2&c=%20x") == {"a": "1", "b": "", "c": " x"}
    assert form_fields(b"\xff\xfe") == {}
