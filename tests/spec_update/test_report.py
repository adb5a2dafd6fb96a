from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spec_update.api_diff import ApiChange
from spec_update.changes import Bump, Change, Impact
from spec_update.document import Document, load_document
from spec_update.report import render_markdown, render_text
from spec_update.update import Outcome

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def outcome(
    vendored_raw: bytes, build: Callable[[dict[str, Any]], Document], state: str
) -> Outcome:
    old = load_document(vendored_raw, "old")
    new = build(dict(old.data, info=dict(old.data["info"], version="1.2.0")))
    return Outcome(
        state,
        "https://x/n.json",
        old,
        new,
        "1.1.0",
        "2.0.0",
        Bump.MAJOR,
        [Change.of("GET /a", "`x` type string | null → integer", (B, C))],
        [ApiChange("pkg.m.M", "field `x` removed", B)],
        "## 2.0.0 (2026-12-01)\n",
        ("openapi/numbers-api.json", "generated_client/"),
    )


def test_text_shows_both_impacts_and_what_was_done(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    text = render_text(outcome(vendored_raw, as_document, "updated"))
    assert text.startswith("Numbers API 1.1.0 → 1.2.0 (from https://x/n.json)")
    assert "  breaking    compatible  GET /a: `x` type string | null → integer" in text
    assert "  breaking    pkg.m.M: field `x` removed" in text
    assert "Client version 1.1.0 → 2.0.0 (major)." in text
    assert "Breaking: 1 change(s) for clients, 0 for servers, 1 in the client's API." in text
    assert "Wrote openapi/numbers-api.json, generated_client/;" in text


def test_a_check_says_nothing_was_written(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    assert render_text(outcome(vendored_raw, as_document, "checked")).endswith(
        "Check only: nothing was written."
    )


def test_markdown_is_a_table_with_escaped_pipes_and_the_entry(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    markdown = render_markdown(outcome(vendored_raw, as_document, "updated"))
    assert "| breaking | compatible | GET /a: `x` type string \\| null → integer |" in markdown
    assert "- breaking: pkg.m.M: field `x` removed" in markdown
    assert markdown.endswith("### Changelog entry\n\n## 2.0.0 (2026-12-01)\n")


def test_an_unchanged_document_says_there_is_nothing_to_do(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "same")
    same = Outcome("unchanged", "x.json", document, document, "1.1.0", "1.1.0")
    assert "nothing to do" in render_text(same)
    assert "already the one at x.json" in render_markdown(same)
