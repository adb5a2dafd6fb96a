"""The client's version as committed, for the update tests: they read it instead of spelling it
out, so that a release of the client does not break them."""

from __future__ import annotations

from pathlib import Path

from spec_update.changes import Bump
from spec_update.versioning import bump_version, read_version

CLIENT_VERSION = read_version(
    (Path(__file__).resolve().parents[2] / "generator" / "config.yaml").read_text()
)


def bumped(bump: Bump) -> str:
    """The committed client version moved by `bump`."""
    return bump_version(CLIENT_VERSION, bump)
