"""The console entry point: one line and exit code 2 when the `[proxy]` extra is missing.

Only the standard library is imported before the check, so a harness-only install (no web
server) gets a sentence saying what to install, never an ImportError's traceback.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence

__all__ = ["main", "missing_modules"]

# What `[proxy]` brings (its web server and client) and the judge's own libraries.
REQUIRED = ("uvicorn", "h11", "httpx", "trustme", "jsonschema_rs", "defusedxml", "iso3166")
USAGE_ERROR = 2


def missing_modules(names: Sequence[str] = REQUIRED) -> list[str]:
    return [name for name in names if importlib.util.find_spec(name) is None]


def main(argv: Sequence[str] | None = None) -> int:
    missing = missing_modules()
    if missing:
        print(
            f"numbers-contract-proxy: missing {', '.join(missing)}: "
            "install the proxy extra (pip install 'numbers-toolkit[proxy]')",
            file=sys.stderr,
        )
        return USAGE_ERROR
    from numbers_proxy.cli import main as run

    return run(argv)
