"""The console entry point: one line and exit code 2 when the `[proxy]` extra is missing.

The toolkit's other commands go through `numbers_commands`; this one asks the same question of the
installed distribution's metadata (`missing_requirements`, which reads the extra's requirements
from pyproject.toml's pins, never restated) before importing anything of its own, so a
harness-only install gets a sentence saying what to install, never an ImportError's traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from numbers_commands import DISTRIBUTION, USAGE_ERROR, missing_requirements

__all__ = ["main"]

COMMAND = "numbers-contract-proxy"
EXTRA = "proxy"


def main(argv: Sequence[str] | None = None) -> int:
    if missing_requirements(EXTRA):
        print(
            f"{COMMAND} needs the {EXTRA} extra: pip install '{DISTRIBUTION}[{EXTRA}]'",
            file=sys.stderr,
        )
        return USAGE_ERROR
    from numbers_proxy.cli import main as run

    return run(argv)
