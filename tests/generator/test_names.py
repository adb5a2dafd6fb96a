"""generator.names: enum member names applied from generator/names.yaml, and checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.names import named_document
from generator.paths import NAMES_PATH, SPEC_PATH
from numbers_openapi.documents import load_document
from numbers_openapi.overlay import OverlayError


def search_pattern_schema(document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["parameters"]["search_pattern"]["schema"]
    return schema


def test_the_search_strategies_are_named_in_the_order_of_their_values() -> None:
    named = named_document(load_document(SPEC_PATH), NAMES_PATH)
    schema = search_pattern_schema(named)
    assert schema["enum"] == [0, 1, 2]
    assert schema["x-enum-varnames"] == ["STARTS_WITH", "CONTAINS", "ENDS_WITH"]


def test_the_document_is_not_changed_in_place() -> None:
    document = load_document(SPEC_PATH)
    named_document(document, NAMES_PATH)
    assert "x-enum-varnames" not in search_pattern_schema(document)


def test_an_inline_search_pattern_parameter_is_named_too() -> None:
    # The 1.0.x documents declare their parameters in each operation, not under components.
    document = {
        "paths": {
            "/number/search": {
                "get": {
                    "parameters": [
                        {"name": "search_pattern", "in": "query", "schema": {"enum": [0, 1, 2]}}
                    ]
                }
            }
        }
    }
    named = named_document(document, NAMES_PATH)
    schema = named["paths"]["/number/search"]["get"]["parameters"][0]["schema"]
    assert schema["x-enum-varnames"] == ["STARTS_WITH", "CONTAINS", "ENDS_WITH"]


def test_an_enum_that_gained_a_value_is_refused_naming_the_file() -> None:
    document = load_document(SPEC_PATH)
    search_pattern_schema(document)["enum"] = [0, 1, 2, 3]
    with pytest.raises(OverlayError, match=r"names\.yaml names 3 members .* but the enum has 4"):
        named_document(document, NAMES_PATH)


def test_a_document_without_the_parameter_is_refused() -> None:
    with pytest.raises(OverlayError, match="selects nothing"):
        named_document({"paths": {}}, NAMES_PATH)


def test_names_without_an_enum_are_refused(tmp_path: Path) -> None:
    names = tmp_path / "names.yaml"
    names.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.components\n    update: {x-enum-varnames: [A]}\n"
    )
    with pytest.raises(OverlayError, match=r"\$\.components: x-enum-varnames needs an enum"):
        named_document({"components": {}}, names)
