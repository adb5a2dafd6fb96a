"""`numbers-contract`: the harness as an installed command.

`command.arguments` reads the harness's own options (`--help` lists them, grouped) and builds the
pytest command line that runs the installed package with them; anything after `--` goes to pytest
as it is. A person who installed `numbers-toolkit[harness]` needs no checkout: `numbers-contract
--target-url URL` with the credentials in NUMBERS_API_KEY and NUMBERS_API_SECRET.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pytest

from contract_tests.command.arguments import (
    PACKAGE_DIR,
    PROG,
    USAGE_ERROR,
    CommandError,
    pytest_arguments,
)

__all__ = ["PACKAGE_DIR", "main", "pytest_arguments"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `numbers-contract`: 0 passed, 1 failed, 2 interrupted, 4 usage error."""
    try:
        arguments = pytest_arguments(sys.argv[1:] if argv is None else argv)
    except CommandError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    return int(pytest.main(arguments))


if __name__ == "__main__":
    raise SystemExit(main())
