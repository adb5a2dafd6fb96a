from __future__ import annotations

import pytest

from spec_update.refs import RefError, check_refs
from spec_update.view import Comparison, View, pointer_target


def test_json_pointer_escapes_and_list_indexes() -> None:
    document = {"a/b": {"c~d": [{"v": 1}]}}
    assert pointer_target(document, "#/a~1b/c~0d/0") == {"v": 1}
    assert pointer_target(document, "#/a~1b/c~0d/1") is None
    assert pointer_target(document, "#") is document
    assert pointer_target(document, "other.json#/a") is None


def test_a_chain_of_references_is_followed_to_its_end() -> None:
    view = View({"x": {"$ref": "#/y"}, "y": {"$ref": "#/z"}, "z": {"v": 1}})
    assert view.deref({"$ref": "#/x"}) == {"v": 1}
    loop = View({"x": {"$ref": "#/x"}})
    assert loop.deref({"$ref": "#/x"}) == {"$ref": "#/x"}


def test_a_component_changed_only_in_its_documentation_is_the_same() -> None:
    old = View({"c": {"s": {"type": "string", "description": "a"}}})
    new = View({"c": {"s": {"type": "string", "description": "b"}}})
    assert Comparison(old, new).same_ref("#/c/s", "#/c/s")


def test_what_was_assumed_about_a_recursive_pair_is_forgotten_when_it_differs() -> None:
    def data(kind: str) -> dict[str, object]:
        return {
            "x": {"child": {"$ref": "#/y"}, "type": kind},
            "y": {"child": {"$ref": "#/x"}},
        }

    compare = Comparison(View(data("string")), View(data("integer")))
    assert not compare.same_ref("#/x", "#/x")
    assert not compare.same_ref("#/y", "#/y")


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("common.json#/components/parameters/index", "points outside the document"),
        ("#/components/schemas/nope", "points at nothing"),
        ("#/list/5", "points at nothing"),
    ],
)
def test_bad_references_are_refused(ref: str, message: str) -> None:
    with pytest.raises(RefError, match=message):
        check_refs({"list": [1], "components": {"schemas": {}}, "x": {"$ref": ref}})
