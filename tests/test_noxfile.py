"""noxfile.install: a reused environment installed from the same pins is not installed again."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_noxfile() -> ModuleType:
    """The noxfile as a module, leaving PATH as it was (the noxfile puts pyenv's Pythons on it)."""
    spec = importlib.util.spec_from_file_location("noxfile_under_test", ROOT / "noxfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    path = os.environ.get("PATH", "")
    try:
        spec.loader.exec_module(module)
    finally:
        os.environ["PATH"] = path
    return module


class FakeVirtualenv:
    def __init__(self, location: Path) -> None:
        self.location = str(location)


class FakeSession:
    """The part of nox.Session that `install` uses, recording what it was asked."""

    def __init__(self, location: Path) -> None:
        self.virtualenv = FakeVirtualenv(location)
        self.installs: list[tuple[str, ...]] = []
        self.logs: list[str] = []

    def install(self, *args: str, **kwargs: Any) -> None:
        assert kwargs == {"silent": False}, "the install is shown as it goes"
        self.installs.append(args)

    def log(self, message: str) -> None:
        self.logs.append(message)


@pytest.fixture(scope="module")
def noxfile() -> ModuleType:
    return load_noxfile()


def test_a_second_install_with_the_same_pins_is_skipped(
    noxfile: ModuleType, tmp_path: Path
) -> None:
    session = FakeSession(tmp_path)
    noxfile.install(session, "-e", ".[mock]")
    noxfile.install(session, "-e", ".[mock]")
    assert session.installs == [("-e", ".[mock]")]
    assert "nothing to install" in session.logs[-1]


def test_other_arguments_install_again(noxfile: ModuleType, tmp_path: Path) -> None:
    session = FakeSession(tmp_path)
    noxfile.install(session, "-e", ".[mock]")
    noxfile.install(session, "-e", ".[harness]")
    assert len(session.installs) == 2


def test_changed_pins_install_again(
    noxfile: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = FakeSession(tmp_path)
    noxfile.install(session, "-e", ".")
    pins = tmp_path / "constraints.txt"
    pins.write_text("a-new-pin==1.0\n")
    monkeypatch.setattr(noxfile, "INSTALL_INPUTS", (*noxfile.INSTALL_INPUTS, pins))
    noxfile.install(session, "-e", ".")
    assert len(session.installs) == 2
