"""The rule catalog: unique ids, levels consistent with oasdiff's unless the difference is said,
and the copy of the table in docs/spec-rules.md equal to the catalog."""

from __future__ import annotations

import re
from pathlib import Path

from spec_update.levels import Level
from spec_update.rules.catalog import (
    BY_ID,
    OASDIFF_LEVELS,
    RULES,
    beyond_rules_table,
    markdown_table,
)

RULES_PAGE = Path(__file__).resolve().parents[2] / "docs" / "spec-rules.md"
ID = re.compile(r"^[a-z]+(-[a-z]+)*$")


def test_ids_are_unique_and_kebab_case() -> None:
    assert len(BY_ID) == len(RULES)
    assert all(ID.match(rule.id) for rule in RULES)


def test_the_rules_page_shows_the_catalog() -> None:
    assert markdown_table() in RULES_PAGE.read_text(encoding="utf-8")


def test_the_rules_page_shows_the_differences_beyond_the_rules() -> None:
    assert beyond_rules_table() in RULES_PAGE.read_text(encoding="utf-8")


def test_a_level_unlike_oasdiffs_says_why() -> None:
    for rule in RULES:
        if rule.oasdiff and not any(
            OASDIFF_LEVELS[level] is rule.client for _, level in rule.oasdiff
        ):
            assert rule.differs, f"{rule.id} differs from oasdiff without saying why"


# Rules on the values a schema allows: requests and responses are mirror images. (Media types,
# fields and defaults are not: a response media type is one clients ask for, a field is an
# attribute of a generated model, a default changes what a request means.)
MIRRORED = (
    "type-widened",
    "type-narrowed",
    "became-enum",
    "enum-removed",
    "enum-value-added",
    "enum-value-removed",
    "bound-narrowed",
    "bound-widened",
    "pattern-added",
    "pattern-removed",
    "became-nullable",
    "became-not-nullable",
    "property-became-required",
    "property-became-optional",
    "additional-properties-narrowed",
    "alternative-added",
    "alternative-removed",
    "all-of-part-added",
    "all-of-part-removed",
)


def test_request_and_response_rules_on_values_mirror_each_other() -> None:
    """What breaks clients in a request breaks servers in a response, and the other way."""
    for stem in MIRRORED:
        request, response = BY_ID[f"request-{stem}"], BY_ID[f"response-{stem}"]
        assert (request.client, request.server) == (response.server, response.client), stem
    widened = BY_ID["response-additional-properties-widened"]
    assert (widened.client, widened.server) == (Level.MAY_BREAK, Level.COMPATIBLE)


def test_every_rule_documents_what_and_why() -> None:
    for rule in RULES:
        assert rule.detects and rule.why, rule.id
