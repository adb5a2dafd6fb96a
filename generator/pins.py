"""The exact tool versions regeneration needs, read from the `generate` extra of pyproject.toml.

Output is only byte-identical when the generator and the formatter are exactly the pinned
versions, so regeneration refuses to run with anything else installed.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from generator.paths import PYPROJECT_PATH

GENERATION_TOOLS = ("openapi-python-client", "ruff")


class PinError(RuntimeError):
    """An installed tool is missing or is not the pinned version."""


def pinned_versions(pyproject: Path = PYPROJECT_PATH) -> dict[str, str]:
    """Map each generation tool to the exact version pinned for it."""
    extras = tomllib.loads(pyproject.read_text())["project"]["optional-dependencies"]
    pins: dict[str, str] = {}
    for requirement in extras["generate"]:
        name, separator, version = requirement.partition("==")
        if not separator:
            raise PinError(f"{requirement!r} in pyproject.toml is not an exact '==' pin")
        pins[name.strip()] = version.strip()
    missing = [tool for tool in GENERATION_TOOLS if tool not in pins]
    if missing:
        raise PinError(f"pyproject.toml's 'generate' extra does not pin {', '.join(missing)}")
    return pins


def check_installed(pins: dict[str, str]) -> None:
    """Raise PinError unless every pinned tool is installed at exactly its pinned version."""
    problems = []
    for name, wanted in sorted(pins.items()):
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed (want {wanted})")
            continue
        if found != wanted:
            problems.append(f"{name} {found} is installed, the pin is {wanted}")
    if problems:
        raise PinError("; ".join(problems) + ". Install with: pip install -e '.[generate]'")
