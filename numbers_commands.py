"""The console commands' entry points: each checks that its extra is installed, then runs.

Every install of numbers-toolkit puts both `numbers-mock` and `numbers-contract` on PATH, but each
needs the dependencies of its own extra (`mock`, `harness`). Started without them, a command
prints one line saying what to install and exits 2, instead of a traceback from deep inside its
first import. So this module imports only the standard library until the check has passed: the
list of what each extra needs is read from the installed distribution's metadata, the one place it
is written (pyproject.toml), never restated here. The packages' `python -m` entries (`__main__.py`)
go through `run` too, so that they answer the same way.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from importlib import import_module, metadata

__all__ = ["DISTRIBUTION", "USAGE_ERROR", "contract", "missing_requirements", "mock", "run"]

DISTRIBUTION = "numbers-toolkit"
USAGE_ERROR = 2

# `name==1.0; extra == "mock"`: the project's requirements are plain names with exact pins.
_REQUIREMENT = re.compile(r"\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)[^;]*;(?P<marker>.*)")
_EXTRA = re.compile(r"""\bextra\s*==\s*["'](?P<extra>[^"']+)["']""")


def missing_requirements(extra: str, requirements: Iterable[str] | None = None) -> list[str]:
    """The distributions `extra` requires that are not installed (empty: all are).

    `requirements` defaults to the installed numbers-toolkit's own; without that metadata (a
    checkout on sys.path rather than an install) nothing can be checked, and nothing is missing.
    """
    if requirements is None:
        try:
            requirements = metadata.requires(DISTRIBUTION) or []
        except metadata.PackageNotFoundError:
            return []
    missing = []
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        if match is None:
            continue
        extras = {found["extra"] for found in _EXTRA.finditer(match["marker"])}
        if extra not in extras:
            continue
        try:
            metadata.distribution(match["name"])
        except metadata.PackageNotFoundError:
            missing.append(match["name"])
    return missing


def run(command: str, extra: str, target: str) -> int:
    """Run `target` (`module:function`, imported only once `extra` is known to be installed).

    Without the extra: one line naming `command` and what to install, and USAGE_ERROR.
    """
    if missing_requirements(extra):
        print(
            f"{command} needs the {extra} extra: pip install '{DISTRIBUTION}[{extra}]'",
            file=sys.stderr,
        )
        return USAGE_ERROR
    module_name, _, function_name = target.partition(":")
    main: Callable[[], int] = getattr(import_module(module_name), function_name)
    return main()


def mock() -> int:
    """`numbers-mock`: the reference mock server (the `mock` extra)."""
    return run("numbers-mock", "mock", "numbers_mock.server.cli:main")


def contract() -> int:
    """`numbers-contract`: the contract harness (the `harness` extra)."""
    return run("numbers-contract", "harness", "contract_tests.cli:main")
