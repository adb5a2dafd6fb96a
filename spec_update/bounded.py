"""A child process with a time limit, for the update's checks of the new client (its tests, the
type check of the toolkit's code): each runs in its own interpreter, so that what it imports is the
new client and what it breaks stays out of the update."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["last_line", "run_bounded"]


def run_bounded(
    command: Sequence[str], *, cwd: Path, variables: Mapping[str, str], limit: float
) -> subprocess.CompletedProcess[str] | None:
    """Run `command` in `cwd` with `variables` added to the environment; None when it was
    stopped at `limit` seconds."""
    try:
        return subprocess.run(
            list(command),
            cwd=cwd,
            env={**os.environ, **variables},
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    """The last line the child printed, where it says why it stopped."""
    return ((result.stdout + result.stderr).strip().splitlines()[-1:] or ["no output"])[0]
