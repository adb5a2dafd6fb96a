"""Fixtures shared by the packaging tests (tests/test_packaging*.py): the wheels, built once per
test process, and the environments made from them.

Every test folder loads this file, the generated client's tests too, which run with only the client
and pytest installed (`nox -s test-client`): it imports nothing beyond the standard library and
pytest at the top."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging_support import Installs, Wheels, build_wheels


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Wheels:
    return build_wheels(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def installs(wheels: Wheels, tmp_path_factory: pytest.TempPathFactory) -> Installs:
    return Installs(wheels, tmp_path_factory.mktemp("envs"))


@pytest.fixture
def served_mock(installs: Installs) -> Iterator[tuple[Path, str]]:
    """`numbers-mock` from an environment with only the `[mock]` extra, serving on 127.0.0.1."""
    from benchmarks.targets import run_server  # the mock: not in every test environment

    bin_dir = installs.bin_dir("mock")
    with run_server([str(bin_dir / "numbers-mock"), "--log-level", "warning"]) as server:
        yield bin_dir, server.url
