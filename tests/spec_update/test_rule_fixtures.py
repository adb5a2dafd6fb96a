"""One pair of documents per rule (fixtures/rules/RULE.yaml: the smallest base and revision that
show it), with the rule ids, levels and places the diff must report, and nothing else.

The levels are asserted here as well as in the catalog, so that changing a rule's level is a
deliberate edit of both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_update.changes import Change
from spec_update.document import load_document
from spec_update.rules.catalog import BY_ID
from spec_update.spec_diff import diff_documents

RULES = Path(__file__).parent / "fixtures" / "rules"
TODAY = date(2026, 12, 1)
WHERE = ("operation", "parameter", "section", "media_types", "schema")


def fixture(rule_id: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((RULES / f"{rule_id}.yaml").read_text())
    return loaded


def documents(case: dict[str, Any]) -> tuple[Any, Any]:
    """Both documents, validated: the fixtures are real, valid documents, but for the one that
    says `validate: false` (a rule only a document the validator refuses can show, compared as
    `diff --no-validate` does)."""
    validate = case.get("validate", True)
    old = load_document(yaml.safe_dump(case["base"]).encode(), "base", validate=validate)
    new = load_document(yaml.safe_dump(case["revision"]).encode(), "revision", validate=validate)
    return old, new


def reported(changes: list[Change], expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each change as the fixture writes it: id, levels, and the parts of its place it names."""
    shown = []
    for change, wanted in zip(changes, expected, strict=False):
        item: dict[str, Any] = {
            "rule": change.rule,
            "client": change.client.label,
            "server": change.server.label,
        }
        place = change.location.as_json()
        for key in WHERE:
            if key in wanted:
                item[key] = place[key]
        shown.append(item)
    for change in changes[len(expected) :]:
        shown.append({"rule": change.rule})
    return shown


def test_every_rule_has_a_fixture_and_every_fixture_a_rule() -> None:
    assert {path.stem for path in RULES.glob("*.yaml")} == set(BY_ID)


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_each_rule_is_found_on_its_pair_with_its_levels(rule_id: str) -> None:
    case = fixture(rule_id)
    old, new = documents(case)
    changes = diff_documents(old, new, today=TODAY)
    assert reported(changes, case["expect"]) == case["expect"]


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_a_document_compared_with_itself_has_no_changes(rule_id: str) -> None:
    old, new = documents(fixture(rule_id))
    assert diff_documents(old, old, today=TODAY) == []
    assert diff_documents(new, new, today=TODAY) == []
