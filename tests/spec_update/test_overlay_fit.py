"""The overlay checked against a new document: each action that no longer fits, with its fix."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from numbers_openapi.overlay import load_overlay
from spec_update.errors import UpdateError
from spec_update.layout import Layout
from spec_update.overlay_fit import (
    REMOVE,
    RETARGET,
    OverlayDoesNotFit,
    add_referenced,
    check_overlay,
    misfits_of,
)

REAL = Layout(Path(__file__).resolve().parents[2])


def misfits(document: dict[str, Any]) -> list[tuple[int, str]]:
    return [(m.number, m.fix) for m in misfits_of(load_overlay(REAL.overlay), document)]


def test_the_vendored_document_fits(vendored: dict[str, Any]) -> None:
    assert misfits(vendored) == []


def test_a_schema_the_overlay_refers_to_is_gone(vendored: dict[str, Any]) -> None:
    inline = vendored["components"]["schemas"].pop("response420")
    for media in vendored["paths"]["/number/buy"]["post"]["responses"]["420"]["content"].values():
        media["schema"] = copy.deepcopy(inline)
    with pytest.raises(OverlayDoesNotFit) as raised:
        check_overlay(REAL.overlay, vendored, "numbers_openapi/overlay.yaml")
    # The targets are there: retargeting would not help, the schema they refer to must come back.
    fix = add_referenced(["#/components/schemas/response420"])
    assert [(m.number, m.fix) for m in raised.value.misfits] == [(1, fix), (2, fix)]
    first = str(raised.value).splitlines()[1]
    assert first == (
        "- numbers_openapi/overlay.yaml, action 1 (A refused cancel answers HTTP 420 with the body "
        "of a refused buy; target $.paths['/number/cancel'].post.responses): its value refers to "
        "`#/components/schemas/response420`, which the new document no longer has (its target "
        "is there). Fix: add that schema in an earlier action of the overlay, or point the "
        "action's references at what the new document has instead, or remove the action."
    )


@pytest.mark.parametrize(
    ("missing", "what"),
    [
        (["#/components/parameters/size"], "add that parameter in"),
        (["#/components/requestBodies/buy"], "add that request body in"),
        (["#/components/schemas/a", "#/components/headers/b"], "add them in"),
        (["#/x-extra"], "add that part of the document in"),
    ],
)
def test_the_fix_for_a_missing_reference_names_what_to_add(missing: list[str], what: str) -> None:
    assert add_referenced(missing).startswith(what)


def test_what_upstream_now_documents_is_to_be_removed(vendored: dict[str, Any]) -> None:
    responses = vendored["paths"]["/number/cancel"]["post"]["responses"]
    responses["420"] = copy.deepcopy(vendored["paths"]["/number/buy"]["post"]["responses"]["420"])
    assert misfits(vendored) == [(1, REMOVE)]


def test_a_target_that_selects_nothing_is_to_be_retargeted(vendored: dict[str, Any]) -> None:
    vendored["paths"]["/numbers/update"] = vendored["paths"].pop("/number/update")
    assert misfits(vendored) == [(2, RETARGET)]


def test_an_unreadable_overlay_is_one_line(tmp_path: Path, vendored: dict[str, Any]) -> None:
    broken = tmp_path / "overlay.yaml"
    broken.write_text("overlay: 9.9.9\n")
    with pytest.raises(UpdateError) as raised:
        check_overlay(broken, vendored, "numbers_openapi/overlay.yaml")
    assert str(raised.value).startswith("numbers_openapi/overlay.yaml cannot be read: ")
    assert "\n" not in str(raised.value)
