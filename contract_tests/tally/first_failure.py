"""The run's first failure, and how many requests the run had sent when it came.

What a verdict costs on a paid, rate-limited service is the requests sent before the first
failure; the safety layer counts every request, and the plugin notes the count when the first test
fails (or the run stops at its set-up). The summary prints it (`line`), the benchmarks read it.
"""

from __future__ import annotations

from dataclasses import dataclass

# The summary's line, as `benchmarks.harness_output` reads it.
PREFIX = "first failure: after "


@dataclass
class FirstFailure:
    requests: int | None = None
    where: str = ""

    def note(self, requests: int, where: str) -> None:
        """Keep the first failure only."""
        if self.requests is None:
            self.requests, self.where = requests, where

    def line(self) -> str | None:
        if self.requests is None:
            return None
        return f"{PREFIX}{self.requests} requests ({self.where})"
