"""numbers_openapi.undocumented: the statuses the overlay adds, per operation."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.paths import SPEC_PATH
from numbers_openapi.documents import load_document
from numbers_openapi.undocumented import applied_document, compare, undocumented_statuses


def test_the_project_overlay_adds_400_and_429_everywhere_and_420_to_cancel_and_update() -> None:
    statuses = undocumented_statuses()

    assert dict(statuses.by_label) == {
        "GET /account/numbers": frozenset({400, 429}),
        "GET /number/search": frozenset({400, 429}),
        "POST /number/buy": frozenset({400, 429}),
        "POST /number/cancel": frozenset({400, 420, 429}),
        "POST /number/update": frozenset({400, 420, 429}),
    }
    assert statuses.for_label("POST /number/cancel") == frozenset({400, 420, 429})
    assert statuses.for_operation_id("updateANumber") == frozenset({400, 420, 429})
    # 420 is documented for buy already: not undocumented there.
    assert 420 not in statuses.for_operation_id("buyANumber")


def test_unknown_operations_have_no_undocumented_statuses() -> None:
    statuses = undocumented_statuses()

    assert statuses.for_label("DELETE /nowhere") == frozenset()
    assert statuses.for_operation_id("noSuchOperation") == frozenset()


def test_the_applied_document_is_the_overlaid_one() -> None:
    document = applied_document()

    assert "field-errors" in document["components"]["schemas"]
    assert "420" in document["paths"]["/number/cancel"]["post"]["responses"]
    assert "420" not in load_document(SPEC_PATH)["paths"]["/number/cancel"]["post"]["responses"]


def test_another_overlay_file_gives_its_own_answer(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        yaml.safe_dump(
            {
                "overlay": "1.0.0",
                "info": {"title": "t", "version": "1"},
                "actions": [
                    {
                        "target": "$.paths['/number/buy'].post.responses",
                        "update": {"503": {"description": "down"}},
                    }
                ],
            }
        )
    )

    statuses = undocumented_statuses(overlay=overlay)

    assert statuses.for_label("POST /number/buy") == frozenset({503})
    assert statuses.for_label("GET /number/search") == frozenset()


def test_compare_ignores_non_operation_keys_and_ranges() -> None:
    published = {"paths": {"/a": {"parameters": [], "get": {"responses": {"200": {}}}}}}
    overlaid = {
        "paths": {
            "/a": {
                "parameters": [],
                "get": {"operationId": "a", "responses": {"200": {}, "4XX": {}}},
            }
        }
    }

    statuses = compare(published, overlaid)

    assert dict(statuses.by_label) == {"GET /a": frozenset()}
    assert statuses.for_operation_id("a") == frozenset()
