"""The limits on slow and idle clients, as a plain value.

Apart from the guards that enforce them (`connections`, which needs uvicorn), so that the command
line can show their defaults in `--help` without importing the server.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ConnectionLimits"]


@dataclass(frozen=True)
class ConnectionLimits:
    """How long a client may stay silent or slow, and how many connections may be open."""

    idle_timeout: float = 5.0
    request_timeout: float = 10.0
    max_connections: int = 256

    def __post_init__(self) -> None:
        if self.idle_timeout <= 0 or self.request_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if self.max_connections < 1:
            raise ValueError("max_connections must be at least 1")
