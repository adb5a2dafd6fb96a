"""numbers_openapi.overlay: the Overlay 1.0 actions, and each action of the overlay it holds."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.paths import OVERLAY_PATH, SPEC_PATH
from numbers_openapi.documents import load_document
from numbers_openapi.overlay import (
    Action,
    Overlay,
    OverlayError,
    apply_overlay,
    load_overlay,
    parse_overlay,
)

OPERATIONS = [
    ("/account/numbers", "get"),
    ("/number/search", "get"),
    ("/number/buy", "post"),
    ("/number/cancel", "post"),
    ("/number/update", "post"),
]


def overlay_of(*actions: Action) -> Overlay:
    return Overlay(title="test", version="1", actions=actions)


def published() -> dict[str, Any]:
    return load_document(SPEC_PATH)


def project_overlay() -> Overlay:
    return load_overlay(OVERLAY_PATH)


def applying_only(number: int) -> dict[str, Any]:
    """The published document with only action `number` of numbers_openapi/overlay.yaml applied."""
    action = project_overlay().actions[number]
    return apply_overlay(published(), overlay_of(action))


def responses(document: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    answers: dict[str, Any] = document["paths"][path][method]["responses"]
    return answers


# The project's overlay, one test per action, each applied alone to the published document.


def test_the_overlay_has_the_five_actions_these_tests_cover() -> None:
    overlay = project_overlay()
    assert [action.target for action in overlay.actions] == [
        "$.components.schemas",
        "$.paths['/number/cancel'].post.responses",
        "$.paths['/number/update'].post.responses",
        "$.paths.*.*.responses",
        "$.paths.*.*.responses",
    ]
    assert all(action.description for action in overlay.actions)


def test_action_0_adds_the_field_errors_schema() -> None:
    document = applying_only(0)

    schema = document["components"]["schemas"]["field-errors"]
    assert schema["type"] == "object"
    assert schema["additionalProperties"] == {"type": "string"}
    assert schema["example"] == {"country": "Is required."}
    # The document's own schemas are all still there, unchanged.
    for name, value in published()["components"]["schemas"].items():
        assert document["components"]["schemas"][name] == value


@pytest.mark.parametrize(("number", "path"), [(1, "/number/cancel"), (2, "/number/update")])
def test_actions_1_and_2_document_the_420_of_a_refused_cancel_or_update(
    number: int, path: str
) -> None:
    document = applying_only(number)

    # Exactly the answer the document gives a refused buy.
    buy_420 = responses(published(), "/number/buy", "post")["420"]
    assert responses(document, path, "post")["420"] == buy_420
    assert buy_420["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/response420"
    }
    others = {p for p, _ in OPERATIONS} - {path}
    for other, method in OPERATIONS:
        if other in others:
            assert responses(document, other, method) == responses(published(), other, method)


def test_action_3_documents_a_400_with_field_errors_on_every_operation() -> None:
    document = applying_only(3)

    for path, method in OPERATIONS:
        answers = responses(document, path, method)
        assert answers["400"]["content"] == {
            "application/json": {"schema": {"$ref": "#/components/schemas/field-errors"}}
        }
        # The documented answers are kept.
        assert {k: v for k, v in answers.items() if k != "400"} == responses(
            published(), path, method
        )


def test_action_4_documents_a_bodiless_429_with_retry_after_on_every_operation() -> None:
    document = applying_only(4)

    for path, method in OPERATIONS:
        answer = responses(document, path, method)["429"]
        assert "content" not in answer
        assert set(answer["headers"]) == {"Retry-After"}


def test_the_published_document_is_not_changed_on_disk_or_in_memory() -> None:
    before_bytes = SPEC_PATH.read_bytes()
    document = published()
    kept = copy.deepcopy(document)

    apply_overlay(document, project_overlay())

    assert document == kept
    assert SPEC_PATH.read_bytes() == before_bytes


# The Overlay 1.0 semantics, on small documents.


def test_update_merges_objects_recursively_and_replaces_other_values() -> None:
    document = {"a": {"b": 1, "c": {"d": 2, "e": 3}, "f": [1]}}
    action = Action(target="$.a", update={"b": 10, "c": {"e": 30, "g": 4}, "f": [2]})

    assert apply_overlay(document, overlay_of(action)) == {
        "a": {"b": 10, "c": {"d": 2, "e": 30, "g": 4}, "f": [2]}
    }


def test_update_of_an_array_appends_the_value() -> None:
    document = {"tags": [{"name": "a"}]}
    action = Action(target="$.tags", update={"name": "b"})

    assert apply_overlay(document, overlay_of(action)) == {"tags": [{"name": "a"}, {"name": "b"}]}


def test_update_applies_to_every_selected_node_with_its_own_copy() -> None:
    document: dict[str, Any] = {"x": {"one": {}, "two": {}}}
    result = apply_overlay(document, overlay_of(Action(target="$.x.*", update={"k": {"v": 1}})))

    assert result == {"x": {"one": {"k": {"v": 1}}, "two": {"k": {"v": 1}}}}
    assert result["x"]["one"]["k"] is not result["x"]["two"]["k"]


def test_remove_deletes_object_members_and_array_items() -> None:
    document = {"a": {"keep": 1, "drop": 2}, "list": [1, 2, 3]}
    overlay = overlay_of(
        Action(target="$.a.drop", remove=True), Action(target="$.list[0]", remove=True)
    )

    assert apply_overlay(document, overlay) == {"a": {"keep": 1}, "list": [2, 3]}


def test_remove_with_a_filter_selects_by_value() -> None:
    document = {"servers": [{"url": "a"}, {"url": "b"}, {"url": "a"}]}
    action = Action(target="$.servers[?(@.url == 'a')]", remove=True)

    assert apply_overlay(document, overlay_of(action)) == {"servers": [{"url": "b"}]}


def test_actions_apply_in_order() -> None:
    overlay = overlay_of(
        Action(target="$", update={"a": {"b": 1}}), Action(target="$.a", update={"c": 2})
    )

    assert apply_overlay({}, overlay) == {"a": {"b": 1, "c": 2}}


def test_a_target_that_selects_nothing_fails_naming_the_action() -> None:
    action = Action(target="$.paths['/number/gone'].post", description="gone", update={"x": 1})

    with pytest.raises(OverlayError, match=r"action 0 \(gone\).*selects nothing"):
        apply_overlay(published(), overlay_of(action))


@pytest.mark.parametrize(
    "action",
    [
        Action(target="$[", update={}),
        Action(target="$.info.title", update={"x": 1}),
        Action(target="$", remove=True),
    ],
    ids=["bad-path", "update-a-string", "remove-the-root"],
)
def test_an_action_that_cannot_apply_is_an_overlay_error(action: Action) -> None:
    with pytest.raises(OverlayError):
        apply_overlay({"info": {"title": "t"}}, overlay_of(action))


# Reading overlays.

VALID: dict[str, Any] = {
    "overlay": "1.0.0",
    "info": {"title": "t", "version": "1"},
    "actions": [{"target": "$.info", "update": {"x": 1}}],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"overlay": "2.0.0"}, "`overlay` must be"),
        ({"info": {"title": "t"}}, "`info` needs"),
        ({"actions": []}, "non-empty list"),
        ({"actions": [{"update": {}}]}, "string `target`"),
        ({"actions": [{"target": "$"}]}, "`update` or `remove: true`"),
        ({"actions": [{"target": "$", "remove": "yes"}]}, "`remove` must be"),
        ({"actions": [{"target": "$", "update": {}, "description": 3}]}, "`description`"),
    ],
)
def test_a_malformed_overlay_is_refused_saying_why(change: dict[str, Any], message: str) -> None:
    with pytest.raises(OverlayError, match=message):
        parse_overlay({**VALID, **change})


def test_an_overlay_reads_from_json_as_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "overlay.json"
    path.write_text(json.dumps(VALID))

    overlay = load_overlay(path)

    assert overlay == Overlay("t", "1", (Action(target="$.info", update={"x": 1}),))
