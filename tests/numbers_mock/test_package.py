"""numbers_mock's public names: imported on first use, so importing the package loads no app."""

from __future__ import annotations

import subprocess
import sys

import pytest

import numbers_mock
from numbers_mock.app import create_app
from numbers_mock.server.limits import ConnectionLimits
from numbers_mock.state.accounts import PRIMARY_ACCOUNT

HEAVY = ("openapi_core", "starlette", "uvicorn")


def loaded_after(statement: str) -> dict[str, bool]:
    """Which of HEAVY a fresh interpreter has imported after `statement`."""
    probe = f"import sys; {statement}; print(*(m in sys.modules for m in {HEAVY!r}))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return dict(zip(HEAVY, (word == "True" for word in out.split()), strict=True))


def test_importing_the_package_imports_neither_the_app_nor_the_server() -> None:
    assert loaded_after("import numbers_mock") == dict.fromkeys(HEAVY, False)


def test_a_public_name_imports_what_it_needs_on_first_use() -> None:
    # The probe can tell: asking for create_app loads openapi-core and Starlette.
    loaded = loaded_after("import numbers_mock; numbers_mock.create_app")
    assert loaded["openapi_core"] and loaded["starlette"]


def test_every_public_name_is_the_object_of_its_module() -> None:
    assert numbers_mock.create_app is create_app
    assert numbers_mock.ConnectionLimits is ConnectionLimits
    assert numbers_mock.PRIMARY_ACCOUNT is PRIMARY_ACCOUNT
    for name in numbers_mock.__all__:
        assert getattr(numbers_mock, name) is not None, name
    assert set(numbers_mock.__all__) <= set(dir(numbers_mock))


def test_star_import_gives_every_public_name() -> None:
    names: dict[str, object] = {}
    exec("from numbers_mock import *", names)
    assert set(numbers_mock.__all__) <= set(names)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'create_apps'"):
        getattr(numbers_mock, "create_apps")  # noqa: B009
    with pytest.raises(ImportError):
        exec("from numbers_mock import create_apps", {})
