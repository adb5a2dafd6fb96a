from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from spec_update.api_diff import ApiChange
from spec_update.changelog import Release, add_entry, render_entry
from spec_update.changes import Bump, Change, Impact, Location
from spec_update.document import Document, load_document

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def release(
    vendored_raw: bytes,
    build: Callable[[dict[str, Any]], Document],
    spec_changes: list[Change],
    api_changes: list[ApiChange],
    source: str = "https://x/n.json",
) -> Release:
    old = load_document(vendored_raw, "old")
    new = build(dict(old.data, info=dict(old.data["info"], version="1.0.5")))
    return Release(
        "2.0.0",
        Bump.MAJOR,
        date(2026, 12, 1),
        old,
        new,
        source,
        spec_changes,
        api_changes,
    )


def test_an_entry_sorts_changes_by_their_impact_on_clients(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    entry = render_entry(
        release(
            vendored_raw,
            as_document,
            [
                Change("api-version-changed", Location(), "API version 1.1.0 → 1.0.5"),
                Change("response-property-removed", Location("GET /a"), "field `x` removed"),
                Change("operation-added", Location("GET /b"), "operation added"),
                Change("response-error-status-added", Location("GET /c"), "status added"),
            ],
            [ApiChange("numbers_api_client.models.m.M", "field `x` removed", B)],
        )
    )
    assert entry.startswith("## 2.0.0 (2026-12-01)\n\nMajor: changes that can break code")
    assert 'Generated from "Numbers API" 1.0.5 (was 1.1.0)' in entry
    assert "from https://x/n.json." in entry
    breaking, may_break, added, other, api = (
        entry.index("### Breaking"),
        entry.index("### May break"),
        entry.index("### Added"),
        entry.index("### Other"),
        entry.index("### Client API"),
    )
    assert breaking < entry.index("- GET /a: field `x` removed (`response-property-removed`)")
    assert may_break < entry.index("- GET /c: status added (`response-error-status-added`)")
    assert added < entry.index("- GET /b: operation added (`operation-added`)") < other
    assert other < entry.index("- document: API version 1.1.0 → 1.0.5") < api
    assert entry.endswith("- breaking: numbers_api_client.models.m.M: field `x` removed\n")


def test_an_entry_without_api_changes_says_so(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    entry = render_entry(release(vendored_raw, as_document, [], []))
    assert "The document changed, the API it describes did not." in entry
    assert "###" not in entry


def test_new_entries_go_above_the_newest_one() -> None:
    changelog = "# Changelog\n\nIntro.\n\n## 1.1.0 (2026-11-27)\n\nFirst.\n"
    updated = add_entry(changelog, "## 2.0.0 (2026-12-01)\n\nSecond.\n")
    assert updated == (
        "# Changelog\n\nIntro.\n\n"
        "## 2.0.0 (2026-12-01)\n\nSecond.\n\n"
        "## 1.1.0 (2026-11-27)\n\nFirst.\n"
    )


def test_the_first_entry_goes_after_the_preamble() -> None:
    assert add_entry("# Changelog\n", "## 1.0.0 (d)\n") == "# Changelog\n\n## 1.0.0 (d)\n"


def test_an_entry_names_a_local_file_by_its_name_only(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    entry = render_entry(
        release(vendored_raw, as_document, [], [], source="/home/someone/numbers-1.0.21.yml")
    )
    assert "sha256 `" in entry
    assert "from numbers-1.0.21.yml." in entry
    assert "/home/someone" not in entry
