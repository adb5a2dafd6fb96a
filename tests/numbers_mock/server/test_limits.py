"""The connection limits as a value: the defaults `--help` shows, and what is refused."""

from __future__ import annotations

import pytest

from numbers_mock.server.limits import ConnectionLimits


def test_the_defaults() -> None:
    assert ConnectionLimits() == ConnectionLimits(5.0, 10.0, 256)


@pytest.mark.parametrize(
    ("idle", "slow", "connections", "message"),
    [
        (0, 10, 256, "timeouts must be positive"),
        (5, -1, 256, "timeouts must be positive"),
        (5, 10, 0, "max_connections must be at least 1"),
    ],
)
def test_limits_that_could_not_serve_anyone_are_refused(
    idle: float, slow: float, connections: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ConnectionLimits(idle, slow, connections)
