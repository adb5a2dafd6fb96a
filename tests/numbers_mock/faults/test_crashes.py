"""Handlers that fall over: only on the input each fault names, on every list it names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..conftest import AppClient
from .probes import faulty_mock


@pytest.fixture
def invalid_pattern_crashes() -> Iterator[AppClient]:
    with faulty_mock(["crash-on-invalid-pattern"]) as client:
        yield client


@pytest.mark.parametrize("path", ["/number/search", "/account/numbers"])
def test_an_invalid_pattern_crashes_both_lists(
    invalid_pattern_crashes: AppClient, path: str
) -> None:
    answer = invalid_pattern_crashes.get(path, params={"country": "GB", "pattern": ""})
    assert answer.status_code == 500
    valid = invalid_pattern_crashes.get(path, params={"country": "GB", "pattern": "44"})
    assert valid.status_code == 200


def test_other_field_errors_are_still_refused(invalid_pattern_crashes: AppClient) -> None:
    answer = invalid_pattern_crashes.get("/number/search", params={"pattern": "44"})
    assert answer.status_code == 400
    assert "country" in answer.json()
    # Account changes have no pattern: their field errors are untouched.
    refused = invalid_pattern_crashes.post("/number/buy", data={"country": "GB"})
    assert refused.status_code == 400
