"""`numbers-contract`: the harness as an installed command.

It is `pytest contract_tests` with the harness's options, run on the installed package, so that a
person who installed `numbers-toolkit[harness]` needs no checkout: `numbers-contract --target-url
URL` with the credentials in NUMBERS_API_KEY and NUMBERS_API_SECRET, `--help` for every option
(the harness's own under "Numbers API contract harness").
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent


def pytest_arguments(argv: Sequence[str]) -> list[str]:
    """The pytest command line that runs the installed harness with the user's options."""
    return [
        str(PACKAGE_DIR),
        # The package folder may be read-only (site-packages), and a cache there would outlive
        # the run: pytest's cache is for a developer's checkout, not for this command.
        "-p",
        "no:cacheprovider",
        *argv,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `numbers-contract`: pytest's exit code (0 passed, 1 failed, 2 interrupted)."""
    return int(pytest.main(pytest_arguments(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    raise SystemExit(main())
