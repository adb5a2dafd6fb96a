from __future__ import annotations

import pytest

from spec_update.changes import Bump, Change, Impact, Location, Place, bump_for
from spec_update.levels import Level


def test_a_change_takes_its_levels_from_its_rule() -> None:
    change = Change("response-media-type-removed", Location("GET /a", section="response 200"), "x")
    assert (change.client, change.server) == (Level.BREAKING, Level.COMPATIBLE)
    assert change.describe() == "GET /a response 200: x"
    assert change.as_json() == {
        "rule": "response-media-type-removed",
        "client": "breaking",
        "server": "compatible",
        "location": {
            "operation": "GET /a",
            "parameter": None,
            "section": "response 200",
            "media_types": [],
            "schema": None,
        },
        "message": "x",
    }


def test_places_are_listed_in_the_json_only_when_a_change_has_them() -> None:
    change = Change("documentation-changed", Location(), "documentation changed")
    assert "places" not in change.as_json()
    moved = Place("#", "#").child("paths", "paths").child("/a", "/a").child("1", "0")
    placed = change.with_places((moved,))
    assert placed.as_json()["places"] == [{"old": "#/paths/~1a/1", "new": "#/paths/~1a/0"}]
    assert placed == change  # the places are detail, not what the change is
    assert placed.describe() == change.describe()


def test_an_unknown_rule_is_a_bug_found_where_the_change_is_made() -> None:
    with pytest.raises(KeyError):
        Change("no-such-rule")


def test_a_document_level_change_says_so() -> None:
    assert Change("api-version-changed", Location(), "1 → 2").describe() == "document: 1 → 2"


@pytest.mark.parametrize(
    ("rules", "impacts", "bump"),
    [
        (["operation-removed"], [], Bump.MAJOR),
        (["response-error-status-added"], [], Bump.MINOR),  # may-break
        (["operation-added"], [], Bump.MINOR),  # adds
        (["documentation-changed"], [], Bump.PATCH),
        (["documentation-changed"], [Impact.BREAKING], Bump.MAJOR),
        (["documentation-changed"], [Impact.ADDITIVE], Bump.MINOR),
        ([], [], Bump.PATCH),
    ],
)
def test_the_worst_change_for_clients_decides_the_bump(
    rules: list[str], impacts: list[Impact], bump: Bump
) -> None:
    assert bump_for([Change(rule) for rule in rules], impacts) is bump


def test_levels_read_and_order() -> None:
    assert Level.from_label("may-break") is Level.MAY_BREAK
    assert max(Level) is Level.BREAKING
    with pytest.raises(ValueError, match="one of compatible, may-break, breaking"):
        Level.from_label("error")
