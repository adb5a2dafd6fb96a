"""The one error type the command turns into a one-line message and exit code 2."""

from __future__ import annotations


class UpdateError(Exception):
    """A problem the person running the update can fix: a bad path, URL or document."""
