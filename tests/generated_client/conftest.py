"""Fixtures for the generated client's tests: a fake service and the sync/async switch."""

from __future__ import annotations

import pytest

from .support import FakeNumbersApi


@pytest.fixture
def fake_api() -> FakeNumbersApi:
    """A fresh fake service recording every request; `fake_api.client()` builds a client on it."""
    return FakeNumbersApi()


@pytest.fixture(params=[False, True], ids=["sync", "asyncio"])
def use_async(request: pytest.FixtureRequest) -> bool:
    """Run the test once through the blocking functions and once through the coroutines."""
    value: bool = request.param
    return value
