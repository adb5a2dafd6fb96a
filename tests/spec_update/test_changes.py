from __future__ import annotations

import pytest

from spec_update.changes import (
    Bump,
    Change,
    Direction,
    Impact,
    bump_for,
    narrowed,
    widened,
)

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def test_requests_and_responses_mirror_each_other() -> None:
    assert narrowed(Direction.REQUEST) == (B, C)
    assert narrowed(Direction.RESPONSE) == (C, B)
    assert widened(Direction.REQUEST) == (C, B)
    assert widened(Direction.REQUEST, offers_more=True) == (A, B)
    assert widened(Direction.RESPONSE) == (B, C)


@pytest.mark.parametrize(
    ("impacts", "bump"),
    [([], Bump.PATCH), ([C, C], Bump.PATCH), ([C, A], Bump.MINOR), ([A, B, C], Bump.MAJOR)],
)
def test_the_worst_client_impact_decides_the_bump(impacts: list[Impact], bump: Bump) -> None:
    assert bump_for(impacts) is bump


def test_changes_describe_themselves() -> None:
    assert (
        Change.of("GET /a", "operation removed", (B, C)).describe() == "GET /a: operation removed"
    )
    assert Change.of("", "something", (C, C)).describe() == "something"
    assert B.label == "breaking"
