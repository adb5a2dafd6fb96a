"""Regeneration refuses tools that are not exactly the pinned versions."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from generator.pins import PinError, check_installed, pinned_versions


def test_pins_are_read_from_the_generate_extra() -> None:
    pins = pinned_versions()
    assert set(pins) >= {"openapi-python-client", "ruff"}
    assert pins["openapi-python-client"] == metadata.version("openapi-python-client")


def test_installed_tools_match_their_pins() -> None:
    check_installed(pinned_versions())


def test_a_version_mismatch_is_refused_with_the_fix() -> None:
    with pytest.raises(PinError, match=r"ruff .* is installed, the pin is 0\.0\.1.*pip install"):
        check_installed({"ruff": "0.0.1"})


def test_a_missing_tool_is_refused() -> None:
    with pytest.raises(PinError, match="not-a-real-tool is not installed"):
        check_installed({"not-a-real-tool": "1.0"})


def test_a_range_instead_of_a_pin_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project.optional-dependencies]\ngenerate = ["openapi-python-client>=0.29", "ruff==1"]\n'
    )
    with pytest.raises(PinError, match="not an exact '==' pin"):
        pinned_versions(pyproject)
